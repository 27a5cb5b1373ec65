import { beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  CreatePullThroughCacheRuleCommand,
  CreateRepositoryCreationTemplateCommand,
  DeletePullThroughCacheRuleCommand,
  DescribePullThroughCacheRulesCommand,
  DescribeRegistryCommand,
  DescribeRepositoriesCommand,
  DescribeRepositoryCreationTemplatesCommand,
  ECRClient,
  GetAccountSettingCommand,
  GetRegistryPolicyCommand,
  PutAccountSettingCommand,
  PutRegistryScanningConfigurationCommand,
  GetRegistryScanningConfigurationCommand,
  RegistryPolicyNotFoundException,
  UpdateRepositoryCreationTemplateCommand,
} from '@aws-sdk/client-ecr';
import { createSdkPort } from '../../src/ecr/sdk-port.js';
import { readRegistrySettings } from '../../src/ecr/read-registry.js';
import { fetchLive } from '../../src/ecr/fetch-live.js';
import { scopeOfDesired, type ReadScope } from '../../src/ecr/read-scope.js';
import { plan } from '../../src/plan/plan.js';
import { apply } from '../../src/apply/apply.js';
import type { DesiredRegistry } from '../../src/model/desired.js';
import { ACCOUNT, desiredState, planOptions } from '../helpers/builders.js';
import { ptcRule, template } from './registry-builders.js';

const ecr = mockClient(ECRClient);
const port = createSdkPort(new ECRClient({ region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } }));

const NOTHING: ReadScope['registry'] = { policy: false, scanning: false, replication: false, pullThroughCache: false, creationTemplates: false, accountSettings: [] };
const SECRET = (name: string) => `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:ecr-pullthroughcache/${name}`;

/** Every write the mock received, in order: [command, input]. */
const writes = () =>
  ecr
    .calls()
    .map((call) => [(call.args[0] as object).constructor.name.replace(/Command$/, ''), (call.args[0] as { input: object }).input] as const)
    .filter(([name]) => !/^(Describe|Get|List)/.test(name));

async function planAndApply(registry: DesiredRegistry, concurrency = 1) {
  const desired = desiredState([], { registry });
  const live = await fetchLive(port, scopeOfDesired(desired), { region: 'us-east-1' });
  const planned = plan(desired, live, planOptions());
  const result = await apply(planned, port, { forceDelete: false, concurrency });
  return { planned, result };
}

beforeEach(() => {
  ecr.reset();
  ecr.on(DescribeRegistryCommand).resolves({ registryId: ACCOUNT, replicationConfiguration: { rules: [] } });
  ecr.on(DescribeRepositoriesCommand).resolves({ repositories: [] });
});

describe('pull-through cache rules through the SDK (moto has none)', () => {
  beforeEach(() => {
    ecr
      .on(DescribePullThroughCacheRulesCommand)
      .resolves({
        pullThroughCacheRules: [
          { ecrRepositoryPrefix: 'ecr-public', upstreamRegistryUrl: 'public.ecr.aws', upstreamRegistry: 'ecr-public', upstreamRepositoryPrefix: 'ROOT', registryId: ACCOUNT },
          { ecrRepositoryPrefix: 'hub', upstreamRegistryUrl: 'registry-1.docker.io', upstreamRegistry: 'docker-hub', credentialArn: SECRET('old') },
        ],
        nextToken: 'page-2',
      })
      .on(DescribePullThroughCacheRulesCommand, { nextToken: 'page-2' })
      .resolves({
        pullThroughCacheRules: [
          { ecrRepositoryPrefix: 'quay', upstreamRegistryUrl: 'quay.io', upstreamRegistry: 'quay' },
          { ecrRepositoryPrefix: 'old', upstreamRegistryUrl: 'registry.k8s.io', upstreamRegistry: 'k8s' },
        ],
      });
  });

  it('reads every page (nextToken) into one map', async () => {
    const live = await readRegistrySettings(port, { ...NOTHING, pullThroughCache: true }, { $metadata: {} });
    expect(Object.keys(live.pullThroughCache ?? {})).toEqual(['ecr-public', 'hub', 'old', 'quay']);
    expect(live.pullThroughCache?.hub).toEqual({ upstreamRegistryUrl: 'registry-1.docker.io', upstreamRegistry: 'docker-hub', credentialArn: SECRET('old') });
    const pages = ecr.commandCalls(DescribePullThroughCacheRulesCommand).map((c) => c.args[0].input.nextToken);
    expect(pages).toEqual([undefined, 'page-2']);
  });

  it('plans and applies create, update, replace (delete then create) and delete, in phase order', async () => {
    const { planned, result } = await planAndApply({
      pullThroughCache: {
        'ecr-public': ptcRule('public.ecr.aws'),
        hub: ptcRule('registry-1.docker.io', { credentialArn: SECRET('new') }),
        quay: ptcRule('ghcr.io'),
        k8s: ptcRule('registry.k8s.io', { upstreamRegistry: 'k8s' }),
      },
    });
    expect(planned.changes.map((c) => [c.address, c.action, c.calls.join('+')])).toEqual([
      ['pullThroughCache["hub"]', 'update', 'UpdatePullThroughCacheRule'],
      ['pullThroughCache["k8s"]', 'create', 'CreatePullThroughCacheRule'],
      ['pullThroughCache["old"]', 'delete', 'DeletePullThroughCacheRule'],
      ['pullThroughCache["quay"]', 'replace', 'DeletePullThroughCacheRule+CreatePullThroughCacheRule'],
    ]);
    expect(planned.changes[3].warnings[0]).toMatch(/^upstreamRegistryUrl cannot change/);
    expect(planned.summary.unchanged).toBe(1);
    expect(result.ok).toBe(true);
    expect(writes()).toEqual([
      ['UpdatePullThroughCacheRule', { ecrRepositoryPrefix: 'hub', credentialArn: SECRET('new') }],
      ['CreatePullThroughCacheRule', { ecrRepositoryPrefix: 'k8s', upstreamRegistryUrl: 'registry.k8s.io', upstreamRegistry: 'k8s' }],
      ['DeletePullThroughCacheRule', { ecrRepositoryPrefix: 'quay' }],
      ['CreatePullThroughCacheRule', { ecrRepositoryPrefix: 'quay', upstreamRegistryUrl: 'ghcr.io' }],
      // Removals run last (phase 6), after every create and update.
      ['DeletePullThroughCacheRule', { ecrRepositoryPrefix: 'old' }],
    ]);
    expect(ecr.commandCalls(CreatePullThroughCacheRuleCommand)).toHaveLength(2);
    expect(ecr.commandCalls(DeletePullThroughCacheRuleCommand)).toHaveLength(2);
  });
});

