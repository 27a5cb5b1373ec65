import type { Document, Node as YamlNode } from 'yaml';
import { yamlLibrary } from './yaml-library.js';

/**
 * Keys set twice in one mapping, found in one pass with a set per mapping. The
 * `yaml` library's own check (`uniqueKeys`) compares each key with every key
 * before it: quadratic, seconds for a file of a few thousand repositories. Two
 * keys are the same exactly when that check says so: scalars with equal values
 * (so `1` and `"1"` differ); other keys only when they are the same node.
 * Returns each repeated key node, where the error is reported.
 */
export function duplicateKeys(doc: Document): YamlNode[] {
  const { isMap, isScalar, visit } = yamlLibrary();
  const repeated: YamlNode[] = [];
  visit(doc, {
    Map(_, map) {
      if (!isMap(map)) return;
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        // NaN never equals itself in the library's check: never a duplicate.
        if (typeof key === 'number' && Number.isNaN(key)) continue;
        if (seen.has(key)) repeated.push(pair.key as YamlNode);
        else seen.add(key);
      }
    },
  });
  return repeated;
}
