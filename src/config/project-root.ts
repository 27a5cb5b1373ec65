import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** Why a folder is the project: which of the rules below chose it. */
export type ProjectBasis = 'git' | 'working-directory' | 'own-folder';

export interface Project {
  root: string;
  basis: ProjectBasis;
}

const projects = new Map<string, Project>();

/**
 * The project a desired-state file belongs to: the nearest folder above it that
 * holds `.git`, else the working directory (else, for a file outside the working
 * directory, its own folder: a project cannot start below the file). Policy files
 * must stay inside it, so a file under review cannot make ecrform read anything
 * outside the repository.
 */
export function projectOf(yamlFile: string): Project {
  const start = path.dirname(path.resolve(yamlFile));
  const key = `${start}\0${process.cwd()}`;
  const cached = projects.get(key);
  if (cached) return cached;
  let dir = start;
  let project: Project = isInside(start, process.cwd()) ? { root: process.cwd(), basis: 'working-directory' } : { root: start, basis: 'own-folder' };
  for (;;) {
    if (existsSync(path.join(dir, '.git'))) {
      project = { root: dir, basis: 'git' };
      break;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  project = { ...project, root: realOrSelf(project.root) };
  projects.set(key, project);
  return project;
}

/** Which rule made `root` the project, and how to widen it: for the message that refuses a path outside it. */
export function projectExplained({ root, basis }: Project): { why: string; wayOut: string } {
  const wayOut = basis === 'git' ? '' : '; run ecrform from a folder that holds both, or keep them in one git repository';
  switch (basis) {
    case 'git':
      return { why: `${root}, the nearest folder above this file holding .git`, wayOut };
    case 'working-directory':
      return { why: `${root}, the working directory (no folder above this file holds .git)`, wayOut };
    case 'own-folder':
      return { why: `${root}, this file's own folder (no folder above it holds .git, and it is outside the working directory ${process.cwd()})`, wayOut };
  }
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
