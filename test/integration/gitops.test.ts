import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CreateRepositoryCommand, DescribeRepositoriesCommand, ListTagsForResourceCommand, TagResourceCommand } from '@aws-sdk/client-ecr';
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

const arnOf = (name: string) => `arn:aws:ecr:us-east-1:${env.proxy.accountId}:repository/${name}`;
const tagsOf = async (name: string) => {
  const out = await env.ecr.send(new ListTagsForResourceCommand({ resourceArn: arnOf(name) }));
  return Object.fromEntries((out.tags ?? []).map((t) => [t.Key, t.Value]));
};
const writes = () => env.proxy.calls.filter((c) => !/^(Describe|List|Get|BatchGet)/.test(c.operation));
type JsonChange = { address: string; action: string; blocked?: string; images?: string[]; warnings: string[] };

describe('files: the folder tree', () => {
  it('moving a team file into a subfolder plans no delete', async () => {
    await env.write('registry/base.yaml', 'version: 1\nprune: true\nrepositories:\n  platform/base: {}\n');
    await env.write('registry/team-b.yaml', 'version: 1\nrepositories:\n  team-b/api: {}\n  team-b/worker: {}\n');
    expect((await env.cli(['apply', '-f', 'registry', '--auto-approve'])).code).toBe(0);
    const { rm } = await import('node:fs/promises');
    await rm(`${env.dir}/registry/team-b.yaml`);
    await env.write('registry/teams/team-b.yaml', 'version: 1\nrepositories:\n  team-b/api: {}\n  team-b/worker: {}\n');
    const planned = await env.cli(['plan', '-f', 'registry', '--detailed-exitcode']);
    expect(planned.stdout).toContain('0 to delete');
    expect(planned.stdout).not.toContain('team-b/api');
    expect(planned.code).toBe(0);
  });

  it('a stray YAML file in the folder is an error naming it, before any AWS call', async () => {
    await env.write('registry/base.yaml', 'version: 1\nrepositories:\n  platform/base: {}\n');
    await env.write('registry/notes.yaml', 'owner: platform\n');
    const result = await env.cli(['plan', '-f', 'registry']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^registry\/notes\.yaml:1:1: not a desired-state file/m);
    expect(env.proxy.calls).toEqual([]);
  });
});

