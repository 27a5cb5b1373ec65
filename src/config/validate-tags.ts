import type { Diagnostic } from '../errors.js';
import { OWNERSHIP_TAG_KEY, OWNERSHIP_TAG_VALUE } from '../model/ownership.js';
import type { Located } from './merge.js';
import type { Path } from './path.js';
import { diagnosticAt, type DocSource } from './source.js';

export const MAX_TAGS = 50;
const MAX_KEY_CHARS = 128;

/**
 * ECR's tag rules on a merged tag map. With `ownership`, the managed-by: ecrform tag
 * counts towards the 50 (ecrform adds it), and declaring it with another value is an error.
 */
export function checkTags(src: DocSource, tags: Map<string, Located>, at: Path, label: string, ownership: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [key, { value, path }] of tags) {
    if (key.length < 1 || key.length > MAX_KEY_CHARS) {
      out.push(diagnosticAt(src, path, `tag key "${key}" must be 1 to ${MAX_KEY_CHARS} characters long (it is ${key.length})`, 'key'));
    }
    if (key.toLowerCase().startsWith('aws:')) {
      out.push(diagnosticAt(src, path, `tag key "${key}" starts with "aws:", which AWS reserves for its own tags; rename it`, 'key'));
    }
    if (ownership && key === OWNERSHIP_TAG_KEY && value !== OWNERSHIP_TAG_VALUE && value !== null) {
      out.push(
        diagnosticAt(
          src,
          path,
          `the "${OWNERSHIP_TAG_KEY}" tag marks what ecrform manages and ecrform sets it ("${OWNERSHIP_TAG_VALUE}", or "${OWNERSHIP_TAG_VALUE}:NAME" with stack: NAME); remove it or use another key`,
        ),
      );
    }
  }
  // A null value removes a default tag: it is not a tag of the repository.
  const declared = [...tags].filter(([key, t]) => t.value !== null && !(ownership && key === OWNERSHIP_TAG_KEY)).length;
  const total = declared + (ownership ? 1 : 0);
  if (total > MAX_TAGS) {
    const why = ownership
      ? `${declared} tags plus ${OWNERSHIP_TAG_KEY}: ${OWNERSHIP_TAG_VALUE} make ${total}; ECR allows ${MAX_TAGS}, so declare at most ${MAX_TAGS - 1}`
      : `${declared} tags; ECR allows at most ${MAX_TAGS}`;
    out.push(diagnosticAt(src, at, `${label} has ${why}`, 'key'));
  }
  return out;
}

/** A tag map as written in one place, located key by key. */
export function locateTags(value: unknown, path: Path): Map<string, Located> {
  const tags = new Map<string, Located>();
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, v] of Object.entries(value)) tags.set(key, { value: v, path: [...path, key] });
  }
  return tags;
}
