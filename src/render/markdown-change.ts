import type { Change } from '../model/plan.js';
import { ACTION_MARK, actionLabel, changeDetails, formatDetail, type DetailLine } from './change-details.js';

const DIFF_TONES = new Set<DetailLine['tone']>(['add', 'remove', 'change', 'context', 'hunk', 'ref']);

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes what would break a table cell. */
export function escapeCell(text: string): string {
  return escapeHtml(text).replace(/\|/g, '\\|');
}

/** A code span in a table cell: entities are not decoded inside code, so only the cell's `|` is escaped. */
export function codeCell(text: string): string {
  return '`' + text.replace(/`/g, "'").replace(/\|/g, '\\|') + '`';
}

/** A code fence longer than any run of backticks in the text, so a policy can never close it early. */
function fenceFor(lines: string[]): string {
  const longest = Math.max(0, ...lines.map((l) => Math.max(0, ...(l.match(/`+/g) ?? []).map((m) => m.length))));
  return '`'.repeat(Math.max(3, longest + 1));
}

/** In a ```diff block GitHub colours `!` lines as changed: a `~` line reads as one. */
const diffLine = (line: DetailLine) => {
  const text = formatDetail(line);
  return line.mark === '~' ? `!${text.slice(1)}` : text;
};

/** Blocked deletes, warnings, expiries and notes, read outside the diff. */
function noteLine(line: DetailLine): string {
  const text = escapeHtml(line.text);
  if (line.tone === 'blocked') return `- ⛔ **${text}**`;
  if (line.tone === 'warning') return `- ⚠️ ${text}`;
  if (line.tone === 'note') return `- ${text}`;
  if (line.indent) return `  - ${text}`;
  return line.text.startsWith('will archive') ? `- 📦 ${text}` : `- 🗑️ ${text}`;
}

/** The short notes of the summary table: blocked, warnings, expiries. */
export function changeNotes(change: Change): string {
  const notes: string[] = [];
  if (change.blocked) notes.push('⛔ blocked');
  if (change.expires?.count) notes.push(`expires ${change.expires.count} image${change.expires.count === 1 ? '' : 's'}`);
  if (change.archives?.count) notes.push(`archives ${change.archives.count} image${change.archives.count === 1 ? '' : 's'}`);
  if (change.warnings.length) notes.push(`⚠️ ${change.warnings.length} warning${change.warnings.length === 1 ? '' : 's'}`);
  return notes.join(', ');
}

/** One change as a collapsible block: its fields or document diff, then expiries, warnings and why it is blocked. */
export function renderChangeBlock(change: Change, details: DetailLine[] = changeDetails(change), label?: string): string {
  const diff = details.filter((l) => DIFF_TONES.has(l.tone)).map(diffLine);
  const notes = details.filter((l) => !DIFF_TONES.has(l.tone)).map(noteLine);
  const out = [
    `<details><summary><code>${ACTION_MARK[change.action]} ${escapeHtml(change.address)}</code> ${label ?? actionLabel(change)}</summary>`,
    '',
  ];
  if (diff.length) {
    const fence = fenceFor(diff);
    out.push(fence + 'diff', ...diff, fence, '');
  }
  if (notes.length) out.push(...notes, '');
  out.push('</details>', '');
  return out.join('\n') + '\n';
}
