import type { Plan, PlanSummary } from '../model/plan.js';
import type { PlanDocument, PlanDocumentRegistry, RegistryOutcome } from '../model/run.js';
import { summarize } from '../plan/plan.js';

const EMPTY: PlanSummary = { create: 0, update: 0, replace: 0, delete: 0, unchanged: 0 };

/** Choices a one-registry plan may record (stack, forceDelete, maxDeletes, blocked) where the planner sets them. */
type Recorded = Partial<{ stack: string | null; forceDelete: boolean; maxDeletes: number; blocked: string[] }>;

/** Totals of several summaries. */
export function addSummaries(summaries: PlanSummary[]): PlanSummary {
  const total = { ...EMPTY };
  for (const s of summaries) for (const k of Object.keys(total) as Array<keyof PlanSummary>) total[k] += s[k];
  return total;
}

/**
 * The run as the plan document of cli.md (format version 2): each
 * registry with its files, choices and summary, every change naming its
 * registry. A registry that failed is listed with its error and no changes.
 */
export function toPlanDocument(outcomes: RegistryOutcome[], meta: { toolVersion: string; createdAt: string }): PlanDocument {
  const registries: PlanDocumentRegistry[] = outcomes.map(({ registry, plan, error, blocked, warnings }) => {
    const recorded = (plan ?? {}) as Recorded;
    return {
      ...registry,
      externalId: registry.externalId ?? null,
      stack: recorded.stack ?? null,
      forceDelete: recorded.forceDelete ?? false,
      maxDeletes: recorded.maxDeletes ?? 10,
      sources: plan?.sources ?? [],
      blocked: [...(recorded.blocked ?? []), ...(blocked ?? [])],
      warnings: warnings ?? [],
      summary: plan?.summary ?? { ...EMPTY },
      error: error ?? null,
    };
  });
  const changes = outcomes.flatMap(({ registry, plan }) => (plan?.changes ?? []).map((c) => ({ registry: registry.id, ...c })));
  return {
    formatVersion: 2,
    tool: { name: 'ecrform', version: meta.toolVersion },
    createdAt: meta.createdAt,
    registries,
    changes,
    summary: addSummaries(registries.map((r) => r.summary)),
  };
}

/** Back from the document: each registry's own plan, as plan() made it (the `registry` of each change removed). */
export function fromPlanDocument(doc: PlanDocument): RegistryOutcome[] {
  return doc.registries.map((entry) => {
    const { id, accountId, region, roleArn, externalId, sources, summary, error, stack, forceDelete, maxDeletes, blocked, warnings } = entry;
    const registry = { id, accountId, region, roleArn, externalId };
    if (error) return { registry, error };
    // The document does not say which `blocked` entries came from plan() and which from the checks across registries: all go back to the plan, where apply refuses them.
    const cross = { warnings: warnings ?? [] };
    const changes = doc.changes.filter((c) => c.registry === id).map(({ registry: _, ...change }) => change);
    const plan: Plan & Recorded = {
      formatVersion: 1,
      tool: doc.tool,
      createdAt: doc.createdAt,
      registry: { accountId, region },
      sources,
      changes,
      summary: { ...summarize(changes, 0), unchanged: summary.unchanged },
      stack,
      forceDelete,
      maxDeletes,
      blocked: blocked ?? [],
    };
    return { registry, plan, ...cross };
  });
}
