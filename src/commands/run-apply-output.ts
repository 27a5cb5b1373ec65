import type { ApplyResult } from '../apply/step.js';
import { renderApplyMarkdown } from '../render/apply-markdown.js';
import { renderSectionsMarkdown, renderSectionsText, totalLine, type RegistrySection } from '../render/run-report.js';
import { paintedOutcome } from '../render/apply-outcome-text.js';
import { countSteps } from '../render/summary.js';
import type { RegistryApplyOutcome } from '../run/apply-registries.js';
import type { Io, OutputFormat } from './io.js';

function sections(outcomes: RegistryApplyOutcome[], io: Io): RegistrySection[] {
  return outcomes.map(({ registry, result, error }) => {
    const n = result ? countSteps(result) : undefined;
    return {
      id: registry.id,
      error,
      body: result ? `ecrform apply for registry ${registry.id}\n\n${paintedOutcome(result, io.color)}` : undefined,
      cells: n ? [result!.ok ? 'done' : 'failed', String(n.done), String(n.failed), String(n.notStarted)] : [],
    };
  });
}

function total(outcomes: RegistryApplyOutcome[]): string {
  const results = outcomes.flatMap((o) => (o.result ? [o.result] : []));
  const sum = (key: 'done' | 'failed' | 'notStarted') => results.reduce((n, r) => n + countSteps(r)[key], 0);
  const failed = outcomes.filter((o) => !o.result?.ok).length;
  return totalLine(outcomes.length, failed, `${sum('done')} step(s) done, ${sum('failed')} failed, ${sum('notStarted')} not started.`);
}

export const applyOk = (outcomes: RegistryApplyOutcome[]) => outcomes.every((o) => o.result?.ok);

/**
 * The apply report of several registries: each registry's steps (done,
 * failed with the AWS error, not started) or its failure, then the total.
 * One registry keeps the report of before (printed by the view, or
 * `{ok, steps}` in JSON).
 */
export function renderRunApply(outcomes: RegistryApplyOutcome[], format: OutputFormat, io: Io): string {
  if (format === 'json') {
    const registries = outcomes.map(({ registry, result, error }) => ({ id: registry.id, ok: result?.ok ?? false, steps: result?.steps ?? [], error: error ?? null }));
    return JSON.stringify({ ok: applyOk(outcomes), registries }, null, 2) + '\n';
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
