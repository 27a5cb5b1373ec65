import pLimit from 'p-limit';
import type { EcrPort } from '../ecr/port.js';
import type { Plan } from '../model/plan.js';
import { EcrformError } from '../errors.js';
import { blockedReasons, waysOut } from './blocked.js';
import { buildSteps } from './build-steps.js';
import type { ApplyEvent, ApplyResult, Step, StepContext, StepResult } from './step.js';

export interface ApplyOptions {
  /** Asked before each step starts: true once an interrupt came, and no new step starts. */
  shouldStop?: () => boolean;
  /** Handed a function that returns the result so far, steps in flight marked interrupted (for an exit mid-apply). */
  onStart?: (snapshot: () => ApplyResult) => void;
  /** Steps in flight at once within a phase. */
  concurrency: number;
  report?: (event: ApplyEvent) => void;
}

/** Refuses, before any call, a plan that cannot be applied as it stands (see blockedReasons). */
export function checkBlocked(plan: Plan): void {
  const reasons = blockedReasons(plan);
  if (reasons.length === 0) return;
  throw new EcrformError('PLAN_REFUSED', `refusing to apply: the plan is blocked\n${reasons.map((r) => `  ${r}`).join('\n')}\n${waysOut(plan).join('\n')}`);
}

function errorOf(err: unknown): { code: string; message: string } {
  if (err instanceof EcrformError) return { code: err.code, message: err.message };
  const e = err as { name?: string; Code?: string; message?: string };
  return { code: e.Code ?? e.name ?? 'Error', message: e.message ?? String(err) };
}

/**
 * Applies a plan phase by phase through the port. Within a phase, steps run
 * concurrently (at most `concurrency`). When a step fails, the steps in flight
 * finish, no new step starts, and every step is reported as done, failed or
 * not started. Running apply again converges: each step does only what the
 * live state still lacks.
 */
export async function apply(plan: Plan, port: EcrPort, options: ApplyOptions): Promise<ApplyResult> {
  checkBlocked(plan);
  const report = options.report ?? (() => {});
  const ctx: StepContext = {
    port,
    accountId: plan.registry.accountId,
    region: plan.registry.region,
    // Decided when planning, where it was reviewed; never at apply time.
    forceDelete: plan.forceDelete ?? false,
    stack: plan.stack ?? null,
  };
  const steps = buildSteps(plan.changes);
  const results: StepResult[] = steps.map((s) => ({
    address: s.address,
    action: s.action,
    phase: s.phase,
    calls: s.calls,
    status: 'not-started',
  }));
  let failed = false;
  const stopped = () => failed || (options.shouldStop?.() ?? false);
  const inFlight = new Set<StepResult>();
  options.onStart?.(() => ({
    ok: false,
    interrupted: true,
    steps: results.map((r) => (inFlight.has(r) ? { ...r, status: 'interrupted' as const } : { ...r })),
  }));
  const limit = pLimit(Math.max(1, options.concurrency));

  const runStep = async (step: Step, result: StepResult) => {
    if (stopped()) return;
    inFlight.add(result);
    report({ type: 'step-started', step: { ...result } });
    try {
      await step.run(ctx);
      result.status = 'done';
      report({ type: 'step-done', step: { ...result } });
    } catch (err) {
      failed = true;
      result.status = 'failed';
      result.error = errorOf(err);
      report({ type: 'step-failed', step: { ...result } });
    } finally {
      inFlight.delete(result);
    }
  };

  const phases = [...new Set(steps.map((s) => s.phase))];
  for (const phase of phases) {
    if (stopped()) break;
    const indexes = steps.map((s, i) => (s.phase === phase ? i : -1)).filter((i) => i >= 0);
    report({ type: 'phase-started', phase, steps: indexes.length });
    await Promise.all(indexes.map((i) => limit(() => runStep(steps[i], results[i]))));
  }
  const interrupted = options.shouldStop?.() ?? false;
  const result: ApplyResult = { ok: !failed && !interrupted, ...(interrupted ? { interrupted } : {}), steps: results };
  report({ type: 'finished', result });
  return result;
}
