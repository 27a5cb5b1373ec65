import type { Action, PlanSummary, Reason } from '../model/plan.js';
import { codeCell, escapeCell } from './markdown-change.js';
import { hasChanges } from './summary.js';

/** What the verdict reads of a plan: any plan document, whatever else it carries. */
export interface VerdictPlan {
  changes: { address: string; action: Action; reason: Reason; blocked?: string }[];
  summary: PlanSummary;
  /** Registry-wide reasons a plan cannot be applied (more deletes than --max-deletes), where the plan records them. */
  blocked?: string[];
  registries?: { id?: string; blocked?: string[] }[];
}

export type VerdictKind = 'no-changes' | 'clean' | 'blocked';

export interface Verdict {
  kind: VerdictKind;
  /** Each reason the plan cannot be applied as it stands: "ADDRESS: why", or a registry-wide one. */
  reasons: string[];
  /** What the user can do about it, one line each. */
  waysOut: string[];
}

/** A verdict lists this many blocked changes by name; the rest are counted (the detail shows them all). */
const LISTED = 10;

function waysOutFor(plan: VerdictPlan, registryWide: string[]): string[] {
  const blocked = plan.changes.filter((c) => c.blocked);
  const ways: string[] = [];
  if (blocked.some((c) => c.reason === 'prune')) {
    ways.push('keep the repository: declare it again in the files, or set `prune: false`');
    ways.push('let ecrform stop owning it: remove its `managed-by: ecrform` tag');
  }
  if (blocked.some((c) => c.action === 'replace')) ways.push('keep the repository as it is: undo the change to the field ECR cannot change in place');
  if (blocked.length) ways.push('delete the images with it: plan again with `--force-delete`, so the plan shows "destroys N images" for review');
  if (registryWide.length) ways.push('delete fewer repositories in one change, or raise the limit with `--max-deletes N`');
  return ways;
}

/** Whether applying the plan changes nothing, goes through, or is refused, and why. Pure. */
export function planVerdict(plan: VerdictPlan): Verdict {
  const registryWide = [
    ...(plan.blocked ?? []),
    ...(plan.registries ?? []).flatMap((r) => (r.blocked ?? []).map((b) => (r.id ? `${r.id}: ${b}` : b))),
  ];
  const reasons = [...registryWide, ...plan.changes.filter((c) => c.blocked).map((c) => `${c.address}: ${c.blocked}`)];
  if (reasons.length) return { kind: 'blocked', reasons, waysOut: waysOutFor(plan, registryWide) };
  return { kind: hasChanges(plan.summary) ? 'clean' : 'no-changes', reasons: [], waysOut: [] };
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/**
 * The verdict as the first lines of a markdown report: one sentence a reviewer
 * reads first. `destructive` ("This deletes 1 repository and destroys 3
 * images.") follows it, so what cannot be undone is never only inside a
 * collapsed block.
 */
export function renderVerdictMarkdown(plan: VerdictPlan, destructive = ''): string {
  const v = planVerdict(plan);
  const s = plan.summary;
  const total = s.create + s.update + s.replace + s.delete;
  if (v.kind === 'no-changes') return '**✅ No changes.** The registry already matches the files; applying does nothing.\n\n';
  if (v.kind === 'clean') return `**✅ Applies cleanly.** ${plural(total, 'change')}, none blocked.${destructive ? ` ⚠️ ${destructive}` : ''}\n\n`;
  const lines = [`**⛔ Blocked.** Apply would refuse this plan as it stands: ${plural(v.reasons.length, 'reason')}.`, ''];
  for (const reason of v.reasons.slice(0, LISTED)) {
    const colon = reason.indexOf(': ');
    lines.push(colon > 0 ? `- ${codeCell(reason.slice(0, colon))}: ${escapeCell(reason.slice(colon + 2))}` : `- ${escapeCell(reason)}`);
  }
  if (v.reasons.length > LISTED) lines.push(`- and ${plural(v.reasons.length - LISTED, 'more blocked change')}`);
  lines.push('', 'Ways out:', ...v.waysOut.map((w) => `- ${w}`));
  return lines.join('\n') + '\n\n';
}
