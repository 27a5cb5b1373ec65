import { writeFile } from 'node:fs/promises';
import { loadDesired, resolveInputPaths } from '../config/index.js';
import { buildPlan } from '../workflow/build-plan.js';
import { hasChanges } from '../render/summary.js';
import { renderPlanJson } from '../render/json.js';
import { renderPlanMarkdown } from '../render/markdown.js';
import type { SessionView } from '../render/session-view.js';
import type { Plan } from '../model/plan.js';
import { connect, type ConnectionOptions } from './connect.js';
import { openView } from './open-view.js';
import { renderPlan } from './render-plan.js';
import { appendStepSummary } from './step-summary.js';
import type { Io, OutputFormat } from './io.js';
import { TOOL_VERSION } from '../version.js';

export interface PlanCommandOptions extends ConnectionOptions {
  files: string[];
  format: OutputFormat;
  out?: string;
  detailedExitcode: boolean;
  targets: string[];
  lifecyclePreview: boolean;
}

async function makePlan(options: PlanCommandOptions, io: Io, view: SessionView): Promise<Plan> {
  // The files are read and checked before any AWS call: bad input never reaches ECR.
  const desired = await loadDesired(await resolveInputPaths(options.files));
  const { port, region } = await connect(options, desired.registry.region, (l) => io.stderr(l + '\n'), view.call);
  const now = io.now();
  const { plan } = await buildPlan(port, desired, {
    region,
    now,
    createdAt: now.toISOString(),
    toolVersion: TOOL_VERSION,
    lifecyclePreview: options.lifecyclePreview,
    targets: options.targets,
    onProgress: view.progress,
  });
  return plan;
}

/** `ecrform plan`: what apply would do, and why. Exit 0, or 2 for changes with --detailed-exitcode. */
export async function runPlan(options: PlanCommandOptions, io: Io): Promise<number> {
  const view = await openView(io, options.format, options.debug);
  let plan: Plan;
  try {
    plan = await makePlan(options, io, view);
    if (options.format === 'text') view.plan(plan);
  } finally {
    await view.close();
  }
  if (options.format !== 'text') io.stdout(renderPlan(plan, options.format, io));
  await appendStepSummary(io, renderPlanMarkdown(plan));
  if (options.out) {
    await writeFile(options.out, renderPlanJson(plan));
    if (options.format === 'text') io.stderr(`Plan written to ${options.out}; apply it with: ecrform apply ${options.out}\n`);
  }
  return options.detailedExitcode && hasChanges(plan.summary) ? 2 : 0;
}
