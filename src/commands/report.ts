import { EcrformError } from '../errors.js';
import type { PlanDocument } from '../model/run.js';
import { fromDriftDocument, type DriftDocument } from '../run/drift-document.js';
import { fromPlanDocument } from '../run/plan-document.js';
import { hasChanges } from '../render/summary.js';
import { isPlanDocument, readJsonFile } from './read-plan-file.js';
import { driftExitCode, renderRunDrift } from './run-drift-output.js';
import { renderRunPlan } from './run-plan-output.js';
import { appendStepSummary } from './step-summary.js';
import type { Io, OutputFormat } from './io.js';

export interface ReportCommandOptions {
  files: string[];
  format: OutputFormat;
  detailedExitcode: boolean;
}

function isDriftDocument(doc: unknown): doc is DriftDocument {
  const d = doc as DriftDocument | undefined;
  return d?.formatVersion === 2 && typeof d.inSync === 'boolean' && Array.isArray(d.registries) && !('changes' in (d as object));
}

/** No registry may come from two files: two shards that overlap would count it twice. */
function checkDistinct(ids: Array<{ id: string; file: string }>): void {
  const seen = new Map<string, string>();
  for (const { id, file } of ids) {
    const first = seen.get(id);
    if (first) throw new EcrformError('INVALID_ARGUMENT', `registry ${id} is in both ${first} and ${file}; give each shard's report once`);
    seen.set(id, file);
  }
}

/**
 * `ecrform report FILE...`: one report from the JSON plans (`plan --format
 * json` / `--out`) or drift reports (`drift --format json`) that the shards
 * of a CI matrix wrote, in text, markdown (at most 60,000 characters) or
 * JSON, with the exit code the one run would have had: plans 1 when any
 * registry failed or is blocked, else 0 (2 for changes with
 * --detailed-exitcode); drift 1 when any registry failed, 2 drift, 0 in sync.
 */
export async function runReport(options: ReportCommandOptions, io: Io): Promise<number> {
  if (options.files.length === 0) throw new EcrformError('INVALID_ARGUMENT', 'give the JSON plans or drift reports to merge: ecrform report FILE...');
  const docs: Array<{ file: string; doc: unknown }> = [];
  for (const file of options.files) {
    docs.push({ file, doc: await readJsonFile(file, 'JSON report', 'give files written by plan --format json, plan --out or drift --format json') });
  }
  const bad = docs.find(({ doc }) => !isPlanDocument(doc) && !isDriftDocument(doc));
  if (bad) throw new EcrformError('INVALID_ARGUMENT', `${bad.file}: not an ecrform plan or drift report (formatVersion 2)`);
  const plans = docs.filter(({ doc }) => isPlanDocument(doc)) as Array<{ file: string; doc: PlanDocument }>;
  if (plans.length && plans.length !== docs.length) {
    throw new EcrformError('INVALID_ARGUMENT', 'the files mix plans and drift reports; merge one kind at a time');
  }
  checkDistinct(docs.flatMap(({ file, doc }) => (doc as { registries: Array<{ id: string }> }).registries.map((r) => ({ id: r.id, file }))));
  if (plans.length) {
    const outcomes = plans.flatMap(({ doc }) => fromPlanDocument(doc));
    io.stdout(renderRunPlan(outcomes, options.format, io));
    await appendStepSummary(io, renderRunPlan(outcomes, 'markdown', io));
    const blocked = plans.some(({ doc }) => doc.registries.some((r) => r.error || r.blocked.length) || doc.changes.some((c) => c.blocked));
    if (blocked) return 1;
    return options.detailedExitcode && outcomes.some((o) => o.plan && hasChanges(o.plan.summary)) ? 2 : 0;
  }
  const outcomes = docs.flatMap(({ doc }) => fromDriftDocument(doc as DriftDocument));
  io.stdout(renderRunDrift(outcomes, options.format, io));
  await appendStepSummary(io, renderRunDrift(outcomes, 'markdown', io));
  return driftExitCode(outcomes);
}
