import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CreateRepositoryCommand, PutLifecyclePolicyCommand, SetRepositoryPolicyCommand } from '@aws-sdk/client-ecr';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { registryEnv, type RegistryEnv } from '../helpers/registry-env.js';

let env: RegistryEnv;
beforeEach(async () => {
  env = await registryEnv();
});
afterEach(async () => {
  await env.close();
});

describe('import against moto', () => {
  it('writes the live repositories as a file that validates; plan then shows only adoption', async () => {
    await env.ecr.send(new CreateRepositoryCommand({
      repositoryName: 'team-a/api',
      imageTagMutability: 'IMMUTABLE',
      imageScanningConfiguration: { scanOnPush: true },
      tags: [{ Key: 'team', Value: 'a' }],
    }));
    await env.ecr.send(new CreateRepositoryCommand({ repositoryName: 'team-b/web' }));
    await env.ecr.send(new SetRepositoryPolicyCommand({
      repositoryName: 'team-a/api',
      policyText: JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: { AWS: '210987654321' }, Action: 'ecr:BatchGetImage' } }),
    }));
    await env.ecr.send(new PutLifecyclePolicyCommand({
      repositoryName: 'team-a/api',
      lifecyclePolicyText: JSON.stringify({ rules: [{ rulePriority: 1, selection: { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 5 }, action: { type: 'expire' } }] }),
    }));

    const imported = await env.cli(['import', '--prefix', 'team-a/', '--out', 'registry.yaml']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toContain('Wrote 1 repository to registry.yaml');
    const doc = parse(await readFile(join(env.dir, 'registry.yaml'), 'utf8'));
    expect(Object.keys(doc.repositories)).toEqual(['team-a/api']);
    expect(doc.registry).toEqual({ region: 'us-east-1', accountId: env.proxy.accountId });
    expect(doc.repositories['team-a/api']).toMatchObject({ imageTagMutability: 'IMMUTABLE', scanOnPush: true, tags: { team: 'a' } });

    expect((await env.cli(['validate'])).code).toBe(0);
    const planned = JSON.parse((await env.cli(['plan', '--format', 'json'])).stdout);
    expect(planned.changes.map((c: { address: string; reason: string }) => [c.address, c.reason])).toEqual([
      ['repository["team-a/api"].tags', 'adopt'],
    ]);
    expect((await env.cli(['apply', '--auto-approve'])).code).toBe(0);
    expect((await env.cli(['plan', '--detailed-exitcode'])).code).toBe(0);
  });
});
