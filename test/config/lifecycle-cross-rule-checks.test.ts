import { describe, expect, it } from 'vitest';
import { diagnoseYaml, pos } from './helpers.js';

/* The checks across the rules of a lifecycle policy, where a rule is itself malformed or in the archive class. */

type Rule = Record<string, unknown>;
const rule = (rulePriority: unknown, selection: Rule): Rule => ({ rulePriority, selection, action: { type: 'expire' } });
const any = (p: unknown, extra: Rule = {}): Rule => rule(p, { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 5, ...extra });
const tagged = (p: unknown, extra: Rule = {}): Rule => rule(p, { tagStatus: 'tagged', tagPrefixList: [`p${String(p)}-`], countType: 'imageCountMoreThan', countNumber: 5, ...extra });
const withoutPriority = ({ rulePriority: _, ...rest }: Rule): Rule => rest;
const archived = { storageClass: 'archive', countType: 'sinceImageTransitioned', countUnit: 'days' };

/** One rule per line, so rule N is on line N + 1. */
const policyText = (rules: unknown[]): string => `{"rules": [\n${rules.map((r) => JSON.stringify(r)).join(',\n')}\n]}\n`;

async function diagnosePolicy(text: string): Promise<string[]> {
  return diagnoseYaml('version: 1\nrepositories:\n  app:\n    lifecyclePolicyFile: lc.json\n', { 'lc.json': text });
}

const after = (text: string, needle: string, nth = 1): string => {
  const [l, c] = pos(text, needle, nth).split(':').map(Number);
  return `${l}:${c + needle.length}`;
};

describe('a tagStatus any rule below another rule', () => {
  it('in the archive class: the message names the archive class', async () => {
    const text = policyText([any(1, archived), tagged(2, archived)]);
    expect(await diagnosePolicy(text)).toEqual([
      `lc.json:${after(text, '"rulePriority":')}: a tagStatus: any rule must have the highest rulePriority among the rules of its storage class (archive): it has 1, another rule has 2; ECR evaluates it last`,
    ]);
  });

  it('is still found when another rule of the class lacks its rulePriority', async () => {
    const text = policyText([any(1), tagged(2), withoutPriority(tagged(3))]);
    expect(await diagnosePolicy(text)).toEqual([
      `lc.json:${after(text, '"rulePriority":')}: a tagStatus: any rule must have the highest rulePriority among the rules of its storage class (standard): it has 1, another rule has 2; ECR evaluates it last`,
      'lc.json:4:1: missing "rulePriority" (a whole number, at least 1)',
    ]);
  });

  it('with a rulePriority that is not a number: only that is reported', async () => {
    const text = policyText([any('1'), tagged(2)]);
    expect(await diagnosePolicy(text)).toEqual([`lc.json:${after(text, '"rulePriority":')}: rulePriority must be a whole number of at least 1, not "1"`]);
  });
});

describe('rules without a usable priority or prefix', () => {
  it('two rules without rulePriority are each missing it, not "already used"', async () => {
    expect(await diagnosePolicy(policyText([withoutPriority(tagged(1)), withoutPriority(tagged(2))]))).toEqual([
      'lc.json:2:1: missing "rulePriority" (a whole number, at least 1)',
      'lc.json:3:1: missing "rulePriority" (a whole number, at least 1)',
    ]);
  });

  it('the same non-string prefix in two rules: each entry is wrong, no clash between the rules', async () => {
    const text = policyText([tagged(1, { tagPrefixList: [1] }), tagged(2, { tagPrefixList: [1] })]);
    expect(await diagnosePolicy(text)).toEqual([
      `lc.json:${pos(text, '1]')}: tagPrefixList entries must be non-empty strings`,
      `lc.json:${pos(text, '1]', 2)}: tagPrefixList entries must be non-empty strings`,
    ]);
  });

  it('a prefix repeated inside one rule is not reported as used by another rule', async () => {
    const lines = await diagnosePolicy(policyText([tagged(1, { tagPrefixList: ['v', 'v'] }), tagged(2)]));
    expect(lines.join('\n')).not.toContain('already used by the rule');
  });

  it('a rule that is not a mapping is reported, and the others are still checked', async () => {
    const text = policyText([null, tagged(1), tagged(1, { tagPrefixList: ['q-'] })]);
    expect(await diagnosePolicy(text)).toEqual([
      'lc.json:2:1: each lifecycle rule must be a mapping with rulePriority, selection and action',
      `lc.json:${after(text, '"rulePriority":', 2)}: rulePriority 1 is already used by the rule at line 3; priorities must be unique`,
    ]);
  });
});
