import type { ApplyResult } from '../apply/step.js';
import { painter } from './paint.js';
import { applySummaryLine } from './summary.js';
import { renderStepLines } from './text.js';

/**
 * One registry's part of the report that ends an apply of several registries,
 * in text. Every step's line was already printed as it ended (by either
 * view), so listing the done steps again would double a long CI log: only
 * what did not get done is repeated (failed, with the AWS error; not started;
 * interrupted), then the registry's outcome.
 */
export function paintedOutcome(result: ApplyResult, color: boolean): string {
  const paint = painter(color);
  const unfinished = result.steps.filter((s) => s.status !== 'done').flatMap((s) => renderStepLines(s, paint));
  return [...unfinished, ...(unfinished.length ? [''] : []), paint(result.ok ? 'bold' : 'red', applySummaryLine(result))].join('\n') + '\n';
}
