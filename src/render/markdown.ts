import type { Plan } from '../model/plan.js';
import { ACTION_MARK, actionLabel } from './change-details.js';
import { fitMarkdown } from './fit-markdown.js';
import { changeNotes, codeCell, renderChangeBlock } from './markdown-change.js';
import { hasChanges, summaryLine } from './summary.js';

export interface MarkdownOptions {
  /** The character budget; defaults to MARKDOWN_LIMIT (60,000). */
  limit?: number;
}

/** The summary table: one row per change, always kept whole. */
function planHead(plan: Plan): string {
  const out = [`### ecrform plan: registry \`${plan.registry.accountId}\` (${plan.registry.region})`, '', `**${summaryLine(plan.summary)}**`, ''];
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
 * The plan as markdown for a pull-request comment or a job summary: the
 * summary table, then a collapsible block per change. Past the limit the
 * blocks are cut, with a line saying so; the table is always kept.
 */
export function renderPlanMarkdown(plan: Plan, options: MarkdownOptions = {}): string {
  return fitMarkdown(planHead(plan), plan.changes.map(renderChangeBlock), {
    limit: options.limit,
    noun: 'changes',
    hint: 'Run `ecrform plan` (or see the job log) for the rest.',
  });
}
