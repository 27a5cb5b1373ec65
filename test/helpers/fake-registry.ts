import type {
  PullThroughCacheRule,
  RegistryScanningRule,
  ReplicationRule,
  RepositoryCreationTemplate,
  ScanType,
} from '@aws-sdk/client-ecr';
import type { EcrPort } from '../../src/ecr/port.js';

function awsError(name: string, message: string): Error {
  const err = new Error(message);
  err.name = name;
  (err as unknown as { $metadata: object }).$metadata = {};
  return err;
}

/** What ECR works out from a pull-through cache URL when the request names no upstream kind. */
function upstreamKind(url: string): PullThroughCacheRule['upstreamRegistry'] {
  const known: Record<string, PullThroughCacheRule['upstreamRegistry']> = {
    'public.ecr.aws': 'ecr-public',
    'quay.io': 'quay',
    'registry-1.docker.io': 'docker-hub',
    'ghcr.io': 'github-container-registry',
    'registry.k8s.io': 'k8s',
    'registry.gitlab.com': 'gitlab-container-registry',
  };
  return known[url] ?? (url.includes('.dkr.ecr.') ? 'ecr' : undefined);
}

/**
 * An in-memory ECR registry (registry-level settings only, no repositories)
 * behind the EcrPort, for apply-then-plan tests of the settings moto lacks.
 * It answers as ECR does where the difference matters: a missing registry
 * policy is RegistryPolicyNotFoundException; pull-through cache rules come
 * back with the upstream kind and the ROOT prefix filled in; an update of a
 * creation template changes only the fields it names ("" clears a string);
 * describe calls are paged (`pageSize`).
 */
