import { address, matchesTarget } from '../model/address.js';
import type { Live } from '../model/live.js';
import { isOwned } from '../model/ownership.js';
import type { Change, Plan } from '../model/plan.js';
import { compareStrings } from '../normalize/canonical-json.js';
import { diffPrunedRepository } from '../plan/diff-repository.js';

/**
 * The drift report of cli.md, as `drift --format json` prints it.
 * Invariants: `inSync` is true exactly when modified, missing and orphaned are
 * all empty (unmanaged repositories are listed, never drift); every address
 * appears in at most one list; coverage.managed <= coverage.live.
 */
export interface DriftReport {
  formatVersion: 1;
  inSync: boolean;
  /** Declared resources whose live state differs: update, replace, and deletes of sub-resources added by hand. */
  modified: Change[];
  /** Declared resources that do not exist live: the plan's creates. */
  missing: Change[];
  /**
   * Live repositories carrying the ownership tag that no file declares, whether
   * or not `prune` is on. With prune on, the plan's own delete; with prune off,
   * the same delete with no calls and a warning: apply would leave it alone.
   */
  orphaned: Change[];
  /** Names of live repositories without the ownership tag that no file declares. */
  unmanaged: string[];
  /** managed: live repositories some file declares; live: all live repositories (within --target). */
  coverage: { managed: number; live: number };
}

export interface DriftInput {
  plan: Plan;
  live: Live;
  /** The repository names the files declare. */
  declared: Iterable<string>;
  /** --target values; empty means everything. */
  targets: string[];
}

export const PRUNE_OFF_WARNING =
  'no file declares this managed repository and prune is off, so apply leaves it alone: declare it again, set prune: true to delete it, or remove its managed-by tag';

/**
 * Replication always exists in ECR (with no rules by default), so the plan
 * updates it; but with no rule live, what the files declare is simply not
 * there (never applied, or removed): missing, not "changed outside ecrform".
 */
function neverReplicated(change: Change): boolean {
  const rules = (change.before as { rules?: unknown[] } | null)?.rules;
  return change.kind === 'replication' && Array.isArray(rules) && rules.length === 0;
}

/**
 * Classifies a plan as drift. Pure: the plan and the live state it was made
 * from go in, the report comes out.
 */
export function classifyDrift(input: DriftInput): DriftReport {
  const declared = new Set(input.declared);
  const inTarget = (addr: string) => input.targets.length === 0 || input.targets.some((t) => matchesTarget(addr, t));
  const modified: Change[] = [];
  const missing: Change[] = [];
  const orphaned: Change[] = [];
  const pruned = new Set<string>();
  for (const change of input.plan.changes) {
    if (change.action === 'create' || neverReplicated(change)) missing.push(change);
    else if (change.action === 'delete' && change.reason === 'prune') {
      orphaned.push(change);
      pruned.add(change.address);
    } else modified.push(change);
  }

  const unmanaged: string[] = [];
  let managed = 0;
  let live = 0;
  for (const repo of Object.values(input.live.repositories)) {
    const addr = address.repository(repo.name);
    if (!inTarget(addr)) continue;
    live++;
    if (declared.has(repo.name)) managed++;
    else if (!isOwned(repo.tags, input.plan.stack)) unmanaged.push(repo.name);
    else if (!pruned.has(addr)) orphaned.push({ ...diffPrunedRepository(repo), calls: [], warnings: [PRUNE_OFF_WARNING] });
  }
  orphaned.sort((a, b) => compareStrings(a.address, b.address));
  unmanaged.sort();

  return {
    formatVersion: 1,
    inSync: modified.length + missing.length + orphaned.length === 0,
    modified,
    missing,
    orphaned,
    unmanaged,
    coverage: { managed, live },
  };
}
