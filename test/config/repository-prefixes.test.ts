import { describe, expect, it } from 'vitest';
import { diagnoseYaml, pos } from './helpers.js';

/*
 * repositoryPrefixes limits the names a file may declare. A prefix the schema refuses
 * (empty, not a string) is reported once by the schema and grants nothing: an empty
 * prefix would otherwise let the file declare every name, which is what the list is for.
 */

const outside = (name: string, allowed: string): string =>
  `repository "${name}" does not start with a prefix this file may declare (repositoryPrefixes: ${allowed}); declare it in the file that owns its prefix, or add the prefix`;

describe('repositoryPrefixes', () => {
  it('an empty prefix grants nothing; the message lists every usable prefix', async () => {
    const text = 'version: 1\nrepositoryPrefixes: ["", team-a/, team-b/]\nrepositories:\n  team-a/api: {}\n  team-b/web: {}\n  other: {}\n';
    expect(await diagnoseYaml(text)).toEqual([
      `registry.yaml:${pos(text, '""')}: repositoryPrefixes[0] must not be empty`,
      `registry.yaml:${pos(text, 'other')}: ${outside('other', '"team-a/", "team-b/"')}`,
    ]);
  });

  it('a prefix that is not a string is skipped, not read as text', async () => {
    const text = 'version: 1\nrepositoryPrefixes: [null, team-a/]\nrepositories:\n  team-a/api: {}\n  null-app: {}\n';
    expect(await diagnoseYaml(text)).toEqual([
      `registry.yaml:${pos(text, 'null,')}: repositoryPrefixes[0] must be a string, not empty`,
      `registry.yaml:${pos(text, 'null-app')}: ${outside('null-app', '"team-a/"')}`,
    ]);
  });
});
