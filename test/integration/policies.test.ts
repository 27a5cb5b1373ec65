import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GetLifecyclePolicyCommand, GetRepositoryPolicyCommand, PutLifecyclePolicyCommand, SetRepositoryPolicyCommand } from '@aws-sdk/client-ecr';
import { registryEnv, type RegistryEnv } from '../helpers/registry-env.js';
import { pushImage } from '../helpers/push-image.js';

let env: RegistryEnv;
beforeEach(async () => {
  env = await registryEnv();
});
afterEach(async () => {
  await env.close();
});

const REGISTRY_YAML = `version: 1
repositories:
  team-a/api:
    policyFile: policies/pull.json
    lifecyclePolicyFile: policies/keep.yaml
`;
const PULL_POLICY = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'ci-pull', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::210987654321:root' }, Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'] },
    { Sid: 'push', Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::111122223333:root', 'arn:aws:iam::444455556666:root'] }, Action: 'ecr:PutImage' },
  ],
};
const KEEP_YAML = `rules:
  - rulePriority: 1
    description: untagged go after a week
    selection: { tagStatus: untagged, countType: sinceImagePushed, countUnit: days, countNumber: 7 }
    action: { type: expire }
  - rulePriority: 2
    selection: { tagStatus: tagged, tagPrefixList: [v], countType: imageCountMoreThan, countNumber: 2 }
    action: { type: expire }
`;

async function applyFiles() {
  await env.write('registry.yaml', REGISTRY_YAML);
  await env.write('policies/pull.json', JSON.stringify(PULL_POLICY, null, 2));
  await env.write('policies/keep.yaml', KEEP_YAML);
  const applied = await env.cli(['apply', '--auto-approve']);
  expect(applied.code, applied.stderr).toBe(0);
}

