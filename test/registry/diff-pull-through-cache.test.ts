import { describe, expect, it } from 'vitest';
import { diffRegistry } from '../../src/plan/diff-registry.js';
import type { PullThroughCacheRule } from '../../src/model/desired.js';
import type { LivePullThroughCacheRule } from '../../src/model/live.js';
import type { Change } from '../../src/model/plan.js';
import { liveWith, ptcRule, staleCheckDocuments } from './registry-builders.js';

const brief = (changes: Change[]) => changes.map((c) => [c.address, c.action, c.reason, c.calls.join('+')]);

const HUB_SECRET = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:ecr-pullthroughcache/hub';
const OTHER_SECRET = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:ecr-pullthroughcache/hub2';
const ROLE = 'arn:aws:iam::123456789012:role/ptc';
const ECR_UPSTREAM = '210987654321.dkr.ecr.eu-west-1.amazonaws.com';

/** A live rule as DescribePullThroughCacheRules reports it: upstream kind and ROOT filled in. */
const liveRule = (url: string, extra: Partial<LivePullThroughCacheRule> = {}): LivePullThroughCacheRule => ({
  upstreamRegistryUrl: url,
  upstreamRepositoryPrefix: 'ROOT',
  ...extra,
});

interface Row {
  name: string;
  desired: Record<string, PullThroughCacheRule> | undefined;
  live: Record<string, LivePullThroughCacheRule>;
  expected: Array<[string, string, string | null, string]>;
  warnings?: string[];
}

const rows: Row[] = [
  {
    name: 'a rule that fills in what ECR derives (upstream kind, ROOT) is no change',
    desired: { 'ecr-public': ptcRule('public.ecr.aws') },
    live: { 'ecr-public': liveRule('public.ecr.aws', { upstreamRegistry: 'ecr-public' }) },
    expected: [],
  },
  {
    name: 'an explicit ROOT upstream prefix equals none',
    desired: { quay: ptcRule('quay.io', { upstreamRepositoryPrefix: 'ROOT', upstreamRegistry: 'quay' }) },
    live: { quay: { upstreamRegistryUrl: 'quay.io', upstreamRegistry: 'quay' } },
    expected: [],
  },
  {
    name: 'a declared prefix that does not exist is a create',
    desired: { 'docker-hub': ptcRule('registry-1.docker.io', { credentialArn: HUB_SECRET }) },
    live: {},
    expected: [['pullThroughCache["docker-hub"]', 'create', null, 'CreatePullThroughCacheRule']],
  },
  {
    name: 'a new credential is an update in place',
    desired: { 'docker-hub': ptcRule('registry-1.docker.io', { credentialArn: OTHER_SECRET }) },
    live: { 'docker-hub': liveRule('registry-1.docker.io', { upstreamRegistry: 'docker-hub', credentialArn: HUB_SECRET }) },
    expected: [['pullThroughCache["docker-hub"]', 'update', null, 'UpdatePullThroughCacheRule']],
  },
  {
    name: 'a new custom role is an update in place',
    desired: { mirror: ptcRule(ECR_UPSTREAM, { customRoleArn: ROLE }) },
    live: { mirror: liveRule(ECR_UPSTREAM, { upstreamRegistry: 'ecr' }) },
    expected: [['pullThroughCache["mirror"]', 'update', null, 'UpdatePullThroughCacheRule']],
  },
  {
    name: 'a live rule no file declares is deleted when the key is managed',
    desired: {},
    live: { old: liveRule('quay.io') },
    expected: [['pullThroughCache["old"]', 'delete', null, 'DeletePullThroughCacheRule']],
  },
  { name: 'live rules are left alone when the key is absent', desired: undefined, live: { old: liveRule('quay.io') }, expected: [] },
  // A replace on each field UpdatePullThroughCacheRule cannot change, naming the field.
  {
    name: 'replace: upstreamRegistryUrl',
    desired: { cache: ptcRule('ghcr.io') },
    live: { cache: liveRule('quay.io', { upstreamRegistry: 'quay' }) },
    expected: [['pullThroughCache["cache"]', 'replace', 'immutable-field', 'DeletePullThroughCacheRule+CreatePullThroughCacheRule']],
    warnings: ['upstreamRegistryUrl cannot change on a live pull-through cache rule (quay.io -> ghcr.io)'],
  },
  {
    name: 'replace: upstreamRegistry',
    desired: { cache: ptcRule('registry.example.com', { upstreamRegistry: 'gitlab-container-registry' }) },
    live: { cache: liveRule('registry.example.com', { upstreamRegistry: 'azure-container-registry' }) },
    expected: [['pullThroughCache["cache"]', 'replace', 'immutable-field', 'DeletePullThroughCacheRule+CreatePullThroughCacheRule']],
    warnings: ['upstreamRegistry cannot change on a live pull-through cache rule (azure-container-registry -> gitlab-container-registry)'],
  },
  {
    name: 'replace: upstreamRepositoryPrefix',
    desired: { mirror: ptcRule(ECR_UPSTREAM, { upstreamRepositoryPrefix: 'team-b', customRoleArn: ROLE }) },
    live: { mirror: liveRule(ECR_UPSTREAM, { upstreamRegistry: 'ecr', upstreamRepositoryPrefix: 'team-a', customRoleArn: ROLE }) },
    expected: [['pullThroughCache["mirror"]', 'replace', 'immutable-field', 'DeletePullThroughCacheRule+CreatePullThroughCacheRule']],
    warnings: ['upstreamRepositoryPrefix cannot change on a live pull-through cache rule (team-a -> team-b)'],
  },
  {
    name: 'replace: a credential removed (UpdatePullThroughCacheRule cannot clear it)',
    desired: { 'docker-hub': ptcRule('registry-1.docker.io') },
    live: { 'docker-hub': liveRule('registry-1.docker.io', { upstreamRegistry: 'docker-hub', credentialArn: HUB_SECRET }) },
    expected: [['pullThroughCache["docker-hub"]', 'replace', 'immutable-field', 'DeletePullThroughCacheRule+CreatePullThroughCacheRule']],
    warnings: ['credentialArn cannot be removed from a live pull-through cache rule'],
  },
];

