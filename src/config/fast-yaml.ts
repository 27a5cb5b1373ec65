import { load } from 'js-yaml';
import { countValues, type ValueCount } from './expanded-size.js';

/**
 * The fast first parse of a desired-state file. js-yaml 5 reads YAML 1.2 with the
 * core schema, the values the `yaml` library gives, several times faster and
 * without keeping a node per value. Positions are not kept: the caller parses
 * again with `yaml` only when a message needs a line and column.
 *
 * It answers undefined wherever the two libraries could disagree, and the caller
 * then parses with `yaml` alone, so every message stays worded and placed as before:
 * - any error js-yaml raises: syntax, duplicate keys, unknown tags, several
 *   documents, an empty file, nesting deeper than 100;
 * - a directive line (`%YAML 1.1` turns `yes` into true in `yaml`);
 * - a key "null" (`yaml` makes a null key "", js-yaml "null").
 */
export function fastParse(text: string): { value: unknown; count: ValueCount } | undefined {
  if (/^%/m.test(text)) return undefined;
  let value: unknown;
  try {
    value = load(text);
  } catch {
    return undefined;
  }
  // Every anchor is written with "&"; a file without one shares no value.
  const count = countValues(value, text.includes('&'));
  return count.nullKey ? undefined : { value, count };
}
