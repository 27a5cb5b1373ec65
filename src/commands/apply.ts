import { apply, checkBlocked } from '../apply/apply.js';
import type { ApplyResult } from '../apply/step.js';
import { EcrformError } from '../errors.js';
import { renderApplyMarkdown } from '../render/apply-markdown.js';
import type { SessionView } from '../render/session-view.js';
import { hasChanges } from '../render/summary.js';
import { confirmQuestion } from '../render/apply-words.js';
import { hintsFromDesired } from '../render/compact/hints.js';
import { applyRegistries, type ApplyTarget } from '../run/apply-registries.js';
import { recheckPlan } from '../run/recheck-plan.js';
import type { Selection } from '../run/select-registries.js';
import type { Desired } from '../model/desired.js';
import type { ConnectionOptions } from './connect.js';
import { openView } from './open-view.js';
import { EXIT_INTERRUPTED } from './interrupts.js';
import { appendStepSummary } from './step-summary.js';
import { readPlanFile } from './read-plan-file.js';
import { planFromFiles } from './plan-from-files.js';
import { applyOk, renderRunApply } from './run-apply-output.js';
import { showPlanText } from './run-plan-output.js';
import type { Io, OutputFormat } from './io.js';

export interface ApplyCommandOptions extends ConnectionOptions {
  files: string[];
  planFile?: string;
  format: OutputFormat;
  autoApprove: boolean;
  forceDelete: boolean;
  targets: string[];
  lifecyclePreview: boolean;
  full?: boolean;
  selection?: Selection;
  maxDeletes?: number;
}

/** `apply PLAN`: each registry must be the plan's and nothing it touches may have moved since. */
async function targetsFromFile(path: string, options: ApplyCommandOptions, io: Io, view: SessionView): Promise<ApplyTarget[]> {
  if (options.selection?.registries.length || options.selection?.shard) {
    throw new EcrformError('INVALID_ARGUMENT', '--registry and --shard choose registries when planning; apply PLAN applies the whole saved plan');
  }
  const outcomes = await readPlanFile(path);
  return recheckPlan(outcomes, options, { debugLine: (l) => io.stderr(l + '\n'), onCall: view.call, onProgress: view.progress });
}

/** The one document of --format json or markdown on stdout; text has shown everything already. */
function printResult(result: ApplyResult, format: OutputFormat, io: Io): void {
  if (format === 'json') io.stdout(JSON.stringify(result, null, 2) + '\n');
  if (format === 'markdown') io.stdout(renderApplyMarkdown(result));
}

/**
 * `ecrform apply`: exit 0 when all is done; 1 on error, refusal or a partial
 * apply, in any registry. The question before applying is the view's; apply
 * itself only reports events and never asks. Several registries apply side
 * by side, each in its own phases; a failure stops only its own registry.
 */
