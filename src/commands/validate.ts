import { resolveInputPaths } from '../config/index.js';
import { loadRegistries } from '../run/load-registries.js';
import type { Io } from './io.js';

const repositories = (n: number) => `${n} repositor${n === 1 ? 'y' : 'ies'}`;

/** `ecrform validate`: offline checks of schema, rules and merge, per registry. Exit 0 valid, 1 invalid. */
export async function runValidate(files: string[], io: Io): Promise<number> {
  const paths = await resolveInputPaths(files);
  const registries = await loadRegistries(files);
  if (registries.length === 1) {
    const count = Object.keys(registries[0].desired.repositories).length;
    io.stdout(`${paths.join(', ')}: valid (${repositories(count)})\n`);
    return 0;
  }
  for (const r of registries) io.stdout(`${r.id}: ${r.files.join(', ')}: valid (${repositories(Object.keys(r.desired.repositories).length)})\n`);
  io.stdout(`${registries.length} registries valid.\n`);
  return 0;
}
