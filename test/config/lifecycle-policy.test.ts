import { describe, expect, it } from 'vitest';
import { diagnoseYaml, loadYaml, only, pos } from './helpers.js';

type Rule = Record<string, unknown>;

const rule = (rulePriority: number, selection: Rule, action: Rule = { type: 'expire' }): Rule => ({ rulePriority, selection, action });
const any = (p: number, extra: Rule = {}): Rule => rule(p, { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 5, ...extra });
const untagged = (p: number, extra: Rule = {}): Rule => rule(p, { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 5, ...extra });
const tagged = (p: number, extra: Rule = {}): Rule =>
  rule(p, { tagStatus: 'tagged', tagPrefixList: [`p${p}-`], countType: 'imageCountMoreThan', countNumber: 5, ...extra });
const withoutKey = (obj: Rule, key: string): Rule => Object.fromEntries(Object.entries(obj).filter(([k]) => k !== key));

/** The policy file: one rule per line, so line N+1 holds rule N. */
function policyText(rules: unknown, extra: Rule = {}): string {
  const body = Array.isArray(rules) ? `[\n${rules.map((r) => JSON.stringify(r)).join(',\n')}\n]` : JSON.stringify(rules);
  const more = Object.entries(extra).map(([k, v]) => `, ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join('');
  return `{"rules": ${body}${more}}\n`;
}

async function diagnosePolicy(text: string): Promise<string[]> {
  return diagnoseYaml('version: 1\nrepositories:\n  app:\n    lifecyclePolicyFile: lc.json\n', { 'lc.json': text });
}

/** [case, rules, text to point at, occurrence, point after the text (at the value), message fragment] */
const cases: Array<[string, unknown, string, number, boolean, string]> = [
  ['duplicate rulePriority', [tagged(1), tagged(1, { tagPrefixList: ['other-'] })], '"rulePriority":', 2, true,
    'rulePriority 1 is already used by the rule at line 2; priorities must be unique'],
  ['a tagStatus any rule that is not last', [any(1), tagged(2)], '"rulePriority":', 1, true,
    'a tagStatus: any rule must have the highest rulePriority among the rules of its storage class (standard): it has 1, another rule has 2'],
  ['tagged without a prefix or pattern list', [rule(1, { tagStatus: 'tagged', countType: 'imageCountMoreThan', countNumber: 1 })], '"selection":', 1, true,
    'tagStatus: tagged needs tagPrefixList or tagPatternList'],
  ['untagged with a prefix list', [untagged(1, { tagPrefixList: ['v'] })], '"tagPrefixList"', 1, false,
    'tagStatus: untagged takes no tagPrefixList; use tagStatus: tagged'],
  ['any with a pattern list', [any(1, { tagPatternList: ['v*'] })], '"tagPatternList"', 1, false, 'tagStatus: any takes no tagPatternList'],
  ['both prefix and pattern lists', [tagged(1, { tagPatternList: ['v*'] })], '"tagPatternList"', 1, false,
    'a rule has tagPrefixList or tagPatternList, not both'],
  ['an empty prefix list', [tagged(1, { tagPrefixList: [] })], '"tagPrefixList":', 1, true, 'tagPrefixList must not be empty'],
  ['more than 4 wildcards in a pattern', [rule(1, { tagStatus: 'tagged', tagPatternList: ['a*b*c*d*e*'], countType: 'imageCountMoreThan', countNumber: 1 })], '"a*b*c*d*e*"', 1, false,
    'the pattern "a*b*c*d*e*" has 5 wildcards; ECR allows at most 4 "*" in a pattern'],
  ['sinceImagePushed without countUnit', [untagged(1, { countType: 'sinceImagePushed' })], '"selection":', 1, true,
    'countType: sinceImagePushed needs countUnit: days'],
  ['sinceImagePulled without countUnit', [untagged(1, { countType: 'sinceImagePulled' })], '"selection":', 1, true,
    'countType: sinceImagePulled needs countUnit: days'],
  ['countUnit with imageCountMoreThan', [untagged(1, { countUnit: 'days' })], '"countUnit"', 1, false,
    'countType: imageCountMoreThan takes no countUnit; remove it'],
  ['countUnit other than days', [untagged(1, { countType: 'sinceImagePushed', countUnit: 'hours' })], '"countUnit":', 1, true,
    'countUnit must be days, not "hours"'],
  ['countNumber 0', [untagged(1, { countNumber: 0 })], '"countNumber":', 1, true, 'countNumber must be a whole number of at least 1, not 0'],
  ['countNumber not whole', [untagged(1, { countNumber: 1.5 })], '"countNumber":', 1, true, 'countNumber must be a whole number of at least 1, not 1.5'],
  ['rulePriority 0', [{ ...untagged(1), rulePriority: 0 }], '"rulePriority":', 1, true, 'rulePriority must be a whole number of at least 1, not 0'],
  ['unknown tagStatus, with a suggestion', [rule(1, { tagStatus: 'Untagged', countType: 'imageCountMoreThan', countNumber: 1 })], '"tagStatus":', 1, true,
    'tagStatus must be one of tagged, untagged, any, not "Untagged"; did you mean "untagged"?'],
  ['unknown countType', [untagged(1, { countType: 'imageCountLessThan' })], '"countType":', 1, true, 'countType must be one of imageCountMoreThan'],
  ['missing countType', [rule(1, { tagStatus: 'untagged', countNumber: 1 })], '"selection":', 1, true, 'missing "countType"'],
  ['unknown selection key, with a suggestion', [untagged(1, { tagPrefixes: ['v'] })], '"tagPrefixes"', 1, false,
    'unknown key "tagPrefixes" in a lifecycle rule selection; did you mean "tagPrefixList"?'],
  ['action type other than expire or transition', [rule(1, { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 1 }, { type: 'delete' })], '"delete"', 1, false,
    'type must be one of expire, transition, not "delete"'],
  ['transition without targetStorageClass', [rule(1, { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 1 }, { type: 'transition' })], '"action":', 1, true,
    'action type transition needs targetStorageClass: archive'],
  ['transition to another storage class', [rule(1, { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 1 }, { type: 'transition', targetStorageClass: 'glacier' })], '"glacier"', 1, false,
    'targetStorageClass must be archive, not "glacier"'],
  ['expire with a targetStorageClass', [rule(1, { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 1 }, { type: 'expire', targetStorageClass: 'archive' })], '"targetStorageClass"', 1, false,
    'targetStorageClass goes only with action type transition'],
  ['a rule without action', [withoutKey(untagged(1), 'action')], '{"rulePriority"', 1, false, 'missing "action", e.g. { type: expire }'],
  ['two rules selecting untagged images', [untagged(1), untagged(2)], '"tagStatus":', 2, true,
    'only one rule may select untagged images; another does at line 2'],
  ['a tag prefix in two rules', [tagged(1, { tagPrefixList: ['v', 'rc'] }), tagged(2, { tagPrefixList: ['v'] })], '"v"', 2, false,
    'tag prefix "v" is already used by the rule at line 2; a prefix may appear in one rule only'],
  ['rules that are not a list', { rulePriority: 1, description: 'd'.repeat(100) }, '{"rulePriority"', 1, false, 'rules must be a list'],
  ['an unknown top-level key', [untagged(1)], '"Rules"', 1, false, 'unknown key "Rules" in a lifecycle policy; did you mean "rules"?'],
  ['more than 50 rules', Array.from({ length: 51 }, (_, i) => tagged(i + 1)), '[', 1, false, 'a lifecycle policy holds at most 50 rules (this one has 51)'],
  ['more than 30,720 characters', Array.from({ length: 40 }, (_, i) => ({ ...tagged(i + 1), description: 'd'.repeat(800) })), '{', 1, false,
    'characters as compact JSON; ECR accepts 100 to 30720'],
];

describe('lifecycle policy rules (in a referenced JSON file)', () => {
  it.each(cases)('%s', async (name, rules, needle, nth, afterNeedle, fragment) => {
    const text = policyText(rules, name === 'an unknown top-level key' ? { Rules: [] } : {});
    const line = only(await diagnosePolicy(text));
    const [l, c] = pos(text, needle, nth).split(':').map(Number);
    const at = `lc.json:${l}:${afterNeedle ? c + needle.length : c}: `;
    expect(line.slice(0, at.length)).toBe(at);
    expect(line).toContain(fragment);
  });

  it('a policy under 100 characters is refused (and so are its empty rules)', async () => {
    expect(await diagnosePolicy('{"rules": []}')).toEqual([
      'lc.json:1:1: the lifecycle policy is 12 characters as compact JSON; ECR accepts 100 to 30720',
      'lc.json:1:11: rules must hold at least one rule',
    ]);
  });

  it('accepts every rule form format.md lists', async () => {
    const text = policyText([
      untagged(1, { countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14 }),
      tagged(2, { tagPrefixList: ['pr-', 'dev-'] }),
      rule(3, { tagStatus: 'tagged', tagPatternList: ['v*.*.*-rc*'], countType: 'sinceImagePulled', countUnit: 'days', countNumber: 30 }, { type: 'transition', targetStorageClass: 'archive' }),
      any(4, { countNumber: 100 }),
    ]);
    expect(await diagnosePolicy(text)).toEqual([]);
  });
});

describe('lifecycle policy inline in YAML', () => {
  const text = [
    'version: 1',
    'repositories:',
    '  app:',
    '    lifecyclePolicy:',
    '      rules:',
    '        - rulePriority: 1',
    '          selection: { tagStatus: untagged, countType: imageCountMoreThan, countNumber: 1 }',
    '          action: { type: expire }',
    '        - rulePriority: 1',
    '          selection: { tagStatus: tagged, tagPrefixList: [v], countType: imageCountMoreThan, countNumber: 1 }',
    '          action: { type: expire }',
    '',
  ].join('\n');

  it('points into the YAML file', async () => {
    expect(only(await diagnoseYaml(text))).toBe(
      'registry.yaml:9:25: rulePriority 1 is already used by the rule at line 6; priorities must be unique',
    );
  });

  it('keeps the document as written when valid', async () => {
    const desired = await loadYaml(text.replace('- rulePriority: 1\n          selection: { tagStatus: tagged', '- rulePriority: 2\n          selection: { tagStatus: tagged'));
    expect(desired.repositories.app.lifecyclePolicy).toEqual({
      rules: [
        { rulePriority: 1, selection: { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 1 }, action: { type: 'expire' } },
        { rulePriority: 2, selection: { tagStatus: 'tagged', tagPrefixList: ['v'], countType: 'imageCountMoreThan', countNumber: 1 }, action: { type: 'expire' } },
      ],
    });
  });
});
