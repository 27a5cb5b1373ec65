import { describe, expect, it } from 'vitest';
import { staleAddresses } from '../../src/apply/check-stale.js';
import { plan } from '../../src/plan/plan.js';
import type { Desired } from '../../src/model/desired.js';
import type { Live } from '../../src/model/live.js';
import { OWNED, desiredRepo, desiredState, image, liveRepo, liveState, planOptions } from '../helpers/builders.js';
import { ptcRule, template } from '../registry/registry-builders.js';

/*
 * `apply PLAN` refuses a plan whose addresses moved since it was made: for
 * every action of every kind, a plan is not stale against the live state it
 * was made from, and is stale (at exactly that address) once it moves.
 */

const POLICY = { Version: '2012-10-17', Statement: [{ Sid: 'a', Effect: 'Allow', Principal: { AWS: '210987654321' }, Action: 'ecr:BatchGetImage' }] };
const POLICY2 = { ...POLICY, Statement: [{ ...POLICY.Statement[0], Action: 'ecr:*' }] };
const LIFECYCLE = { rules: [{ rulePriority: 1, selection: { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 1 }, action: { type: 'expire' } }] };
const LIFECYCLE2 = { rules: [{ ...LIFECYCLE.rules[0], selection: { ...LIFECYCLE.rules[0].selection, countNumber: 2 } }] };
const digest = (c: string) => `sha256:${c.repeat(64)}`;
const SECRET = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:ecr-pullthroughcache/hub';

interface Case {
  name: string;
  desired: Desired;
  live: () => Live;
  address: string;
  action: string;
  move: (live: Live) => void;
}

const repoLive = (overrides: Parameters<typeof liveRepo>[1] = {}) => () => liveState([liveRepo('app', { tags: OWNED, images: [image('1', 3, ['v1']), image('2', 1, ['v2'])], ...overrides })]);
const app = (overrides: Parameters<typeof desiredRepo>[1] = {}) => desiredState([desiredRepo('app', overrides)]);
const repo = (l: Live) => l.repositories.app;

