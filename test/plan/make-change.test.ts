import { describe, expect, it } from 'vitest';
import jsonPatch from 'fast-json-patch';
import { makeChange, sameDocument } from '../../src/plan/make-change.js';
import { fingerprint } from '../../src/normalize/canonical-json.js';

const base = { address: 'repository["a"]', kind: 'repository' as const, calls: ['X'] };

describe('a plan change as the saved plan records it', () => {
  it('an update carries a patch that turns before into after, and the fingerprint of before', () => {
    const before = { scanOnPush: false, imageTagMutability: 'MUTABLE', filters: ['a'] };
    const after = { scanOnPush: true, imageTagMutability: 'MUTABLE', filters: ['a', 'b'] };
    const change = makeChange({ ...base, action: 'update', before, after });
    expect(change.patch.length).toBeGreaterThan(0);
    expect(jsonPatch.applyPatch(structuredClone(before), change.patch).newDocument).toEqual(after);
    expect(change.liveFingerprint).toBe(fingerprint(before));
    expect(change.reason).toBeNull();
    expect(change.warnings).toEqual([]);
  });

  it('a create has no patch and no live fingerprint; a delete has no patch but the live fingerprint', () => {
    const create = makeChange({ ...base, action: 'create', before: null, after: { a: 1 } });
    expect(create.patch).toEqual([]);
    expect(create.liveFingerprint).toBeNull();
    const del = makeChange({ ...base, action: 'delete', before: { a: 1 }, after: null });
    expect(del.patch).toEqual([]);
    expect(del.liveFingerprint).toBe(fingerprint({ a: 1 }));
  });

  it('optional parts appear only when given', () => {
    const bare = makeChange({ ...base, action: 'create', before: null, after: { a: 1 }, written: null });
    expect(Object.keys(bare).sort()).toEqual(['action', 'address', 'after', 'before', 'calls', 'kind', 'liveFingerprint', 'patch', 'reason', 'warnings']);
    const expires = { count: 1, bytes: 2, images: [] };
    const full = makeChange({
      ...base,
      action: 'create',
      reason: 'adopt',
      before: null,
      after: { a: 1 },
      written: { A: 1 },
      expires,
      archives: expires,
      blocked: 'why',
      warnings: ['w'],
    });
    expect(full).toMatchObject({ reason: 'adopt', written: { A: 1 }, expires, archives: expires, blocked: 'why', warnings: ['w'] });
  });
});

describe('sameDocument', () => {
  it('ignores key order, not list order, and tells null from an empty object', () => {
    expect(sameDocument({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(sameDocument({ b: [1, 2] }, { b: [2, 1] })).toBe(false);
    expect(sameDocument(null, {})).toBe(false);
    expect(sameDocument(null, null)).toBe(true);
  });
});
