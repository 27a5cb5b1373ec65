import { describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/apply.js';
import type { EcrPort } from '../../src/ecr/port.js';
import type { DesiredRegistry } from '../../src/model/desired.js';
import type { LiveRegistrySettings } from '../../src/model/live.js';
import { plan } from '../../src/plan/plan.js';
import { ACCOUNT, desiredState, liveState, planOptions } from '../helpers/builders.js';
import { ptcRule } from '../registry/registry-builders.js';

/*
 * The requests the registry-level steps send: what ECR receives decides what
 * the registry becomes, so each field left out or sent empty is a setting
 * not made (or one cleared).
 */

function recordingPort(fail: Record<string, Error> = {}) {
  const sent: Array<[string, unknown]> = [];
  const port = new Proxy({} as EcrPort, {
    get: (_t, op: string) => async (input: unknown) => {
      sent.push([op, input]);
      if (fail[op]) throw fail[op];
      return { $metadata: {} };
    },
  });
  return { port, sent };
}

const awsError = (name: string, message: string) => Object.assign(new Error(message), { name });

async function applied(registry: DesiredRegistry, live: LiveRegistrySettings, fail: Record<string, Error> = {}) {
  const thePlan = plan(desiredState([], { registry }), liveState([], { registry: live }), planOptions());
  const { port, sent } = recordingPort(fail);
  const result = await apply(thePlan, port, { concurrency: 1 });
  return { thePlan, result, sent };
}

const POLICY = { Version: '2012-10-17', Statement: [{ Sid: 'replicate', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'ecr:ReplicateImage' }] };
const SECRET = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:ecr-pullthroughcache/hub`;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/ecr-upstream`;

describe('registry policy delete', () => {
  it('sends DeleteRegistryPolicy; answered "not found" (a retry) it is done', async () => {
    const { result, sent } = await applied({ policy: null }, { policy: POLICY }, { deleteRegistryPolicy: awsError('RegistryPolicyNotFoundException', 'Registry policy does not exist') });
    expect(sent).toEqual([['deleteRegistryPolicy', {}]]);
    expect(result.ok).toBe(true);
  });

  it('another error fails it', async () => {
    const { result } = await applied({ policy: null }, { policy: POLICY }, { deleteRegistryPolicy: awsError('ServerException', 'boom') });
    expect(result.steps[0].error).toEqual({ code: 'ServerException', message: 'boom' });
  });
});

describe('replication', () => {
  it('a rule without filters is sent without the key (every repository); one with filters, as PREFIX_MATCH', async () => {
    const { sent } = await applied(
      {
        replication: {
          rules: [
            { destinations: [{ region: 'us-west-2' }], repositoryFilters: [] },
            { destinations: [{ region: 'eu-west-1' }], repositoryFilters: ['team-a/'] },
          ],
        },
      },
      { replication: { rules: [] } },
    );
    expect(sent).toEqual([
      [
        'putReplicationConfiguration',
        {
          replicationConfiguration: {
            rules: [
              { destinations: [{ region: 'us-west-2', registryId: ACCOUNT }] },
              { destinations: [{ region: 'eu-west-1', registryId: ACCOUNT }], repositoryFilters: [{ filter: 'team-a/', filterType: 'PREFIX_MATCH' }] },
            ],
          },
        },
      ],
    ]);
  });
});

describe('pull-through cache rule update', () => {
  it('sends the new credential and role', async () => {
    const { thePlan, sent } = await applied(
      { pullThroughCache: { hub: ptcRule('registry-1.docker.io', { credentialArn: SECRET, customRoleArn: ROLE }) } },
      { pullThroughCache: { hub: { upstreamRegistryUrl: 'registry-1.docker.io', upstreamRegistry: 'docker-hub', credentialArn: `${SECRET}-old` } } },
    );
    expect(thePlan.changes.map((c) => c.action)).toEqual(['update']);
    expect(sent).toEqual([['updatePullThroughCacheRule', { ecrRepositoryPrefix: 'hub', credentialArn: SECRET, customRoleArn: ROLE }]]);
  });

  it('a role alone (an upstream that needs no credential)', async () => {
    const { sent } = await applied(
      { pullThroughCache: { mirror: ptcRule(`${ACCOUNT}.dkr.ecr.us-west-2.amazonaws.com`, { customRoleArn: ROLE }) } },
      { pullThroughCache: { mirror: { upstreamRegistryUrl: `${ACCOUNT}.dkr.ecr.us-west-2.amazonaws.com`, upstreamRegistry: 'ecr', customRoleArn: `${ROLE}-old` } } },
    );
    expect(sent).toEqual([['updatePullThroughCacheRule', { ecrRepositoryPrefix: 'mirror', customRoleArn: ROLE }]]);
  });
});
