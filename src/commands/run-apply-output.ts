import type { ApplyResult } from '../apply/step.js';
import { renderApplyMarkdown } from '../render/apply-markdown.js';
import { renderSectionsMarkdown, renderSectionsText, totalLine, type RegistrySection } from '../render/run-report.js';
import { paintedOutcome } from '../render/apply-outcome-text.js';
import { countSteps } from '../render/summary.js';
import type { RegistryApplyOutcome } from '../run/apply-registries.js';
import type { Io, OutputFormat } from './io.js';

/** A registry's apply as one word: a signal's stop is "interrupted", not a failure (exit 130, not 1). */
const outcomeWord = (result: ApplyResult) => (result.interrupted ? 'interrupted' : result.ok ? 'done' : 'failed');

function sections(outcomes: RegistryApplyOutcome[], io: Io): RegistrySection[] {
  return outcomes.map(({ registry, result, error }) => {
    const n = result ? countSteps(result) : undefined;
    return {
      id: registry.id,
      error,
      body: result ? `ecrform apply for registry ${registry.id}\n\n${paintedOutcome(result, io.color)}` : undefined,
      cells: n ? [outcomeWord(result!), String(n.done), String(n.failed), String(n.notStarted)] : [],
    };
  });
}

/**
 * "Total over 2 registries (1 failed, 1 interrupted): 89 step(s) done, 1 failed,
 * 2 interrupted (outcome unknown), 908 not started." Steps still in flight when
 * ecrform had to exit are counted as the one-registry summary line counts them.
 */
function total(outcomes: RegistryApplyOutcome[]): string {
  const results = outcomes.flatMap((o) => (o.result ? [o.result] : []));
  const sum = (key: 'done' | 'failed' | 'interrupted' | 'notStarted') => results.reduce((n, r) => n + countSteps(r)[key], 0);
  const interrupted = outcomes.filter((o) => o.result?.interrupted).length;
  const failed = outcomes.filter((o) => !o.result?.ok && !o.result?.interrupted).length;
  const inFlight = sum('interrupted') ? `, ${sum('interrupted')} interrupted (outcome unknown)` : '';
  return totalLine(outcomes.length, failed, `${sum('done')} step(s) done, ${sum('failed')} failed${inFlight}, ${sum('notStarted')} not started.`, interrupted);
}

export const applyOk = (outcomes: RegistryApplyOutcome[]) => outcomes.every((o) => o.result?.ok);

/**
 * The apply report of several registries: each registry's steps (done,
 * failed with the AWS error, interrupted, not started) or its failure, then
 * the total; registries a signal stopped are interrupted, not failed.
 * One registry keeps the report of before (printed by the view, or
 * `{ok, steps}` in JSON).
 */
export function renderRunApply(outcomes: RegistryApplyOutcome[], format: OutputFormat, io: Io): string {
  if (format === 'json') {
    // `interrupted: true` only when a signal stopped the apply, as in one registry's `{ ok, interrupted, steps }`.
    const stopped = (r?: ApplyResult) => (r?.interrupted ? { interrupted: true } : {});
    const registries = outcomes.map(({ registry, result, error }) => ({
      id: registry.id,
      ok: result?.ok ?? false,
      ...stopped(result),
      steps: result?.steps ?? [],
      error: error ?? null,
    }));
    return JSON.stringify({ ok: applyOk(outcomes), ...stopped(outcomes.find((o) => o.result?.interrupted)?.result), registries }, null, 2) + '\n';
  }
  if (format === 'markdown') {
    const results = outcomes.map((o) => o.result);
    return renderSectionsMarkdown(
      `ecrform apply: ${outcomes.length} registries`,
      ['outcome', 'done', 'failed', 'not started'],
      sections(outcomes, io),
      total(outcomes),
      (i) => renderApplyMarkdown(results[i] as ApplyResult).replace('### ecrform apply', `### ecrform apply: registry \`${outcomes[i].registry.id}\``),
    );
  }
  return renderSectionsText('apply', sections(outcomes, io), total(outcomes));
}
