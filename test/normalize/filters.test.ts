import { describe, expect, it } from 'vitest';
import { normalizeTags, sortedUnique } from '../../src/normalize/filters.js';

describe('normalizeTags', () => {
  it('returns a new map with keys sorted', () => {
    const tags = { team: 'a', 'cost-center': '42', Owner: 'x' };
    const out = normalizeTags(tags);
    expect(Object.keys(out)).toEqual(['Owner', 'cost-center', 'team']);
    expect(out).toEqual(tags);
    expect(out).not.toBe(tags);
  });

  it('keeps a tag named __proto__', () => {
    const tags = JSON.parse('{"__proto__":"v","a":"b"}') as Record<string, string>;
    expect(JSON.stringify(normalizeTags(tags))).toBe('{"__proto__":"v","a":"b"}');
  });
});

describe('sortedUnique', () => {
  it.each<[string[], string[]]>([
    [[], []],
    [['prod/*', 'dev-*', 'prod/*'], ['dev-*', 'prod/*']],
    [['b', 'B', 'a'], ['B', 'a', 'b']],
  ])('%j -> %j', (input, want) => {
    const before = [...input];
    expect(sortedUnique(input)).toEqual(want);
    expect(input).toEqual(before);
  });
});
