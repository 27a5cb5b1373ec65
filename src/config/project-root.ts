import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';

const roots = new Map<string, string>();

/**
 * The project a desired-state file belongs to: the nearest folder above it that
 * holds `.git`, else the working directory (else, for a file outside the working
 * directory, its own folder: a project cannot start below the file). Policy files
 * must stay inside it, so a file under review cannot make ecrform read anything
 * outside the repository.
 */
export function projectRootOf(yamlFile: string): string {
  const start = path.dirname(path.resolve(yamlFile));
  const cached = roots.get(start);
  if (cached) return cached;
  let dir = start;
  let root = isInside(start, process.cwd()) ? process.cwd() : start;
  for (;;) {
    if (existsSync(path.join(dir, '.git'))) {
      root = dir;
      break;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  root = realOrSelf(root);
  roots.set(start, root);
  return root;
}

function realOrSelf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/**
 * Where a path really leads once symbolic links are resolved, or undefined when it
 * does not exist (the caller reports a missing file).
 */
export function realPathOf(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

export function isInside(file: string, root: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
