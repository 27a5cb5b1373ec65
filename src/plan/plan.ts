import type { Desired } from '../model/desired.js';
import type { Live } from '../model/live.js';
import type { Change, Plan, PlanSummary } from '../model/plan.js';
import { matchesTarget } from '../model/address.js';
import { isOwned } from '../model/ownership.js';
import { partitionOf } from '../normalize/partition.js';
import { EcrformError } from '../errors.js';
import { diffDeclaredRepository, diffPrunedRepository } from './diff-repository.js';
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
}

/**
 * The plan: what apply would do to make `live` look like `desired`, and why.
 * Pure and synchronous: no I/O, no clock but the one passed in.
 * Throws EcrformError when the live registry is not the one the files name.
 */
export function plan(desired: Desired, live: Live, options: PlanOptions): Plan {
  const expected = desired.registry.accountId;
  if (expected && expected !== live.registryId) {
    throw new EcrformError(
      'ACCOUNT_MISMATCH',
      `the files are for account ${expected}, but the credentials reach registry ${live.registryId}; nothing was planned`,
    );
  }
  const ctx = { now: options.now, lifecyclePreview: options.lifecyclePreview, partition: partitionOf(live.region) };
  const results = [diffRegistry(desired.registry, live)];
  for (const repo of Object.values(desired.repositories)) {
    results.push(diffDeclaredRepository(repo, live.repositories[repo.name], ctx));
  }
  if (desired.prune) {
    for (const repo of Object.values(live.repositories)) {
      if (!(repo.name in desired.repositories) && isOwned(repo.tags)) {
        results.push({ changes: [diffPrunedRepository(repo)], unchanged: 0 });
      }
    }
  }
  const targeted = (address: string) =>
    options.targets.length === 0 || options.targets.some((t) => matchesTarget(address, t));
  const changes = results
    .flatMap((r) => r.changes)
    .filter((c) => targeted(c.address))
    .sort((a, b) => compareAddresses(a.address, b.address));
  const unchanged = results.reduce((n, r) => n + r.unchanged, 0);
  return {
    formatVersion: 1,
    tool: { name: 'ecrform', version: options.toolVersion },
    createdAt: options.createdAt,
    registry: { accountId: live.registryId, region: live.region },
    sources: desired.sources,
    changes,
    summary: summarize(changes, unchanged),
  };
}

export function summarize(changes: Change[], unchanged: number): PlanSummary {
  const summary: PlanSummary = { create: 0, update: 0, replace: 0, delete: 0, unchanged };
  for (const c of changes) summary[c.action] += 1;
  return summary;
}

/** The repositories whose images the plan needs: deletes and replaces (to count them), lifecycle previews, tag pins. */
export function repositoriesNeedingImages(desired: Desired, live: Live, options: PlanOptions): string[] {
  const names = new Set<string>();
  for (const repo of Object.values(desired.repositories)) {
    if (Object.keys(repo.images).length > 0 && live.repositories[repo.name]) names.add(repo.name);
  }
  const withoutPins: Desired = {
    ...desired,
    repositories: Object.fromEntries(Object.entries(desired.repositories).map(([k, r]) => [k, { ...r, images: {} }])),
  };
  for (const change of plan(withoutPins, live, { ...options, targets: [] }).changes) {
    const repoName = /^repository\["((?:[^"\\]|\\.)*)"\]/.exec(change.address)?.[1];
    if (!repoName || !live.repositories[repoName]) continue;
    const needs =
      (change.kind === 'repository' && (change.action === 'delete' || change.action === 'replace')) ||
      (change.kind === 'lifecyclePolicy' && change.action !== 'delete' && options.lifecyclePreview);
    if (needs) names.add(repoName);
  }
  return [...names].sort();
}
