import type { DriftReport } from '../drift/classify-drift.js';
import type { RegistryRef, RunError } from '../model/run.js';

/**
 * One registry's drift: the report of cli.md (without its own formatVersion),
 * or why it could not be made; with the checks across registries that concern
 * it (replication destinations), as the plan lists them: `errors` (what the
 * plan would be blocked by) and `warnings`, each "FILE:LINE:COL: message".
 */
export type DriftDocumentRegistry = RegistryRef & { error: RunError | null; errors: string[]; warnings: string[] } & Partial<Omit<DriftReport, 'formatVersion'>>;

/**
 * The drift report of cli.md over a run: each registry's report in a
 * `registries` list, as in the plan. `inSync` is true exactly when every
 * registry was read and is in sync.
 */
export interface DriftDocument {
  formatVersion: 2;
  inSync: boolean;
  registries: DriftDocumentRegistry[];
}

/** One registry's drift, or its failure, as a run collects them. */
export interface DriftOutcome {
  registry: RegistryRef;
  report?: DriftReport;
  error?: RunError;
  /** Checks across registries: errors (the plan would be blocked: drift exits 1) and warnings. */
  errors?: string[];
  warnings?: string[];
}

export function toDriftDocument(outcomes: DriftOutcome[]): DriftDocument {
  const registries = outcomes.map(({ registry, report, error, errors, warnings }): DriftDocumentRegistry => {
    const checks = { errors: errors ?? [], warnings: warnings ?? [] };
    if (!report) return { ...registry, error: error ?? null, ...checks };
    const { formatVersion: _, ...rest } = report;
    return { ...registry, error: null, ...checks, ...rest };
  });
  return { formatVersion: 2, inSync: outcomes.every((o) => o.report?.inSync === true), registries };
}

/** Back from the document, for `ecrform report`. */
export function fromDriftDocument(doc: DriftDocument): DriftOutcome[] {
  return doc.registries.map((entry) => {
    const { id, accountId, region, roleArn, error, inSync, modified, missing, orphaned, unmanaged, coverage } = entry;
    const registry = { id, accountId, region, roleArn };
    if (error || inSync === undefined) return { registry, error: error ?? { code: 'INVALID_ARGUMENT', message: 'no report' } };
    // A report written before the checks across registries had their place has neither list.
    const checks = { errors: entry.errors ?? [], warnings: entry.warnings ?? [] };
    return { registry, ...checks, report: { formatVersion: 1, inSync, modified: modified ?? [], missing: missing ?? [], orphaned: orphaned ?? [], unmanaged: unmanaged ?? [], coverage: coverage ?? { managed: 0, live: 0 } } };
  });
}
