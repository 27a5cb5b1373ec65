import type { ApplyResult } from '../apply/step.js';
import { codeCell, escapeCell } from './markdown-change.js';
import { applySummaryLine } from './summary.js';

const STATUS = { done: '✅ done', failed: '❌ failed', interrupted: '⚠️ interrupted', 'not-started': '⏸️ not started' } as const;

/** The apply report as markdown (`apply --format markdown`): the outcome, then one row per step. */
export function renderApplyMarkdown(result: ApplyResult): string {
  const out = ['### ecrform apply', '', `**${applySummaryLine(result)}**`, ''];
  if (result.steps.length) {
    out.push('| status | address | action | ECR calls | error |', '|---|---|---|---|---|');
    for (const s of result.steps) {
      const error = s.error ? `${codeCell(s.error.code)}: ${escapeCell(s.error.message)}` : '';
      out.push(`| ${STATUS[s.status]} | ${codeCell(s.address)} | ${s.action} | ${s.calls.join(', ')} | ${error} |`);
    }
    out.push('');
  }
  return out.join('\n') + '\n';
}
