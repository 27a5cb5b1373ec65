import type { Json, JsonObject } from '../model/json.js';
import { canonicalStringify, compareStrings, isJsonObject, mapMembers, sortKeysDeep } from './canonical-json.js';

/*
 * IAM resource policies (repository policies, the registry policy, creation
 * template policies), normalized so that two documents IAM treats as the same
 * compare equal, and nothing else does (semantics.md "Normalizing before
 * comparing"). What is a set in IAM becomes a sorted, de-duplicated value here;
 * everything else is kept exactly as written, only with its keys sorted.
 */

/** Statement keys whose value is a set of strings: `"a"` equals `["a"]`. */
const SET_KEYS: ReadonlySet<string> = new Set(['Action', 'NotAction', 'Resource', 'NotResource']);
const PRINCIPAL_KEYS: ReadonlySet<string> = new Set(['Principal', 'NotPrincipal']);
/** The principal types IAM knows; each maps to a set of principals. */
const PRINCIPAL_LIST_KEYS: ReadonlySet<string> = new Set(['AWS', 'Service', 'Federated', 'CanonicalUser']);
const ACCOUNT_ID = /^\d{12}$/;

/**
 * Normalizes an IAM resource policy document.
 *
 * Equal output (by {@link canonicalStringify}) exactly for documents that
 * differ only in: whitespace and key order; `Statement` as one object or a
 * one-element list; the order of statements and exact duplicate statements;
 * in `Action`, `NotAction`, `Resource`, `NotResource`, the principal lists
 * (`AWS`, `Service`, `Federated`, `CanonicalUser` under `Principal` and
 * `NotPrincipal`) and condition values: string versus one-element list, order
 * and duplicates; a number or boolean condition value versus `String(value)`;
 * under `Principal.AWS` / `NotPrincipal.AWS`, a 12-digit account id versus
 * `arn:PARTITION:iam::ID:root` (`partition` is the registry's, `aws` by default).
 *
 * Output shape: keys sorted at every depth; `Statement` (when present and an
 * object or a list) is always a list, sorted by Sid (statements without one
 * last), then by canonical text; each set is a
 * sorted list, except that a set of exactly one string is that plain string
 * (as IAM stores it and as people write it); account ids are written as root
 * ARNs. Everything else (`Version`, absent or not, `Id`, `Sid`, `Effect`,
 * action case, condition operators and keys, `"*"` versus `{"AWS": "*"}`,
 * unknown keys) is kept as written.
 *
 * Pure and idempotent: `normalizePolicy(normalizePolicy(d))` deep-equals
 * `normalizePolicy(d)`. The input is not modified.
 */
export function normalizePolicy(doc: JsonObject, partition = 'aws'): JsonObject {
  return mapMembers(doc, (key, value) => (key === 'Statement' ? normalizeStatements(value, partition) : sortKeysDeep(value)));
}

/** One statement object is the same as a list holding it; the list is a set. */
function normalizeStatements(value: Json, partition: string): Json {
  const list = Array.isArray(value) ? value : isJsonObject(value) ? [value] : null;
  // Not a statement container at all (invalid IAM): keep it, validation reports it.
  if (list === null) return sortKeysDeep(value);
  const byText = new Map<string, Json>();
  for (const item of list) {
    const normalized = isJsonObject(item) ? normalizeStatement(item, partition) : sortKeysDeep(item);
    byText.set(canonicalStringify(normalized), normalized);
  }
  // Statements with a Sid come first, by Sid, so an edited statement keeps its
  // place and a plan's line diff shows only what changed in it; the rest by text.
  const sidOf = (item: Json): string | null =>
    isJsonObject(item) && typeof item.Sid === 'string' ? item.Sid : null;
  return [...byText.entries()]
    .sort(([ta, a], [tb, b]) => {
      const sa = sidOf(a);
      const sb = sidOf(b);
      if (sa !== null && sb !== null && sa !== sb) return compareStrings(sa, sb);
      if ((sa === null) !== (sb === null)) return sa === null ? 1 : -1;
      return compareStrings(ta, tb);
    })
    .map(([, item]) => item);
}

function normalizeStatement(statement: JsonObject, partition: string): JsonObject {
  return mapMembers(statement, (key, value) => {
    if (SET_KEYS.has(key)) return toSet(value, sortKeysDeep);
    if (PRINCIPAL_KEYS.has(key)) return normalizePrincipal(value, partition);
    if (key === 'Condition') return normalizeCondition(value);
    return sortKeysDeep(value);
  });
}

/**
 * `"*"` stays a string: IAM treats `"Principal": "*"` and `{"AWS": "*"}` as
 * different documents (semantics.md keeps them apart).
 */
function normalizePrincipal(value: Json, partition: string): Json {
  if (!isJsonObject(value)) return sortKeysDeep(value);
  return mapMembers(value, (type, principals) => {
    if (!PRINCIPAL_LIST_KEYS.has(type)) return sortKeysDeep(principals);
    return toSet(principals, type === 'AWS' ? (item) => canonicalAwsPrincipal(item, partition) : sortKeysDeep);
  });
}

/**
 * IAM rewrites a bare account id to the account's root ARN when it stores the
 * policy, so `GetRepositoryPolicy` returns the ARN for what the file wrote as
 * an id, in the registry's partition (`aws-cn` in China, `aws-us-gov` in
 * GovCloud, ...): see partition.ts.
 */
function canonicalAwsPrincipal(item: Json, partition: string): Json {
  return typeof item === 'string' && ACCOUNT_ID.test(item) ? `arn:${partition}:iam::${item}:root` : sortKeysDeep(item);
}

/** `{ Operator: { key: values } }`: operators and keys as written, values a set. */
function normalizeCondition(value: Json): Json {
  if (!isJsonObject(value)) return sortKeysDeep(value);
  return mapMembers(value, (_operator, block) =>
    isJsonObject(block) ? mapMembers(block, (_key, values) => toSet(values, canonicalConditionValue)) : sortKeysDeep(block),
  );
}

/** IAM compares condition values as strings: `5` is `"5"`, `true` is `"true"`. */
function canonicalConditionValue(item: Json): Json {
  return typeof item === 'number' || typeof item === 'boolean' ? String(item) : sortKeysDeep(item);
}

/**
 * A value IAM reads as a set: a single value or a list, order and duplicates
 * not counting. Returns the sorted, de-duplicated list, or the plain string
 * when the set holds exactly one string. A lone non-string (invalid in IAM,
 * left for validation to report) stays a one-element list so that the result
 * is a fixed point.
 */
function toSet(value: Json, canonicalItem: (item: Json) => Json): Json {
  const items = Array.isArray(value) ? value : [value];
  const byText = new Map<string, Json>();
  for (const item of items) {
    const canonical = canonicalItem(item);
    byText.set(canonicalStringify(canonical), canonical);
  }
  const sorted = [...byText.entries()].sort(compareSetMembers).map(([, item]) => item);
  return sorted.length === 1 && typeof sorted[0] === 'string' ? sorted[0] : sorted;
}

/**
 * Strings by their own text (what a reader expects: `"a"` before `"a b"`,
 * which their JSON texts would reverse), then anything else by canonical
 * text, which puts it after every string: a string's canonical text starts
 * with `"`, below the first character of any other JSON value.
 */
function compareSetMembers([textA, a]: [string, Json], [textB, b]: [string, Json]): number {
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b);
  return compareStrings(textA, textB);
}
