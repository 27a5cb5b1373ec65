import type { Plan } from '../model/plan.js';
import type { ViewOptions } from '../render/change-details.js';
import { renderPlanText } from '../render/text.js';
import { renderPlanJson } from '../render/json.js';
import { renderPlanMarkdown } from '../render/markdown.js';
import type { Io, OutputFormat } from './io.js';

/** The plan in the chosen format: exactly one document on stdout for json and markdown. */
export function renderPlan(plan: Plan, format: OutputFormat, io: Io, view: ViewOptions = {}): string {
  if (format === 'json') return renderPlanJson(plan);
  if (format === 'markdown') return renderPlanMarkdown(plan, view);
  return renderPlanText(plan, { ...view, color: io.color, width: io.columns });
}
