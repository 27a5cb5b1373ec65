import { resolveInputPaths } from '../config/index.js';
import { annotationLines } from '../github/annotations.js';
import { checkReplication } from '../run/cross-registry.js';
import { loadRegistries, type RegistryInput } from '../run/load-registries.js';
import type { Io } from './io.js';

const repositories = (n: number) => `${n} repositor${n === 1 ? 'y' : 'ies'}`;

/**
 * The replication errors the files alone prove: a destination whose own files
 * manage a registry policy that does not let the source account replicate.
 * The warnings are left to plan: they depend on what ECR holds (a policy or a
 * template the files do not manage), which validate never reads.
 */
function replicationErrors(registries: RegistryInput[]) {
  const known = registries.flatMap((r) => (r.accountId && r.region ? [{ id: r.id, accountId: r.accountId, region: r.region, desired: r.desired }] : []));
  return checkReplication(known).filter((f) => f.level === 'error');
}

/** `ecrform validate`: offline checks of schema, rules and merge, per registry, and of replication between them. Exit 0 valid, 1 invalid. */
export async function runValidate(files: string[], io: Io): Promise<number> {
  const paths = await resolveInputPaths(files);
  const registries = await loadRegistries(files);
  const errors = replicationErrors(registries);
  if (errors.length) {
    for (const f of errors) io.stderr(`${f.message}\n`);
    io.stderr(annotationLines(errors.flatMap((f) => (f.at ? [{ ...f.at, path: '/registry/replication', message: f.text }] : [])), io.env));
    io.stderr(`${errors.length} problem${errors.length === 1 ? '' : 's'} found; nothing was sent to AWS.\n`);
    return 1;
  }
  if (registries.length === 1) {
    const count = Object.keys(registries[0].desired.repositories).length;
    io.stdout(`${paths.join(', ')}: valid (${repositories(count)})\n`);
    return 0;
  }
  for (const r of registries) io.stdout(`${r.id}: ${r.files.join(', ')}: valid (${repositories(Object.keys(r.desired.repositories).length)})\n`);
  io.stdout(`${registries.length} registries valid.\n`);
  return 0;
}
