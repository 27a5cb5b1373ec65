import { apply } from '../apply/apply.js';
import type { ApplyEvent, ApplyResult } from '../apply/step.js';
import type { Connection } from '../commands/connect.js';
import type { Plan } from '../model/plan.js';
import type { RegistryRef, RunError } from '../model/run.js';
import { runErrorOf } from './run-error.js';

/** One registry's apply: its result (steps done, failed, not started), or why it could not start. */
export interface RegistryApplyOutcome {
  registry: RegistryRef;
  result?: ApplyResult;
  error?: RunError;
}

export interface ApplyTarget {
  registry: RegistryRef;
  plan?: Plan;
  connection?: Connection;
  /** A registry that failed before apply (its read or plan): reported, not applied. */
  error?: RunError;
  /** Checks across registries that refuse this registry's plan. */
  blocked?: string[];
}

/**
 * Applies every registry's plan side by side, each in its own phases (the
 * calls of all of them share the run's one pool). A failed step stops new
 * steps in its own registry only; the others finish.
 */
export async function applyRegistries(
  targets: ApplyTarget[],
  options: {
    concurrency: number;
    shouldStop?: () => boolean;
    report?: (registry: RegistryRef, event: ApplyEvent) => void;
    /** Each registry's snapshot of its result so far, as its apply starts (for an exit mid-apply). */
    onStart?: (registry: RegistryRef, snapshot: () => ApplyResult) => void;
  },
): Promise<RegistryApplyOutcome[]> {
  return Promise.all(
    targets.map(async ({ registry, plan, connection, error }): Promise<RegistryApplyOutcome> => {
      if (!plan || !connection) return { registry, error: error ?? { code: 'APPLY_FAILED', message: 'not planned' } };
      try {
        const result = await apply(plan, connection.port, {
          concurrency: options.concurrency,
          shouldStop: options.shouldStop,
          report: options.report ? (event) => options.report!(registry, event) : undefined,
          onStart: options.onStart ? (snapshot) => options.onStart!(registry, snapshot) : undefined,
        });
        return { registry, result };
      } catch (err) {
        return { registry, error: runErrorOf(err) };
      }
    }),
  );
}
