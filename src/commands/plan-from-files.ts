import type { SessionView } from '../render/session-view.js';
import { loadRegistries } from '../run/load-registries.js';
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
  const registries = selectRegistries(await loadRegistries(options.files), options.selection ?? { registries: [] });
  const all = await planRegistries(
    registries,
    { ...options, now: io.now(), toolVersion: TOOL_VERSION },
    { debugLine: (l) => io.stderr(l + '\n'), onCall: view.call, onProgress: view.progress },
  );
  const { planned, untargeted } = keepTargeted(all, options.targets);
  if (untargeted.length) view.print(`Note: no --target matches an address of ${untargeted.join(', ')}: left out of this run.\n`);
  const read = planned.filter((p) => p.plan);
  const findings = checkReplication(read.map((p) => ({ ...p.registry, desired: p.input.desired, live: p.live })));
  // In GitHub Actions, each finding also lands on the replication rule's line of the pull request's diff.
  const annotations = (['error', 'warning'] as const).map((level) => annotationLines(annotationsOf(findings, level), io.env, undefined, level)).join('');
  if (annotations) io.stderr(annotations);
  return withCrossRegistryChecks(planned, findings);
}

const annotationsOf = (findings: CrossFinding[], level: CrossFinding['level']) =>
  findings.flatMap((f) => (f.level === level && f.at ? [{ ...f.at, path: '/registry/replication', message: f.text }] : []));

/** The checks across registries (replication destinations), each finding under the registry it concerns. */
function withCrossRegistryChecks(planned: PlannedRegistry[], findings: CrossFinding[]): PlannedRegistry[] {
  return planned.map((p) => {
    const mine = findings.filter((f) => f.registry === p.registry.id);
    if (!mine.length) return p;
    const of = (level: string) => mine.filter((f) => f.level === level).map((f) => f.message);
    return { ...p, blocked: of('error'), warnings: of('warning') };
  });
}
