import { parseAddress } from '../model/address.js';
import type { Change, PlanSummary } from '../model/plan.js';
import type { ApplyResult } from '../apply/step.js';

/** What a plan touches, for the summary: repositories by name, and whether any registry-wide setting. */
export interface PlanScope {
  repositories: number;
  registry: boolean;
}

export function scopeOf(changes: Change[]): PlanScope {
  const repositories = new Set<string>();
  let registry = false;
  for (const c of changes) {
    const parsed = parseAddress(c.address);
    if (parsed && 'repository' in parsed) repositories.add(parsed.repository);
    else registry = true;
  }
  return { repositories: repositories.size, registry };
}

function across(scope: PlanScope): string {
  const parts: string[] = [];
  if (scope.repositories) parts.push(`${scope.repositories} repositor${scope.repositories === 1 ? 'y' : 'ies'}`);
  if (scope.registry) parts.push('the registry settings');
  return parts.length ? `, across ${parts.join(' and ')}` : '';
}

/**
 * "Plan: 3 to create, 2 to update, 0 to replace, 1 to delete (41 unchanged), across 4 repositories."
 * Addresses are counted as in the JSON summary; the repositories they touch follow.
 */
export function summaryLine(s: PlanSummary, scope?: PlanScope): string {
  const counts = `Plan: ${s.create} to create, ${s.update} to update, ${s.replace} to replace, ${s.delete} to delete (${s.unchanged} unchanged)`;
  return `${counts}${scope ? across(scope) : ''}.`;
}

export function planSummaryLine(plan: { summary: PlanSummary; changes: Change[] }): string {
  return summaryLine(plan.summary, scopeOf(plan.changes));
}

export function hasChanges(s: PlanSummary): boolean {
  return s.create + s.update + s.replace + s.delete > 0;
}

/** How many steps ended in each status. */
export function countSteps(result: ApplyResult): { done: number; failed: number; interrupted: number; notStarted: number } {
  const count = (status: string) => result.steps.filter((s) => s.status === status).length;
  return { done: count('done'), failed: count('failed'), interrupted: count('interrupted'), notStarted: count('not-started') };
}

/** "3.2 s", "850 ms", "1 min 12 s": a duration as a person reads it. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** The last line of an apply: complete, or what was done, failed and left, and what to do next; with the total time when known. */
export function applySummaryLine(result: ApplyResult, totalMs?: number): string {
  const n = countSteps(result);
  const took = totalMs === undefined ? '' : ` in ${formatDuration(totalMs)}`;
  if (result.interrupted) {
    const failed = n.failed ? `, ${n.failed} failed` : '';
    const interrupted = n.interrupted ? `, ${n.interrupted} interrupted (outcome unknown)` : '';
    return `Apply interrupted: ${n.done} done${failed}${interrupted}, ${n.notStarted} not started. Run apply again to continue from the live state.`;
  }
  return result.ok
    ? `Apply complete: ${n.done} step(s) done${took}.`
    : `Apply failed: ${n.done} done, ${n.failed} failed, ${n.notStarted} not started${totalMs === undefined ? '' : `, after ${formatDuration(totalMs)}`}. Run apply again to continue from the live state.`;
}
