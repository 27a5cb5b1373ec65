import { compareStrings } from './canonical-json.js';

/**
 * Tags as a map with keys in sorted order: tag order never counts (semantics.md
 * "Tags"), and a sorted map prints and patches the same way whichever order
 * ECR or the file listed them in. Returns a new object; the input is untouched.
 */
export function normalizeTags(tags: Readonly<Record<string, string>>): Record<string, string> {
  return sortByKey(tags);
}

/** A record with its keys in a stable order, so the same input always prints (and diffs) the same way. */
export function sortByKey<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  // fromEntries, not assignment: a key named __proto__ must stay a key.
  return Object.fromEntries(Object.keys(record).sort(compareStrings).map((key) => [key, record[key]]));
}

/**
 * A filter list as a set: sorted by UTF-16 code units, duplicates dropped.
 * For lists whose order does not count (scanning and replication repository
 * filters, mutability exclusion filters). Returns a new array.
 */
export function sortedUnique(list: readonly string[]): string[] {
  return [...new Set(list)].sort(compareStrings);
}
