import { writeFile } from 'node:fs/promises';
import { resolveInputPaths } from '../config/index.js';
import { address, matchesTarget } from '../model/address.js';
import type { Desired } from '../model/desired.js';
import type { Live } from '../model/live.js';
import { isOwned, OWNERSHIP_TAG_KEY, ownershipValue } from '../model/ownership.js';
import { checkOutIsNotAnInput } from './check-out.js';
import { blockedReasons, waysOut } from '../apply/blocked.js';
import { hasChanges } from '../render/summary.js';
import { renderPlanJson } from '../render/json.js';
import { renderPlanMarkdown } from '../render/markdown.js';
import type { SessionView } from '../render/session-view.js';
import type { Plan } from '../model/plan.js';
import type { ViewOptions } from '../render/change-details.js';
import { hintsFromDesired } from '../render/compact/hints.js';
import type { ConnectionOptions } from './connect.js';
import { planFromFiles } from './plan-from-files.js';
import { openView } from './open-view.js';
import { renderPlan } from './render-plan.js';
import { appendStepSummary } from './step-summary.js';
import type { Io, OutputFormat } from './io.js';

export interface PlanCommandOptions extends ConnectionOptions {
  files: string[];
  format: OutputFormat;
  out?: string;
  detailedExitcode: boolean;
  targets: string[];
  lifecyclePreview: boolean;
  /** --full: every document in full, nothing folded or referred to. */
  full?: boolean;
  forceDelete?: boolean;
  maxDeletes?: number;
}

/**
 * With prune off, managed repositories that no file declares are left alone;
 * plan says so, as drift lists them (orphaned), so plan and drift never disagree.
 */
function orphanedNote(desired: Desired, live: Live, targets: string[]): string[] {
  if (desired.prune) return [];
  const names = Object.values(live.repositories)
    .filter((r) => !(r.name in desired.repositories) && isOwned(r.tags, desired.stack))
    .map((r) => r.name)
    .filter((name) => targets.length === 0 || targets.some((t) => matchesTarget(address.repository(name), t)));
  if (names.length === 0) return [];
  return [
    '',
    `Note: ${names.length} orphaned repositor${names.length === 1 ? 'y carries' : 'ies carry'} ${OWNERSHIP_TAG_KEY}: ${ownershipValue(desired.stack)} but no file declares ${names.length === 1 ? 'it' : 'them'}; prune is off, so apply leaves ${names.length === 1 ? 'it' : 'them'} alone:`,
    ...names.map((n) => `  ${n}`),
    'Declare them again, set prune: true to delete them, or remove their managed-by tag.',
  ];
}

/** `ecrform plan`: what apply would do, and why. Exit 0, or 2 for changes with --detailed-exitcode. */
export async function runPlan(options: PlanCommandOptions, io: Io): Promise<number> {
  // Refused before any AWS call where it can be: the desired-state files are known now.
  checkOutIsNotAnInput(options.out, await resolveInputPaths(options.files));
  const view = await openView(io, options.format, options.debug);
  let plan: Plan;
  let shown: ViewOptions;
  let orphans: string[];
  try {
    const built = await planFromFiles(options, io, view);
    plan = built.plan;
    checkOutIsNotAnInput(options.out, built.desired.inputs ?? []);
    orphans = orphanedNote(built.desired, built.live, options.targets);
    shown = { full: options.full, hints: hintsFromDesired(built.desired) };
    if (options.format === 'text') view.plan(plan, shown);
  } finally {
    await view.close();
  }
  if (orphans.length) (options.format === 'text' ? io.stdout : io.stderr)(orphans.join('\n') + '\n');
  if (options.format !== 'text') io.stdout(renderPlan(plan, options.format, io, shown));
  await appendStepSummary(io, renderPlanMarkdown(plan, shown));
  if (options.out) {
    await writeFile(options.out, renderPlanJson(plan));
    if (options.format === 'text') io.stderr(`Plan written to ${options.out}; apply it with: ecrform apply ${options.out}\n`);
  }
  // A plan that apply would refuse fails here, in review, not after the merge.
  const blocked = blockedReasons(plan);
  if (blocked.length) {
    const text = [
      'This plan cannot be applied as it stands:',
      ...blocked.map((r) => `  ${r}`),
      ...waysOut(plan),
    ].join('\n');
    (options.format === 'text' ? io.stdout : io.stderr)(`\n${text}\n`);
    return 1;
  }
  return options.detailedExitcode && hasChanges(plan.summary) ? 2 : 0;
}
