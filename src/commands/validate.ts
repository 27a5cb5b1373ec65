import { loadDesired, resolveInputPaths } from '../config/index.js';
import type { Io } from './io.js';

/** `ecrform validate`: offline checks of schema, rules and merge. Exit 0 valid, 1 invalid. */
export async function runValidate(files: string[], io: Io): Promise<number> {
  const paths = await resolveInputPaths(files);
  const desired = await loadDesired(paths);
  const count = Object.keys(desired.repositories).length;
  io.stdout(`${paths.join(', ')}: valid (${count} repositor${count === 1 ? 'y' : 'ies'})\n`);
  return 0;
}
