import type { Diagnostic } from '../errors.js';
import { toPointer, type Path } from './path.js';

/** 1-based line and column. */
export interface Position {
  line: number;
  col: number;
}

/** Point at a map key (unknown key, bad name) or at the value under it (everything else). */
export type Target = 'key' | 'value';

/**
 * A parsed document that can say where each of its nodes stands: a desired-state
 * file, or a policy file it references. `file` is the path shown to the user.
 */
export interface DocSource {
  file: string;
  value: unknown;
  locate(path: Path, target?: Target): Position;
}

export function diagnosticAt(src: DocSource, path: Path, message: string, target: Target = 'value'): Diagnostic {
  const { line, col } = src.locate(path, target);
  return { file: src.file, line, col, path: toPointer(path), message };
}

/** `file:line:col`, for messages that point at a second place. */
export function placeOf(src: DocSource, path: Path, target: Target = 'key'): string {
  const { line, col } = src.locate(path, target);
  return `${src.file}:${line}:${col}`;
}

/** Sorted by file, line, col; exact repeats (one default inherited by many repositories) collapse. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const unique = diagnostics.filter((d) => {
    const key = `${d.file}\0${d.line}\0${d.col}\0${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) =>
    a.file !== b.file ? (a.file < b.file ? -1 : 1) : a.line - b.line || a.col - b.col || (a.message < b.message ? -1 : 1),
  );
}
