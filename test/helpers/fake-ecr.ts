import type { EcrPort } from '../../src/ecr/port.js';

interface FakeRepo {
  name: string;
  mutability: string;
  filters: { filterType: 'WILDCARD'; filter: string }[];
  scanOnPush: boolean;
  encryption: { encryptionType: string; kmsKey?: string };
  tags: Record<string, string>;
  policy?: string;
  lifecycle?: string;
  images: { digest: string; tags: string[]; pushedAt: Date; size: number; manifest: string }[];
}

function awsError(name: string, message: string): Error {
  const err = new Error(message);
  err.name = name;
  (err as unknown as { $metadata: object }).$metadata = {};
  return err;
}

/**
 * An in-memory ECR behind the EcrPort, for plan and apply tests without a
 * server. It follows ECR where moto is looser (DescribeRepositories pages of
 * `pageSize`). `failOn` makes the next call of one operation (optionally for one
 * repository) fail once.
 */
export function createFakeEcr(options: { accountId?: string; region?: string; pageSize?: number } = {}) {
  const accountId = options.accountId ?? '123456789012';
  const region = options.region ?? 'us-east-1';
  const repos = new Map<string, FakeRepo>();
  const calls: { operation: string; target: string }[] = [];
  const failures: { operation: string; target?: string; code: string; message: string }[] = [];
  const arnOf = (name: string) => `arn:aws:ecr:${region}:${accountId}:repository/${name}`;
  const nameOfArn = (arn: string) => arn.split(':repository/')[1] ?? '';
  const get = (name: string): FakeRepo => {
    const repo = repos.get(name);
    if (!repo) throw awsError('RepositoryNotFoundException', `The repository with name '${name}' does not exist`);
    return repo;
  };
  const record = (operation: string, target: string) => {
    calls.push({ operation, target });
    const index = failures.findIndex((f) => f.operation === operation && (!f.target || f.target === target));
    if (index < 0) return;
    const [failure] = failures.splice(index, 1);
    throw awsError(failure.code, failure.message);
  };
  const describe = (r: FakeRepo) => ({
    repositoryName: r.name,
    repositoryArn: arnOf(r.name),
    registryId: accountId,
    imageTagMutability: r.mutability as 'MUTABLE',
    imageTagMutabilityExclusionFilters: r.filters.length ? r.filters : undefined,
    imageScanningConfiguration: { scanOnPush: r.scanOnPush },
    encryptionConfiguration: r.encryption as { encryptionType: 'AES256' },
  });

  const port: Partial<EcrPort> = {
    describeRegistry: async () => (record('DescribeRegistry', '-'), { registryId: accountId, $metadata: {} }),
    describeRepositories: async (input) => {
      record('DescribeRepositories', '-');
      // As ECR: named repositories are looked up (each must exist), else all are listed.
      if (input.repositoryNames?.length) return { repositories: input.repositoryNames.map((n) => describe(get(n))), $metadata: {} };
      const all = [...repos.values()].sort((a, b) => a.name.localeCompare(b.name));
      const size = options.pageSize ?? 1000;
      const start = input.nextToken ? Number(input.nextToken) : 0;
      const page = all.slice(start, start + size);
      const next = start + size < all.length ? String(start + size) : undefined;
      return { repositories: page.map(describe), nextToken: next, $metadata: {} };
    },
    listTagsForResource: async (input) => {
      const name = nameOfArn(input.resourceArn ?? '');
      record('ListTagsForResource', name);
      return { tags: Object.entries(get(name).tags).map(([Key, Value]) => ({ Key, Value })), $metadata: {} };
    },
    getRepositoryPolicy: async (input) => {
      record('GetRepositoryPolicy', input.repositoryName ?? '');
      const r = get(input.repositoryName ?? '');
      if (!r.policy) throw awsError('RepositoryPolicyNotFoundException', 'no policy');
      return { policyText: r.policy, $metadata: {} };
    },
    getLifecyclePolicy: async (input) => {
      record('GetLifecyclePolicy', input.repositoryName ?? '');
      const r = get(input.repositoryName ?? '');
      if (!r.lifecycle) throw awsError('LifecyclePolicyNotFoundException', 'no lifecycle policy');
      return { lifecyclePolicyText: r.lifecycle, $metadata: {} };
    },
    describeImages: async (input) => {
      record('DescribeImages', input.repositoryName ?? '');
      const r = get(input.repositoryName ?? '');
      return {
        imageDetails: r.images.map((i) => ({ imageDigest: i.digest, imageTags: i.tags, imagePushedAt: i.pushedAt, imageSizeInBytes: i.size })),
        $metadata: {},
      };
    },
    createRepository: async (input) => {
      const name = input.repositoryName ?? '';
      record('CreateRepository', name);
      if (repos.has(name)) throw awsError('RepositoryAlreadyExistsException', `${name} exists`);
      repos.set(name, {
        name,
        mutability: input.imageTagMutability ?? 'MUTABLE',
        filters: (input.imageTagMutabilityExclusionFilters ?? []) as FakeRepo['filters'],
        scanOnPush: input.imageScanningConfiguration?.scanOnPush ?? false,
        encryption: (input.encryptionConfiguration ?? { encryptionType: 'AES256' }) as FakeRepo['encryption'],
        tags: Object.fromEntries((input.tags ?? []).map((t) => [t.Key ?? '', t.Value ?? ''])),
        images: [],
      });
      return { repository: describe(get(name)), $metadata: {} };
    },
    deleteRepository: async (input) => {
      const name = input.repositoryName ?? '';
      record('DeleteRepository', name);
      const r = get(name);
      if (r.images.length && !input.force) throw awsError('RepositoryNotEmptyException', `${name} holds images`);
      repos.delete(name);
      return { $metadata: {} };
    },
    putImageTagMutability: async (input) => {
      record('PutImageTagMutability', input.repositoryName ?? '');
      const r = get(input.repositoryName ?? '');
      r.mutability = input.imageTagMutability ?? 'MUTABLE';
      r.filters = (input.imageTagMutabilityExclusionFilters ?? []) as FakeRepo['filters'];
      return { $metadata: {} };
    },
    putImageScanningConfiguration: async (input) => {
      record('PutImageScanningConfiguration', input.repositoryName ?? '');
      get(input.repositoryName ?? '').scanOnPush = input.imageScanningConfiguration?.scanOnPush ?? false;
      return { $metadata: {} };
    },
    tagResource: async (input) => {
      const name = nameOfArn(input.resourceArn ?? '');
      record('TagResource', name);
      for (const t of input.tags ?? []) get(name).tags[t.Key ?? ''] = t.Value ?? '';
      return { $metadata: {} };
    },
    untagResource: async (input) => {
      const name = nameOfArn(input.resourceArn ?? '');
      record('UntagResource', name);
      for (const k of input.tagKeys ?? []) delete get(name).tags[k];
      return { $metadata: {} };
    },
    setRepositoryPolicy: async (input) => {
      record('SetRepositoryPolicy', input.repositoryName ?? '');
      get(input.repositoryName ?? '').policy = input.policyText;
      return { $metadata: {} };
    },
    deleteRepositoryPolicy: async (input) => {
      record('DeleteRepositoryPolicy', input.repositoryName ?? '');
      get(input.repositoryName ?? '').policy = undefined;
      return { $metadata: {} };
    },
    putLifecyclePolicy: async (input) => {
      record('PutLifecyclePolicy', input.repositoryName ?? '');
      get(input.repositoryName ?? '').lifecycle = input.lifecyclePolicyText;
      return { $metadata: {} };
    },
    deleteLifecyclePolicy: async (input) => {
      record('DeleteLifecyclePolicy', input.repositoryName ?? '');
      get(input.repositoryName ?? '').lifecycle = undefined;
      return { $metadata: {} };
    },
  };

  return {
    port: port as EcrPort,
    calls,
    accountId,
    region,
    repos,
    /** Adds a live repository directly, as if made by hand. */
    seed(name: string, init: Partial<Omit<FakeRepo, 'name'>> = {}) {
      repos.set(name, {
        name,
        mutability: 'MUTABLE',
        filters: [],
        scanOnPush: false,
        encryption: { encryptionType: 'AES256' },
        tags: {},
        images: [],
        ...init,
      });
    },
    failOn(operation: string, code: string, message: string, target?: string) {
      failures.push({ operation, target, code, message });
    },
  };
}
