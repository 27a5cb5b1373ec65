import { describe, expect, it } from 'vitest';
import { diagnoseYaml, only } from './helpers.js';

/* ECR's bounds on a lifecycle policy (botocore: lifecyclePolicyText 100 to 30720 characters; at most 50 rules), at the edges. */

type Rule = Record<string, unknown>;
const tagged = (p: number, description?: string): Rule => ({
  rulePriority: p,
  ...(description === undefined ? {} : { description }),
  selection: { tagStatus: 'tagged', tagPrefixList: [`p${p}-`], countType: 'imageCountMoreThan', countNumber: 5 },
  action: { type: 'expire' },
});

async function diagnosePolicy(doc: unknown): Promise<string[]> {
  return diagnoseYaml('version: 1\nrepositories:\n  app:\n    lifecyclePolicyFile: lc.json\n', { 'lc.json': JSON.stringify(doc) });
}

/** A policy of `count` rules whose compact JSON is exactly `size` characters (the last description pads it). */
function policyOfSize(size: number, count: number): unknown {
  const rules = Array.from({ length: count }, (_, i) => tagged(i + 1, ''));
  const base = JSON.stringify({ rules }).length;
  const pad = size - base;
  rules[count - 1] = tagged(count, 'd'.repeat(pad));
  const doc = { rules };
  expect(JSON.stringify(doc).length).toBe(size);
  return doc;
}

const SIZE = 'characters as compact JSON; ECR accepts 100 to 30720';

describe('lifecycle policy size', () => {
  it('30,720 characters is accepted, 30,721 refused', async () => {
    expect(await diagnosePolicy(policyOfSize(30_720, 40))).toEqual([]);
    expect(only(await diagnosePolicy(policyOfSize(30_721, 40)))).toBe(`lc.json:1:1: the lifecycle policy is 30721 ${SIZE}`);
  });

  it('100 characters is not refused for its size, 99 is', async () => {
    // No valid rule is this short: the rule's own problems are reported, the size only under 100.
    const of = (size: number) => {
      const doc = { rules: [{ rulePriority: 1, description: '' }] };
      doc.rules[0].description = 'd'.repeat(size - JSON.stringify(doc).length);
      expect(JSON.stringify(doc).length).toBe(size);
      return doc;
    };
    const at100 = await diagnosePolicy(of(100));
    expect(at100.length).toBeGreaterThan(0);
    expect(at100.join('\n')).not.toContain(SIZE);
    expect(await diagnosePolicy(of(99))).toContain(`lc.json:1:1: the lifecycle policy is 99 ${SIZE}`);
  });
});

describe('lifecycle policy rule count', () => {
  it('50 rules are accepted', async () => {
    expect(await diagnosePolicy({ rules: Array.from({ length: 50 }, (_, i) => tagged(i + 1)) })).toEqual([]);
  });
});

describe('a lifecycle policy without rules', () => {
  it('says rules are missing, and what the policy holds', async () => {
    expect(await diagnosePolicy({ foo: 'x'.repeat(100) })).toEqual([
      'lc.json:1:1: a lifecycle policy needs "rules": a list of rules',
      'lc.json:1:2: unknown key "foo" in a lifecycle policy; it holds only "rules"',
    ]);
  });
});