describe('diffRegistry: pull-through cache rules', () => {
  it.each(rows)('$name', ({ desired, live, expected, warnings }) => {
    const state = liveWith({ pullThroughCache: live });
    const { changes } = diffRegistry({ pullThroughCache: desired }, state);
    expect(brief(changes)).toEqual(expected);
    for (const [i, warning] of (warnings ?? []).entries()) expect(changes[0].warnings[i]).toContain(warning);
    if (!warnings) for (const c of changes) expect(c.warnings).toEqual([]);
    for (const doc of staleCheckDocuments(changes, state)) expect(doc.now).toEqual(doc.before);
  });

  it('a replace creates the rule as declared; the derived upstream kind is dropped with the old URL', () => {
    const state = liveWith({ pullThroughCache: { cache: liveRule('quay.io', { upstreamRegistry: 'quay' }) } });
    const [change] = diffRegistry({ pullThroughCache: { cache: ptcRule('ghcr.io') } }, state).changes;
    expect(change.after).toEqual({ upstreamRegistryUrl: 'ghcr.io' });
    expect(change.before).toEqual({ upstreamRegistry: 'quay', upstreamRegistryUrl: 'quay.io' });
  });

  it('counts declared rules that match as unchanged', () => {
    const state = liveWith({ pullThroughCache: { a1: liveRule('quay.io'), b1: liveRule('ghcr.io') } });
    const result = diffRegistry({ pullThroughCache: { a1: ptcRule('quay.io'), b1: ptcRule('ghcr.io'), c1: ptcRule('registry.k8s.io') } }, state);
    expect(result.unchanged).toBe(2);
    expect(brief(result.changes)).toEqual([['pullThroughCache["c1"]', 'create', null, 'CreatePullThroughCacheRule']]);
  });

  it('a prefix named like an Object member is still a plain key', () => {
    const { changes } = diffRegistry({ pullThroughCache: { constructor: ptcRule('quay.io') } }, liveWith({ pullThroughCache: {} }));
    expect(brief(changes)).toEqual([['pullThroughCache["constructor"]', 'create', null, 'CreatePullThroughCacheRule']]);
  });
});
