import type { Document, LineCounter, Node as YamlNode } from 'yaml';
import { yamlLibrary } from './yaml-library.js';

/** A key set a second (or later) time, and the key that set it first. */
export interface DuplicateKey {
  /** null for an empty key (`? ` or `: value`), as the library gives it. */
  key: YamlNode | null;
  first: YamlNode | null;
}

/**
 * Keys set twice in one mapping, found in one pass with a map per mapping. The
 * `yaml` library's own check (`uniqueKeys`) compares each key with every key
 * before it: quadratic, seconds for a file of a few thousand repositories. Two
 * keys are the same exactly when that check says so: scalars with equal values
 * (so `1` and `"1"` differ); other keys only when they are the same node.
 * Returns each repeated key node, where the error is reported, with the first.
 */
export function duplicateKeys(doc: Document): DuplicateKey[] {
  const { isMap, isScalar, visit } = yamlLibrary();
  const repeated: DuplicateKey[] = [];
  visit(doc, {
    Map(_, map) {
      if (!isMap(map)) return;
      const seen = new Map<unknown, YamlNode | null>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        // NaN never equals itself in the library's check: never a duplicate.
        if (typeof key === 'number' && Number.isNaN(key)) continue;
        if (seen.has(key)) repeated.push({ key: pair.key as YamlNode | null, first: seen.get(key) ?? null });
        else seen.set(key, pair.key as YamlNode | null);
      }
    },
  });
  return repeated;
}

/**
 * The message for a repeated key: the key by name and the line that set it
 * first, so a long mapping needs no search. `mapping` is what the file format
 * calls it (a YAML mapping, a JSON object).
 */
export function duplicateKeyMessage(dup: DuplicateKey, text: string, lineCounter: LineCounter, mapping: string): string {
  const { isScalar } = yamlLibrary();
  const range = dup.key?.range;
  const name = isScalar(dup.key) ? String(dup.key.value) : range ? text.slice(range[0], range[1]) : 'null';
  const firstLine = dup.first?.range ? ` (line ${lineCounter.linePos(dup.first.range[0]).line})` : '';
  return `duplicate key ${JSON.stringify(name)}: already set earlier in the same ${mapping}${firstLine}; keep one`;
}
