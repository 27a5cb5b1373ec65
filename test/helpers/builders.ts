import type { Desired, DesiredRepository } from '../../src/model/desired.js';
import type { Live, LiveImage, LiveRepository } from '../../src/model/live.js';
import { OWNERSHIP_TAG_KEY, OWNERSHIP_TAG_VALUE } from '../../src/model/ownership.js';
import type { PlanOptions } from '../../src/plan/plan.js';

export const ACCOUNT = '123456789012';
export const NOW = new Date('2026-11-23T12:00:00.000Z');

export function desiredRepo(name: string, overrides: Partial<DesiredRepository> = {}): DesiredRepository {
  return {
    name,
    imageTagMutability: 'MUTABLE',
    imageTagMutabilityExclusionFilters: [],
    scanOnPush: false,
    encryption: { type: 'AES256' },
    tags: {},
    policy: null,
    lifecyclePolicy: null,
    images: {},
    ignore: [],
    source: { file: 'registry.yaml', line: 1, col: 1 },
    ...overrides,
  };
}

export function desiredState(repos: DesiredRepository[], overrides: Partial<Desired> = {}): Desired {
  return {
    registry: {},
    prune: false,
    repositories: Object.fromEntries(repos.map((r) => [r.name, r])),
    sources: [{ path: 'registry.yaml', sha256: '0'.repeat(64) }],
    ...overrides,
  };
}

export function liveRepo(name: string, overrides: Partial<LiveRepository> = {}): LiveRepository {
  return {
    name,
    arn: `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/${name}`,
    registryId: ACCOUNT,
    imageTagMutability: 'MUTABLE',
    imageTagMutabilityExclusionFilters: [],
    scanOnPush: false,
    encryption: { type: 'AES256' },
    tags: {},
    details: { policy: null, lifecyclePolicy: null },
    ...overrides,
  };
}

export function liveState(repos: LiveRepository[], overrides: Partial<Live> = {}): Live {
  return {
    registryId: ACCOUNT,
    region: 'us-east-1',
    repositories: Object.fromEntries(repos.map((r) => [r.name, r])),
    registry: {},
    ...overrides,
  };
}

/** The live registry exactly as the desired state says, as ecrform would leave it. */
export function liveFrom(desired: Desired): Live {
  const repos = Object.values(desired.repositories).map((d) =>
    liveRepo(d.name, {
      imageTagMutability: d.imageTagMutability,
      imageTagMutabilityExclusionFilters: [...d.imageTagMutabilityExclusionFilters],
      scanOnPush: d.scanOnPush,
      encryption: { ...d.encryption },
      tags: { ...d.tags, [OWNERSHIP_TAG_KEY]: OWNERSHIP_TAG_VALUE },
      details: { policy: d.policy, lifecyclePolicy: d.lifecyclePolicy },
      images: [],
    }),
  );
  return liveState(repos);
}

export const OWNED = { [OWNERSHIP_TAG_KEY]: OWNERSHIP_TAG_VALUE };

export function image(digestChar: string, daysAgo: number, tags: string[] = [], sizeBytes = 1000): LiveImage {
  return {
    digest: `sha256:${digestChar.repeat(64)}`,
    tags,
    pushedAt: new Date(NOW.getTime() - daysAgo * 86_400_000).toISOString(),
    sizeBytes,
  };
}

export function planOptions(overrides: Partial<PlanOptions> = {}): PlanOptions {
  return {
    createdAt: NOW.toISOString(),
    toolVersion: '0.0.0-test',
    now: NOW,
    lifecyclePreview: true,
    targets: [],
    ...overrides,
  };
}