describe('stacks: ownership per pipeline', () => {
  it('two stacks in one account each prune only their own repositories', async () => {
    await env.write('a/registry.yaml', 'version: 1\nstack: team-a\nprune: true\nrepositories:\n  team-a/api: {}\n  team-a/old: {}\n');
    await env.write('b/registry.yaml', 'version: 1\nstack: team-b\nprune: true\nrepositories:\n  team-b/api: {}\n');
    expect((await env.cli(['apply', '-f', 'a', '--auto-approve'])).code).toBe(0);
    expect((await env.cli(['apply', '-f', 'b', '--auto-approve'])).code).toBe(0);
    expect(await tagsOf('team-a/api')).toEqual({ 'managed-by': 'ecrform:team-a' });
    expect(await tagsOf('team-b/api')).toEqual({ 'managed-by': 'ecrform:team-b' });
    // Each plan is in sync: the other stack's repositories are not this one's to prune.
    expect((await env.cli(['plan', '-f', 'a', '--detailed-exitcode'])).code).toBe(0);
    expect((await env.cli(['plan', '-f', 'b', '--detailed-exitcode'])).code).toBe(0);

    await env.write('a/registry.yaml', 'version: 1\nstack: team-a\nprune: true\nrepositories:\n  team-a/api: {}\n');
    const planned = await env.cli(['plan', '-f', 'a', '--format', 'json']);
    expect(JSON.parse(planned.stdout).changes.map((c: JsonChange) => [c.address, c.action])).toEqual([['repository["team-a/old"]', 'delete']]);
    expect(JSON.parse(planned.stdout).registries[0].stack).toBe('team-a');
    expect((await env.cli(['apply', '-f', 'a', '--auto-approve'])).code).toBe(0);
    expect(await liveNames()).toEqual(['team-a/api', 'team-b/api']);
  });

  it('declaring a repository another stack owns is an error naming the stack, at its line', async () => {
    await env.write('b/registry.yaml', 'version: 1\nstack: team-b\nrepositories:\n  shared/api: {}\n');
    expect((await env.cli(['apply', '-f', 'b', '--auto-approve'])).code).toBe(0);
    await env.write('a/registry.yaml', 'version: 1\nstack: team-a\nrepositories:\n  team-a/api: {}\n  shared/api:\n    scanOnPush: true\n');
    env.proxy.calls.length = 0;
    const result = await env.cli(['apply', '-f', 'a', '--auto-approve']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('a/registry.yaml:5:3: repository "shared/api" is owned by stack "team-b" (managed-by: ecrform:team-b), not by stack "team-a"');
    expect(result.stderr.match(/shared\/api/g)).toHaveLength(1);
    expect(result.stderr).toContain('1 problem found when planning; nothing was changed.');
    expect(writes()).toEqual([]);
    expect(await tagsOf('shared/api')).toEqual({ 'managed-by': 'ecrform:team-b' });
  });
});

describe('deletes decided in review', () => {
  it('a blocked plan is printed, then explained with its ways out, and plan exits 1', async () => {
    await env.write('registry.yaml', 'version: 1\nprune: true\nrepositories:\n  full: {}\n  keep: {}\n');
    expect((await env.cli(['apply', '--auto-approve'])).code).toBe(0);
    await pushImage(env.ecr, 'full', 'v1', 'a');
    await env.write('registry.yaml', 'version: 1\nprune: true\nrepositories:\n  keep: {}\n');
    const planned = await env.cli(['plan', '--detailed-exitcode']);
    expect(planned.code).toBe(1);
    const plan = planned.stdout.indexOf('repository["full"]');
    const blocked = planned.stdout.indexOf('This plan cannot be applied as it stands:');
    expect(plan).toBeGreaterThanOrEqual(0);
    expect(blocked).toBeGreaterThan(plan);
    const explanation = planned.stdout.slice(blocked);
    expect(explanation).toContain('repository["full"]: holds 1 image');
    for (const way of ['declare the repository', 'prune: false', 'remove its managed-by: ecrform tag', '--force-delete']) {
      expect(explanation).toContain(way);
    }
  });

  it('plan --force-delete records the decision; apply PLAN refuses it when an image was pushed since', async () => {
    await env.write('registry.yaml', 'version: 1\nprune: true\nrepositories:\n  full: {}\n  keep: {}\n');
    expect((await env.cli(['apply', '--auto-approve'])).code).toBe(0);
    await pushImage(env.ecr, 'full', 'v1', 'a');
    await pushImage(env.ecr, 'full', 'v2', 'b');
    await env.write('registry.yaml', 'version: 1\nprune: true\nrepositories:\n  keep: {}\n');
    const planned = await env.cli(['plan', '--force-delete', '--out', 'plan.json', '--detailed-exitcode']);
    expect(planned.code).toBe(2);
    expect(planned.stdout).toContain('destroys 2 images');
    const saved = JSON.parse((await import('node:fs')).readFileSync(`${env.dir}/plan.json`, 'utf8'));
    expect([saved.registries[0].forceDelete, saved.registries[0].maxDeletes, saved.registries[0].stack]).toEqual([true, 10, null]);
    expect(saved.changes[0].images).toHaveLength(2);

    const atApply = await env.cli(['apply', 'plan.json', '--auto-approve', '--force-delete']);
    expect(atApply.code).toBe(1);
    expect(atApply.stderr).toContain('apply PLAN takes no --force-delete: deleting images is decided when planning');

    await pushImage(env.ecr, 'full', 'v3', 'c');
    env.proxy.calls.length = 0;
    const stale = await env.cli(['apply', 'plan.json', '--auto-approve']);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('repository["full"]: 1 image pushed since the plan was made');
    expect(writes()).toEqual([]);
    expect(await liveNames()).toEqual(['full', 'keep']);

    // Planned again, with the new image seen, it applies.
    expect((await env.cli(['plan', '--force-delete', '--out', 'plan.json'])).code).toBe(0);
    expect((await env.cli(['apply', 'plan.json', '--auto-approve'])).code).toBe(0);
    expect(await liveNames()).toEqual(['keep']);
  });

  it('apply PLAN refuses a plan whose repository lost the ownership tag since', async () => {
    await env.write('registry.yaml', 'version: 1\nprune: true\nrepositories:\n  gone: {}\n');
    expect((await env.cli(['apply', '--auto-approve'])).code).toBe(0);
    await env.write('registry.yaml', 'version: 1\nprune: true\nrepositories: {}\n');
    expect((await env.cli(['plan', '--out', 'plan.json'])).code).toBe(0);
    await env.ecr.send(new TagResourceCommand({ resourceArn: arnOf('gone'), tags: [{ Key: 'managed-by', Value: 'ecrform:other' }] }));
    const stale = await env.cli(['apply', 'plan.json', '--auto-approve']);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('repository["gone"]: no longer carries managed-by: ecrform');
    expect(await liveNames()).toEqual(['gone']);
  });

  it('--max-deletes: more repository deletes than allowed block the plan; a higher limit lets it through', async () => {
    await env.write('registry.yaml', 'version: 1\nprune: true\nrepositories:\n  r1: {}\n  r2: {}\n  r3: {}\n');
    expect((await env.cli(['apply', '--auto-approve'])).code).toBe(0);
    await env.write('registry.yaml', 'version: 1\nprune: true\nrepositories: {}\n');
    const blocked = await env.cli(['plan', '--max-deletes', '2', '--format', 'json']);
    expect(blocked.code).toBe(1);
    expect(JSON.parse(blocked.stdout).registries[0].blocked).toEqual(['deletes or replaces 3 repositories, more than --max-deletes 2']);
    expect(blocked.stderr).toContain('plan again with --max-deletes 3');
    env.proxy.calls.length = 0;
    const refused = await env.cli(['apply', '--auto-approve', '--max-deletes', '2']);
    expect(refused.code).toBe(1);
    expect(writes()).toEqual([]);
    expect((await env.cli(['apply', '--auto-approve', '--max-deletes', '3'])).code).toBe(0);
    expect(await liveNames()).toEqual([]);
  });
});

describe('targets', () => {
  beforeEach(async () => {
    await env.write('registry.yaml', 'version: 1\nrepositories:\n  team-a/api: {}\n  team-a/web: {}\n  team-ab/api: {}\n  team-b/api: {}\n');
  });

  it('a target that matches nothing is an error, not "in sync"', async () => {
    const result = await env.cli(['drift', '--target', 'repository["team-c/api"]']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('this target matches no address of the files or the live registry');
    expect(result.stderr).toContain('--target repository["team-c/api"]');
    const partial = await env.cli(['plan', '--target', 'repository["team-a']);
    expect(partial.code).toBe(1);
  });

  it('* in a name selects by glob, and a prefix stops at segment boundaries', async () => {
    const globbed = await env.cli(['plan', '--format', 'json', '--target', 'repository["team-a/*"]']);
    expect(globbed.code).toBe(0);
    expect(JSON.parse(globbed.stdout).changes.map((c: JsonChange) => c.address)).toEqual(['repository["team-a/api"]', 'repository["team-a/web"]']);
    expect((await env.cli(['apply', '--auto-approve', '--target', 'repository["team-a/*"]'])).code).toBe(0);
    expect(await liveNames()).toEqual(['team-a/api', 'team-a/web']);
  });

  it('--target with a plan file is an error, not ignored', async () => {
    expect((await env.cli(['plan', '--out', 'plan.json'])).code).toBe(0);
    const result = await env.cli(['apply', 'plan.json', '--auto-approve', '--target', 'repository["team-a/api"]']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('apply PLAN takes no --target');
    expect(await liveNames()).toEqual([]);
  });
});

describe('unowned repositories', () => {
  it('a repository without the ownership tag is never pruned', async () => {
    await env.ecr.send(new CreateRepositoryCommand({ repositoryName: 'handmade' }));
    await env.write('registry.yaml', 'version: 1\nprune: true\nrepositories: {}\n');
    expect((await env.cli(['plan', '--detailed-exitcode'])).code).toBe(0);
  });
});