describe('repository creation templates through the SDK (moto has none)', () => {
  const POLICY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '210987654321' }, Action: 'ecr:BatchGetImage' }] };
  /** LIFECYCLE as normalized: keys sorted at every depth. */
  const LIFECYCLE_NORMALIZED = {
    rules: [{ action: { type: 'expire' }, rulePriority: 1, selection: { countNumber: 7, countType: 'sinceImagePushed', countUnit: 'days', tagStatus: 'untagged' } }],
  };
  const LIFECYCLE = { rules: [{ rulePriority: 1, selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 7 }, action: { type: 'expire' } }] };

  beforeEach(() => {
    ecr
      .on(DescribeRepositoryCreationTemplatesCommand)
      .resolves({
        registryId: ACCOUNT,
        repositoryCreationTemplates: [
          { prefix: 'ROOT', appliedFor: ['PULL_THROUGH_CACHE'], imageTagMutability: 'MUTABLE', description: 'old', repositoryPolicy: JSON.stringify(POLICY) },
        ],
        nextToken: 'page-2',
      })
      .on(DescribeRepositoryCreationTemplatesCommand, { nextToken: 'page-2' })
      .resolves({ registryId: ACCOUNT, repositoryCreationTemplates: [{ prefix: 'legacy', appliedFor: ['REPLICATION'] }] });
  });

  it('reads every page; policies are parsed, tags a map, encryption defaults to AES256', async () => {
    const live = await readRegistrySettings(port, { ...NOTHING, creationTemplates: true }, { $metadata: {} });
    expect(Object.keys(live.creationTemplates ?? {})).toEqual(['ROOT', 'legacy']);
    expect(live.creationTemplates?.ROOT).toMatchObject({ repositoryPolicy: POLICY, lifecyclePolicy: null, encryption: { type: 'AES256' }, resourceTags: {} });
    expect(ecr.commandCalls(DescribeRepositoryCreationTemplatesCommand).map((c) => c.args[0].input.nextToken)).toEqual([undefined, 'page-2']);
  });

  it('creates, updates only the fields that changed (clearing with empty values) and deletes last', async () => {
    const { planned, result } = await planAndApply({
      creationTemplates: {
        ROOT: template({ appliedFor: ['PULL_THROUGH_CACHE'], lifecyclePolicy: LIFECYCLE }),
        prod: template({ appliedFor: ['CREATE_ON_PUSH'], imageTagMutability: 'IMMUTABLE', resourceTags: { team: 'a' }, repositoryPolicy: POLICY }),
      },
    });
    expect(planned.changes.map((c) => [c.address, c.action])).toEqual([
      ['creationTemplate["ROOT"]', 'update'],
      ['creationTemplate["legacy"]', 'delete'],
      ['creationTemplate["prod"]', 'create'],
    ]);
    expect(result.ok).toBe(true);
    const [update] = ecr.commandCalls(UpdateRepositoryCreationTemplateCommand).map((c) => c.args[0].input);
    // Policies are sent as the files write them, not normalized (semantics.md).
    expect(update).toEqual({ prefix: 'ROOT', description: '', repositoryPolicy: '', lifecyclePolicy: JSON.stringify(LIFECYCLE) });
    expect(JSON.stringify(LIFECYCLE)).not.toBe(JSON.stringify(LIFECYCLE_NORMALIZED));
    const [create] = ecr.commandCalls(CreateRepositoryCreationTemplateCommand).map((c) => c.args[0].input);
    expect(create).toEqual({
      prefix: 'prod',
      appliedFor: ['CREATE_ON_PUSH'],
      imageTagMutability: 'IMMUTABLE',
      encryptionConfiguration: { encryptionType: 'AES256' },
      resourceTags: [{ Key: 'team', Value: 'a' }],
      repositoryPolicy: JSON.stringify(POLICY),
    });
    expect(writes().map(([name]) => name)).toEqual(['UpdateRepositoryCreationTemplate', 'CreateRepositoryCreationTemplate', 'DeleteRepositoryCreationTemplate']);
  });
});

