import type { Change, Plan } from '../model/plan.js';
import type { ApplyResult, StepResult } from '../apply/step.js';
import { ACTION_MARK, actionLabel, changeDetails, describeChanges, formatDetail, type DetailLine, type ViewOptions } from './change-details.js';
import { DEFAULT_WIDTH, wrapWithGutter } from './compact/wrap.js';
import { groupChanges, showsTitle, type ChangeGroup } from './group-changes.js';
import { ACTION_COLOUR, STATUS_COLOUR, TONE_COLOUR } from './palette.js';
import { painter, type Paint } from './paint.js';
import { stepWords } from './apply-words.js';
import { applySummaryLine, hasChanges, planSummaryLine } from './summary.js';

export interface TextOptions extends ViewOptions {
  color: boolean;
  /** Columns to wrap at (the terminal's, else 80). */
  width?: number;
}

const DETAIL_GUTTER = '      ';

/** One detail line, wrapped under its own text so the gutter and the mark column stay clear. */
function detailText(line: DetailLine, paint: Paint, width: number): string[] {
  const head = formatDetail(line);
  const text = line.tone === 'hunk' ? head : line.text;
  const lead = line.tone === 'hunk' ? '' : head.slice(0, head.length - line.text.length);
  const hang = ' '.repeat(lead.length + 2);
  return wrapWithGutter(DETAIL_GUTTER + lead, DETAIL_GUTTER + hang, text, width).map((l) =>
    DETAIL_GUTTER + paint(TONE_COLOUR[line.tone], l.slice(DETAIL_GUTTER.length)),
  );
}

/**
 * "  ~ repository["a"]  update" and its detail lines below it: one change, as
 * plan and drift show it. The change line is never wrapped: it holds the full
 * address, to be pasted into --target or grepped; the details wrap at `width`.
 */
export function renderChangeLines(change: Change, paint: Paint, details: DetailLine[] = changeDetails(change), width = DEFAULT_WIDTH, label?: string): string[] {
  const head = '  ' + paint(ACTION_COLOUR[change.action], `${ACTION_MARK[change.action]} ${change.address}`) + paint('gray', `  ${label ?? actionLabel(change)}`);
  return [head, ...details.flatMap((line) => detailText(line, paint, width))];
}

/** One group of the tree (the registry settings, or one repository): its title where it says something, then its changes. */
export function renderGroupText(group: ChangeGroup, details: Map<Change, DetailLine[]>, paint: Paint, width: number): string[] {
  const title = showsTitle(group) ? [paint('bold', group.title)] : [];
  return [...title, ...group.changes.flatMap((c) => renderChangeLines(c, paint, details.get(c), width)), ''];
}

/**
 * The plan as plain lines: the same tree the terminal view shows (registry
 * settings, then each repository), with no cursor movement. Each change line
 * holds the full address, so a line can be pasted into --target or grepped.
 */
export function renderPlanText(plan: Plan, options: TextOptions): string {
  const paint = painter(options.color);
  const width = options.width ?? DEFAULT_WIDTH;
  const details = describeChanges(plan.changes, plan.createdAt, options);
  const out: string[] = [`ecrform plan for registry ${plan.registry.accountId} (${plan.registry.region})`, ''];
  if (!hasChanges(plan.summary)) out.push('No changes. The live registry matches the files.', '');
  for (const group of groupChanges(plan.changes)) out.push(...renderGroupText(group, details, paint, width));
  out.push(...wrapWithGutter('', '', planSummaryLine(plan), width).map((l) => paint('bold', l)));
  return out.join('\n') + '\n';
}

/** "✓ done  repository["a"]  create (CreateRepository)  0.4 s": one step, as the apply report and CI logs show it. */
export function renderStepLine(step: StepResult, paint: Paint, ms?: number): string {
  const { status, rest } = stepWords(step, ms);
  return `${paint(STATUS_COLOUR[step.status], status)}${rest}`;
}

/** A step's line, and its AWS error below it when it failed. */
export function renderStepLines(step: StepResult, paint: Paint, ms?: number): string[] {
  const out = [renderStepLine(step, paint, ms)];
  if (step.error) out.push(paint('red', `    ${step.error.code}: ${step.error.message}`));
  return out;
}

/** The apply report: every step as done, failed (with the AWS error) or not started, then the outcome. */
export function renderApplyText(result: ApplyResult, options: TextOptions, totalMs?: number): string {
  const paint = painter(options.color);
  const out = result.steps.flatMap((step) => renderStepLines(step, paint));
  out.push('');
  out.push(paint(result.ok ? 'bold' : 'red', applySummaryLine(result, totalMs)));
  return out.join('\n') + '\n';
}
