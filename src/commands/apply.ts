import { apply } from '../apply/apply.js';
import { staleAddresses } from '../apply/check-stale.js';
import { repositoriesDeleted, staleDeletes } from '../apply/check-stale-deletes.js';
import { blockedReasons, waysOut } from '../apply/blocked.js';
import type { ApplyResult } from '../apply/step.js';
import { fetchImages, fetchLive } from '../ecr/fetch-live.js';
import { scopeOfPlan } from '../ecr/read-scope.js';
import { parseAddress } from '../model/address.js';
import type { Plan } from '../model/plan.js';
import { EcrformError } from '../errors.js';
import { renderApplyMarkdown } from '../render/apply-markdown.js';
import type { SessionView } from '../render/session-view.js';
import { hasChanges } from '../render/summary.js';
import { confirmQuestion } from '../render/apply-words.js';
import { hintsFromDesired } from '../render/compact/hints.js';
import type { ViewOptions } from '../render/change-details.js';
import { connect, type Connection, type ConnectionOptions } from './connect.js';
import { openView } from './open-view.js';
import { appendStepSummary } from './step-summary.js';
import { readPlanFile } from './read-plan-file.js';
import { EXIT_INTERRUPTED } from './interrupts.js';
import { planFromFiles } from './plan-from-files.js';
import type { Io, OutputFormat } from './io.js';

export interface ApplyCommandOptions extends ConnectionOptions {
  files: string[];
  planFile?: string;
  format: OutputFormat;
  autoApprove: boolean;
  forceDelete: boolean;
  maxDeletes?: number;
  targets: string[];
  lifecyclePreview: boolean;
  full?: boolean;
}

type Planned = { plan: Plan; connection: Connection; shown?: ViewOptions };

/** `apply PLAN`: the registry must be the plan's and nothing it touches may have moved since. */
async function planFromFile(path: string, options: ApplyCommandOptions, io: Io, view: SessionView): Promise<Planned> {
  const plan = await readPlanFile(path);
  const connection = await connect(options, plan.registry.region, (l) => io.stderr(l + '\n'), view.call);
  let live = await fetchLive(connection.port, scopeOfPlan(plan), { region: connection.region, onProgress: view.progress });
  if (live.registryId !== plan.registry.accountId) {
    throw new EcrformError('ACCOUNT_MISMATCH', `the plan is for account ${plan.registry.accountId}, but the credentials reach ${live.registryId}`);
  }
  const withPins = plan.changes.flatMap((c) => {
    const parsed = parseAddress(c.address);
    return parsed?.type === 'image' ? [parsed.repository] : [];
  });
  const needImages = [...new Set([...withPins, ...repositoriesDeleted(plan)])].filter((name) => live.repositories[name]);
  if (needImages.length) live = await fetchImages(connection.port, live, needImages, view.progress);
  const stale = [...staleAddresses(plan, live), ...staleDeletes(plan, live)];
  if (stale.length) {
    throw new EcrformError(
      'STALE_PLAN',
      `refusing the whole plan: the live state moved since it was made at\n${stale.map((a) => `  ${a}`).join('\n')}\nrun ecrform plan again`,
    );
  }
  return { plan, connection };
}

/** The one document of --format json or markdown on stdout; text has shown everything already. */
function printResult(result: ApplyResult, format: OutputFormat, io: Io): void {
  if (format === 'json') io.stdout(JSON.stringify(result, null, 2) + '\n');
  if (format === 'markdown') io.stdout(renderApplyMarkdown(result));
}

/**
 * `ecrform apply`: exit 0 when all is done; 1 on error, refusal or a partial
 * apply. The question before applying is the view's; apply itself only
 * reports events and never asks.
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
    const { plan, connection, shown } = options.planFile
      ? await planFromFile(options.planFile, options, io, view)
      : await planFromFiles(options, io, view).then((p) => ({ ...p, shown: { hints: hintsFromDesired(p.desired) } }));
    view.plan(plan, { ...shown, full: options.full });
    if (!hasChanges(plan.summary)) {
      await view.close();
      printResult({ ok: true, steps: [] }, options.format, io);
      await appendStepSummary(io, renderApplyMarkdown({ ok: true, steps: [] }));
      return 0;
    }
    const blocked = blockedReasons(plan);
    if (blocked.length) {
      throw new EcrformError('PLAN_REFUSED', `refusing to apply: the plan cannot be applied as it stands\n${blocked.map((r) => `  ${r}`).join('\n')}\n${waysOut(plan).join('\n')}`);
    }
    if (!options.autoApprove) {
      if (!io.isTTY) {
        throw new EcrformError('PLAN_REFUSED', 'not a terminal (or CI is set): nothing to confirm with; pass --auto-approve to apply without asking');
      }
      if (!(await view.confirm(confirmQuestion(plan.changes)))) {
        view.print('Apply cancelled; nothing was changed.\n');
        return 1;
      }
    }
    const result = await apply(plan, connection.port, {
      concurrency: options.concurrency,
      report: view.applyEvent,
      shouldStop: () => io.interrupts?.stopRequested() ?? false,
      // A second signal (or the 30 s grace) exits before apply ends: report what is known.
      onStart: (snapshot) => io.interrupts?.applying(() => view.applyEvent({ type: 'finished', result: snapshot() })),
    });
    io.interrupts?.applied();
    await view.close();
    printResult(result, options.format, io);
    // Like plan and drift: the run's summary page records what was applied, and what failed.
    await appendStepSummary(io, renderApplyMarkdown(result));
    return result.interrupted ? EXIT_INTERRUPTED : result.ok ? 0 : 1;
  } finally {
    await view.close();
  }
}