describe('account settings and the registry policy through the SDK', () => {
  it('reads each managed setting by name and puts changed ones first (phase 1), before any other step', async () => {
    ecr.on(GetAccountSettingCommand).resolves({ name: 'BASIC_SCAN_TYPE_VERSION', value: 'CLAIR' });
    ecr.on(GetAccountSettingCommand, { name: 'REGISTRY_POLICY_SCOPE' }).resolves({ name: 'REGISTRY_POLICY_SCOPE', value: 'V2' });
    ecr.on(DescribePullThroughCacheRulesCommand).resolves({ pullThroughCacheRules: [] });
    const { planned, result } = await planAndApply(
      { accountSettings: { BASIC_SCAN_TYPE_VERSION: 'AWS_NATIVE', REGISTRY_POLICY_SCOPE: 'V2' }, pullThroughCache: { 'ecr-public': ptcRule('public.ecr.aws') } },
      8,
    );
    expect(ecr.commandCalls(GetAccountSettingCommand).map((c) => c.args[0].input.name).sort()).toEqual(['BASIC_SCAN_TYPE_VERSION', 'REGISTRY_POLICY_SCOPE']);
    expect(planned.changes.map((c) => [c.address, c.action, c.before, c.after])).toEqual([
      ['accountSetting["BASIC_SCAN_TYPE_VERSION"]', 'update', { value: 'CLAIR' }, { value: 'AWS_NATIVE' }],
      ['pullThroughCache["ecr-public"]', 'create', null, { upstreamRegistryUrl: 'public.ecr.aws' }],
    ]);
    expect(result.steps.map((s) => [s.address, s.phase])).toEqual([
      ['accountSetting["BASIC_SCAN_TYPE_VERSION"]', 1],
      ['pullThroughCache["ecr-public"]', 2],
    ]);
    expect(writes()).toEqual([
      ['PutAccountSetting', { name: 'BASIC_SCAN_TYPE_VERSION', value: 'AWS_NATIVE' }],
      ['CreatePullThroughCacheRule', { ecrRepositoryPrefix: 'ecr-public', upstreamRegistryUrl: 'public.ecr.aws' }],
    ]);
    expect(ecr.commandCalls(PutAccountSettingCommand)).toHaveLength(1);
  });

  it('RegistryPolicyNotFoundException reads as "no policy"; other keys are not read at all', async () => {
    ecr.on(GetRegistryPolicyCommand).rejects(new RegistryPolicyNotFoundException({ message: 'Registry policy does not exist', $metadata: {} }));
    expect(await readRegistrySettings(port, { ...NOTHING, policy: true }, { $metadata: {} })).toEqual({ policy: null });
    expect(ecr.calls().map((c) => (c.args[0] as object).constructor.name)).toEqual(['GetRegistryPolicyCommand']);
  });

  it('clearing the scanning rules sends an explicit empty list', async () => {
    ecr.on(GetRegistryScanningConfigurationCommand).resolves({
      registryId: ACCOUNT,
      scanningConfiguration: { scanType: 'ENHANCED', rules: [{ scanFrequency: 'CONTINUOUS_SCAN', repositoryFilters: [{ filter: '*', filterType: 'WILDCARD' }] }] },
    });
    const { result } = await planAndApply({ scanning: { scanType: 'BASIC', rules: [] } });
    expect(result.ok).toBe(true);
    expect(ecr.commandCalls(PutRegistryScanningConfigurationCommand).map((c) => c.args[0].input)).toEqual([{ scanType: 'BASIC', rules: [] }]);
  });
});
