import { classifyDrift, type DriftReport } from '../drift/classify-drift.js';
import type { Plan } from '../model/plan.js';
import { renderDriftMarkdown } from '../render/drift-markdown.js';
import { renderDriftText } from '../render/drift-text.js';
import { hintsFromDesired } from '../render/compact/hints.js';
import { renderDriftJson } from '../render/json.js';
import type { ConnectionOptions } from './connect.js';
import { planFromFiles } from './plan-from-files.js';
import { openView } from './open-view.js';
import { appendStepSummary } from './step-summary.js';
import type { Io, OutputFormat } from './io.js';

export interface DriftCommandOptions extends ConnectionOptions {
  files: string[];
  format: OutputFormat;
  targets: string[];
  lifecyclePreview: boolean;
  full?: boolean;
}

/**
 * `ecrform drift`: the plan, reported as drift, for a scheduled job. Exit 0
 * in sync, 2 when anything is modified, missing or orphaned (unmanaged
 * repositories are listed, never drift), 1 on error.
 */
export async function runDrift(options: DriftCommandOptions, io: Io): Promise<number> {
  const view = await openView(io, options.format, options.debug);
  let plan: Plan;
  let report: DriftReport;
  try {
    const built = await planFromFiles(options, io, view);
    plan = built.plan;
    report = classifyDrift({ plan, live: built.live, declared: Object.keys(built.desired.repositories), targets: options.targets });
    if (options.format === 'text') view.print(renderDriftText(report, plan.registry, { color: io.color, width: io.columns, full: options.full, hints: hintsFromDesired(built.desired) }));
  } finally {
    await view.close();
  }
  if (options.format === 'json') io.stdout(renderDriftJson(report));
  if (options.format === 'markdown') io.stdout(renderDriftMarkdown(report, plan.registry));
  await appendStepSummary(io, renderDriftMarkdown(report, plan.registry));
  return report.inSync ? 0 : 2;
}
