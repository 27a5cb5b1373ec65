import type { Diagnostic } from '../errors.js';
import type { Path } from './path.js';
import { diagnosticAt, type DocSource } from './source.js';
import { didYouMean } from './suggest.js';
import { checkLifecycleRule, type Report } from './validate-lifecycle-rule.js';
import { asArray, isObject } from './values.js';

export const MIN_LIFECYCLE_CHARS = 100;
export const MAX_LIFECYCLE_CHARS = 30_720;
export const MAX_LIFECYCLE_RULES = 50;

type Rule = { index: number; at: Path; rule: Record<string, unknown>; selection: Record<string, unknown> };

function place(src: DocSource, path: Path): string {
  const { line } = src.locate(path, 'value');
  return `line ${line}`;
}

/** The storage class a rule selects from: `standard` unless it says `archive`. */
function storageClassOf(r: Rule): string {
  return r.selection.storageClass === 'archive' ? 'archive' : 'standard';
}

/** The rules that interact: priorities, the `any` rule last, one untagged rule, prefixes in one rule each. */
function checkAcrossRules(src: DocSource, rules: Rule[], report: Report): void {
  const byPriority = new Map<number, Rule>();
  for (const r of rules) {
    const priority = r.rule.rulePriority;
    if (typeof priority !== 'number') continue;
    const first = byPriority.get(priority);
    if (first) {
      report([...r.at, 'rulePriority'], `rulePriority ${priority} is already used by the rule at ${place(src, first.at)}; priorities must be unique`);
    } else byPriority.set(priority, r);
  }
  // Per storage class: AWS's own "archive, then expire from the archive" example has an
  // `any` rule for each class, and ECR takes it.
  const highest = new Map<string, number>();
  for (const r of rules) {
    const priority = r.rule.rulePriority;
    if (typeof priority !== 'number') continue;
    const storageClass = storageClassOf(r);
    highest.set(storageClass, Math.max(priority, highest.get(storageClass) ?? priority));
  }
  for (const r of rules) {
    const top = highest.get(storageClassOf(r));
    if (r.selection.tagStatus === 'any' && typeof r.rule.rulePriority === 'number' && top !== undefined && r.rule.rulePriority < top) {
      report(
        [...r.at, 'rulePriority'],
        `a tagStatus: any rule must have the highest rulePriority among the rules of its storage class (${storageClassOf(r)}): it has ${r.rule.rulePriority}, another rule has ${top}; ECR evaluates it last`,
      );
    }
  }
  const untagged = rules.filter((r) => r.selection.tagStatus === 'untagged');
  for (const r of untagged.slice(1)) {
    report([...r.at, 'selection', 'tagStatus'], `only one rule may select untagged images; another does at ${place(src, untagged[0].at)}`);
  }
  const prefixOwner = new Map<string, Rule>();
  for (const r of rules) {
    const prefixes = asArray(r.selection.tagPrefixList) ?? [];
    prefixes.forEach((prefix, i) => {
      if (typeof prefix !== 'string') return;
      const owner = prefixOwner.get(prefix);
      if (owner && owner !== r) {
        report([...r.at, 'selection', 'tagPrefixList', i], `tag prefix "${prefix}" is already used by the rule at ${place(src, owner.at)}; a prefix may appear in one rule only`);
      } else prefixOwner.set(prefix, r);
    });
  }
}

/**
 * Checks an ECR lifecycle policy before any API call, as ECR would: document shape,
 * size on the compact JSON, each rule, and the rules against each other.
 */
export function validateLifecyclePolicy(src: DocSource, base: Path, doc: unknown): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report: Report = (path, message, target = 'value') => out.push(diagnosticAt(src, path, message, target));
  if (!isObject(doc)) {
    report(base, 'a lifecycle policy must be a mapping with a "rules" list');
    return out;
  }
  const size = JSON.stringify(doc).length;
  if (size < MIN_LIFECYCLE_CHARS || size > MAX_LIFECYCLE_CHARS) {
    report(base, `the lifecycle policy is ${size} characters as compact JSON; ECR accepts ${MIN_LIFECYCLE_CHARS} to ${MAX_LIFECYCLE_CHARS}`);
  }
  for (const key of Object.keys(doc)) {
    if (key !== 'rules') report([...base, key], `unknown key "${key}" in a lifecycle policy${didYouMean(key, ['rules']) || '; it holds only "rules"'}`, 'key');
  }
  if (!('rules' in doc)) {
    report(base, 'a lifecycle policy needs "rules": a list of rules');
    return out;
  }
  const list = asArray(doc.rules);
  if (!list) {
    report([...base, 'rules'], 'rules must be a list');
    return out;
  }
  if (list.length === 0) report([...base, 'rules'], 'rules must hold at least one rule');
  if (list.length > MAX_LIFECYCLE_RULES) {
    report([...base, 'rules'], `a lifecycle policy holds at most ${MAX_LIFECYCLE_RULES} rules (this one has ${list.length})`);
  }
  const rules: Rule[] = [];
  list.forEach((rule, index) => {
    const at = [...base, 'rules', index];
    checkLifecycleRule(rule, at, report);
    if (isObject(rule)) rules.push({ index, at, rule, selection: isObject(rule.selection) ? rule.selection : {} });
  });
  checkAcrossRules(src, rules, report);
  return out;
}
