import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CreateRepositoryCommand, DescribeRepositoriesCommand, ListTagsForResourceCommand } from '@aws-sdk/client-ecr';
import { registryEnv, type RegistryEnv } from '../helpers/registry-env.js';
import { pushImage } from '../helpers/push-image.js';

let env: RegistryEnv;
beforeEach(async () => {
  env = await registryEnv();
});
afterEach(async () => {
  await env.close();
});

const liveNames = async () =>
  ((await env.ecr.send(new DescribeRepositoriesCommand({}))).repositories ?? []).map((r) => r.repositoryName).sort();

const tagsOf = async (name: string) => {
  const arn = `arn:aws:ecr:us-east-1:${env.proxy.accountId}:repository/${name}`;
  const out = await env.ecr.send(new ListTagsForResourceCommand({ resourceArn: arn }));
  return Object.fromEntries((out.tags ?? []).map((t) => [t.Key, t.Value]));
};

describe('repositories against moto', () => {
  it('adopts an untagged repository: the plan shows the ownership tag being added', async () => {
    await env.ecr.send(new CreateRepositoryCommand({ repositoryName: 'legacy/api' }));
    await env.write('registry.yaml', 'version: 1\nrepositories:\n  legacy/api:\n    scanOnPush: true\n');
    const planned = await env.cli(['plan', '--format', 'json']);
    expect(planned.code).toBe(0);
    const changes = JSON.parse(planned.stdout).changes;
    expect(changes.map((c: { address: string; action: string; reason: string }) => [c.address, c.action, c.reason])).toEqual([
      ['repository["legacy/api"]', 'update', null],
      ['repository["legacy/api"].tags', 'update', 'adopt'],
    ]);
    expect((await env.cli(['apply', '--auto-approve'])).code).toBe(0);
    expect(await tagsOf('legacy/api')).toEqual({ 'managed-by': 'ecrform' });
    expect((await env.cli(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it('prune deletes only repositories carrying the ownership tag', async () => {
    await env.write('registry.yaml', 'version: 1\nprune: true\nrepositories:\n  keep: {}\n  gone: {}\n');
    expect((await env.cli(['apply', '--auto-approve'])).code).toBe(0);
    await env.ecr.send(new CreateRepositoryCommand({ repositoryName: 'handmade' }));
    await env.write('registry.yaml', 'version: 1\nprune: true\nrepositories:\n  keep: {}\n');
    const planned = await env.cli(['plan']);
    expect(planned.stdout).toContain('- repository["gone"]  delete (prune)');
    expect(planned.stdout).not.toContain('handmade');
    expect((await env.cli(['apply', '--auto-approve'])).code).toBe(0);
    expect(await liveNames()).toEqual(['handmade', 'keep']);
  });

  it('a prune or replace of a repository holding images is blocked unless planned with --force-delete', async () => {
    await env.write('registry.yaml', 'version: 1\nprune: true\nrepositories:\n  full: {}\n  encrypted: {}\n');
    expect((await env.cli(['apply', '--auto-approve'])).code).toBe(0);
    await pushImage(env.ecr, 'full', 'v1', 'a');
    await pushImage(env.ecr, 'full', 'v2', 'b');
    await pushImage(env.ecr, 'encrypted', 'v1', 'c');
    await env.write('registry.yaml', 'version: 1\nprune: true\nrepositories:\n  encrypted:\n    encryption: { type: KMS }\n');

    const plannedRun = await env.cli(['plan', '--format', 'json']);
    expect(plannedRun.code).toBe(1);
    const planned = JSON.parse(plannedRun.stdout);
    const byAddress = Object.fromEntries(planned.changes.map((c: { address: string }) => [c.address, c]));
    expect(byAddress['repository["full"]'].blocked).toBe('holds 2 images; deleting it destroys them, which needs plan --force-delete');
    expect(byAddress['repository["full"]'].images).toHaveLength(2);
    expect(byAddress['repository["encrypted"]'].action).toBe('replace');
    expect(byAddress['repository["encrypted"]'].reason).toBe('immutable-field');
    expect(byAddress['repository["encrypted"]'].blocked).toBe('holds 1 image; a replace deletes it with them, which needs plan --force-delete');

    env.proxy.calls.length = 0;
    const refused = await env.cli(['apply', '--auto-approve']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('repository["full"]: holds 2 images');
    expect(refused.stderr).toContain('plan again with --force-delete');
    expect(env.proxy.calls.filter((c) => !/^(Describe|List|Get)/.test(c.operation))).toEqual([]);
    expect(await liveNames()).toEqual(['encrypted', 'full']);

    const forced = await env.cli(['apply', '--auto-approve', '--force-delete']);
    expect(forced.code).toBe(0);
    expect(await liveNames()).toEqual(['encrypted']);
    const live = (await env.ecr.send(new DescribeRepositoriesCommand({}))).repositories?.[0];
    expect(live?.encryptionConfiguration?.encryptionType).toBe('KMS');
    expect((await env.cli(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it('bad input names FILE:LINE:COL, exits 1 and makes no API call', async () => {
    await env.write('registry.yaml', 'version: 1\nrepositories:\n  team-a/api:\n    imageTagMutability: SOMETIMES\n');
    for (const command of ['validate', 'plan', 'apply']) {
      const result = await env.cli(command === 'apply' ? [command, '--auto-approve'] : [command]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/registry\.yaml:4:25: .*MUTABLE/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    expect(env.proxy.calls).toEqual([]);
  });

  it('plan --detailed-exitcode: 2 with changes, 0 without; apply PLAN applies the saved plan', async () => {
    await env.write('registry.yaml', 'version: 1\nrepositories:\n  alpha:\n    tags: { team: a }\n');
    expect((await env.cli(['plan', '--detailed-exitcode', '--out', 'plan.json'])).code).toBe(2);
    const applied = await env.cli(['apply', 'plan.json', '--auto-approve']);
    expect(applied.stdout).toContain('✓ done  repository["alpha"]  create (CreateRepository)');
    expect(applied.code).toBe(0);
    expect(await tagsOf('alpha')).toEqual({ 'managed-by': 'ecrform', team: 'a' });
    expect((await env.cli(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it('apply PLAN refuses the whole plan when the live state moved since', async () => {
    await env.write('registry.yaml', 'version: 1\nrepositories:\n  alpha: {}\n  beta: {}\n');
    expect((await env.cli(['plan', '--out', 'plan.json'])).code).toBe(0);
    await env.ecr.send(new CreateRepositoryCommand({ repositoryName: 'beta' }));
    const refused = await env.cli(['apply', 'plan.json', '--auto-approve']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('repository["beta"]');
    expect(refused.stderr).not.toContain('repository["alpha"]');
    expect(await liveNames()).toEqual(['beta']);
  });

  it('apply without a terminal and without --auto-approve refuses with exit 1', async () => {
    await env.write('registry.yaml', 'version: 1\nrepositories:\n  alpha: {}\n');
    const result = await env.cli(['apply']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--auto-approve');
    expect(await liveNames()).toEqual([]);
  });

  it('refuses to plan when registry.accountId is not the live registry', async () => {
    await env.write('registry.yaml', 'version: 1\nregistry:\n  accountId: "000000000001"\nrepositories:\n  alpha: {}\n');
    const result = await env.cli(['plan']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`account 000000000001, but the credentials reach registry ${env.proxy.accountId}`);
  });
});

describe('failures mid-apply against moto', () => {
  it('reports done, failed (with the AWS code) and not started; apply again converges', async () => {
    await env.write('registry.yaml', 'version: 1\nrepositories:\n  alpha:\n    scanOnPush: true\n    tags: { team: a }\n  beta:\n    tags: { team: b }\n');
    expect((await env.cli(['apply', '--auto-approve'])).code).toBe(0);
    await env.write('registry.yaml', 'version: 1\nrepositories:\n  alpha:\n    scanOnPush: false\n    tags: { team: a2 }\n  beta:\n    tags: { team: b2 }\n');
    env.proxy.addFault({ operation: 'PutImageScanningConfiguration', kind: 'error', times: 1, code: 'InvalidParameterException', message: 'injected failure' });
    const failed = await env.cli(['apply', '--auto-approve', '--concurrency', '1']);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('✗ failed  repository["alpha"]  update (PutImageScanningConfiguration)');
    expect(failed.stdout).toContain('InvalidParameterException: injected failure');
    expect(failed.stdout).toMatch(/- not started {2}repository\["(alpha|beta)"\]\.tags/);
    expect(failed.stdout).toMatch(/Apply failed: \d done, 1 failed, \d not started/);
    const again = await env.cli(['apply', '--auto-approve']);
    expect(again.code).toBe(0);
    expect((await env.cli(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it('retries throttling and 500s with the SDK and succeeds', async () => {
    await env.write('registry.yaml', 'version: 1\nrepositories:\n  alpha: {}\n');
    env.proxy.addFault({ operation: 'CreateRepository', kind: 'throttle', times: 2 });
    env.proxy.addFault({ operation: 'DescribeRepositories', kind: 'server-error', times: 1 });
    const result = await env.cli(['apply', '--auto-approve', '--debug']);
    expect(result.code).toBe(0);
    expect(env.proxy.calls.filter((c) => c.operation === 'CreateRepository')).toHaveLength(3);
    expect(result.stderr).toMatch(/\[debug\] CreateRepository alpha \d+ms ok/);
    expect(result.stderr).not.toContain('secret-key-never-printed');
  });

  it('retries a dropped connection; a read that keeps failing fails the plan with no partial plan', async () => {
    await env.write('registry.yaml', 'version: 1\nrepositories:\n  alpha: {}\n');
    env.proxy.addFault({ operation: 'DescribeRepositories', kind: 'drop', times: 1 });
    expect((await env.cli(['plan', '--detailed-exitcode'])).code).toBe(2);
    env.proxy.addFault({ operation: 'DescribeRepositories', kind: 'server-error', times: Infinity });
    const failed = await env.cli(['plan', '--format', 'json']);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toBe('');
    expect(failed.stderr).toMatch(/ServerException/);
    expect(env.proxy.calls.filter((c) => c.operation === 'DescribeRepositories').length).toBe(2 + 8);
  });
});
