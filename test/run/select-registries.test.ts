import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseShard, selectRegistries, shardOf } from '../../src/run/select-registries.js';

const registries = Array.from({ length: 20 }, (_, i) => ({ id: `${String(100000000000 + i)}/us-east-1` }));

describe('selectRegistries', () => {
  it('shards 1..N together hold every registry exactly once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), (n) => {
        const seen = Array.from({ length: n }, (_, k) => selectRegistries(registries, { registries: [], shard: { index: k + 1, count: n } })).flat();
        expect(seen.map((r) => r.id).sort()).toEqual(registries.map((r) => r.id).sort());
      }),
    );
  });

  it('a registry keeps its shard when others are added or removed', () => {
    const before = shardOf(registries[3].id, 4);
    expect(selectRegistries(registries.slice(0, 5), { registries: [], shard: { index: before, count: 4 } }).map((r) => r.id)).toContain(registries[3].id);
  });

  it('--registry keeps only the named ones; an unknown id is an error, not an empty run', () => {
    expect(selectRegistries(registries, { registries: [registries[2].id] })).toEqual([registries[2]]);
    expect(() => selectRegistries(registries, { registries: ['999999999999/us-east-1'] })).toThrow(/no such registry in the files/);
  });

  it.each(['0/2', '3/2', '1', 'a/b', '1/0'])('--shard %s is refused', (text) => {
    expect(() => parseShard(text)).toThrow(/K\/N/);
  });
});
