import type { PlanSummary } from '../model/plan.js';
import type { RunError } from '../model/run.js';
import { MARKDOWN_LIMIT } from './fit-markdown.js';
import { escapeCell } from './markdown-change.js';
import { summaryLine } from './summary.js';

/**
 * What a report over several registries says about each one, whatever the
 * command: its id, and either its own rendered section or its failure.
 */
export interface RegistrySection {
  id: string;
  /** The registry's own report (plan, drift or apply) as the one-registry renderer wrote it. */
  body?: string;
  error?: RunError;
  /** One cell per column of the overview table (markdown). */
  cells: string[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "Total over 3 registries (1 failed): Plan: ..."; an apply stopped by a signal counts its registries as interrupted, not failed. */
export function totalLine(count: number, failed: number, line: string, interrupted = 0): string {
  const outcomes = [failed ? `${failed} failed` : '', interrupted ? `${interrupted} interrupted` : ''].filter(Boolean).join(', ');
  return `Total over ${plural(count, 'registry', 'registries')}${outcomes ? ` (${outcomes})` : ''}: ${line}`;
}

export const planTotal = (count: number, failed: number, s: PlanSummary) => totalLine(count, failed, summaryLine(s));

/** A failed registry's lines in a text report. */
export function failedText(command: string, id: string, error: RunError): string {
  return `ecrform ${command} for registry ${id}\n\n✗ failed: ${error.code}: ${error.message}\nThe other registries went on; run again to retry this one.\n`;
}

/** Text: each registry's section in turn, then the total. */
export function renderSectionsText(command: string, sections: RegistrySection[], total: string): string {
  const parts = sections.map((s) => s.body ?? failedText(command, s.id, s.error!));
  return parts.join('\n') + '\n' + total + '\n';
}

/**
 * Markdown: an overview table of every registry and the total, always kept
 * whole, then each registry's own report within an equal share of what is
 * left of the 60,000 characters (each one-registry renderer cuts its own
 * detail to fit its share).
 */
export function renderSectionsMarkdown(
  title: string,
  columns: string[],
  sections: RegistrySection[],
  total: string,
  render: (index: number, limit: number) => string,
  limit = MARKDOWN_LIMIT,
): string {
  const head = [
    `## ${title}`,
    '',
    `**${total}**`,
    '',
    `| registry | ${columns.join(' | ')} |`,
    `|---|${columns.map(() => '---').join('|')}|`,
    ...sections.map((s) => `| \`${s.id}\` | ${s.error ? `❌ failed: ${escapeCell(`${s.error.code}: ${s.error.message}`)}` : s.cells.join(' | ')} |`),
    '',
    '',
  ].join('\n');
  const share = Math.floor((limit - head.length) / Math.max(1, sections.length)) - 2;
  const bodies = sections.map((s, i) => (s.error ? `### registry \`${s.id}\`\n\n**Failed:** \`${s.error.code}\`: ${escapeCell(s.error.message)}\n` : render(i, share)));
  return head + bodies.join('\n');
}
