import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DescribeRegistryCommand,
  GetRegistryPolicyCommand,
  GetRegistryScanningConfigurationCommand,
  PutRegistryPolicyCommand,
  PutRegistryScanningConfigurationCommand,
  PutReplicationConfigurationCommand,
} from '@aws-sdk/client-ecr';
import { registryEnv, type RegistryEnv } from '../helpers/registry-env.js';

/*
 * The built CLI against moto, each test in its own moto account. moto has no
 * pull-through cache rules, creation templates or account settings (it
 * answers those operations with an HTML 500): registry-sdk-mock.test.ts covers
 * them. moto also holds at most one replication rule (it refuses a second
 * with "This feature is disabled"; ECR allows ten), so these tests apply one.
 */

let env: RegistryEnv;
beforeEach(async () => {
  env = await registryEnv();
});
afterEach(async () => {
  await env.close();
});

interface PlannedChange {
  address: string;
  kind: string;
  action: string;
  before: unknown;
  after: unknown;
}

const planJson = async (args: string[] = []): Promise<PlannedChange[]> => {
  const result = await env.cli(['plan', '--format', 'json', ...args]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout).changes as PlannedChange[];
};
const brief = (changes: PlannedChange[]) => changes.map((c) => [c.address, c.kind, c.action]);

async function applyThenInSync(): Promise<void> {
  const applied = await env.cli(['apply', '--auto-approve']);
  expect(applied.code, applied.stdout + applied.stderr).toBe(0);
  const again = await env.cli(['plan', '--detailed-exitcode']);
  expect(again.code, again.stdout + again.stderr).toBe(0);
}

