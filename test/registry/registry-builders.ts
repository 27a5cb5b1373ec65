import type { CreationTemplate, DesiredRegistry, PullThroughCacheRule } from '../../src/model/desired.js';
import type { Json, JsonObject } from '../../src/model/json.js';
import type { Live, LiveRegistrySettings } from '../../src/model/live.js';
import type { Change } from '../../src/model/plan.js';
import { parseAddress } from '../../src/model/address.js';
import { liveRegistryDocument } from '../../src/plan/registry-documents.js';
import { ACCOUNT, liveState } from '../helpers/builders.js';

const SOURCE = { file: 'registry.yaml', line: 1, col: 1 };

export const OTHER_ACCOUNT = '210987654321';

export function ptcRule(upstreamRegistryUrl: string, extra: Partial<PullThroughCacheRule> = {}): PullThroughCacheRule {
  return { upstreamRegistryUrl, source: SOURCE, ...extra };
}

export function template(overrides: Partial<CreationTemplate> = {}): CreationTemplate {
  return {
    appliedFor: ['PULL_THROUGH_CACHE'],
    imageTagMutability: 'MUTABLE',
    imageTagMutabilityExclusionFilters: [],
    encryption: { type: 'AES256' },
    resourceTags: {},
    repositoryPolicy: null,
    lifecyclePolicy: null,
    source: SOURCE,
    ...overrides,
  };
}

export function liveWith(registry: LiveRegistrySettings): Live {
  return liveState([], { registry });
}

/** The upstream registry kind ECR works out from a URL when a file leaves it out. */
export function upstreamKindOf(url: string): PullThroughCacheRule['upstreamRegistry'] {
  if (url === 'public.ecr.aws') return 'ecr-public';
  if (url === 'quay.io') return 'quay';
  if (url === 'registry-1.docker.io') return 'docker-hub';
  if (url === 'ghcr.io') return 'github-container-registry';
  if (url === 'registry.k8s.io') return 'k8s';
  if (url.includes('.dkr.ecr.')) return 'ecr';
  return undefined;
}

function reversedMap(map: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(map).reverse());
}

/**
 * The live registry settings as ECR reports them once the desired ones are
 * applied: destinations name their registry, filters and sets come back in
 * another order, pull-through cache rules carry the upstream kind and the ROOT
 * prefix ECR fills in, policies come back as text parsed again.
 */
export function liveRegistryFrom(desired: DesiredRegistry, account = ACCOUNT): LiveRegistrySettings {
  const live: LiveRegistrySettings = {};
  if (desired.policy !== undefined) live.policy = desired.policy ? (JSON.parse(JSON.stringify(desired.policy)) as JsonObject) : null;
  if (desired.scanning) {
    live.scanning = {
      scanType: desired.scanning.scanType,
      rules: desired.scanning.rules.map((r) => ({ ...r, repositoryFilters: [...r.repositoryFilters].reverse() })),
    };
  }
  if (desired.replication) {
    live.replication = {
      rules: desired.replication.rules.map((r) => ({
        destinations: r.destinations.map((d) => ({ region: d.region, registryId: d.registryId ?? account })),
        repositoryFilters: [...r.repositoryFilters].reverse(),
      })),
    };
  }
  if (desired.pullThroughCache) {
    live.pullThroughCache = Object.fromEntries(
      Object.entries(desired.pullThroughCache).map(([prefix, { source: _source, ...rule }]) => {
        const kind = rule.upstreamRegistry ?? upstreamKindOf(rule.upstreamRegistryUrl);
        return [prefix, { ...rule, ...(kind ? { upstreamRegistry: kind } : {}), upstreamRepositoryPrefix: rule.upstreamRepositoryPrefix ?? 'ROOT' }];
      }),
    );
  }
  if (desired.creationTemplates) {
    live.creationTemplates = Object.fromEntries(
      Object.entries(desired.creationTemplates).map(([prefix, { source: _source, ...t }]) => [
        prefix,
        {
          ...t,
          appliedFor: [...t.appliedFor].reverse(),
          imageTagMutabilityExclusionFilters: [...t.imageTagMutabilityExclusionFilters].reverse(),
          resourceTags: reversedMap(t.resourceTags),
          repositoryPolicy: t.repositoryPolicy ? (JSON.parse(JSON.stringify(t.repositoryPolicy)) as JsonObject) : null,
          lifecyclePolicy: t.lifecyclePolicy ? (JSON.parse(JSON.stringify(t.lifecyclePolicy)) as JsonObject) : null,
        },
      ]),
    );
  }
  if (desired.accountSettings) live.accountSettings = { ...desired.accountSettings };
  return live;
}

/** For each change, the document `apply PLAN` would compute for its address on the same live state. */
export function staleCheckDocuments(changes: Change[], live: Live): Array<{ address: string; before: Json; now: Json }> {
  return changes.map((c) => {
    const parsed = parseAddress(c.address);
    if (!parsed || 'repository' in parsed) throw new Error(`not a registry address: ${c.address}`);
    return { address: c.address, before: c.before, now: liveRegistryDocument(parsed, live) };
  });
}
