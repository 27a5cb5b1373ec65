import type { DriftReport } from '../drift/classify-drift.js';
import { DIRECTION_NOTE, DRIFT_SECTIONS, UNMANAGED_MEANING, coverageLine, driftHeadline } from './drift-summary.js';
import { painter } from './paint.js';
import { NO_CLOCK, describeChanges } from './change-details.js';
import { DEFAULT_WIDTH } from './compact/wrap.js';
import { renderChangeLines, type TextOptions } from './text.js';

/** A drift report's options: `now` is when the registry was read, the time ages are counted to. */
export interface DriftTextOptions extends TextOptions {
  now?: string;
}

/**
 * The drift report as plain lines: headline, each non-empty category with
 * its changes (as the plan shows them), unmanaged names, coverage.
 */
export function renderDriftText(report: DriftReport, registry: { accountId: string; region: string }, options: DriftTextOptions): string {
  const paint = painter(options.color);
  const all = DRIFT_SECTIONS.flatMap((s) => report[s.key]);
  const details = describeChanges(all, options.now ?? NO_CLOCK, options);
  const out: string[] = [`ecrform drift for registry ${registry.accountId} (${registry.region})`, ''];
  out.push(paint(report.inSync ? 'green' : 'red', driftHeadline(report)));
  if (!report.inSync) out.push(DIRECTION_NOTE);
  out.push('');
  for (const section of DRIFT_SECTIONS) {
    const changes = report[section.key];
    if (!changes.length) continue;
    out.push(paint('bold', `${section.title} (${changes.length}): ${section.meaning}`));
    // An orphaned repository is reported, never called a delete: apply deletes it only with prune: true.
    for (const change of changes) out.push(...renderChangeLines(change, paint, details.get(change), options.width ?? DEFAULT_WIDTH, section.key === 'orphaned' ? 'orphaned' : undefined));
    out.push('');
  }
  if (report.unmanaged.length) {
    out.push(paint('bold', `unmanaged (${report.unmanaged.length}): ${UNMANAGED_MEANING}`));
    for (const name of report.unmanaged) out.push(`  ${name}`);
    out.push('');
  }
  out.push(coverageLine(report));
  return out.join('\n') + '\n';
}
