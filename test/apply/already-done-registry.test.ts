import { beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import {
  CreatePullThroughCacheRuleCommand,
  CreateRepositoryCreationTemplateCommand,
  DeletePullThroughCacheRuleCommand,
  DeleteRepositoryCreationTemplateCommand,
  DescribePullThroughCacheRulesCommand,
  DescribeRepositoryCreationTemplatesCommand,
  ECRClient,
  LimitExceededException,
  PullThroughCacheRuleAlreadyExistsException,
  PullThroughCacheRuleNotFoundException,
  TemplateAlreadyExistsException,
  TemplateNotFoundException,
  ValidationException,
  type PullThroughCacheRule,
  type RepositoryCreationTemplate,
} from '@aws-sdk/client-ecr';
import { apply } from '../../src/apply/apply.js';
import { createIdempotent, deleteIdempotent } from '../../src/apply/already-done.js';
import { createSdkPort } from '../../src/ecr/sdk-port.js';
import type { DesiredRegistry } from '../../src/model/desired.js';
import type { JsonObject } from '../../src/model/json.js';
import type { LiveRegistrySettings } from '../../src/model/live.js';
import { plan } from '../../src/plan/plan.js';
import { ACCOUNT, desiredState, liveState, planOptions } from '../helpers/builders.js';
import { asEcrStoresLifecycle, asEcrStoresPolicy } from '../helpers/ecr-shaped.js';
import { ptcRule, template } from '../registry/registry-builders.js';

/*
 * Retries that already succeeded, for the registry resources moto lacks
 * (semantics.md; issue 8, bug 8), through the SDK with aws-sdk-client-mock.
 * The SDK retried a create whose response was lost; the retry answers
 * "already exists". Done only when the live resource, as ECR describes it, is
 * the one the plan creates. A retried delete answered "not found" is done.
 */

const ecr = mockClient(ECRClient);
const port = createSdkPort(new ECRClient({ region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 }));
const meta = { $metadata: {} };
const SECRET = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:ecr-pullthroughcache/hub`;
const OTHER_SECRET = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:ecr-pullthroughcache/other`;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/ecr-template`;

function planned(registry: DesiredRegistry, live: LiveRegistrySettings = {}) {
  return plan(desiredState([], { registry }), liveState([], { registry: live }), planOptions());
}

const run = (registry: DesiredRegistry, live: LiveRegistrySettings = {}) => apply(planned(registry, live), port, { concurrency: 1 });

beforeEach(() => ecr.reset());

describe('a pull-through cache rule create answered "already exists"', () => {
  const desired: DesiredRegistry = { pullThroughCache: { hub: ptcRule('registry-1.docker.io', { credentialArn: SECRET }) } };
  /** The rule as DescribePullThroughCacheRules returns it: ECR fills in the upstream kind and keeps dates. */
  const asEcrHasIt = (extra: Partial<PullThroughCacheRule> = {}): PullThroughCacheRule => ({
    ecrRepositoryPrefix: 'hub',
    upstreamRegistryUrl: 'registry-1.docker.io',
    upstreamRegistry: 'docker-hub',
    credentialArn: SECRET,
    registryId: ACCOUNT,
    createdAt: new Date('2026-11-29T10:00:00Z'),
    updatedAt: new Date('2026-11-29T10:00:00Z'),
    ...extra,
  });
  const exists = () => new PullThroughCacheRuleAlreadyExistsException({ message: 'The specified pull-through cache rule already exists', ...meta });

  it('is done when the rule, looked up by its prefix, is the one planned', async () => {
    ecr.on(CreatePullThroughCacheRuleCommand).rejects(exists());
    ecr.on(DescribePullThroughCacheRulesCommand).resolves({ pullThroughCacheRules: [asEcrHasIt()] });
    const result = await run(desired);
    expect(result.steps.map((s) => [s.address, s.status])).toEqual([['pullThroughCache["hub"]', 'done']]);
    expect(ecr.commandCalls(DescribePullThroughCacheRulesCommand).map((c) => c.args[0].input)).toEqual([{ ecrRepositoryPrefixes: ['hub'] }]);
  });

  it('fails with the create\'s error when the rule there has another credential', async () => {
    ecr.on(CreatePullThroughCacheRuleCommand).rejects(exists());
    ecr.on(DescribePullThroughCacheRulesCommand).resolves({ pullThroughCacheRules: [asEcrHasIt({ credentialArn: OTHER_SECRET })] });
    const result = await run(desired);
    expect(result.ok).toBe(false);
    expect(result.steps[0].error?.code).toBe('PullThroughCacheRuleAlreadyExistsException');
  });

  it('fails with the create\'s error when the rule cannot be found again (deleted meanwhile)', async () => {
    ecr.on(CreatePullThroughCacheRuleCommand).rejects(exists());
    ecr.on(DescribePullThroughCacheRulesCommand).rejects(new PullThroughCacheRuleNotFoundException({ message: 'not found', ...meta }));
    expect((await run(desired)).steps[0].error?.code).toBe('PullThroughCacheRuleAlreadyExistsException');
  });

  it('a create that fails otherwise fails without looking, even when the rule there is the one planned', async () => {
    ecr.on(CreatePullThroughCacheRuleCommand).rejects(new LimitExceededException({ message: 'too many rules', ...meta }));
    ecr.on(DescribePullThroughCacheRulesCommand).resolves({ pullThroughCacheRules: [asEcrHasIt()] });
    const result = await run(desired);
    expect(result.steps[0].error).toEqual({ code: 'LimitExceededException', message: 'too many rules' });
    expect(ecr.commandCalls(DescribePullThroughCacheRulesCommand)).toEqual([]);
  });

  it('a replace whose delete answers "not found" goes on to the create', async () => {
    ecr.on(DeletePullThroughCacheRuleCommand).rejects(new PullThroughCacheRuleNotFoundException({ message: 'not found', ...meta }));
    ecr.on(CreatePullThroughCacheRuleCommand).resolves({});
    const live = { pullThroughCache: { hub: { upstreamRegistryUrl: 'quay.io', upstreamRegistry: 'quay' as const } } };
    const thePlan = planned(desired, live);
    expect(thePlan.changes.map((c) => c.action)).toEqual(['replace']);
    expect((await apply(thePlan, port, { concurrency: 1 })).ok).toBe(true);
    expect(ecr.commandCalls(CreatePullThroughCacheRuleCommand).map((c) => c.args[0].input)).toEqual([
      { ecrRepositoryPrefix: 'hub', upstreamRegistryUrl: 'registry-1.docker.io', credentialArn: SECRET },
    ]);
  });

  it('a delete answered "not found" is done; another error fails it', async () => {
    const live = { pullThroughCache: { old: { upstreamRegistryUrl: 'quay.io', upstreamRegistry: 'quay' as const } } };
    ecr.on(DeletePullThroughCacheRuleCommand).rejects(new PullThroughCacheRuleNotFoundException({ message: 'not found', ...meta }));
    expect((await run({ pullThroughCache: {} }, live)).ok).toBe(true);
    ecr.on(DeletePullThroughCacheRuleCommand).rejects(new ValidationException({ message: 'bad prefix', ...meta }));
    expect((await run({ pullThroughCache: {} }, live)).steps[0].error?.code).toBe('ValidationException');
  });
});

describe('a creation template create answered "already exists"', () => {
  const POLICY = { Version: '2012-10-17', Statement: [{ Sid: 'pull', Effect: 'Allow', Principal: { AWS: ['210987654321'] }, Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'] }] };
  const LIFECYCLE = { rules: [{ rulePriority: 1, selection: { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 5 }, action: { type: 'expire' } }] };
  const desired: DesiredRegistry = {
    creationTemplates: {
      prod: template({ appliedFor: ['CREATE_ON_PUSH', 'REPLICATION'], imageTagMutability: 'IMMUTABLE', resourceTags: { team: 'a', env: 'prod' }, repositoryPolicy: POLICY, lifecyclePolicy: LIFECYCLE, customRoleArn: ROLE }),
    },
  };
  /** The template as DescribeRepositoryCreationTemplates returns it: policies as ECR stores them (pretty-printed, root ARNs), lists in its order. */
  const asEcrHasIt = (extra: Partial<RepositoryCreationTemplate> = {}): RepositoryCreationTemplate => ({
    prefix: 'prod',
    appliedFor: ['REPLICATION', 'CREATE_ON_PUSH'],
    imageTagMutability: 'IMMUTABLE',
    encryptionConfiguration: { encryptionType: 'AES256' },
    resourceTags: [{ Key: 'env', Value: 'prod' }, { Key: 'team', Value: 'a' }],
    repositoryPolicy: JSON.stringify(asEcrStoresPolicy(POLICY as unknown as JsonObject), null, 2),
    lifecyclePolicy: JSON.stringify(asEcrStoresLifecycle(LIFECYCLE as unknown as JsonObject), null, 2),
    customRoleArn: ROLE,
    createdAt: new Date('2026-11-29T10:00:00Z'),
    updatedAt: new Date('2026-11-29T10:00:00Z'),
    ...extra,
  });
  const exists = () => new TemplateAlreadyExistsException({ message: 'The repository creation template already exists', ...meta });

  it('is done when the template, looked up by its prefix, is the one planned', async () => {
    ecr.on(CreateRepositoryCreationTemplateCommand).rejects(exists());
    ecr.on(DescribeRepositoryCreationTemplatesCommand).resolves({ registryId: ACCOUNT, repositoryCreationTemplates: [asEcrHasIt()] });
    const result = await run(desired);
    expect(result.steps.map((s) => [s.address, s.status])).toEqual([['creationTemplate["prod"]', 'done']]);
    expect(ecr.commandCalls(DescribeRepositoryCreationTemplatesCommand).map((c) => c.args[0].input)).toEqual([{ prefixes: ['prod'] }]);
  });

  it.each([
    ['another mutability', { imageTagMutability: 'MUTABLE' as const }],
    ['no repository policy', { repositoryPolicy: undefined }],
  ])('fails with the create\'s error when the template there has %s', async (_what, extra) => {
    ecr.on(CreateRepositoryCreationTemplateCommand).rejects(exists());
    ecr.on(DescribeRepositoryCreationTemplatesCommand).resolves({ registryId: ACCOUNT, repositoryCreationTemplates: [asEcrHasIt(extra)] });
    expect((await run(desired)).steps[0].error?.code).toBe('TemplateAlreadyExistsException');
  });

  it('fails with the create\'s error when no template is found again', async () => {
    ecr.on(CreateRepositoryCreationTemplateCommand).rejects(exists());
    ecr.on(DescribeRepositoryCreationTemplatesCommand).resolves({ registryId: ACCOUNT, repositoryCreationTemplates: [] });
    expect((await run(desired)).steps[0].error?.code).toBe('TemplateAlreadyExistsException');
  });

  it('a delete answered "not found" is done; another error fails it', async () => {
    const live = { creationTemplates: { old: { appliedFor: ['REPLICATION' as const], imageTagMutability: 'MUTABLE' as const, imageTagMutabilityExclusionFilters: [], encryption: { type: 'AES256' as const }, resourceTags: {}, repositoryPolicy: null, lifecyclePolicy: null } } };
    ecr.on(DeleteRepositoryCreationTemplateCommand).rejects(new TemplateNotFoundException({ message: 'not found', ...meta }));
    expect((await run({ creationTemplates: {} }, live)).ok).toBe(true);
    expect(ecr.commandCalls(DeleteRepositoryCreationTemplateCommand).map((c) => c.args[0].input)).toEqual([{ prefix: 'old' }]);
    ecr.on(DeleteRepositoryCreationTemplateCommand).rejects(new ValidationException({ message: 'bad prefix', ...meta }));
    expect((await run({ creationTemplates: {} }, live)).steps[0].error?.code).toBe('ValidationException');
  });
});

describe('what is not an AWS error passes through unchanged', () => {
  it('a rejection with no value (null) is rethrown as it is, never taken for "not found" or "already exists"', async () => {
    await expect(deleteIdempotent(() => Promise.reject(null), 'RepositoryNotFoundException')).rejects.toBeNull();
    await expect(createIdempotent(() => Promise.reject(null), 'RepositoryAlreadyExistsException', async () => true)).rejects.toBeNull();
  });
});