export function createFakeRegistry(options: { accountId?: string; pageSize?: number } = {}) {
  const accountId = options.accountId ?? '123456789012';
  const pageSize = options.pageSize ?? 2;
  const state = {
    policy: undefined as string | undefined,
    scanning: { scanType: 'BASIC' as ScanType, rules: [] as RegistryScanningRule[] },
    replication: [] as ReplicationRule[],
    pullThroughCache: new Map<string, PullThroughCacheRule>(),
    templates: new Map<string, RepositoryCreationTemplate>(),
    accountSettings: new Map<string, string>([['BASIC_SCAN_TYPE_VERSION', 'AWS_NATIVE'], ['REGISTRY_POLICY_SCOPE', 'V2']]),
  };
  const calls: string[] = [];
  const ok = { $metadata: {} };
  const page = <T>(all: Map<string, T>, nextToken: string | undefined) => {
    const sorted = [...all.values()];
    const start = nextToken ? Number(nextToken) : 0;
    const next = start + pageSize < sorted.length ? String(start + pageSize) : undefined;
    return { items: structuredClone(sorted.slice(start, start + pageSize)), nextToken: next };
  };
  const clearable = (value: string | undefined, old: string | undefined) => (value === undefined ? old : value === '' ? undefined : value);

  const port: Partial<EcrPort> = {
    describeRepositories: async () => (calls.push('DescribeRepositories'), { repositories: [], ...ok }),
    describeRegistry: async () => (
      calls.push('DescribeRegistry'), { registryId: accountId, replicationConfiguration: { rules: structuredClone(state.replication) }, ...ok }
    ),
    getRegistryPolicy: async () => {
      calls.push('GetRegistryPolicy');
      if (!state.policy) throw awsError('RegistryPolicyNotFoundException', `Registry policy does not exist in the registry with id '${accountId}'`);
      return { registryId: accountId, policyText: state.policy, ...ok };
    },
    putRegistryPolicy: async (input) => (calls.push('PutRegistryPolicy'), (state.policy = input.policyText), ok),
    deleteRegistryPolicy: async () => {
      calls.push('DeleteRegistryPolicy');
      if (!state.policy) throw awsError('RegistryPolicyNotFoundException', 'no registry policy');
      state.policy = undefined;
      return ok;
    },
    getRegistryScanningConfiguration: async () => (
      calls.push('GetRegistryScanningConfiguration'), { registryId: accountId, scanningConfiguration: structuredClone(state.scanning), ...ok }
    ),
    putRegistryScanningConfiguration: async (input) => {
      calls.push('PutRegistryScanningConfiguration');
      state.scanning = { scanType: input.scanType ?? 'BASIC', rules: structuredClone(input.rules ?? state.scanning.rules) };
      return ok;
    },
    putReplicationConfiguration: async (input) => {
      calls.push('PutReplicationConfiguration');
      state.replication = structuredClone(input.replicationConfiguration?.rules ?? []);
      return ok;
    },
    describePullThroughCacheRules: async (input) => {
      calls.push('DescribePullThroughCacheRules');
      const { items, nextToken } = page(state.pullThroughCache, input.nextToken);
      return { pullThroughCacheRules: items, nextToken, ...ok };
    },
    createPullThroughCacheRule: async (input) => {
      calls.push('CreatePullThroughCacheRule');
      const prefix = input.ecrRepositoryPrefix ?? '';
      if (state.pullThroughCache.has(prefix)) throw awsError('PullThroughCacheRuleAlreadyExistsException', `rule ${prefix} exists`);
      state.pullThroughCache.set(prefix, {
        ...structuredClone(input),
        upstreamRegistry: input.upstreamRegistry ?? upstreamKind(input.upstreamRegistryUrl ?? ''),
        upstreamRepositoryPrefix: input.upstreamRepositoryPrefix ?? 'ROOT',
        registryId: accountId,
      });
      return ok;
    },
    updatePullThroughCacheRule: async (input) => {
      calls.push('UpdatePullThroughCacheRule');
      const rule = state.pullThroughCache.get(input.ecrRepositoryPrefix ?? '');
      if (!rule) throw awsError('PullThroughCacheRuleNotFoundException', 'no such rule');
      if (input.credentialArn) rule.credentialArn = input.credentialArn;
      if (input.customRoleArn) rule.customRoleArn = input.customRoleArn;
      return ok;
    },
    deletePullThroughCacheRule: async (input) => {
      calls.push('DeletePullThroughCacheRule');
      if (!state.pullThroughCache.delete(input.ecrRepositoryPrefix ?? '')) throw awsError('PullThroughCacheRuleNotFoundException', 'no such rule');
      return ok;
    },
    describeRepositoryCreationTemplates: async (input) => {
      calls.push('DescribeRepositoryCreationTemplates');
      const { items, nextToken } = page(state.templates, input.nextToken);
      return { registryId: accountId, repositoryCreationTemplates: items, nextToken, ...ok };
    },
    createRepositoryCreationTemplate: async (input) => {
      calls.push('CreateRepositoryCreationTemplate');
      const prefix = input.prefix ?? '';
      if (state.templates.has(prefix)) throw awsError('TemplateAlreadyExistsException', `template ${prefix} exists`);
      state.templates.set(prefix, {
        imageTagMutability: 'MUTABLE',
        encryptionConfiguration: { encryptionType: 'AES256' },
        ...structuredClone(input),
      });
      return ok;
    },
    updateRepositoryCreationTemplate: async (input) => {
      calls.push('UpdateRepositoryCreationTemplate');
      const t = state.templates.get(input.prefix ?? '');
      if (!t) throw awsError('TemplateNotFoundException', 'no such template');
      t.description = clearable(input.description, t.description);
      t.customRoleArn = clearable(input.customRoleArn, t.customRoleArn);
      t.repositoryPolicy = clearable(input.repositoryPolicy, t.repositoryPolicy);
      t.lifecyclePolicy = clearable(input.lifecyclePolicy, t.lifecyclePolicy);
      if (input.appliedFor) t.appliedFor = [...input.appliedFor];
      if (input.resourceTags) t.resourceTags = structuredClone(input.resourceTags);
      if (input.encryptionConfiguration) t.encryptionConfiguration = { ...input.encryptionConfiguration };
      if (input.imageTagMutability) {
        t.imageTagMutability = input.imageTagMutability;
        t.imageTagMutabilityExclusionFilters = structuredClone(input.imageTagMutabilityExclusionFilters);
      }
      return ok;
    },
    deleteRepositoryCreationTemplate: async (input) => {
      calls.push('DeleteRepositoryCreationTemplate');
      if (!state.templates.delete(input.prefix ?? '')) throw awsError('TemplateNotFoundException', 'no such template');
      return ok;
    },
    getAccountSetting: async (input) => (calls.push('GetAccountSetting'), { name: input.name, value: state.accountSettings.get(input.name ?? '') ?? 'DEFAULT', ...ok }),
    putAccountSetting: async (input) => (calls.push('PutAccountSetting'), state.accountSettings.set(input.name ?? '', input.value ?? ''), ok),
  };
  return { port: port as EcrPort, state, calls, accountId };
}