const cases: Case[] = [
  { name: 'repository create', desired: app(), live: () => liveState([]), address: 'repository["app"]', action: 'create', move: (l) => void (l.repositories.app = liveRepo('app', { tags: OWNED })) },
  { name: 'repository update', desired: app({ scanOnPush: true }), live: repoLive(), address: 'repository["app"]', action: 'update', move: (l) => void (repo(l).imageTagMutability = 'IMMUTABLE') },
  { name: 'repository replace', desired: app({ encryption: { type: 'KMS' } }), live: repoLive({ details: { policy: POLICY, lifecyclePolicy: null } }), address: 'repository["app"]', action: 'replace', move: (l) => void (repo(l).details = { policy: POLICY2, lifecyclePolicy: null }) },
  { name: 'repository replace (images gone)', desired: app({ encryption: { type: 'KMS' } }), live: repoLive(), address: 'repository["app"]', action: 'replace', move: (l) => void delete l.repositories.app },
  { name: 'repository delete', desired: desiredState([], { prune: true }), live: repoLive(), address: 'repository["app"]', action: 'delete', move: (l) => void (repo(l).tags = { ...OWNED, late: 'tag' }) },
  { name: 'tags update', desired: app({ tags: { team: 'a' } }), live: repoLive(), address: 'repository["app"].tags', action: 'update', move: (l) => void (repo(l).tags = { ...OWNED, team: 'b' }) },
  { name: 'policy create', desired: app({ policy: POLICY }), live: repoLive(), address: 'repository["app"].policy', action: 'create', move: (l) => void (repo(l).details = { policy: POLICY2, lifecyclePolicy: null }) },
  { name: 'policy update', desired: app({ policy: POLICY2 }), live: repoLive({ details: { policy: POLICY, lifecyclePolicy: null } }), address: 'repository["app"].policy', action: 'update', move: (l) => void (repo(l).details = { policy: null, lifecyclePolicy: null }) },
  { name: 'policy delete', desired: app(), live: repoLive({ details: { policy: POLICY, lifecyclePolicy: null } }), address: 'repository["app"].policy', action: 'delete', move: (l) => void (repo(l).details = { policy: POLICY2, lifecyclePolicy: null }) },
  { name: 'lifecycle create', desired: app({ lifecyclePolicy: LIFECYCLE }), live: repoLive(), address: 'repository["app"].lifecyclePolicy', action: 'create', move: (l) => void (repo(l).details = { policy: null, lifecyclePolicy: LIFECYCLE2 }) },
  { name: 'lifecycle update', desired: app({ lifecyclePolicy: LIFECYCLE2 }), live: repoLive({ details: { policy: null, lifecyclePolicy: LIFECYCLE } }), address: 'repository["app"].lifecyclePolicy', action: 'update', move: (l) => void (repo(l).details = { policy: null, lifecyclePolicy: null }) },
  { name: 'lifecycle delete', desired: app(), live: repoLive({ details: { policy: null, lifecyclePolicy: LIFECYCLE } }), address: 'repository["app"].lifecyclePolicy', action: 'delete', move: (l) => void (repo(l).details = { policy: null, lifecyclePolicy: LIFECYCLE2 }) },
  { name: 'tag pin create', desired: app({ images: { prod: { digest: digest('1') } } }), live: repoLive(), address: 'repository["app"].image["prod"]', action: 'create', move: (l) => void (repo(l).images = [image('1', 3, ['v1']), image('2', 1, ['v2', 'prod'])]) },
  { name: 'tag pin update', desired: app({ images: { v2: { digest: digest('1') } } }), live: repoLive(), address: 'repository["app"].image["v2"]', action: 'update', move: (l) => void (repo(l).images = [image('1', 3, ['v1']), image('2', 1, [])]) },
  { name: 'registry policy create', desired: desiredState([], { registry: { policy: POLICY } }), live: () => liveState([], { registry: { policy: null } }), address: 'registry.policy', action: 'create', move: (l) => void (l.registry.policy = POLICY2) },
  { name: 'registry policy update', desired: desiredState([], { registry: { policy: POLICY2 } }), live: () => liveState([], { registry: { policy: POLICY } }), address: 'registry.policy', action: 'update', move: (l) => void (l.registry.policy = null) },
  { name: 'registry policy delete', desired: desiredState([], { registry: { policy: null } }), live: () => liveState([], { registry: { policy: POLICY } }), address: 'registry.policy', action: 'delete', move: (l) => void (l.registry.policy = POLICY2) },
  { name: 'scanning update', desired: desiredState([], { registry: { scanning: { scanType: 'ENHANCED', rules: [] } } }), live: () => liveState([], { registry: { scanning: { scanType: 'BASIC', rules: [] } } }), address: 'registry.scanning', action: 'update', move: (l) => void (l.registry.scanning = { scanType: 'BASIC', rules: [{ scanFrequency: 'SCAN_ON_PUSH', repositoryFilters: ['*'] }] }) },
  { name: 'replication update', desired: desiredState([], { registry: { replication: { rules: [{ destinations: [{ region: 'us-west-2' }], repositoryFilters: [] }] } } }), live: () => liveState([], { registry: { replication: { rules: [] } } }), address: 'registry.replication', action: 'update', move: (l) => void (l.registry.replication = { rules: [{ destinations: [{ region: 'eu-west-1' }], repositoryFilters: [] }] }) },
  { name: 'pull-through cache create', desired: desiredState([], { registry: { pullThroughCache: { hub: ptcRule('registry-1.docker.io', { credentialArn: SECRET }) } } }), live: () => liveState([], { registry: { pullThroughCache: {} } }), address: 'pullThroughCache["hub"]', action: 'create', move: (l) => void (l.registry.pullThroughCache = { hub: { upstreamRegistryUrl: 'quay.io' } }) },
  { name: 'pull-through cache update', desired: desiredState([], { registry: { pullThroughCache: { hub: ptcRule('registry-1.docker.io', { credentialArn: SECRET }) } } }), live: () => liveState([], { registry: { pullThroughCache: { hub: { upstreamRegistryUrl: 'registry-1.docker.io', credentialArn: `${SECRET}-old` } } } }), address: 'pullThroughCache["hub"]', action: 'update', move: (l) => void (l.registry.pullThroughCache = { hub: { upstreamRegistryUrl: 'registry-1.docker.io', credentialArn: `${SECRET}-other` } }) },
  { name: 'pull-through cache replace', desired: desiredState([], { registry: { pullThroughCache: { hub: ptcRule('quay.io') } } }), live: () => liveState([], { registry: { pullThroughCache: { hub: { upstreamRegistryUrl: 'registry-1.docker.io', credentialArn: SECRET } } } }), address: 'pullThroughCache["hub"]', action: 'replace', move: (l) => void (l.registry.pullThroughCache = {}) },
  { name: 'pull-through cache delete', desired: desiredState([], { registry: { pullThroughCache: {} } }), live: () => liveState([], { registry: { pullThroughCache: { hub: { upstreamRegistryUrl: 'quay.io' } } } }), address: 'pullThroughCache["hub"]', action: 'delete', move: (l) => void (l.registry.pullThroughCache = {}) },
  { name: 'creation template create', desired: desiredState([], { registry: { creationTemplates: { ROOT: template() } } }), live: () => liveState([], { registry: { creationTemplates: {} } }), address: 'creationTemplate["ROOT"]', action: 'create', move: (l) => void (l.registry.creationTemplates = { ROOT: { ...template({ description: 'by hand' }) } }) },
  { name: 'creation template update', desired: desiredState([], { registry: { creationTemplates: { ROOT: template({ description: 'new' }) } } }), live: () => liveState([], { registry: { creationTemplates: { ROOT: template() } } }), address: 'creationTemplate["ROOT"]', action: 'update', move: (l) => void (l.registry.creationTemplates = { ROOT: template({ imageTagMutability: 'IMMUTABLE' }) }) },
  { name: 'creation template delete', desired: desiredState([], { registry: { creationTemplates: {} } }), live: () => liveState([], { registry: { creationTemplates: { ROOT: template() } } }), address: 'creationTemplate["ROOT"]', action: 'delete', move: (l) => void (l.registry.creationTemplates = {}) },
  { name: 'account setting update', desired: desiredState([], { registry: { accountSettings: { BASIC_SCAN_TYPE_VERSION: 'AWS_NATIVE' } } }), live: () => liveState([], { registry: { accountSettings: { BASIC_SCAN_TYPE_VERSION: 'CLAIR' } } }), address: 'accountSetting["BASIC_SCAN_TYPE_VERSION"]', action: 'update', move: (l) => void (l.registry.accountSettings = { BASIC_SCAN_TYPE_VERSION: 'OTHER' }) },
];

describe('apply PLAN: the stale check, per action', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const thePlan = plan(c.desired, c.live(), planOptions());
    const change = thePlan.changes.find((x) => x.address === c.address);
    expect(change?.action).toBe(c.action);
    expect(staleAddresses(thePlan, c.live())).toEqual([]);
    const moved = c.live();
    c.move(moved);
    expect(staleAddresses(thePlan, moved)).toContain(c.address);
  });
});
