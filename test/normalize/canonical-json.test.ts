import { createHash } from 'node:crypto';
import fc from 'fast-check';
import jsonPatch from 'fast-json-patch';
import { describe, expect, it } from 'vitest';
import type { Json, JsonObject } from '../../src/model/json.js';
import { canonicalStringify, fingerprint, sortKeysDeep } from '../../src/normalize/canonical-json.js';

describe('canonicalStringify', () => {
  it.each<[string, Json, string]>([
    ['keys sorted at every depth', { b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } }, '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}'],
    ['array order kept', [3, 1, 2], '[3,1,2]'],
    ['strings escaped as JSON', { 'k"\n': 'v\u2028"' }, JSON.stringify({ 'k"\n': 'v\u2028"' })],
    ['scalars', [true, false, null, 1.5, -0, 'x'], '[true,false,null,1.5,0,"x"]'],
    ['keys by UTF-16 code units, not locale', { b: 1, B: 2, á: 3, a: 4 }, '{"B":2,"a":4,"b":1,"á":3}'],
    ['undefined members left out', { a: undefined as never, b: 1 }, '{"b":1}'],
  ])('%s', (_name, value, want) => {
    expect(canonicalStringify(value)).toBe(want);
  });

  it('round-trips and ignores key order (fast-check)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalStringify(value as Json);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        const reversed = JSON.parse(JSON.stringify(value), (_k, v: unknown) =>
          v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
        ) as Json;
        expect(canonicalStringify(reversed)).toBe(text);
      }),
    );
  });
});

describe('fingerprint', () => {
  it('is sha256 of the canonical text, prefixed', () => {
    const doc: JsonObject = { b: [1], a: 'x' };
    const hex = createHash('sha256').update('{"a":"x","b":[1]}').digest('hex');
    expect(fingerprint(doc)).toBe(`sha256:${hex}`);
    expect(fingerprint({ a: 'x', b: [1] })).toBe(fingerprint(doc));
    expect(fingerprint({ a: 'x', b: [1, 2] })).not.toBe(fingerprint(doc));
  });

  it('hashes the UTF-8 bytes of non-ASCII text', () => {
    const hex = createHash('sha256').update(Buffer.from('{"a":"é€\u2028"}', 'utf8')).digest('hex');
    expect(fingerprint({ a: 'é€\u2028' })).toBe(`sha256:${hex}`);
  });
});

describe('sortKeysDeep', () => {
  it('copies with keys in order, arrays untouched', () => {
    const value: JsonObject = { b: { d: 1, c: 2 }, a: [{ f: 1, e: 2 }] };
    const out = sortKeysDeep(value);
    expect(JSON.stringify(out)).toBe('{"a":[{"e":2,"f":1}],"b":{"c":2,"d":1}}');
    expect(out).not.toBe(value);
  });

  it('leaves out members whose value is undefined, so a patch between documents sees no member that JSON cannot hold', () => {
    const out = sortKeysDeep({ b: 1, a: undefined as never, c: { d: undefined as never } }) as JsonObject;
    expect(Object.keys(out)).toEqual(['b', 'c']);
    expect(Object.keys(out.c as JsonObject)).toEqual([]);
    expect(jsonPatch.compare(out, { b: 1, c: {} })).toEqual([]);
  });
});
