import type { Desired } from '../model/desired.js';
import type { Plan } from '../model/plan.js';
import { parseAddress } from '../model/address.js';

/**
 * What to read of the live registry: which repositories to read in full (besides
 * those carrying the ownership tag) and which registry-level settings. A setting
 * the files do not manage is never read.
 */
export interface ReadScope {
  /** Repositories to read in full (policies), besides those carrying the ownership tag. A Set fits. */
  repositories: { has(name: string): boolean };
  /** The stack whose ownership tag marks a repository as ours (null: plain `ecrform`). */
  stack?: string | null;
  registry: {
    policy: boolean;
    scanning: boolean;
    replication: boolean;
    pullThroughCache: boolean;
    creationTemplates: boolean;
    /** Names of the account settings to read (GetAccountSetting takes one name). */
    accountSettings: string[];
    /** Optional so callers that manage neither can leave them out. */
    signing?: boolean;
    pullTimeUpdateExclusions?: boolean;
  };
}

export function scopeOfDesired(desired: Desired): ReadScope {
  const r = desired.registry;
  return {
    repositories: new Set(Object.keys(desired.repositories)),
    stack: desired.stack ?? null,
    registry: {
      policy: r.policy !== undefined,
      scanning: r.scanning !== undefined,
      replication: r.replication !== undefined,
      pullThroughCache: r.pullThroughCache !== undefined,
      creationTemplates: r.creationTemplates !== undefined,
      accountSettings: Object.keys(r.accountSettings ?? {}),
      signing: r.signing !== undefined,
      pullTimeUpdateExclusions: r.pullTimeUpdateExclusions !== undefined,
    },
  };
}

/** What `apply PLAN` must read again to check that nothing moved since the plan. */
export function scopeOfPlan(plan: Plan): ReadScope {
  const repositories = new Set<string>();
  const scope: ReadScope = {
    repositories,
    stack: plan.stack ?? null,
    registry: { policy: false, scanning: false, replication: false, pullThroughCache: false, creationTemplates: false, accountSettings: [] },
  };
  for (const change of plan.changes) {
    const parsed = parseAddress(change.address);
    if (!parsed) continue;
    if ('repository' in parsed) repositories.add(parsed.repository);
    else if (parsed.type === 'registryPolicy') scope.registry.policy = true;
    else if (parsed.type === 'scanning') scope.registry.scanning = true;
    else if (parsed.type === 'replication') scope.registry.replication = true;
    else if (parsed.type === 'pullThroughCache') scope.registry.pullThroughCache = true;
    else if (parsed.type === 'creationTemplate') scope.registry.creationTemplates = true;
    else if (parsed.type === 'signing') scope.registry.signing = true;
    else if (parsed.type === 'pullTimeUpdateExclusion') scope.registry.pullTimeUpdateExclusions = true;
    else scope.registry.accountSettings.push(parsed.name);
  }
  return scope;
}
