import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONCURRENCY } from '../../src/ecr/defaults.js';
import { registryEnv, type RegistryEnv } from '../helpers/registry-env.js';

let env: RegistryEnv;
beforeEach(async () => {
  env = await registryEnv();
});
afterEach(async () => {
  await env.close();
});

const SIZE = 20;

function registryYaml(): string {
  const lines = ['version: 1', 'repositories:'];
  for (let i = 0; i < SIZE; i++) {
    lines.push(
      `  svc-${i}:`,
      '    policy: { Version: "2012-10-17", Statement: [{ Sid: pull, Effect: Allow, Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: ["ecr:BatchGetImage"] }] }',
      '    lifecyclePolicy: { rules: [{ rulePriority: 1, selection: { tagStatus: untagged, countType: sinceImagePushed, countUnit: days, countNumber: 7 }, action: { type: expire } }] }',
    );
  }
  return lines.join('\n') + '\n';
}

describe('throttling at the default concurrency', () => {
  it(`ECR throttling ${DEFAULT_CONCURRENCY} calls in flight down to 15 a second: the plan still converges, with every read made`, async () => {
    await env.write('registry.yaml', registryYaml());
    expect((await env.cli(['apply', '--auto-approve'])).code).toBe(0);
    const before = env.proxy.calls.length;
    // Far below what the default sends on loopback: most first attempts are throttled.
    env.proxy.limitRate(15);
    const plan = await env.cli(['plan', '--detailed-exitcode']);
    expect(plan.stderr).toBe('');
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('No changes');
    expect(env.proxy.throttled).toBeGreaterThan(0);
    // Every repository was read in full (tags and both policies), whatever was retried.
    const reads = env.proxy.calls.slice(before);
    for (const operation of ['ListTagsForResource', 'GetRepositoryPolicy', 'GetLifecyclePolicy']) {
      const targets = new Set(reads.filter((c) => c.operation === operation).map((c) => String(c.body.repositoryName ?? c.body.resourceArn)));
      expect(targets.size, operation).toBe(SIZE);
    }
  });
});
