import type { Change, Plan } from '../model/plan.js';
import type { ApplyResult, StepResult } from '../apply/step.js';
import { ACTION_MARK, actionLabel, changeDetails, formatDetail } from './change-details.js';
import { groupChanges } from './group-changes.js';
import { ACTION_COLOUR, STATUS_COLOUR, TONE_COLOUR } from './palette.js';
import { painter, type Paint } from './paint.js';
import { applySummaryLine, hasChanges, summaryLine } from './summary.js';

export interface TextOptions {
  color: boolean;
}

/** "  ~ repository["a"]  update" and its detail lines below it: one change, as plan and drift show it. */
export function renderChangeLines(change: Change, paint: Paint): string[] {
  const head = paint(ACTION_COLOUR[change.action], `${ACTION_MARK[change.action]} ${change.address}`) + paint('gray', `  ${actionLabel(change)}`);
  return ['  ' + head, ...changeDetails(change).map((line) => '      ' + paint(TONE_COLOUR[line.tone], formatDetail(line)))];
}

/**
 * The plan as plain lines: the same tree the terminal view shows (registry
 * settings, then each repository), with no cursor movement. Each change line
 * holds the full address, so a line can be pasted into --target or grepped.
 */
export function renderPlanText(plan: Plan, options: TextOptions): string {
  const paint = painter(options.color);
  const out: string[] = [`ecrform plan for registry ${plan.registry.accountId} (${plan.registry.region})`, ''];
  if (!hasChanges(plan.summary)) out.push('No changes. The live registry matches the files.', '');
  for (const group of groupChanges(plan.changes)) {
    out.push(paint('bold', group.title));
    for (const change of group.changes) out.push(...renderChangeLines(change, paint));
    out.push('');
  }
  out.push(paint('bold', summaryLine(plan.summary)));
  return out.join('\n') + '\n';
}

const STATUS_WORD = { done: '✓ done', failed: '✗ failed', 'not-started': '- not started' } as const;

/** "✓ done  repository["a"]  create (CreateRepository)": one step, as the apply report and CI logs show it. */
export function renderStepLine(step: StepResult, paint: Paint): string {
  const calls = step.calls.join(', ');
  return `${paint(STATUS_COLOUR[step.status], STATUS_WORD[step.status])}  ${step.address}  ${step.action}${calls ? ` (${calls})` : ''}`;
}

/** The apply report: every step as done, failed (with the AWS error) or not started, then the outcome. */
export function renderApplyText(result: ApplyResult, options: TextOptions): string {
  const paint = painter(options.color);
  const out: string[] = [];
  for (const step of result.steps) {
    out.push(renderStepLine(step, paint));
    if (step.error) out.push(paint('red', `    ${step.error.code}: ${step.error.message}`));
  }
  out.push('');
  out.push(paint(result.ok ? 'bold' : 'red', applySummaryLine(result)));
  return out.join('\n') + '\n';
}
