import type { Change, Plan } from '../model/plan.js';
import { ACTION_MARK, actionLabel, describeChanges, type DetailLine, type ViewOptions } from './change-details.js';
import { fitMarkdown } from './fit-markdown.js';
import { foldedSummaryTable } from './fold-summary.js';
import { groupChanges, type ChangeGroup } from './group-changes.js';
import { changeNotes, codeCell, renderChangeBlock } from './markdown-change.js';
import { hasChanges, planSummaryLine } from './summary.js';
import { renderVerdictMarkdown } from './verdict.js';
import { destructiveSummary } from './apply-words.js';

export interface MarkdownOptions extends ViewOptions {
  /** The character budget; defaults to MARKDOWN_LIMIT (60,000). */
  limit?: number;
}

/** The summary table: one row per change, always kept whole. */
function planHead(plan: Plan): string {
  const out = [`### ecrform plan: registry \`${plan.registry.accountId}\` (${plan.registry.region})`, '', `**${planSummaryLine(plan)}**`, ''];
  if (!hasChanges(plan.summary)) {
    out.push('No changes. The live registry matches the files.', '');
    return out.join('\n') + '\n';
  }
  out.push('| | address | action | ECR calls | notes |', '|---|---|---|---|---|');
  for (const c of plan.changes) {
    out.push(`| \`${ACTION_MARK[c.action]}\` | ${codeCell(c.address)} | ${actionLabel(c)} | ${c.calls.join(', ')} | ${changeNotes(c)} |`);
  }
  return out.join('\n') + '\n\n';
}

/**
 * One group (the registry settings, or one repository) as blocks: a heading
 * on the first, then a collapsible block per change. Blocks are the unit the
 * fitting cuts at, so a heading never stands without its first change.
 */
export function renderGroupBlocks(group: ChangeGroup, details: Map<Change, DetailLine[]>): string[] {
  return group.changes.map((change, i) => (i === 0 ? `#### ${group.title}\n\n` : '') + renderChangeBlock(change, details.get(change)));
}

/**
 * The plan as markdown for a pull-request comment or a job summary: the
 * summary table, then each repository's changes as collapsible blocks, with
 * the same compact documents as the terminal. Past the limit the blocks are
 * cut, with a line saying so; past that the table is folded into counts per
 * action and per repository prefix. The verdict is always kept.
 */
export function renderPlanMarkdown(plan: Plan, options: MarkdownOptions = {}): string {
  const details = describeChanges(plan.changes, plan.createdAt, options);
  const blocks = groupChanges(plan.changes).flatMap((group) => renderGroupBlocks(group, details));
  return fitMarkdown(planHead(plan), blocks, {
    limit: options.limit,
    noun: 'changes',
    hint: 'Run `ecrform plan` (or see the job log) for the rest.',
    verdict: renderVerdictMarkdown(plan, destructiveSummary(plan.changes)),
    fold: (budget) => foldedSummaryTable(plan.changes, budget),
  });
}
