import { hasChanges } from '../render/summary.js';
import { hintsFromDesired } from '../render/compact/hints.js';
import { resolveInputPaths } from '../config/index.js';
import { address, matchesTarget } from '../model/address.js';
import type { Desired } from '../model/desired.js';
import type { Live } from '../model/live.js';
import { isOwned, OWNERSHIP_TAG_KEY, ownershipValue } from '../model/ownership.js';
import { checkOutCanBeWritten, checkOutIsNotAnInput, writeOut } from './check-out.js';
import { blockedReasons, waysOut } from '../apply/blocked.js';
import type { ConnectionOptions } from './connect.js';
import { planFromFiles, type PlannedRegistry } from './plan-from-files.js';
import { openView } from './open-view.js';
import { planDocumentOf, renderRunPlan, renderRunPlanMarkdown, showPlanText } from './run-plan-output.js';
import { appendStepSummary } from './step-summary.js';
import type { Selection } from '../run/select-registries.js';
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
  selection?: Selection;
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

/**
 * `ecrform plan`: what apply would do, and why, for every registry of the
 * files. Exit 0, or 2 for changes with --detailed-exitcode; 1 when any
 * registry failed (the others are still reported).
 */
export async function runPlan(options: PlanCommandOptions, io: Io): Promise<number> {
  // Refused before any AWS call where it can be: the desired-state files are known now.
  checkOutIsNotAnInput(options.out, await resolveInputPaths(options.files));
  checkOutCanBeWritten(options.out, 'plan.json');
  const view = await openView(io, options.format, options.debug);
  let planned: PlannedRegistry[];
  let orphans: string[];
  // Each registry's plan is shown with its own files' hints (which file wrote a document).
  const shown = (p: PlannedRegistry) => ({ full: options.full, hints: hintsFromDesired(p.input.desired) });
  try {
    planned = await planFromFiles(options, io, view);
    for (const p of planned) checkOutIsNotAnInput(options.out, p.input.desired.inputs ?? []);
    orphans = planned.flatMap((p) => (p.live ? orphanedNote(p.input.desired, p.live, options.targets).map((l, i) => (i === 1 && planned.length > 1 ? `${p.registry.id}: ${l}` : l)) : []));
    if (options.format === 'text') showPlanText(view, planned, io, shown);
  } finally {
    await view.close();
  }
  if (orphans.length) (options.format === 'text' ? io.stdout : io.stderr)(orphans.join('\n') + '\n');
  if (options.format !== 'text') io.stdout(renderRunPlan(planned, options.format, io, shown));
  await appendStepSummary(io, renderRunPlanMarkdown(planned, undefined, shown));
  const failed = planned.filter((p) => p.error);
  if (options.out) {
    if (failed.length) {
      io.stderr(`Plan not written to ${options.out}: ${failed.map((p) => p.registry.id).join(', ')} failed; a saved plan must cover every registry it names.\n`);
    } else {
      await writeOut(options.out, JSON.stringify(planDocumentOf(planned, io), null, 2) + '\n', 'plan');
      if (options.format === 'text') io.stderr(`Plan written to ${options.out}; apply it with: ecrform apply ${options.out}\n`);
    }
  }
  if (failed.length) return 1;
  // A plan that apply would refuse fails here, in review, not after the merge.
  let refused = false;
  for (const p of planned) {
    const reasons = p.plan ? blockedReasons(p.plan) : [];
    if (!reasons.length && !p.blocked?.length) continue;
    refused = true;
    if (!reasons.length) continue;
    const text = [`This plan${planned.length > 1 ? ` of ${p.registry.id}` : ''} cannot be applied as it stands:`, ...reasons.map((r) => `  ${r}`), ...waysOut(p.plan!)].join('\n');
    (options.format === 'text' ? io.stdout : io.stderr)(`\n${text}\n`);
  }
  const crossBlocked = planned.filter((p) => p.blocked?.length);
  if (crossBlocked.length) io.stderr(`error: the plan of ${crossBlocked.map((p) => p.registry.id).join(', ')} cannot be applied as it stands (see the errors above)\n`);
  if (refused) return 1;
  return options.detailedExitcode && planned.some((p) => p.plan && hasChanges(p.plan.summary)) ? 2 : 0;
}
