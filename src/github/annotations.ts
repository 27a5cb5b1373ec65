import { isAbsolute, relative, resolve } from 'node:path';
import type { Diagnostic } from '../errors.js';

/**
 * GitHub Actions turns a line `::error file=F,line=L,col=C::message` in a
 * step's output into an annotation on that line of the pull request's diff.
 * The runner reads workflow commands on stderr as well as stdout, so they go
 * to stderr and stdout keeps only the one document of --format json|markdown.
 */

/** Escapes as @actions/core does: data may not hold % CR LF; properties not : or , either. */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub places an annotation by a path relative to the repository's root, the workspace. */
function repositoryPath(file: string, workspace: string | undefined, cwd: string): string {
  if (!workspace) return file;
  const rel = relative(workspace, resolve(cwd, file));
  return rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

export function errorCommand(d: Diagnostic, workspace?: string, cwd = process.cwd(), level: 'error' | 'warning' = 'error'): string {
  const file = repositoryPath(d.file, workspace, cwd);
  return `::${level} file=${escapeProperty(file)},line=${d.line},col=${d.col}::${escapeData(d.message)}`;
}

/** The workflow commands for these problems, one line each; none outside GitHub Actions. */
export function annotationLines(
  diagnostics: Diagnostic[],
  env: Record<string, string | undefined>,
  cwd = process.cwd(),
  level: 'error' | 'warning' = 'error',
): string {
  if (env.GITHUB_ACTIONS !== 'true') return '';
  return diagnostics.map((d) => errorCommand(d, env.GITHUB_WORKSPACE, cwd, level) + '\n').join('');
}