describe('registry-wide settings against moto', () => {
  it('scanning: apply, then in sync; a change by hand is an update; no rules sends an explicit empty list', async () => {
    await env.write(
      'registry.yaml',
      'version: 1\nregistry:\n  scanning:\n    scanType: ENHANCED\n    rules:\n      - scanFrequency: CONTINUOUS_SCAN\n        repositoryFilters: ["team-a/*", "prod/*"]\n',
    );
    expect(brief(await planJson())).toEqual([['registry.scanning', 'scanning', 'update']]);
    await applyThenInSync();
    const live = (await env.ecr.send(new GetRegistryScanningConfigurationCommand({}))).scanningConfiguration;
    expect(live?.scanType).toBe('ENHANCED');
    expect(live?.rules?.[0].repositoryFilters?.map((f) => f.filter).sort()).toEqual(['prod/*', 'team-a/*']);

    await env.ecr.send(
      new PutRegistryScanningConfigurationCommand({
        scanType: 'ENHANCED',
        rules: [{ scanFrequency: 'SCAN_ON_PUSH', repositoryFilters: [{ filter: '*', filterType: 'WILDCARD' }] }],
      }),
    );
    const drifted = await planJson();
    expect(brief(drifted)).toEqual([['registry.scanning', 'scanning', 'update']]);
    expect(drifted[0].before).toEqual({ scanType: 'ENHANCED', rules: [{ scanFrequency: 'SCAN_ON_PUSH', repositoryFilters: ['*'] }] });

    await env.write('registry.yaml', 'version: 1\nregistry:\n  scanning:\n    scanType: BASIC\n');
    env.proxy.calls.length = 0;
    await applyThenInSync();
    const put = env.proxy.calls.find((c) => c.operation === 'PutRegistryScanningConfiguration');
    expect(put?.body).toEqual({ scanType: 'BASIC', rules: [] });
    expect((await env.ecr.send(new GetRegistryScanningConfigurationCommand({}))).scanningConfiguration).toEqual({ scanType: 'BASIC', rules: [] });
  });

  it('replication: the destination registry defaults to the own account; rules: [] removes it', async () => {
    // One rule only: moto refuses a second one (ECR allows up to ten).
    await env.write(
      'registry.yaml',
      'version: 1\nregistry:\n  replication:\n    rules:\n      - destinations: [{ region: us-west-2 }]\n        repositoryFilters: ["team-a/", "team-b/"]\n',
    );
    await applyThenInSync();
    const rules = (await env.ecr.send(new DescribeRegistryCommand({}))).replicationConfiguration?.rules;
    expect(rules?.[0].destinations).toEqual([{ region: 'us-west-2', registryId: env.proxy.accountId }]);

    await env.ecr.send(
      new PutReplicationConfigurationCommand({
        replicationConfiguration: { rules: [{ destinations: [{ region: 'eu-west-1', registryId: env.proxy.accountId }] }] },
      }),
    );
    const drifted = await planJson();
    expect(brief(drifted)).toEqual([['registry.replication', 'replication', 'update']]);
    expect(drifted[0].before).toEqual({ rules: [{ destinations: [{ region: 'eu-west-1', registryId: env.proxy.accountId }], repositoryFilters: [] }] });

    await env.write('registry.yaml', 'version: 1\nregistry:\n  replication:\n    rules: []\n');
    await applyThenInSync();
    expect((await env.ecr.send(new DescribeRegistryCommand({}))).replicationConfiguration?.rules).toEqual([]);
  });

  it('registry policy: create, in sync after normalization, a change by hand is an update', async () => {
    // moto accepts only ecr:CreateRepository and ecr:ReplicateImage in a registry policy.
    await env.write(
      'registry.yaml',
      [
        'version: 1',
        'registry:',
        '  policy:',
        '    Version: "2012-10-17"',
        // A list: moto fails (HTTP 500) on a single Statement object, which ECR takes.
        '    Statement:',
        '      - Sid: replicate-from-prod',
        '        Effect: Allow',
        '        Principal: { AWS: "210987654321" }',
        '        Action: [ecr:ReplicateImage, ecr:CreateRepository]',
        `        Resource: "arn:aws:ecr:us-east-1:${env.proxy.accountId}:repository/*"`,
        '',
      ].join('\n'),
    );
    expect(brief(await planJson())).toEqual([['registry.policy', 'registryPolicy', 'create']]);
    await applyThenInSync();
    // Sent as the file writes it (an account id, the actions in file order). Real ECR stores the id
    // as arn:aws:iam::210987654321:root, which compares equal; moto keeps the text as sent.
    const text = (await env.ecr.send(new GetRegistryPolicyCommand({}))).policyText ?? '';
    expect(JSON.parse(text).Statement[0]).toMatchObject({ Principal: { AWS: '210987654321' }, Action: ['ecr:ReplicateImage', 'ecr:CreateRepository'] });

    const byHand = JSON.parse(text);
    byHand.Statement[0] = { ...byHand.Statement[0], Principal: { AWS: 'arn:aws:iam::210987654321:root' }, Action: 'ecr:ReplicateImage' };
    await env.ecr.send(new PutRegistryPolicyCommand({ policyText: JSON.stringify(byHand) }));
    expect(brief(await planJson())).toEqual([['registry.policy', 'registryPolicy', 'update']]);
    await applyThenInSync();

    // `policy: null` declares "no registry policy": the live one is deleted.
    await env.write('registry.yaml', 'version: 1\nregistry:\n  policy: null\n');
    expect(brief(await planJson())).toEqual([['registry.policy', 'registryPolicy', 'delete']]);
    await applyThenInSync();
    await expect(env.ecr.send(new GetRegistryPolicyCommand({}))).rejects.toThrow(/RegistryPolicyNotFound|not found|does not exist/i);
  });

  it('several files: replication rules concatenate in file order; a pull-through cache prefix declared twice is refused', async () => {
    await env.write('teams/a.yaml', 'version: 1\nregistry:\n  replication:\n    rules:\n      - destinations: [{ region: us-west-2 }]\n        repositoryFilters: ["team-a/"]\n');
    const teamB = 'version: 1\nregistry:\n  replication:\n    rules:\n      - destinations: [{ region: eu-west-1 }]\n';
    await env.write('teams/b.yaml', teamB);
    // Planned only: moto cannot hold the two rules this adds up to.
    const changes = await planJson(['-f', 'teams']);
    expect(brief(changes)).toEqual([['registry.replication', 'replication', 'update']]);
    expect(changes[0].after).toEqual({
      rules: [
        { destinations: [{ region: 'us-west-2', registryId: env.proxy.accountId }], repositoryFilters: ['team-a/'] },
        { destinations: [{ region: 'eu-west-1', registryId: env.proxy.accountId }], repositoryFilters: [] },
      ],
    });

    // Checked offline (validate makes no call): moto has no pull-through cache rules to plan against.
    await env.write('teams/b.yaml', `${teamB}  pullThroughCache:\n    ecr-public: { upstreamRegistryUrl: public.ecr.aws }\n`);
    await env.write('teams/c.yaml', 'version: 1\nregistry:\n  pullThroughCache:\n    ecr-public: { upstreamRegistryUrl: public.ecr.aws }\n');
    env.proxy.calls.length = 0;
    const refused = await env.cli(['validate', '-f', 'teams']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/c\.yaml:4:\d+: .*ecr-public.*b\.yaml:7\b/);
    expect(env.proxy.calls).toEqual([]);
  });
});
