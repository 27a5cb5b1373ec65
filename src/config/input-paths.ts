import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, type Diagnostic } from '../errors.js';

export const DEFAULT_INPUT = 'registry.yaml';

const isYamlName = (name: string): boolean => /\.ya?ml$/i.test(name);

/** Folders a walk never enters: hidden ones (.git, .github) and node_modules. */
const skipFolder = (name: string): boolean => name.startsWith('.') || name === 'node_modules';

/** Every *.yaml / *.yml file under `dir`, in subfolders too, sorted by path. */
async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skipFolder(entry.name)) out.push(...(await walk(full)));
    } else if ((entry.isFile() || entry.isSymbolicLink()) && isYamlName(entry.name)) {
      out.push(full);
    }
  }
  return out;
}

const byPath = (a: string, b: string): number => {
  const pa = a.split(path.sep);
  const pb = b.split(path.sep);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] !== pb[i]) return pa[i] < pb[i] ? -1 : 1;
  }
  return pa.length - pb.length;
};

/**
 * Expands `-f` arguments into the files to read, in order: no argument means
 * registry.yaml; a folder means every *.yaml and *.yml file under it, in
 * subfolders too, sorted by path (hidden folders and node_modules skipped), so
 * moving a file into a subfolder never makes its repositories disappear. Paths stay as the user wrote them, since diagnostics and the plan show them.
 * A path that does not exist is a ConfigError.
 */
export async function resolveInputPaths(paths: string[]): Promise<string[]> {
  const inputs = paths.length === 0 ? [DEFAULT_INPUT] : paths;
  const files: string[] = [];
  const problems: Diagnostic[] = [];
  const problem = (file: string, message: string): void => {
    problems.push({ file, line: 1, col: 1, path: '', message });
  };
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch {
      problem(input, input === DEFAULT_INPUT && paths.length === 0 ? 'file does not exist (give the desired-state files with -f)' : 'file does not exist');
      continue;
    }
    if (info.isDirectory()) {
      const found = (await walk(input)).sort(byPath);
      if (found.length === 0) problem(input, 'folder holds no .yaml or .yml file');
      files.push(...found);
    } else {
      files.push(input);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  // The same file named twice would conflict with itself on every key.
  const seen = new Set<string>();
  return files.filter((file) => {
    const key = path.resolve(file);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
