import { loadDesired, resolveInputPaths } from '../config/index.js';
import type { Desired } from '../model/desired.js';
import type { Live } from '../model/live.js';
import type { Plan } from '../model/plan.js';
import type { SessionView } from '../render/session-view.js';
import { buildPlan } from '../workflow/build-plan.js';
import { TOOL_VERSION } from '../version.js';
import { connect, type Connection, type ConnectionOptions } from './connect.js';
import type { Io } from './io.js';

export interface PlanFromFilesOptions extends ConnectionOptions {
  files: string[];
  targets: string[];
  lifecyclePreview: boolean;
  /** Recorded in the plan (plan and apply -f; drift leaves them out). */
  forceDelete?: boolean;
  maxDeletes?: number;
}

export interface PlannedFromFiles {
  desired: Desired;
  live: Live;
  plan: Plan;
  connection: Connection;
}

/**
 * What plan, apply and drift share: read and check the files (before any AWS
 * call, so bad input never reaches ECR), connect, read the live registry and plan.
 */
export async function planFromFiles(options: PlanFromFilesOptions, io: Io, view: SessionView): Promise<PlannedFromFiles> {
  const desired = await loadDesired(await resolveInputPaths(options.files));
  const connection = await connect(options, desired.registry.region, (l) => io.stderr(l + '\n'), view.call);
  const now = io.now();
  const { plan, live } = await buildPlan(connection.port, desired, {
    region: connection.region,
    now,
    createdAt: now.toISOString(),
    toolVersion: TOOL_VERSION,
    lifecyclePreview: options.lifecyclePreview,
    targets: options.targets,
    forceDelete: options.forceDelete,
    maxDeletes: options.maxDeletes,
    onProgress: view.progress,
  });
  return { desired, live, plan, connection };
}
