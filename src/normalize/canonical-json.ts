import { createHash } from 'node:crypto';
import type { Json, JsonObject } from '../model/json.js';

/**
 * Orders two strings by UTF-16 code units, the order `Array.prototype.sort`
 * uses by default. Spelled out so every sort in normalize/ agrees with it and
 * none depends on the locale (`localeCompare` would).
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The canonical text of a JSON value: object keys sorted (by UTF-16 code units)
 * at every depth, no whitespace, strings and numbers as `JSON.stringify` writes
 * them.
 *
 * Invariants: two values that differ only in key order have the same canonical
 * text; `JSON.parse(canonicalStringify(v))` deep-equals `v`; array order is kept
 * (arrays are ordered in JSON; normalizers sort the ones that are sets first).
 * Object members whose value is `undefined` (not JSON, but possible at runtime)
 * are left out, as `JSON.stringify` does.
 */
export function canonicalStringify(value: Json): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalStringify).join(',')}]`;
  const members: string[] = [];
  for (const key of Object.keys(value).sort(compareStrings)) {
    const member = value[key];
    if (member === undefined) continue;
    members.push(`${JSON.stringify(key)}:${canonicalStringify(member)}`);
  }
  return `{${members.join(',')}}`;
}

/**
 * `"sha256:" + hex` of the canonical text (UTF-8: Node hashes a string as
 * UTF-8 when given no encoding). Equal exactly when the
 * canonical texts are equal (up to SHA-256 collisions), so it identifies a
 * normalized document independently of key order.
 */
export function fingerprint(value: Json): string {
  return `sha256:${createHash('sha256').update(canonicalStringify(value)).digest('hex')}`;
}

/**
 * A deep copy of `value` with object keys in sorted order at every depth, so
 * that a normalized document prints (and diffs, and patches) the same way
 * whatever order it was written in. Arrays keep their order.
 */
export function sortKeysDeep(value: Json): Json {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  return mapMembers(value, (_key, member) => sortKeysDeep(member));
}

/**
 * A new object with `object`'s members in sorted key order, each value passed
 * through `map`. Members whose value is `undefined` are left out. Built with
 * `Object.fromEntries`, which defines own properties, so a key such as
 * `__proto__` (possible in parsed JSON) stays a member instead of replacing
 * the object's prototype, as plain assignment would.
 */
export function mapMembers(object: JsonObject, map: (key: string, value: Json) => Json): JsonObject {
  const entries: Array<[string, Json]> = [];
  for (const key of Object.keys(object).sort(compareStrings)) {
    const member = object[key];
    if (member !== undefined) entries.push([key, map(key, member)]);
  }
  return Object.fromEntries(entries) as JsonObject;
}

/** True for a JSON object (not null, not an array). */
export function isJsonObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