const planJson = async () => {
  const result = await env.cli(['plan', '--format', 'json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as { changes: Array<{ address: string; action: string; patch: unknown[]; expires?: { count: number; bytes: number; images: Array<{ digest: string; tags: string[] }> } }> };
};

describe('policies against moto', () => {
  it('applies a policy file (JSON) and a lifecycle policy file (YAML), then plans empty', async () => {
    await applyFiles();
    const live = await env.ecr.send(new GetRepositoryPolicyCommand({ repositoryName: 'team-a/api' }));
    expect(JSON.parse(live.policyText ?? '{}').Statement).toHaveLength(2);
    const lifecycle = await env.ecr.send(new GetLifecyclePolicyCommand({ repositoryName: 'team-a/api' }));
    expect(JSON.parse(lifecycle.lifecyclePolicyText ?? '{}').rules).toHaveLength(2);
    expect((await env.cli(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  // moto stores policies exactly as sent; ECR reformats them. Either way, an
  // equivalent document must never plan as a change.
  it('plans an equivalent live policy in another form as unchanged', async () => {
    await applyFiles();
    const equivalent = {
      Statement: [
        { Action: 'ecr:PutImage', Principal: { AWS: ['444455556666', 'arn:aws:iam::111122223333:root'] }, Effect: 'Allow', Sid: 'push' },
        { Sid: 'ci-pull', Effect: 'Allow', Principal: { AWS: '210987654321' }, Action: ['ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage', 'ecr:BatchGetImage'] },
      ],
      Version: '2012-10-17',
    };
    await env.ecr.send(new SetRepositoryPolicyCommand({ repositoryName: 'team-a/api', policyText: JSON.stringify(equivalent) }));
    const reordered = {
      rules: [
        { rulePriority: 2, action: { type: 'expire' }, selection: { countNumber: 2, countType: 'imageCountMoreThan', tagPrefixList: ['v'], tagStatus: 'tagged', tagPatternList: [] } },
        { rulePriority: 1, description: 'untagged go after a week', selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 7 }, action: { type: 'expire' } },
      ],
    };
    await env.ecr.send(new PutLifecyclePolicyCommand({ repositoryName: 'team-a/api', lifecyclePolicyText: JSON.stringify(reordered) }));
    const result = await env.cli(['plan', '--detailed-exitcode']);
    expect(result.stdout).toContain('No changes');
    expect(result.code).toBe(0);
  });

  it('plans a real change as a statement diff, and applies it', async () => {
    await applyFiles();
    const changed = structuredClone(PULL_POLICY);
    changed.Statement[0].Action = ['ecr:BatchGetImage'];
    await env.write('policies/pull.json', JSON.stringify(changed));
    const text = await env.cli(['plan']);
    expect(text.stdout).toContain('~ repository["team-a/api"].policy  update');
    expect(text.stdout).toMatch(/~\s+Action:\s+\[ecr:BatchGetImage,\s+ecr:GetDownloadUrlForLayer\]\s+->\s+ecr:BatchGetImage\n/);
    const plan = await planJson();
    expect(plan.changes.map((c) => [c.address, c.action])).toEqual([['repository["team-a/api"].policy', 'update']]);
    expect((await env.cli(['apply', '--auto-approve'])).code).toBe(0);
    expect((await env.cli(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it('deletes a policy no longer declared', async () => {
    await applyFiles();
    await env.write('registry.yaml', 'version: 1\nrepositories:\n  team-a/api:\n    lifecyclePolicyFile: policies/keep.yaml\n');
    const plan = await planJson();
    expect(plan.changes.map((c) => [c.address, c.action])).toEqual([['repository["team-a/api"].policy', 'delete']]);
    expect((await env.cli(['apply', '--auto-approve'])).code).toBe(0);
    await expect(env.ecr.send(new GetRepositoryPolicyCommand({ repositoryName: 'team-a/api' }))).rejects.toThrow(/not found|does not exist|RepositoryPolicyNotFound/i);
  });

  it('fills expires from the live images for an imageCountMoreThan rule', async () => {
    await env.write('registry.yaml', 'version: 1\nrepositories:\n  team-a/api: {}\n');
    expect((await env.cli(['apply', '--auto-approve'])).code).toBe(0);
    const digests: string[] = [];
    for (const [i, tag] of ['v1', 'v2', 'v3', 'v4', 'v5'].entries()) {
      digests.push(await pushImage(env.ecr, 'team-a/api', tag, `img-${i}`));
      await new Promise((r) => setTimeout(r, 1100)); // distinct push times (moto keeps seconds)
    }
    await pushImage(env.ecr, 'team-a/api', 'release-1', 'img-r');
    await env.write('registry.yaml', REGISTRY_YAML);
    await env.write('policies/pull.json', JSON.stringify(PULL_POLICY));
    await env.write('policies/keep.yaml', KEEP_YAML);
    const plan = await planJson();
    const lifecycle = plan.changes.find((c) => c.address === 'repository["team-a/api"].lifecyclePolicy');
    expect(lifecycle?.action).toBe('create');
    // keep the 2 newest v* images: v1, v2 and v3 expire; release-1 matches no rule.
    expect(lifecycle?.expires?.count).toBe(3);
    expect(lifecycle?.expires?.images.map((i) => i.tags)).toEqual([['v1'], ['v2'], ['v3']]);
    expect(lifecycle?.expires?.images.map((i) => i.digest)).toEqual(digests.slice(0, 3));
    expect(lifecycle?.expires?.bytes).toBeGreaterThan(0);
    const text = await env.cli(['plan']);
    expect(text.stdout).toMatch(/will expire 3 images \([\d.]+ [KMG]?B\) now/);

    const skipped = JSON.parse((await env.cli(['plan', '--format', 'json', '--no-lifecycle-preview'])).stdout);
    expect(skipped.changes.find((c: { kind: string }) => c.kind === 'lifecyclePolicy').expires).toBeUndefined();
    expect(env.proxy.calls.filter((c) => c.operation === 'DescribeImages').length).toBe(2);
  }, 30_000);
});
