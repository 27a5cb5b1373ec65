import { describe, expect, it } from 'vitest';
import { diagnoseYaml, loadYaml, pos } from './helpers.js';

/*
 * ECR's tag rules as a user meets them: key length 1 to 128, at most 50 tags with
 * managed-by: ecrform counted, and null (which removes a default tag) counting as no tag.
 */

const V = 'version: 1\n';

function tagLines(count: number, indent = '      '): string {
  return Array.from({ length: count }, (_, i) => `${indent}k${i}: v${i}\n`).join('');
}

describe('tag keys', () => {
  it('refuses an empty key, at the key', async () => {
    const text = `${V}repositories:\n  app:\n    tags: { "": x }\n`;
    expect(await diagnoseYaml(text)).toEqual([`registry.yaml:${pos(text, '""')}: tag key "" must be 1 to 128 characters long (it is 0)`]);
  });

  it('accepts keys of 1 and of 128 characters, the bounds ECR allows', async () => {
    const long = 'k'.repeat(128);
    const desired = await loadYaml(`${V}repositories:\n  app:\n    tags: { a: x, ${long}: y }\n`);
    expect(desired.repositories.app.tags).toEqual({ a: 'x', [long]: 'y' });
  });
});

describe('null tags', () => {
  it('a null that removes a default tag does not count towards the 50', async () => {
    const desired = await loadYaml(`${V}defaults:\n  tags: { old: x }\nrepositories:\n  app:\n    tags:\n      old: null\n${tagLines(49)}`);
    expect(desired.repositories.app.tags).not.toHaveProperty('old');
    expect(Object.keys(desired.repositories.app.tags)).toHaveLength(49);
  });

  it('managed-by: null is accepted: ecrform still sets the ownership tag', async () => {
    const desired = await loadYaml(`${V}repositories:\n  app:\n    tags: { managed-by: null, team: a }\n`);
    expect(desired.repositories.app.tags).toEqual({ team: 'a' });
  });

  it.each([
    ['registry.repositoryDefaults.tags', `${V}registry:\n  repositoryDefaults:\n    tags: null\n`, 'null'],
    ['registry.creationTemplates.ROOT.resourceTags', `${V}registry:\n  creationTemplates:\n    ROOT:\n      appliedFor: [REPLICATION]\n      resourceTags: null\n`, 'null'],
  ])('%s: null is one schema error, nothing more', async (key, text, needle) => {
    expect(await diagnoseYaml(text)).toEqual([`registry.yaml:${pos(text, needle)}: ${key} must be a mapping, not empty`]);
  });
});
