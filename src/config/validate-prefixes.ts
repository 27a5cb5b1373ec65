import type { Diagnostic } from '../errors.js';
import { diagnosticAt, type DocSource } from './source.js';
import { asArray, asObject } from './values.js';

/**
 * `repositoryPrefixes`: the names a file may declare. A name outside them is an
 * error at its line, so a team's file reviewed by that team cannot declare (and
 * so take over) another team's repository.
 */
export function checkRepositoryPrefixes(src: DocSource): Diagnostic[] {
  const root = asObject(src.value) ?? {};
  const prefixes = (asArray(root.repositoryPrefixes) ?? []).filter((p): p is string => typeof p === 'string' && p.length > 0);
  if (prefixes.length === 0) return [];
  const allowed = prefixes.map((p) => JSON.stringify(p)).join(', ');
  return Object.keys(asObject(root.repositories) ?? {})
    .filter((name) => !prefixes.some((p) => name.startsWith(p)))
    .map((name) =>
      diagnosticAt(
        src,
        ['repositories', name],
        `repository "${name}" does not start with a prefix this file may declare (repositoryPrefixes: ${allowed}); declare it in the file that owns its prefix, or add the prefix`,
        'key',
      ),
    );
}
