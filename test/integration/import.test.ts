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

  it('writes a file a person would write: Version quoted, {} for a repository at the defaults, no machine path', async () => {
    await env.ecr.send(new CreateRepositoryCommand({ repositoryName: 'team-a/api', tags: [{ Key: 'cost-center', Value: '4201' }] }));
    await env.ecr.send(new CreateRepositoryCommand({ repositoryName: 'team-a/plain' }));
    await env.ecr.send(new SetRepositoryPolicyCommand({
      repositoryName: 'team-a/api',
      policyText: JSON.stringify({ Statement: [{ Action: 'ecr:BatchGetImage', Principal: { AWS: '210987654321' }, Effect: 'Allow', Sid: 'pull' }], Version: '2012-10-17' }),
    }));
    const imported = await env.cli(['import']);
    expect(imported.code, imported.stderr).toBe(0);
    const text = imported.stdout;
    expect(text).toContain('  team-a/plain: {}\n');
    expect(text).not.toContain('null');
    // YAML 1.1 readers would take these for a date and a number.
    expect(text).toContain('Version: "2012-10-17"');
    expect(text).toContain('cost-center: "4201"');
    // As a person writes a policy: Version first, then each statement Sid, Effect, Principal, Action.
    expect(text.indexOf('Version:')).toBeLessThan(text.indexOf('Statement:'));
    expect(text).toMatch(/- Sid: pull\n\s+Effect: Allow\n\s+Principal:/);
    // The run's folder is no project holding the schema: no $schema path that is true on this machine only.
    expect(text).not.toContain('$schema');
  });

  it('refuses a --prefix that matches no repository, writing nothing', async () => {
    await env.ecr.send(new CreateRepositoryCommand({ repositoryName: 'team-a/api' }));
    const result = await env.cli(['import', '--prefix', 'team-a/', '--prefix', 'taem-b/', '--out', 'registry.yaml']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--prefix "taem-b/" matches no repository');
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
    await expect(readFile(join(env.dir, 'registry.yaml'), 'utf8')).rejects.toThrow(/ENOENT/);
  });
});
