import type { Plan } from '../model/plan.js';
import type { PlanDocument, RegistryOutcome } from '../model/run.js';
import { renderPlanMarkdown } from '../render/markdown.js';
import { planTotal, renderSectionsMarkdown, renderSectionsText, type RegistrySection } from '../render/run-report.js';
import type { SessionView } from '../render/session-view.js';
import { renderPlanText } from '../render/text.js';
import { addSummaries, toPlanDocument } from '../run/plan-document.js';
import { TOOL_VERSION } from '../version.js';
import type { ViewOptions } from '../render/change-details.js';
import type { Io, OutputFormat } from './io.js';

/** How each registry's plan is shown (its own files' hints, --full). */
type Shown<T extends RegistryOutcome> = (outcome: T) => ViewOptions;
const plainly = () => ({});

const NONE = 'No registry in this selection: nothing to plan.\n';

/** The run's plan document (format version 2), as --format json prints it and --out writes it. */
export function planDocumentOf(outcomes: RegistryOutcome[], io: Io): PlanDocument {
  const createdAt = outcomes.find((o) => o.plan)?.plan?.createdAt ?? io.now().toISOString();
  return toPlanDocument(outcomes, { toolVersion: TOOL_VERSION, createdAt });
}

/** The checks across registries, under the registry they concern: errors block its plan, warnings do not. */
export function crossRegistryLines(outcome: Pick<RegistryOutcome, 'blocked' | 'warnings'>): string[] {
  return [...(outcome.blocked ?? []).map((m) => `error: ${m}`), ...(outcome.warnings ?? []).map((m) => `warning: ${m}`)];
}

function notesOf(outcome: RegistryOutcome, markdown: boolean): string {
  const lines = crossRegistryLines(outcome);
  if (!lines.length) return '';
  return markdown ? '\n' + lines.map((l) => `> ${l}\n`).join('>\n') : lines.map((l) => `${l}\n`).join('');
}

function sections<T extends RegistryOutcome>(outcomes: T[], body: (plan: Plan, outcome: T) => string): RegistrySection[] {
  return outcomes.map((outcome) => {
    const { registry, plan, error } = outcome;
    const s = plan?.summary;
    const status = outcome.blocked?.length ? ' (blocked)' : '';
    return {
      id: registry.id,
      error,
      body: plan ? body(plan, outcome) + notesOf(outcome, false) : undefined,
      cells: s ? [s.create, s.update, s.replace, s.delete, `${s.unchanged}${status}`].map(String) : [],
    };
  });
}

const totalOf = (outcomes: RegistryOutcome[]) =>
  planTotal(outcomes.length, outcomes.filter((o) => o.error).length, addSummaries(outcomes.flatMap((o) => (o.plan ? [o.plan.summary] : []))));

/** The plan as text: one registry exactly as before; several, each in turn with its failure, then the total. */
export function renderRunPlanText<T extends RegistryOutcome>(outcomes: T[], io: Io, shown: Shown<T> = plainly): string {
  if (outcomes.length === 0) return NONE;
  const text = (plan: Plan, outcome: T) => renderPlanText(plan, { ...shown(outcome), color: io.color, width: io.columns });
  // One registry in the run (--registry, --shard) can still have findings across registries.
  if (outcomes.length === 1 && outcomes[0].plan) return text(outcomes[0].plan, outcomes[0]) + notesOf(outcomes[0], false);
  return renderSectionsText('plan', sections(outcomes, text), totalOf(outcomes));
}

/** Markdown: one registry exactly as before; several, an overview table and each registry's own report. */
export function renderRunPlanMarkdown<T extends RegistryOutcome>(outcomes: T[], limit?: number, shown: Shown<T> = plainly): string {
  if (outcomes.length === 1 && outcomes[0].plan) {
    const notes = notesOf(outcomes[0], true);
    return renderPlanMarkdown(outcomes[0].plan, { ...shown(outcomes[0]), limit: limit === undefined ? undefined : limit - notes.length }) + notes;
  }
  return renderSectionsMarkdown(
    `ecrform plan: ${outcomes.length} registries`,
    ['create', 'update', 'replace', 'delete', 'unchanged'],
    sections(outcomes, () => ''),
    totalOf(outcomes),
    (i, share) => {
      const notes = notesOf(outcomes[i], true);
      return renderPlanMarkdown(outcomes[i].plan!, { ...shown(outcomes[i]), limit: share - notes.length }) + notes;
    },
    limit,
  );
}

/** The one document of --format json or markdown, or the text report. */
export function renderRunPlan<T extends RegistryOutcome>(outcomes: T[], format: OutputFormat, io: Io, shown: Shown<T> = plainly): string {
  if (format === 'json') return JSON.stringify(planDocumentOf(outcomes, io), null, 2) + '\n';
  if (format === 'markdown') return renderRunPlanMarkdown(outcomes, undefined, shown);
  return renderRunPlanText(outcomes, io, shown);
}

/** The text view: the tree of one registry's plan as before (ink on a terminal); several as one grouped report. */
export function showPlanText<T extends RegistryOutcome>(view: SessionView, outcomes: T[], io: Io, shown: Shown<T> = plainly): void {
  if (outcomes.length === 1 && outcomes[0].plan) {
    view.plan(outcomes[0].plan, shown(outcomes[0]));
    const notes = notesOf(outcomes[0], false);
    if (notes) view.print(notes);
  } else view.print(renderRunPlanText(outcomes, io, shown));
}