export async function runApply(options: ApplyCommandOptions, io: Io): Promise<number> {
  if (options.planFile && options.files.length) {
    throw new EcrformError('INVALID_ARGUMENT', 'give either -f files or a PLAN file, not both');
  }
  if (options.planFile && options.forceDelete) {
    throw new EcrformError(
      'INVALID_ARGUMENT',
      'apply PLAN takes no --force-delete: deleting images is decided when planning, where it is reviewed; run: ecrform plan --force-delete --out PLAN',
    );
  }
  if (options.planFile && options.maxDeletes !== undefined) {
    throw new EcrformError('INVALID_ARGUMENT', 'apply PLAN takes no --max-deletes: it is recorded in the plan; run: ecrform plan --max-deletes N --out PLAN');
  }
  if (options.planFile && options.targets.length) {
    throw new EcrformError('INVALID_ARGUMENT', 'apply PLAN takes no --target: a plan file is applied whole; give --target to ecrform plan --out PLAN instead');
  }
  const view = await openView(io, options.format, options.debug);
  try {
    // Each registry's plan is shown with its own files' hints; a saved plan has none.
    const shown = (t: ApplyTarget & { input?: { desired: Desired } }) => ({ full: options.full, hints: t.input ? hintsFromDesired(t.input.desired) : undefined });
    const targets: Array<ApplyTarget & { input?: { desired: Desired } }> = options.planFile
      ? await targetsFromFile(options.planFile, options, io, view)
      : await planFromFiles(options, io, view);
    showPlanText(view, targets, io, shown);
    const changing = targets.filter((t) => t.plan && hasChanges(t.plan.summary));
    const failed = targets.filter((t) => t.error);
    // A failed check across registries fails apply even with nothing to change, as it fails plan and drift.
    const blocked = targets.flatMap((t) => (t.blocked ?? []).map((m) => `  ${t.registry.id}: ${m}`));
    if (blocked.length) throw new EcrformError('PLAN_REFUSED', `refusing to apply: the checks across registries failed\n${blocked.join('\n')}`);
    if (changing.length === 0 && failed.length === 0) {
      await view.close();
      if (targets.length <= 1) printResult({ ok: true, steps: [] }, options.format, io);
      else io.stdout(options.format === 'text' ? '' : renderRunApply(targets.map((t) => ({ registry: t.registry, result: { ok: true, steps: [] } })), options.format, io));
      await appendStepSummary(io, targets.length <= 1 ? renderApplyMarkdown({ ok: true, steps: [] }) : renderRunApply(targets.map((t) => ({ registry: t.registry, result: { ok: true, steps: [] } })), 'markdown', io));
      return 0;
    }
    for (const t of changing) checkBlocked(t.plan!);
    if (changing.length && !options.autoApprove) {
      if (!io.isTTY) {
        throw new EcrformError('PLAN_REFUSED', 'not a terminal (or CI is set): nothing to confirm with; pass --auto-approve to apply without asking');
      }
      if (!(await view.confirm(confirmQuestion(changing.flatMap((t) => t.plan!.changes))))) {
        view.print('Apply cancelled; nothing was changed.\n');
        return 1;
      }
    }
    if (targets.length === 1) {
      const { plan, connection } = targets[0];
      const result = await apply(plan!, connection!.port, {
        concurrency: options.concurrency,
        report: view.applyEvent,
        shouldStop: () => io.interrupts?.stopRequested() ?? false,
        // A second signal (or the 30 s grace) exits before apply ends: report what is known.
        onStart: (snapshot) => io.interrupts?.applying(() => view.applyEvent({ type: 'finished', result: snapshot() })),
      });
      io.interrupts?.applied();
      await view.close();
      printResult(result, options.format, io);
      await appendStepSummary(io, renderApplyMarkdown(result));
      return result.interrupted ? EXIT_INTERRUPTED : result.ok ? 0 : 1;
    }
    // Applying from here on: a first signal stops new steps in every registry
    // (never the "nothing was changed" of a signal while planning); a second
    // one (or the grace period) exits with each started registry's outcome so far.
    const snapshots = new Map<string, () => ApplyResult>();
    io.interrupts?.applying(() => {
      for (const [id, snapshot] of snapshots) view.applyEvent({ type: 'finished', result: snapshot() }, id);
    });
    // Each step's line as it ends, naming its registry (the registries' steps interleave); the grouped report follows.
    const outcomes = await applyRegistries(targets, {
      concurrency: options.concurrency,
      shouldStop: () => io.interrupts?.stopRequested() ?? false,
      report: (registry, event) => view.applyEvent(event, registry.id),
      onStart: (registry, snapshot) => snapshots.set(registry.id, snapshot),
    });
    io.interrupts?.applied();
    if (options.format === 'text') view.print(renderRunApply(outcomes, 'text', io));
    await view.close();
    if (options.format !== 'text') io.stdout(renderRunApply(outcomes, options.format, io));
    // Like plan and drift: the run's summary page records what was applied, and what failed.
    await appendStepSummary(io, renderRunApply(outcomes, 'markdown', io));
    return outcomes.some((o) => o.result?.interrupted) ? EXIT_INTERRUPTED : applyOk(outcomes) ? 0 : 1;
  } finally {
    await view.close();
  }
}
