import type { PlanSummary } from '../model/plan.js';
import type { ApplyResult } from '../apply/step.js';

/** "Plan: 3 to create, 2 to update, 0 to replace, 1 to delete (41 unchanged)." */
export function summaryLine(s: PlanSummary): string {
  return `Plan: ${s.create} to create, ${s.update} to update, ${s.replace} to replace, ${s.delete} to delete (${s.unchanged} unchanged).`;
}

export function hasChanges(s: PlanSummary): boolean {
  return s.create + s.update + s.replace + s.delete > 0;
}

/** How many steps ended in each status. */
export function countSteps(result: ApplyResult): { done: number; failed: number; notStarted: number } {
  const count = (status: string) => result.steps.filter((s) => s.status === status).length;
  return { done: count('done'), failed: count('failed'), notStarted: count('not-started') };
}

/** The last line of an apply: complete, or what was done, failed and left, and what to do next. */
export function applySummaryLine(result: ApplyResult): string {
  const n = countSteps(result);
  return result.ok
    ? `Apply complete: ${n.done} step(s) done.`
    : `Apply failed: ${n.done} done, ${n.failed} failed, ${n.notStarted} not started. Run apply again to continue from the live state.`;
}
