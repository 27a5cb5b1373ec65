import { describe, expect, it } from 'vitest';
import { diagnoseYaml, only, pos } from './helpers.js';

/* Too many tags: the message points at the tags map that holds them and names it. */

const V = 'version: 1\n';

function tagLines(count: number, indent: string): string {
  return Array.from({ length: count }, (_, i) => `${indent}k${i}: v${i}\n`).join('');
}

describe('too many tags, pointed at where they are declared', () => {
  it("the repository's own tags, after its other keys", async () => {
    const text = `${V}repositories:\n  app:\n    scanOnPush: true\n    tags:\n${tagLines(50, '      ')}`;
    expect(only(await diagnoseYaml(text))).toBe(
      `registry.yaml:${pos(text, 'tags')}: repository "app" has 50 tags plus managed-by: ecrform make 51; ECR allows 50, so declare at most 49`,
    );
  });

  it('tags that come only from the defaults: reported once, at defaults.tags', async () => {
    const text = `${V}defaults:\n  scanOnPush: true\n  tags:\n${tagLines(50, '    ')}repositories:\n  app:\n    scanOnPush: false\n  web: {}\n`;
    expect(only(await diagnoseYaml(text))).toBe(
      `registry.yaml:${pos(text, 'tags')}: defaults.tags has 50 tags plus managed-by: ecrform make 51; ECR allows 50, so declare at most 49`,
    );
  });
});
