import { describe, expect, it } from 'vitest';
import { diagnoseYaml, pos } from './helpers.js';

/*
 * The shape of each lifecycle rule as ECR's "Lifecycle policy properties" give it:
 * what is refused (the whole diagnostic, FILE:LINE:COL and message) and what is
 * accepted. The rules are written one per line in lc.json, so line N+1 holds rule N.
 */

type Rule = Record<string, unknown>;

const untagged: Rule = { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 5 };
const rule = (selection: unknown, extra: Rule = {}): Rule => ({ rulePriority: 1, selection, action: { type: 'expire' }, ...extra });
const without = (obj: Rule, key: string): Rule => Object.fromEntries(Object.entries(obj).filter(([k]) => k !== key));
/** Keeps a short policy above ECR's 100-character minimum, so the size check stays silent. */
const PAD = { description: 'padding that keeps this policy above the 100-character minimum of ECR' };

function policyText(rules: unknown[]): string {
  return `{"rules": [\n${rules.map((r) => JSON.stringify(r)).join(',\n')}\n]}\n`;
}

async function diagnosePolicy(text: string): Promise<string[]> {
  return diagnoseYaml('version: 1\nrepositories:\n  app:\n    lifecyclePolicyFile: lc.json\n', { 'lc.json': text });
}

/** Where the diagnostic points: at `needle` (a key or an object), or just after it (the value of `"key":`). */
function at(text: string, needle: string, after: boolean): string {
  const [line, col] = pos(text, needle).split(':').map(Number);
  return `lc.json:${line}:${after ? col + needle.length : col}`;
}

/** [case, rules, needle, point after the needle, the whole message] */
const refused: Array<[string, unknown[], string, boolean, string]> = [
  ['an unknown selection key that resembles none lists the keys there are', [rule({ ...untagged, keepLast: 5 })], '"keepLast"', false,
    'unknown key "keepLast" in a lifecycle rule selection; expected one of: tagStatus, tagPrefixList, tagPatternList, storageClass, countType, countUnit, countNumber'],
  ['an unknown action key names the action', [rule(untagged, { action: { type: 'expire', Type: 'expire' } })], '"Type"', false,
    'unknown key "Type" in a lifecycle rule action; did you mean "type"?'],
  ['an unknown rule key names the rule', [rule(untagged, { priority: 2 })], '"priority"', false,
    'unknown key "priority" in a lifecycle rule; expected one of: rulePriority, description, selection, action'],
  ['a missing countType lists the count types', [rule(without(untagged, 'countType'), PAD)], '"selection":', true,
    'missing "countType" (one of imageCountMoreThan, sinceImagePushed, sinceImagePulled, sinceImageTransitioned)'],
  ['a tagStatus that is not a string', [rule({ ...untagged, tagStatus: 5 })], '"tagStatus":', true, 'tagStatus must be one of tagged, untagged, any, not 5'],
  ['a tagPrefixList that is one string, not a list', [rule({ ...untagged, tagStatus: 'tagged', tagPrefixList: 'v' })], '"tagPrefixList":', true,
    'tagPrefixList must be a list of strings'],
  ['an empty string in a tagPrefixList', [rule({ ...untagged, tagStatus: 'tagged', tagPrefixList: ['v', ''] })], '""', false,
    'tagPrefixList entries must be non-empty strings'],
  ['a number in a tagPatternList', [rule({ ...untagged, tagStatus: 'tagged', tagPatternList: ['v*', 7] })], '7]', false,
    'tagPatternList entries must be non-empty strings'],
  ['a storage class ECR does not have', [rule({ ...untagged, storageClass: 'glacier' })], '"storageClass":', true,
    'storageClass must be standard or archive, not "glacier"'],
  ['storageClass archive with a count type other than sinceImageTransitioned', [rule({ ...untagged, storageClass: 'archive' })], '"storageClass":', true,
    'storageClass: archive goes only with countType: sinceImageTransitioned; imageCountMoreThan selects standard images, so remove storageClass'],
  ['sinceImageTransitioned without a storage class', [rule({ tagStatus: 'any', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: 90 })], '"selection":', true,
    'countType: sinceImageTransitioned needs storageClass: archive (it counts archived images only)'],
  ['sinceImageTransitioned over the standard class', [rule({ tagStatus: 'any', storageClass: 'standard', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: 90 })],
    '"storageClass":', true, 'countType: sinceImageTransitioned needs storageClass: archive, not standard'],
  ['a missing countNumber', [rule(without(untagged, 'countNumber'), PAD)], '"selection":', true, 'missing "countNumber" (a whole number, at least 1)'],
  ['a rule that is a string', [rule(untagged), 'keep 5'], '"keep 5"', false, 'each lifecycle rule must be a mapping with rulePriority, selection and action'],
  ['a missing rulePriority', [without(rule(untagged, PAD), 'rulePriority')], '{"selection"', false, 'missing "rulePriority" (a whole number, at least 1)'],
  ['a description that is not a string', [rule(untagged, { description: 5 })], '"description":', true, 'description must be a string'],
  ['a missing selection', [without(rule(untagged, PAD), 'selection')], '{"rulePriority"', false, 'missing "selection" (tagStatus, countType, countNumber)'],
  ['a selection that is a string', [rule('untagged', PAD)], '"selection":', true, 'selection must be a mapping'],
  ['an action that is a string', [rule(untagged, { action: 'expire' })], '"action":', true, 'action must be a mapping, e.g. { type: expire }'],
];

describe('a lifecycle rule ECR would refuse', () => {
  it.each(refused)('%s', async (_name, rules, needle, after, message) => {
    const text = policyText(rules);
    expect(await diagnosePolicy(text)).toEqual([`${at(text, needle, after)}: ${message}`]);
  });
});

describe('a lifecycle rule ECR accepts', () => {
  it.each<[string, Rule]>([
    ['storageClass standard written out', rule({ ...untagged, storageClass: 'standard' })],
    ['sinceImageTransitioned over the archive class', rule({ tagStatus: 'any', storageClass: 'archive', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: 90 })],
    // The limit of four "*" is for patterns; a prefix is matched literally.
    ['a tag prefix holding five "*"', rule({ ...untagged, tagStatus: 'tagged', tagPrefixList: ['a*b*c*d*e*'] })],
    ['a string description', rule(untagged, PAD)],
  ])('%s', async (_name, accepted) => {
    expect(await diagnosePolicy(policyText([accepted]))).toEqual([]);
  });
});
