import type { Action } from '../model/plan.js';
import { parseAddress } from '../model/address.js';
import { codeCell } from './markdown-change.js';

const ACTIONS: Action[] = ['create', 'update', 'replace', 'delete'];
const SETTINGS = '(registry settings)';
const TOP_LEVEL = '(no prefix)';

/**
 * Which group a change is counted in: a repository's first path segment
 * ("team-a/" for team-a/api), names with no "/" together, and every
 * registry-wide resource together.
 */
export function prefixOf(addr: string): string {
  const parsed = parseAddress(addr);
  if (!parsed || !('repository' in parsed)) return SETTINGS;
  const slash = parsed.repository.indexOf('/');
  return slash < 0 ? TOP_LEVEL : parsed.repository.slice(0, slash + 1);
}

interface Row {
  prefix: string;
  counts: Record<Action, number>;
  blocked: number;
  total: number;
}

function rowLine(label: string, r: Pick<Row, 'counts' | 'blocked' | 'total'>): string {
  return `| ${label} | ${ACTIONS.map((a) => r.counts[a]).join(' | ')} | ${r.blocked} | ${r.total} |`;
}

/**
 * The change-by-change table folded into counts per repository prefix and a
 * total per action, within `budget` characters: the biggest groups first,
 * the rest counted in one line.
 */
export function foldedSummaryTable(changes: { address: string; action: Action; blocked?: string }[], budget: number): string {
  const rows = new Map<string, Row>();
  for (const c of changes) {
    const prefix = prefixOf(c.address);
    const row = rows.get(prefix) ?? { prefix, counts: { create: 0, update: 0, replace: 0, delete: 0 }, blocked: 0, total: 0 };
    row.counts[c.action]++;
    row.total++;
    if (c.blocked) row.blocked++;
    rows.set(prefix, row);
  }
  const sorted = [...rows.values()].sort((a, b) => b.total - a.total || a.prefix.localeCompare(b.prefix));
  const totals: Row = { prefix: '', counts: { create: 0, update: 0, replace: 0, delete: 0 }, blocked: 0, total: 0 };
  for (const r of sorted) {
    for (const a of ACTIONS) totals.counts[a] += r.counts[a];
    totals.blocked += r.blocked;
    totals.total += r.total;
  }
  const header = ['| repository prefix | create | update | replace | delete | blocked | changes |', '|---|---|---|---|---|---|---|'];
  const footer = rowLine('**all**', totals);
  const restLine = (n: number, changes: number) => `| … ${n.toLocaleString('en-US')} more prefixes | | | | | | ${changes} |`;
  const lines = [...header];
  let used = header.join('\n').length + footer.length + restLine(sorted.length, totals.total).length + 3;
  let shown = 0;
  for (const r of sorted) {
    const line = rowLine(codeCell(r.prefix), r);
    if (used + line.length + 1 > budget) break;
    lines.push(line);
    used += line.length + 1;
    shown++;
  }
  if (shown < sorted.length) lines.push(restLine(sorted.length - shown, sorted.slice(shown).reduce((n, r) => n + r.total, 0)));
  lines.push(footer);
  return lines.join('\n') + '\n';
}
