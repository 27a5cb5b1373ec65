import type { DriftReport } from '../drift/classify-drift.js';
import { renderDriftMarkdown } from '../render/drift-markdown.js';
import { renderDriftText } from '../render/drift-text.js';
import { renderSectionsMarkdown, renderSectionsText, totalLine, type RegistrySection } from '../render/run-report.js';
import { toDriftDocument, type DriftOutcome } from '../run/drift-document.js';
import type { ViewOptions } from '../render/change-details.js';
import type { Io, OutputFormat } from './io.js';

const NONE = 'No registry in this selection: nothing to check.\n';

const counts = (r: DriftReport) => [r.modified.length, r.missing.length, r.orphaned.length, r.unmanaged.length];

type Shown = (index: number) => ViewOptions;

function sections(outcomes: DriftOutcome[], io: Io, shown: Shown): RegistrySection[] {
  return outcomes.map(({ registry, report, error }, i) => ({
    id: registry.id,
    error,
    body: report ? renderDriftText(report, registry, { ...shown(i), color: io.color, width: io.columns }) : undefined,
    cells: report ? [report.inSync ? 'in sync' : 'drift', ...counts(report).map(String)] : [],
  }));
}

function total(outcomes: DriftOutcome[]): string {
  const reports = outcomes.flatMap((o) => (o.report ? [o.report] : []));
  const drifted = reports.filter((r) => !r.inSync).length;
  const sum = (i: number) => reports.reduce((n, r) => n + counts(r)[i], 0);
  const failed = outcomes.length - reports.length;
  const line = drifted
    ? `drift found in ${drifted}: ${sum(0)} modified, ${sum(1)} missing, ${sum(2)} orphaned.`
    : failed
      ? 'no drift in the registries that were read.'
      : 'in sync: every registry matches the files.';
  return totalLine(outcomes.length, failed, line);
}

/** The drift report in the chosen format: one registry exactly as before; several grouped, with the total. */
export function renderRunDrift(outcomes: DriftOutcome[], format: OutputFormat, io: Io, limit?: number, shown: Shown = () => ({})): string {
  if (format === 'json') return JSON.stringify(toDriftDocument(outcomes), null, 2) + '\n';
  if (outcomes.length === 0) return format === 'markdown' ? `### ecrform drift\n\n${NONE}` : NONE;
  const single = outcomes.length === 1 ? outcomes[0] : undefined;
  if (format === 'markdown') {
    if (single?.report) return renderDriftMarkdown(single.report, single.registry, { limit });
    return renderSectionsMarkdown(
      `ecrform drift: ${outcomes.length} registries`,
      ['status', 'modified', 'missing', 'orphaned', 'unmanaged'],
      sections(outcomes, io, shown),
      total(outcomes),
      (i, share) => renderDriftMarkdown(outcomes[i].report!, outcomes[i].registry, { limit: share }),
      limit,
    );
  }
  if (single?.report) return renderDriftText(single.report, single.registry, { ...shown(0), color: io.color, width: io.columns });
  return renderSectionsText('drift', sections(outcomes, io, shown), total(outcomes));
}

/** Exit code over the run: 1 when any registry failed, else 2 when any drifted, else 0. */
export function driftExitCode(outcomes: DriftOutcome[]): number {
  if (outcomes.some((o) => o.error)) return 1;
  return outcomes.every((o) => o.report?.inSync) ? 0 : 2;
}
