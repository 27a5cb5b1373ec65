import { describe, expect, it } from 'vitest';
import { plan } from '../../src/plan/plan.js';
import type { DesiredRegistry } from '../../src/model/desired.js';
import type { LiveRegistrySettings } from '../../src/model/live.js';
import { ACCOUNT, desiredState, liveState, planOptions } from '../helpers/builders.js';

/*
 * Registry-level settings in the plan: what is no change, what is refused
 * with which words, and why a pull-through cache rule is replaced.
 */

const SOURCE = { file: 'registry.yaml', line: 4, col: 3 };
const OTHER_ACCOUNT = '210987654321';

const planOf = (registry: DesiredRegistry, live: LiveRegistrySettings) =>
  plan(desiredState([], { registry }), liveState([], { registry: live }), planOptions());

describe('the registry policy', () => {
  it('`policy: null` on a registry that has none is no change', () => {
    const p = planOf({ policy: null }, { policy: null });
    expect(p.changes).toEqual([]);
    expect(p.summary).toEqual({ create: 0, update: 0, replace: 0, delete: 0, unchanged: 1 });
  });
});

describe('replication into the registry itself', () => {
  const planReplication = (...rules: Array<Array<{ region: string; registryId?: string }>>) =>
    planOf({ replication: { rules: rules.map((destinations) => ({ destinations, repositoryFilters: [] })) } }, { replication: { rules: [] } });

  it('is refused when any destination of a rule is this registry, naming the rule', () => {
    expect(() => planReplication([{ region: 'eu-west-1' }], [{ region: 'eu-west-1' }, { region: 'us-east-1' }])).toThrow(
      `registry.replication rule 2 replicates into this registry itself (${ACCOUNT}, us-east-1); ECR refuses that: name another region or account`,
    );
    expect(() => planReplication([{ region: 'us-east-1', registryId: ACCOUNT }])).toThrow(/^registry\.replication rule 1 replicates into this registry itself/);
  });

  it('another account in the same region is planned', () => {
    const p = planReplication([{ region: 'us-east-1', registryId: OTHER_ACCOUNT }]);
    expect(p.changes.map((c) => [c.address, c.action, c.calls])).toEqual([['registry.replication', 'update', ['PutReplicationConfiguration']]]);
    expect(JSON.stringify(p.changes[0].after)).toContain(OTHER_ACCOUNT);
  });
});

describe('a pull-through cache rule whose upstream changes', () => {
  it('is replaced, and each reason shows both sides, "(none)" for a field the file leaves out', () => {
    // As ECR returns a Docker Hub rule: the upstream registry it worked out, and the credential Docker Hub needs.
    const credentialArn = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:ecr-pullthroughcache/docker-hub-AbCdEf`;
    const p = planOf(
      { pullThroughCache: { hub: { upstreamRegistryUrl: 'public.ecr.aws', source: SOURCE } } },
      { pullThroughCache: { hub: { upstreamRegistryUrl: 'registry-1.docker.io', upstreamRegistry: 'docker-hub', credentialArn } } },
    );
    expect(p.changes.map((c) => [c.address, c.action, c.reason, c.calls])).toEqual([
      ['pullThroughCache["hub"]', 'replace', 'immutable-field', ['DeletePullThroughCacheRule', 'CreatePullThroughCacheRule']],
    ]);
    expect(p.changes[0].warnings).toEqual([
      'upstreamRegistryUrl cannot change on a live pull-through cache rule (registry-1.docker.io -> public.ecr.aws): the rule is deleted and created again; repositories already cached are kept',
      'upstreamRegistry cannot change on a live pull-through cache rule (docker-hub -> (none)): the rule is deleted and created again; repositories already cached are kept',
      'credentialArn cannot be removed from a live pull-through cache rule (UpdatePullThroughCacheRule only sets it): the rule is deleted and created again; repositories already cached are kept',
    ]);
  });
});
