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
 * (unmanaged repositories are listed, never drift), 1 on error or when any
 * registry could not be read (the others are still reported).
 */
export async function runDrift(options: DriftCommandOptions, io: Io): Promise<number> {
  const view = await openView(io, options.format, options.debug);
  let outcomes: DriftOutcome[];
  try {
    const planned = await planFromFiles(options, io, view);
    // Each registry's drift is shown with its own files' hints.
    const shown = (i: number) => ({ full: options.full, hints: hintsFromDesired(planned[i].input.desired) });
    outcomes = planned.map(({ registry, plan, live, input, error }) =>
      plan && live
        ? { registry, report: classifyDrift({ plan, live, declared: Object.keys(input.desired.repositories), targets: options.targets }) }
        : { registry, error },
    );
    if (options.format === 'text') view.print(renderRunDrift(outcomes, 'text', io, undefined, shown));
  } finally {
    await view.close();
  }
  if (options.format !== 'text') io.stdout(renderRunDrift(outcomes, options.format, io));
  await appendStepSummary(io, renderRunDrift(outcomes, 'markdown', io));
  return driftExitCode(outcomes);
}
