import type { Desired } from '../model/desired.js';
import type { Live } from '../model/live.js';
import type { Change, Plan, PlanSummary } from '../model/plan.js';
import { matchesTarget } from '../model/address.js';
import { isOwned, otherStackOf } from '../model/ownership.js';
import { partitionOf } from '../normalize/partition.js';
import { EcrformError, PlanTimeError, type Diagnostic } from '../errors.js';
import { decideDeletes, DEFAULT_MAX_DELETES } from './decide-deletes.js';
import { checkTargets } from './targets.js';
import { diffDeclaredRepository, diffPrunedRepository, type DiffResult } from './diff-repository.js';
import { diffRegistry } from './diff-registry.js';
import { compareAddresses } from './order.js';

export interface PlanOptions {
  /** ISO time written into the plan; injected so plan() stays pure. */
  createdAt: string;
  toolVersion: string;
  /** The clock of the lifecycle preview. */
  now: Date;
  lifecyclePreview: boolean;
  /** --target values: addresses or address prefixes; empty means all. */
  targets: string[];
  /** plan --force-delete: recorded in the plan (default false). */
  forceDelete?: boolean;
  /** plan --max-deletes N: recorded in the plan (default 10). */
  maxDeletes?: number;
}

/** A declared repository that another ecrform stack owns: two stacks never fight over one. */
function otherStackProblem(desired: Desired, live: Live, name: string): Diagnostic | undefined {
  const repo = live.repositories[name];
  const other = repo && otherStackOf(repo.tags, desired.stack);
  if (!other) return undefined;
  const { file, line, col } = desired.repositories[name].source;
  const mine = desired.stack ? `stack "${desired.stack}"` : 'these files (no stack)';
  const theirs = other === '(no stack)' ? 'ecrform files that name no stack (managed-by: ecrform)' : `stack "${other}" (managed-by: ecrform:${other})`;
  const message = `repository "${name}" is owned by ${theirs}, not by ${mine}; remove it from these files, or from the other stack's files and then change its managed-by tag`;
  return { file, line, col, path: `/repositories/${name}`, message };
}

/** The plan in parts: the registry's changes and each repository's (declared or pruned), by name. */
export interface PlanParts {
  registry: DiffResult;
  repositories: Map<string, DiffResult>;
}

/**
 * Diffs the registry and the repositories `only` accepts (all without it): the
 * plan before --target, ordering and the summary. Pure, like plan().
 * Throws EcrformError when the live registry is not the one the files name.
 */
export function diffParts(desired: Desired, live: Live, options: PlanOptions, only: (name: string) => boolean = () => true): PlanParts {
  const expected = desired.registry.accountId;
  if (expected && expected !== live.registryId) {
    throw new EcrformError(
      'ACCOUNT_MISMATCH',
      `the files are for account ${expected}, but the credentials reach registry ${live.registryId}; nothing was planned`,
    );
  }
  const ctx = { now: options.now, lifecyclePreview: options.lifecyclePreview, partition: partitionOf(live.region) };
  const repositories = new Map<string, DiffResult>();
  // Every plan-time problem is collected, so one run shows all of them, each at its line.
  const problems: Diagnostic[] = [];
  for (const repo of Object.values(desired.repositories)) {
    if (!only(repo.name)) continue;
    const other = otherStackProblem(desired, live, repo.name);
    if (other) {
      problems.push(other);
      continue;
    }
    try {
      repositories.set(repo.name, diffDeclaredRepository(repo, live.repositories[repo.name], ctx));
    } catch (err) {
      if (!(err instanceof EcrformError) || err.diagnostics.length === 0) throw err;
      problems.push(...err.diagnostics);
    }
  }
  if (problems.length > 0) throw new PlanTimeError(problems);
  if (desired.prune) {
    for (const repo of Object.values(live.repositories)) {
      if (!(repo.name in desired.repositories) && isOwned(repo.tags, desired.stack) && only(repo.name)) {
        repositories.set(repo.name, { changes: [diffPrunedRepository(repo)], unchanged: 0 });
      }
    }
  }
  return { registry: diffRegistry(desired.registry, live), repositories };
}

/** The plan from its parts: --target applied, changes in address order, the summary. */
export function assemblePlan(desired: Desired, live: Live, options: PlanOptions, parts: PlanParts): Plan {
  checkTargets(options.targets, desired, live);
  const results = [parts.registry, ...parts.repositories.values()];
  const targeted = (address: string) =>
    options.targets.length === 0 || options.targets.some((t) => matchesTarget(address, t));
  const changes = results
    .flatMap((r) => r.changes)
    .filter((c) => targeted(c.address))
    .sort((a, b) => compareAddresses(a.address, b.address));
  const unchanged = results.reduce((n, r) => n + r.unchanged, 0);
  const decisions = { forceDelete: options.forceDelete ?? false, maxDeletes: options.maxDeletes ?? DEFAULT_MAX_DELETES };
  const blocked = decideDeletes(changes, live, decisions);
  return {
    formatVersion: 1,
    tool: { name: 'ecrform', version: options.toolVersion },
    createdAt: options.createdAt,
    registry: { accountId: live.registryId, region: live.region },
    stack: desired.stack ?? null,
    forceDelete: decisions.forceDelete,
    maxDeletes: decisions.maxDeletes,
    blocked,
    sources: desired.sources,
    changes,
    summary: summarize(changes, unchanged),
  };
}

/**
 * The plan: what apply would do to make `live` look like `desired`, and why.
 * Pure and synchronous: no I/O, no clock but the one passed in.
 * Throws EcrformError when the live registry is not the one the files name.
 */
export function plan(desired: Desired, live: Live, options: PlanOptions): Plan {
  return assemblePlan(desired, live, options, diffParts(desired, live, options));
}

export function summarize(changes: Change[], unchanged: number): PlanSummary {
  const summary: PlanSummary = { create: 0, update: 0, replace: 0, delete: 0, unchanged };
  for (const c of changes) summary[c.action] += 1;
  return summary;
}

/** True when a declared repository pins tags and exists: its diff always needs the live images. */
export function hasLivePins(desired: Desired, live: Live, name: string): boolean {
  const repo = desired.repositories[name];
  return repo !== undefined && Object.keys(repo.images).length > 0 && live.repositories[name] !== undefined;
}

/**
 * The repositories whose images the plan needs, from parts diffed without images
 * (repositories with pins may be left out of them): deletes and replaces (to count
 * the images), lifecycle previews, and tag pins.
 */
export function namesNeedingImages(desired: Desired, live: Live, parts: PlanParts, options: PlanOptions): string[] {
  const names = new Set<string>();
  for (const name of Object.keys(desired.repositories)) if (hasLivePins(desired, live, name)) names.add(name);
  for (const [name, result] of parts.repositories) {
    if (!live.repositories[name]) continue;
    const needs = result.changes.some(
      (change) =>
        (change.kind === 'repository' && (change.action === 'delete' || change.action === 'replace')) ||
        (change.kind === 'lifecyclePolicy' && change.action !== 'delete' && options.lifecyclePreview),
    );
    if (needs) names.add(name);
  }
  return [...names].sort();
}

/** The repositories whose images the plan needs (see namesNeedingImages). */
export function repositoriesNeedingImages(desired: Desired, live: Live, options: PlanOptions): string[] {
  return namesNeedingImages(desired, live, diffParts(desired, live, options, (name) => !hasLivePins(desired, live, name)), options);
}
