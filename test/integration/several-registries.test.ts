import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DescribeRepositoriesCommand, TagResourceCommand } from '@aws-sdk/client-ecr';
import { orgEnv, registryYaml, type OrgEnv } from '../helpers/org-env.js';

let env: OrgEnv;
beforeEach(async () => {
  env = await orgEnv();
  const [prod, prodEu, dev] = env.registries;
  await env.write(`${prod.folder}/registry.yaml`, registryYaml(prod, 'repositories:\n  team-a/api:\n    tags: { team: a }\n'));
  await env.write(`${prod.folder}/team-b.yaml`, 'version: 1\nrepositories:\n  team-b/worker:\n');
  await env.write(`${prodEu.folder}/registry.yaml`, registryYaml(prodEu, 'repositories:\n  team-a/api:\n'));
  await env.write(`${dev.folder}/registry.yaml`, registryYaml(dev, 'repositories:\n  base:\n'));
});
afterEach(() => env.close());

const files = () => env.registries.flatMap((r) => ['-f', r.folder]);
const names = async (i: number) =>
  ((await env.ecr(env.registries[i]).send(new DescribeRepositoriesCommand({}))).repositories ?? []).map((r) => r.repositoryName).sort();

describe('one run over three registries (two accounts, two regions), roles assumed through STS', () => {
  it('plans all three in one plan document, applies, and plans again in sync', async () => {
    const planned = await env.cli(['plan', ...files(), '--format', 'json']);
    expect(planned.stderr).toBe('');
    expect(planned.code).toBe(0);
    const doc = JSON.parse(planned.stdout);
    expect(doc.formatVersion).toBe(2);
    expect(doc.registries.map((r: { id: string; roleArn: string; summary: { create: number } }) => [r.id, r.roleArn, r.summary.create])).toEqual(
      env.registries.map((r, i) => [r.id, r.roleArn, i === 0 ? 2 : 1]),
    );
    expect(doc.changes.map((c: { registry: string; address: string }) => `${c.registry} ${c.address}`)).toEqual([
      `${env.registries[0].id} repository["team-a/api"]`,
      `${env.registries[0].id} repository["team-b/worker"]`,
      `${env.registries[1].id} repository["team-a/api"]`,
      `${env.registries[2].id} repository["base"]`,
    ]);
    expect(doc.summary.create).toBe(4);

    // The saved plan (format version 2) applies every registry, each with its own role again.
    expect((await env.cli(['plan', ...files(), '--out', 'plan.json'])).code).toBe(0);
    const applied = await env.cli(['apply', 'plan.json', '--auto-approve']);
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('Total over 3 registries: 4 step(s) done, 0 failed, 0 not started.');
    // Without a terminal, each step's line as it ends names its registry (their steps interleave), before the grouped report.
    const dev = env.registries[2];
    const live = applied.stdout.indexOf(`✓ done  ${dev.id}  repository["base"]  create (CreateRepository)`);
    expect(live).toBeGreaterThanOrEqual(0);
    expect(applied.stdout.indexOf(`${dev.id}: Applying: repository creates and replaces`)).toBeLessThan(live);
    expect(live).toBeLessThan(applied.stdout.indexOf(`ecrform apply for registry ${env.registries[0].id}`));
    expect(applied.stdout).toContain(`${dev.id}: Apply complete: 1 step(s) done.`);
    // The grouped report repeats only what did not get done: each done step is listed once, as it ended.
    expect(applied.stdout.split(`repository["base"]  create (CreateRepository)`)).toHaveLength(2);
    expect(applied.stdout).toContain(`ecrform apply for registry ${dev.id}\n\nApply complete: 1 step(s) done.`);
    // Each repository landed in its own account and region, and nowhere else.
    expect(await names(0)).toEqual(['team-a/api', 'team-b/worker']);
    expect(await names(1)).toEqual(['team-a/api']);
    expect(await names(2)).toEqual(['base']);

    const again = await env.cli(['plan', ...files(), '--detailed-exitcode']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Total over 3 registries: Plan: 0 to create, 0 to update, 0 to replace, 0 to delete (8 unchanged).');
  }, 120_000);

  it('a failure in one registry stops only that one: the others complete, exit 1, and apply again finishes it', async () => {
    const [prod, prodEu, dev] = env.registries;
    env.proxy.addFault({ operation: 'CreateRepository', region: prodEu.region, kind: 'error', code: 'InvalidParameterException', message: 'injected', times: 1 });
    const applied = await env.cli(['apply', ...files(), '--auto-approve']);
    expect(applied.code).toBe(1);
    expect(applied.stdout).toContain(`ecrform apply for registry ${prodEu.id}\n\n✗ failed  repository["team-a/api"]`);
    expect(applied.stdout).toContain('InvalidParameterException: injected');
    expect(applied.stdout).toContain('Total over 3 registries (1 failed): 3 step(s) done, 1 failed, 0 not started.');
    expect(await names(0)).toEqual(['team-a/api', 'team-b/worker']);
    expect(await names(1)).toEqual([]);
    expect(await names(2)).toEqual(['base']);

    // A read that fails in one registry: that registry's plan fails, the others are still planned.
    env.proxy.addFault({ operation: 'DescribeRepositories', region: prodEu.region, kind: 'error', code: 'AccessDeniedException', message: 'not allowed', times: 1 });
    const json = await env.cli(['plan', ...files(), '--format', 'json']);
    expect(json.code).toBe(1);
    const doc = JSON.parse(json.stdout);
    expect(doc.registries.map((r: { id: string; error: { code: string } | null }) => [r.id, r.error?.code ?? null])).toEqual([
      [prod.id, null],
      [prodEu.id, 'AccessDeniedException'],
      [dev.id, null],
    ]);

    const retried = await env.cli(['apply', ...files(), '--auto-approve']);
    expect(retried.code).toBe(0);
    expect(await names(1)).toEqual(['team-a/api']);
  });

  it('drift in one registry only is reported under that registry', async () => {
    expect((await env.cli(['apply', ...files(), '--auto-approve'])).code).toBe(0);
    const dev = env.registries[2];
    const arn = `arn:aws:ecr:${dev.region}:${dev.accountId}:repository/base`;
    await env.ecr(dev).send(new TagResourceCommand({ resourceArn: arn, tags: [{ Key: 'cost', Value: 'by-hand' }] }));
    const drift = await env.cli(['drift', ...files(), '--format', 'json']);
    expect(drift.code).toBe(2);
    const doc = JSON.parse(drift.stdout);
    expect(doc.inSync).toBe(false);
    expect(doc.registries.map((r: { id: string; inSync: boolean }) => [r.id, r.inSync])).toEqual(env.registries.map((r, i) => [r.id, i !== 2]));
    expect(doc.registries[2].modified.map((c: { address: string }) => c.address)).toEqual(['repository["base"].tags']);
    const text = await env.cli(['drift', ...files()]);
    expect(text.stdout).toContain('Total over 3 registries: drift found in 1: 1 modified, 0 missing, 0 orphaned.');
  });

  it('--target: a registry it does not match is left out with a note; a target per registry gives each its own', async () => {
    const [prod, prodEu, dev] = env.registries;
    // team-b/worker lives in prod only: the other registries are left out, with a note, and the run is green.
    const one = await env.cli(['plan', ...files(), '--target', 'repository["team-b/worker"]', '--format', 'json']);
    expect(one.code).toBe(0);
    const doc = JSON.parse(one.stdout);
    expect(doc.registries.map((r: { id: string }) => r.id)).toEqual([prod.id]);
    expect(doc.changes.map((c: { address: string }) => c.address)).toEqual(['repository["team-b/worker"]']);
    expect(one.stderr).toContain(`Note: no --target matches an address of ${prodEu.id}, ${dev.id}: left out of this run.`);
    // A target per registry: each registry gets its own.
    const two = await env.cli(['plan', ...files(), '--target', 'repository["team-b/worker"]', '--target', 'repository["base"]', '--format', 'json']);
    expect(two.code).toBe(0);
    expect(JSON.parse(two.stdout).changes.map((c: { registry: string; address: string }) => `${c.registry} ${c.address}`)).toEqual([
      `${prod.id} repository["team-b/worker"]`,
      `${dev.id} repository["base"]`,
    ]);

  }, 120_000);

  it('--target that matches no registry is one error (exit 1) for plan, apply and drift alike: never a quiet green, nothing applied', async () => {
    for (const command of [['plan'], ['apply', '--auto-approve'], ['drift']]) {
      const typo = await env.cli([...command, ...files(), '--target', 'repository["team-b/wroker"]', '--target', 'repository["base"]']);
      expect(typo.code).toBe(1);
      expect(typo.stderr).toContain('this target matches no address of the files or the live state of any of the 3 registries:\n  --target repository["team-b/wroker"]\n');
      expect(typo.stdout).not.toContain('failed');
    }
    expect(await names(2)).toEqual([]);

    // apply with a target that matches one registry applies there only.
    const applied = await env.cli(['apply', ...files(), '--target', 'repository["base"]', '--auto-approve']);
    expect(applied.code).toBe(0);
    expect([await names(0), await names(1), await names(2)]).toEqual([[], [], ['base']]);
  }, 120_000);

  it('--debug names the registry and the role of each call, never a credential', async () => {
    const result = await env.cli(['plan', ...files(), '--debug']);
    expect(result.code).toBe(0);
    const [prod] = env.registries;
    expect(result.stderr).toContain(`[debug] ${prod.id} as ${prod.roleArn} DescribeRepositories`);
    // One AssumeRole per role for the whole run, though two registries use the first account's role.
    expect(result.stderr.match(new RegExp(`AssumeRole ${prod.roleArn}`, 'g'))).toHaveLength(1);
    expect(result.stderr).not.toContain('secret-key-never-printed');
  });
});
