import type { DriftReport } from '../drift/classify-drift.js';
import { renderDriftMarkdown } from '../render/drift-markdown.js';
import { renderDriftText } from '../render/drift-text.js';
import { renderSectionsMarkdown, renderSectionsText, totalLine, type RegistrySection } from '../render/run-report.js';
import { toDriftDocument, type DriftOutcome } from '../run/drift-document.js';
import type { ViewOptions } from '../render/change-details.js';
import type { Io, OutputFormat } from './io.js';
import { crossRegistryLines } from './run-plan-output.js';

const NONE = 'No registry in this selection: nothing to check.\n';

const counts = (r: DriftReport) => [r.modified.length, r.missing.length, r.orphaned.length, r.unmanaged.length];

type Shown = (index: number) => ViewOptions;

/** The checks across registries under the registry they concern, as plan shows them: text lines, or a markdown quote. */
function notesOf(outcome: DriftOutcome, markdown: boolean): string {
  const lines = crossRegistryLines({ blocked: outcome.errors, warnings: outcome.warnings });
  if (!lines.length) return '';
  return markdown ? '\n' + lines.map((l) => `> ${l}\n`).join('>\n') : lines.map((l) => `${l}\n`).join('');
}

function status(outcome: DriftOutcome, report: DriftReport): string {
  const errors = outcome.errors?.length ?? 0;
  return `${report.inSync ? 'in sync' : 'drift'}${errors ? ` (${errors} replication error${errors === 1 ? '' : 's'})` : ''}`;
}

function sections(outcomes: DriftOutcome[], io: Io, shown: Shown): RegistrySection[] {
  const now = io.now().toISOString();
  return outcomes.map((outcome, i) => {
    const { registry, report, error } = outcome;
    return {
      id: registry.id,
      error,
      body: report ? renderDriftText(report, registry, { ...shown(i), color: io.color, width: io.columns, now }) + notesOf(outcome, false) : undefined,
      cells: report ? [status(outcome, report), ...counts(report).map(String)] : [],
    };
  });
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
  // Ages ("pushed 41 days ago") are counted to the run's clock, which tests set.
  const now = io.now().toISOString();
  if (format === 'markdown') {
    if (single?.report) {
      const notes = notesOf(single, true);
      return renderDriftMarkdown(single.report, single.registry, { limit: limit === undefined ? undefined : limit - notes.length, now }) + notes;
    }
    return renderSectionsMarkdown(
      `ecrform drift: ${outcomes.length} registries`,
      ['status', 'modified', 'missing', 'orphaned', 'unmanaged'],
      sections(outcomes, io, shown),
      total(outcomes),
      (i, share) => {
        const notes = notesOf(outcomes[i], true);
        return renderDriftMarkdown(outcomes[i].report!, outcomes[i].registry, { limit: share - notes.length, now }) + notes;
      },
      limit,
    );
  }
  if (single?.report) return renderDriftText(single.report, single.registry, { ...shown(0), color: io.color, width: io.columns, now }) + notesOf(single, false);
  return renderSectionsText('drift', sections(outcomes, io, shown), total(outcomes));
}

/**
 * Exit code over the run: 1 when any registry failed or a check across
 * registries found an error (a replication that cannot work: the files must
 * change, as the plan says by exiting 1), else 2 when any drifted, else 0.
 */
export function driftExitCode(outcomes: DriftOutcome[]): number {
  if (outcomes.some((o) => o.error || o.errors?.length)) return 1;
  return outcomes.every((o) => o.report?.inSync) ? 0 : 2;
}
