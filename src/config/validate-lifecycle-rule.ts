import type { Path } from './path.js';
import { didYouMean } from './suggest.js';
import { asArray, has, isObject } from './values.js';

export type Report = (path: Path, message: string, target?: 'key' | 'value') => void;

const RULE_KEYS = ['rulePriority', 'description', 'selection', 'action'];
const SELECTION_KEYS = ['tagStatus', 'tagPrefixList', 'tagPatternList', 'storageClass', 'countType', 'countUnit', 'countNumber'];
const ACTION_KEYS = ['type', 'targetStorageClass'];
const TAG_STATUSES = ['tagged', 'untagged', 'any'];
const COUNT_TYPES = ['imageCountMoreThan', 'sinceImagePushed', 'sinceImagePulled', 'sinceImageTransitioned'];
const ACTION_TYPES = ['expire', 'transition'];
const MAX_WILDCARDS = 4;

function checkKeys(obj: Record<string, unknown>, allowed: string[], at: Path, what: string, report: Report): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      const hint = didYouMean(key, allowed) || `; expected one of: ${allowed.join(', ')}`;
      report([...at, key], `unknown key "${key}" in ${what}${hint}`, 'key');
    }
  }
}

function checkEnum(obj: Record<string, unknown>, key: string, allowed: string[], at: Path, report: Report): boolean {
  if (!has(obj, key)) {
    report(at, `missing "${key}" (one of ${allowed.join(', ')})`);
    return false;
  }
  const value = obj[key];
  if (typeof value === 'string' && allowed.includes(value)) return true;
  const hint = typeof value === 'string' ? didYouMean(value, allowed) : '';
  report([...at, key], `${key} must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}${hint}`);
  return false;
}

function isPositiveInteger(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}

/** tagPrefixList / tagPatternList: non-empty strings; patterns allow at most 4 wildcards. */
function checkTagList(selection: Record<string, unknown>, key: string, at: Path, report: Report): void {
  const list = asArray(selection[key]);
  if (!list) return report([...at, key], `${key} must be a list of strings`);
  if (list.length === 0) report([...at, key], `${key} must not be empty`);
  list.forEach((item, i) => {
    if (typeof item !== 'string' || item.length === 0) return report([...at, key, i], `${key} entries must be non-empty strings`);
    const stars = item.split('*').length - 1;
    if (key === 'tagPatternList' && stars > MAX_WILDCARDS) {
      report([...at, key, i], `the pattern "${item}" has ${stars} wildcards; ECR allows at most ${MAX_WILDCARDS} "*" in a pattern`);
    }
  });
}

/**
 * ECR's lifecycle policy properties: `sinceImageTransitioned` needs `storageClass: archive`
 * (it counts from when an image was archived), and `archive` goes with no other count type.
 */
function checkClassFitsCount(selection: Record<string, unknown>, at: Path, report: Report): void {
  const { countType, storageClass } = selection;
  if (countType === 'sinceImageTransitioned') {
    if (!has(selection, 'storageClass')) report(at, 'countType: sinceImageTransitioned needs storageClass: archive (it counts archived images only)');
    else if (storageClass === 'standard') report([...at, 'storageClass'], 'countType: sinceImageTransitioned needs storageClass: archive, not standard');
  } else if (storageClass === 'archive') {
    report([...at, 'storageClass'], `storageClass: archive goes only with countType: sinceImageTransitioned; ${String(countType)} selects standard images, so remove storageClass`);
  }
}

