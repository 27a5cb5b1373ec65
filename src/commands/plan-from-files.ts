import type { SessionView } from '../render/session-view.js';
import { loadRegistries, type RegistryInput } from '../run/load-registries.js';
import { planRegistries, type PlannedRegistry } from '../run/plan-registries.js';
import { selectRegistries, type Selection } from '../run/select-registries.js';
import { checkReplication, type CrossFinding } from '../run/cross-registry.js';
import { annotationLines } from '../github/annotations.js';
import { keepTargeted } from '../run/run-targets.js';
import { TOOL_VERSION } from '../version.js';
import type { ConnectionOptions } from './connect.js';
import type { Io } from './io.js';

export interface PlanFromFilesOptions extends ConnectionOptions {
  files: string[];
  targets: string[];
  lifecyclePreview: boolean;
  /** --registry and --shard; absent means every registry of the files. */
  selection?: Selection;
  /** Recorded in the plan (plan and apply -f; drift leaves them out). */
  forceDelete?: boolean;
  maxDeletes?: number;
}

export type { PlannedRegistry };

/**
 * What plan, apply and drift share: read and check the files of every
 * registry (before any AWS call, so bad input never reaches ECR), keep the
 * registries --registry and --shard select, then read and plan each one,
 * side by side. One registry: its failure is thrown, as before; several: each
 * outcome is its own.
 */
export async function planFromFiles(options: PlanFromFilesOptions, io: Io, view: SessionView): Promise<PlannedRegistry[]> {
  const loaded = await loadRegistries(options.files);
  const registries = selectRegistries(loaded, options.selection ?? { registries: [] });
  const all = await planRegistries(
    registries,
    { ...options, now: io.now(), toolVersion: TOOL_VERSION },
    { debugLine: (l) => io.stderr(l + '\n'), onCall: view.call, onProgress: view.progress },
  );
  const { planned, untargeted } = keepTargeted(all, options.targets);
  if (untargeted.length) view.print(`Note: no --target matches an address of ${untargeted.join(', ')}: left out of this run.\n`);
  const read = planned.filter((p) => p.plan);
  const findings = crossRegistryFindings(read, loaded, registries);
  // In GitHub Actions, each finding also lands on the replication rule's line of the pull request's diff.
  const annotations = (['error', 'warning'] as const).map((level) => annotationLines(annotationsOf(findings, level), io.env, undefined, level)).join('');
  if (annotations) io.stderr(annotations);
  return withCrossRegistryChecks(planned, findings);
}

/**
 * The replication checks of this run. --registry and --shard leave registries
 * out of the run, not out of the checks: a registry left out is checked by
 * what its files declare (they are loaded anyway), so a shard holding only a
 * replication's source, or only its destination, still sees a rule that cannot
 * work. A finding is kept when its source or its destination is in the run.
 */
function crossRegistryFindings(read: PlannedRegistry[], loaded: RegistryInput[], selected: RegistryInput[]): CrossFinding[] {
  const leftOut = loaded.filter((r) => !selected.includes(r) && r.accountId !== undefined && r.region !== undefined);
  const findings = checkReplication([
    ...read.map((p) => ({ ...p.registry, desired: p.input.desired, live: p.live })),
    ...leftOut.map((r) => ({ id: r.id, accountId: r.accountId!, region: r.region!, desired: r.desired })),
  ]);
  const inRun = new Set(read.map((p) => p.registry.id));
  return findings.filter((f) => inRun.has(f.registry) || inRun.has(f.destination));
}

const annotationsOf = (findings: CrossFinding[], level: CrossFinding['level']) =>
  findings.flatMap((f) => (f.level === level && f.at ? [{ ...f.at, path: '/registry/replication', message: f.text }] : []));

/** The checks across registries (replication destinations), each finding under the registry it concerns. */
function withCrossRegistryChecks(planned: PlannedRegistry[], findings: CrossFinding[]): PlannedRegistry[] {
  const inRun = new Set(planned.map((p) => p.registry.id));
  // Under the source registry; under the destination when the source is not in this run.
  const concerns = (f: CrossFinding) => (inRun.has(f.registry) ? f.registry : f.destination);
  return planned.map((p) => {
    const mine = findings.filter((f) => concerns(f) === p.registry.id);
    if (!mine.length) return p;
    const of = (level: string) => mine.filter((f) => f.level === level).map((f) => f.message);
    return { ...p, blocked: of('error'), warnings: of('warning') };
  });
}
