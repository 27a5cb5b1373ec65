import type { Json, JsonObject } from '../model/json.js';
import { canonicalStringify, compareStrings, isJsonObject, mapMembers, sortKeysDeep } from './canonical-json.js';

/*
 * ECR lifecycle policies, normalized per semantics.md: rules sorted by
 * rulePriority, tag lists sorted, empty tag lists the same as absent,
 * description and unknown keys kept. ECR returns the policy text as it was
 * put, so everything not listed here counts as written.
 */

/** The selection lists that are sets of tag matchers: order does not count. */
const TAG_LIST_KEYS: ReadonlySet<string> = new Set(['tagPrefixList', 'tagPatternList']);

/**
 * Normalizes a lifecycle policy document.
 *
 * Equal output (by canonical text) exactly for documents that differ only in:
 * key order; the order of `rules`; the order of `selection.tagPrefixList` and
 * `selection.tagPatternList`; an empty tag list versus the key being absent.
 *
 * Output shape: keys sorted at every depth; `rules` sorted by `rulePriority`
 * ascending (rules without a numeric priority, which validation rejects, go
 * last, ordered by canonical text, so the order is still total); tag lists
 * sorted by UTF-16 code units, duplicates kept (semantics.md only says
 * "sorted"); empty tag lists removed. `description`,
 * `countNumber` and every other value are kept as written.
 *
 * Pure and idempotent; the input is not modified.
 */
export function normalizeLifecyclePolicy(doc: JsonObject): JsonObject {
  return mapMembers(doc, (key, value) => (key === 'rules' && Array.isArray(value) ? normalizeRules(value) : sortKeysDeep(value)));
}

function normalizeRules(rules: Json[]): Json[] {
  return rules
    .map((rule) => (isJsonObject(rule) ? normalizeRule(rule) : sortKeysDeep(rule)))
    .map((rule) => ({ rule, priority: priorityOf(rule), text: canonicalStringify(rule) }))
    .sort((a, b) => comparePriority(a.priority, b.priority) || compareStrings(a.text, b.text))
    .map(({ rule }) => rule);
}

function normalizeRule(rule: JsonObject): JsonObject {
  return mapMembers(rule, (key, value) => (key === 'selection' && isJsonObject(value) ? normalizeSelection(value) : sortKeysDeep(value)));
}

function normalizeSelection(selection: JsonObject): JsonObject {
  const out = mapMembers(selection, (key, value) =>
    TAG_LIST_KEYS.has(key) && Array.isArray(value) ? [...value].map(sortKeysDeep).sort(compareTagListItems) : sortKeysDeep(value),
  );
  // ECR treats an empty list as no list: keeping it would show a change ECR never sees.
  for (const key of TAG_LIST_KEYS) {
    const list = out[key];
    if (Array.isArray(list) && list.length === 0) delete out[key];
  }
  return out;
}

function priorityOf(rule: Json): number | null {
  if (!isJsonObject(rule)) return null;
  const priority = rule.rulePriority;
  // Number.isFinite is false for anything that is not a number (no coercion).
  return Number.isFinite(priority) ? (priority as number) : null;
}

function comparePriority(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return a - b;
}

/**
 * Tag matchers are strings, ordered by their own text; anything else (invalid)
 * by canonical text, which puts it after every string: a string's canonical
 * text starts with `"`, below the first character of any other JSON value.
 */
function compareTagListItems(a: Json, b: Json): number {
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b);
  return compareStrings(canonicalStringify(a), canonicalStringify(b));
}
