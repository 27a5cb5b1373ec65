import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, type Diagnostic } from '../errors.js';

export const DEFAULT_INPUT = 'registry.yaml';

const isYamlName = (name: string): boolean => /\.ya?ml$/i.test(name);

/**
 * Expands `-f` arguments into the files to read, in order: no argument means
 * registry.yaml; a folder means its *.yaml and *.yml files sorted by name (not
 * recursive). Paths stay as the user wrote them, since diagnostics and the plan show them.
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
      const entries = await readdir(input, { withFileTypes: true });
      const names = entries.filter((e) => (e.isFile() || e.isSymbolicLink()) && isYamlName(e.name)).map((e) => e.name);
      if (names.length === 0) problem(input, 'folder holds no .yaml or .yml file');
      for (const name of names.sort()) files.push(path.join(input, name));
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