function checkSelection(selection: Record<string, unknown>, at: Path, report: Report): void {
  checkKeys(selection, SELECTION_KEYS, at, 'a lifecycle rule selection', report);
  if (checkEnum(selection, 'tagStatus', TAG_STATUSES, at, report)) {
    const hasPrefix = has(selection, 'tagPrefixList');
    const hasPattern = has(selection, 'tagPatternList');
    if (selection.tagStatus === 'tagged') {
      if (hasPrefix && hasPattern) report([...at, 'tagPatternList'], 'a rule has tagPrefixList or tagPatternList, not both', 'key');
      else if (!hasPrefix && !hasPattern) report(at, 'tagStatus: tagged needs tagPrefixList or tagPatternList');
    } else {
      for (const key of ['tagPrefixList', 'tagPatternList']) {
        if (has(selection, key)) report([...at, key], `tagStatus: ${String(selection.tagStatus)} takes no ${key}; use tagStatus: tagged`, 'key');
      }
    }
  }
  for (const key of ['tagPrefixList', 'tagPatternList']) if (has(selection, key)) checkTagList(selection, key, at, report);
  if (has(selection, 'storageClass') && selection.storageClass !== 'standard' && selection.storageClass !== 'archive') {
    report([...at, 'storageClass'], `storageClass must be standard or archive, not ${JSON.stringify(selection.storageClass)}`);
  }
  if (checkEnum(selection, 'countType', COUNT_TYPES, at, report)) {
    const since = selection.countType !== 'imageCountMoreThan';
    if (since && !has(selection, 'countUnit')) report(at, `countType: ${String(selection.countType)} needs countUnit: days`);
    if (!since && has(selection, 'countUnit')) report([...at, 'countUnit'], 'countType: imageCountMoreThan takes no countUnit; remove it', 'key');
    checkClassFitsCount(selection, at, report);
  }
  if (has(selection, 'countUnit') && selection.countUnit !== 'days') {
    report([...at, 'countUnit'], `countUnit must be days, not ${JSON.stringify(selection.countUnit)}`);
  }
  if (!has(selection, 'countNumber')) report(at, 'missing "countNumber" (a whole number, at least 1)');
  else if (!isPositiveInteger(selection.countNumber)) {
    report([...at, 'countNumber'], `countNumber must be a whole number of at least 1, not ${JSON.stringify(selection.countNumber)}`);
  }
}

function checkAction(action: Record<string, unknown>, at: Path, report: Report): void {
  checkKeys(action, ACTION_KEYS, at, 'a lifecycle rule action', report);
  if (!checkEnum(action, 'type', ACTION_TYPES, at, report)) return;
  if (action.type === 'transition') {
    if (!has(action, 'targetStorageClass')) report(at, 'action type transition needs targetStorageClass: archive');
    else if (action.targetStorageClass !== 'archive') {
      report([...at, 'targetStorageClass'], `targetStorageClass must be archive, not ${JSON.stringify(action.targetStorageClass)}`);
    }
  } else if (has(action, 'targetStorageClass')) {
    report([...at, 'targetStorageClass'], 'targetStorageClass goes only with action type transition', 'key');
  }
}

/** The shape of one rule: priority, selection and action, as ECR's lifecycle policy syntax has them. */
export function checkLifecycleRule(rule: unknown, at: Path, report: Report): void {
  if (!isObject(rule)) return report(at, 'each lifecycle rule must be a mapping with rulePriority, selection and action');
  checkKeys(rule, RULE_KEYS, at, 'a lifecycle rule', report);
  if (!has(rule, 'rulePriority')) report(at, 'missing "rulePriority" (a whole number, at least 1)');
  else if (!isPositiveInteger(rule.rulePriority)) {
    report([...at, 'rulePriority'], `rulePriority must be a whole number of at least 1, not ${JSON.stringify(rule.rulePriority)}`);
  }
  if (has(rule, 'description') && typeof rule.description !== 'string') report([...at, 'description'], 'description must be a string');
  if (!has(rule, 'selection')) report(at, 'missing "selection" (tagStatus, countType, countNumber)');
  else if (!isObject(rule.selection)) report([...at, 'selection'], 'selection must be a mapping');
  else checkSelection(rule.selection, [...at, 'selection'], report);
  if (!has(rule, 'action')) report(at, 'missing "action", e.g. { type: expire }');
  else if (!isObject(rule.action)) report([...at, 'action'], 'action must be a mapping, e.g. { type: expire }');
  else checkAction(rule.action, [...at, 'action'], report);
}
