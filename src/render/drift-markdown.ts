import type { DriftReport } from '../drift/classify-drift.js';
import { DIRECTION_NOTE, DRIFT_SECTIONS, UNMANAGED_MEANING, coverageLine, driftHeadline } from './drift-summary.js';
import { fitMarkdown } from './fit-markdown.js';
import { NO_CLOCK, describeChanges } from './change-details.js';
import { renderChangeBlock } from './markdown-change.js';
import type { MarkdownOptions } from './markdown.js';

function driftHead(report: DriftReport, registry: { accountId: string; region: string }): string {
  const out = [
    `### ecrform drift: registry \`${registry.accountId}\` (${registry.region})`,
    '',
    `**${driftHeadline(report)}** ${coverageLine(report)}`,
    '',
    ...(report.inSync ? [] : [DIRECTION_NOTE, '']),
    '| | count | meaning |',
    '|---|---|---|',
    ...DRIFT_SECTIONS.map((s) => `| ${s.title} | ${report[s.key].length} | ${s.meaning} |`),
    `| unmanaged | ${report.unmanaged.length} | ${UNMANAGED_MEANING} |`,
    '',
  ];
  return out.join('\n') + '\n';
}

/**
 * The drift report as markdown for a job summary or an issue: the counts
 * table always, then a collapsible block per drifted resource and the list
 * of unmanaged repositories, cut past the limit with a line saying so.
 */
export function renderDriftMarkdown(
  report: DriftReport,
  registry: { accountId: string; region: string },
  options: MarkdownOptions & { now?: string } = {},
): string {
  // `now`: when the registry was read, the time ages are counted to; the renderer never reads the clock.
  const details = describeChanges(DRIFT_SECTIONS.flatMap((s) => report[s.key]), options.now ?? NO_CLOCK, options);
  const blocks: string[] = [];
  for (const section of DRIFT_SECTIONS) {
    report[section.key].forEach((change, i) => {
      blocks.push((i === 0 ? `#### ${section.title}\n\n` : '') + renderChangeBlock(change, details.get(change), section.key === 'orphaned' ? 'orphaned' : undefined));
    });
  }
  if (report.unmanaged.length) {
    blocks.push(`#### unmanaged\n\n${report.unmanaged.map((n) => `- \`${n}\``).join('\n')}\n\n`);
  }
  return fitMarkdown(driftHead(report, registry), blocks, {
    limit: options.limit,
    noun: 'entries',
    hint: 'Run `ecrform drift` (or see the job log) for the rest.',
  });
}
