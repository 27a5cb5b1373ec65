import { classifyDrift } from '../drift/classify-drift.js';
import type { DriftOutcome } from '../run/drift-document.js';
import type { Selection } from '../run/select-registries.js';
import { hintsFromDesired } from '../render/compact/hints.js';
import type { ConnectionOptions } from './connect.js';
import { planFromFiles } from './plan-from-files.js';
import { openView } from './open-view.js';
import { driftExitCode, renderRunDrift } from './run-drift-output.js';
import { appendStepSummary } from './step-summary.js';
import type { Io, OutputFormat } from './io.js';

export interface DriftCommandOptions extends ConnectionOptions {
  files: string[];
  format: OutputFormat;
  targets: string[];
  lifecyclePreview: boolean;
  full?: boolean;
  selection?: Selection;
}

/**
 * `ecrform drift`: the plan, reported as drift, for a scheduled job, per
 * registry. Exit 0 in sync, 2 when anything is modified, missing or orphaned
 * (unmanaged repositories are listed, never drift), 1 on error, when any
 * registry could not be read (the others are still reported), or when a
 * check across registries fails (a replication that cannot work is not
 * drift that apply would fix: the files must change).
 */
export async function runDrift(options: DriftCommandOptions, io: Io): Promise<number> {
  const view = await openView(io, options.format, options.debug);
  let outcomes: DriftOutcome[];
  try {
    const planned = await planFromFiles(options, io, view);
    // Each registry's drift is shown with its own files' hints.
    const shown = (i: number) => ({ full: options.full, hints: hintsFromDesired(planned[i].input.desired) });
    // The checks across registries (replication destinations) stand under the registry they concern, as in the plan.
    outcomes = planned.map(({ registry, plan, live, input, error, blocked, warnings }) =>
      plan && live
        ? { registry, report: classifyDrift({ plan, live, declared: Object.keys(input.desired.repositories), targets: options.targets }), errors: blocked, warnings }
        : { registry, error },
    );
    if (options.format === 'text') view.print(renderRunDrift(outcomes, 'text', io, undefined, shown));
  } finally {
    await view.close();
  }
  if (options.format !== 'text') io.stdout(renderRunDrift(outcomes, options.format, io));
  await appendStepSummary(io, renderRunDrift(outcomes, 'markdown', io));
  const crossFailed = outcomes.filter((o) => o.errors?.length);
  if (crossFailed.length) io.stderr(`error: the checks across registries failed for ${crossFailed.map((o) => o.registry.id).join(', ')} (see the errors above): apply would refuse them\n`);
  return driftExitCode(outcomes);
}
