/**
 * The size of a parsed YAML value with every alias written out. Both YAML
 * libraries share one object for an anchor and all its aliases, so parsing an
 * alias bomb is cheap; what is expensive is everything after (the schema, the
 * policy checks, JSON text), which walks the expanded tree. Sharing a policy by
 * alias among 1,000 repositories is ordinary YAML and costs 1,000 times the
 * policy; a bomb costs billions. The bound is on that expanded size, not on
 * how many aliases a file has.
 */

/** Aliases may multiply the values written by this much... */
export const MAX_EXPANSION_FACTOR = 10;
/** ...or expand to this many values, whichever allows more. */
export const MIN_EXPANDED_VALUES = 1_000_000;

export interface ValueCount {
  /** Values as written: a shared (aliased) object counts once. */
  written: number;
  /** Values with every alias written out. */
  expanded: number;
  /** True when a mapping anywhere has the key "null" (see fast-yaml.ts). */
  nullKey: boolean;
}

/**
 * Counts values (each scalar, list and mapping is one) as if every alias were
 * written out, in time linear in the values written: a shared object's size is
 * counted once and reused, so the expanded count of a bomb is a large number,
 * never a walk of its expansion.
 */
export function countValues(root: unknown, mayShare = true): ValueCount {
  // Only an anchor can make two places share an object: without one, remembering
  // every object's size (a map entry per value of a large file) is wasted work.
  const sizes = mayShare ? new Map<object, number>() : undefined;
  let written = 0;
  let nullKey = false;
  const sizeOf = (value: unknown): number => {
    if (value === null || typeof value !== 'object') {
      written += 1;
      return 1;
    }
    const known = sizes?.get(value);
    if (known !== undefined) return known;
    written += 1;
    let size = 1;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) size += sizeOf(value[i]);
    } else {
      const record = value as Record<string, unknown>;
      for (const key in record) {
        if (key === 'null') nullKey = true;
        size += sizeOf(record[key]);
      }
    }
    sizes?.set(value, size);
    return size;
  };
  const expanded = sizeOf(root);
  return { written, expanded, nullKey };
}

/** The bound on the expanded size of a document with this many values written. */
export function expansionLimit(written: number): number {
  return Math.max(MIN_EXPANDED_VALUES, MAX_EXPANSION_FACTOR * written);
}
