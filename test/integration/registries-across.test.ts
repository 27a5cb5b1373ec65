import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CreateRepositoryCommand, PutRegistryPolicyCommand } from '@aws-sdk/client-ecr';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { orgEnv, registryYaml, type OrgEnv } from '../helpers/org-env.js';
import { shardOf } from '../../src/run/select-registries.js';

let env: OrgEnv;
beforeEach(async () => {
  env = await orgEnv();
});
afterEach(() => env.close());

const files = () => env.registries.flatMap((r) => ['-f', r.folder]);

async function writeTree(extra: { prod?: string; dev?: string } = {}) {
  const [prod, prodEu, dev] = env.registries;
  await env.write(`${prod.folder}/registry.yaml`, registryYaml(prod, `${extra.prod ?? ''}repositories:\n  team-a/api:\n  team-a/web:\n`));
  await env.write(`${prodEu.folder}/registry.yaml`, registryYaml(prodEu, 'repositories:\n  team-a/api:\n'));
  await env.write(`${dev.folder}/registry.yaml`, registryYaml(dev, `${extra.dev ?? ''}repositories:\n  base:\n`));
}

describe('beyond one machine: shards and report', () => {
  it('shards 1/2 and 2/2 together plan every registry exactly once, and report merges them with the exit codes of one run', async () => {
    await writeTree();
    const shards: string[] = [];
    const sizes: number[] = [];
    for (const k of [1, 2]) {
      const listed = await env.cli(['registries', ...files(), '--shard', `${k}/2`, '--format', 'json']);
      const planned = await env.cli(['plan', ...files(), '--shard', `${k}/2`, '--out', `shard-${k}.json`]);
      expect(planned.code).toBe(0);
      const doc = JSON.parse(await readFile(join(env.dir, `shard-${k}.json`), 'utf8'));
      // The registries command and the plan agree on what a shard holds.
      expect(doc.registries.map((r: { id: string }) => r.id)).toEqual(JSON.parse(listed.stdout).map((r: { id: string }) => r.id));
      shards.push(...doc.registries.map((r: { id: string }) => r.id));
      sizes.push(doc.registries.length);
    }
    expect(shards.sort()).toEqual(env.registries.map((r) => r.id).sort());

    const merged = await env.cli(['report', 'shard-1.json', 'shard-2.json', '--format', 'json', '--detailed-exitcode']);
    expect(merged.code).toBe(2);
    const doc = JSON.parse(merged.stdout);
    expect(doc.registries.map((r: { id: string }) => r.id).sort()).toEqual(env.registries.map((r) => r.id).sort());
    expect(doc.summary.create).toBe(4);
    const markdown = await env.cli(['report', 'shard-1.json', 'shard-2.json', '--format', 'markdown']);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toContain('**Total over 3 registries: Plan: 4 to create, 0 to update, 0 to replace, 0 to delete (0 unchanged).**');
    expect(markdown.stdout.length).toBeLessThanOrEqual(60_000);
    // The same shard twice would count its registries twice: refused (the accounts are random, so either shard may be the empty one).
    const full = sizes[0] > 0 ? 'shard-1.json' : 'shard-2.json';
    const twice = await env.cli(['report', full, full]);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain(`is in both ${full} and ${full}`);

    // Drift reports merge the same way: after apply, one registry drifts, the merged exit code is 2.
    expect((await env.cli(['apply', ...files(), '--auto-approve'])).code).toBe(0);
    await env.ecr(env.registries[1]).send(new CreateRepositoryCommand({ repositoryName: 'handmade', tags: [{ Key: 'managed-by', Value: 'ecrform' }] }));
    const reports = [];
    for (const k of [1, 2]) {
      const drift = await env.cli(['drift', ...files(), '--shard', `${k}/2`, '--format', 'json']);
      reports.push(`drift-${k}.json`);
      await env.write(`drift-${k}.json`, drift.stdout);
    }
    const driftMerged = await env.cli(['report', ...reports]);
    expect(driftMerged.code).toBe(2);
    expect(driftMerged.stdout).toContain('Total over 3 registries: drift found in 1: 0 modified, 0 missing, 1 orphaned.');
  });

  it('--registry plans only the registries named; one the files do not name is an error', async () => {
    await writeTree();
    const one = await env.cli(['plan', ...files(), '--registry', env.registries[2].id, '--format', 'json']);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout).registries.map((r: { id: string }) => r.id)).toEqual([env.registries[2].id]);
    const typo = await env.cli(['plan', ...files(), '--registry', '999999999999/us-east-1']);
    expect(typo.code).toBe(1);
    expect(typo.stderr).toContain('--registry 999999999999/us-east-1: no such registry in the files');
  });
});

describe('replication checked across registries', () => {
  const [PROD, DEV] = [0, 2];
  const replicateToDev = () =>
    `  replication:\n    rules:\n      - destinations: [{ region: us-east-1, registryId: "${env.registries[DEV].accountId}" }]\n        repositoryFilters: ["team-a/"]\n`;
  const devPolicy = (actions: string) =>
    `  policy:\n    Version: "2012-10-17"\n    Statement:\n      - Sid: from-prod\n        Effect: Allow\n        Principal: { AWS: "arn:aws:iam::${env.registries[PROD].accountId}:root" }\n        Action: [${actions}]\n        Resource: "*"\n`;

  it('a destination whose registry policy does not allow the source account: an error at the rule line, plan exits 1', async () => {
    await writeTree({ prod: replicateToDev(), dev: devPolicy('ecr:ReplicateImage') });
    const result = await env.cli(['plan', ...files()]);
    expect(result.code).toBe(1);
    const prodId = env.registries[PROD].id;
    const devId = env.registries[DEV].id;
    expect(result.stdout).toContain(
      `error: ${env.registries[PROD].folder}/registry.yaml:8:9: replication to ${devId}: its registry policy does not allow account ${env.registries[PROD].accountId} ecr:CreateRepository`,
    );
    // Under the source registry: after its own plan, before the next registry's.
    const at = result.stdout.indexOf('error: ');
    expect(at).toBeGreaterThan(result.stdout.indexOf(`ecrform plan for registry ${prodId.split('/')[0]} (us-east-1)`));
    expect(at).toBeLessThan(result.stdout.indexOf(`ecrform plan for registry ${env.registries[1].accountId} (eu-west-1)`));
    const json = JSON.parse((await env.cli(['plan', ...files(), '--format', 'json'])).stdout);
    expect(json.registries[0].blocked).toHaveLength(1);
    // The files alone prove it: validate, offline, already fails at the rule's line (annotated in GitHub Actions).
    const validate = await env.cli(['validate', ...files()], { GITHUB_ACTIONS: 'true' });
    expect(validate.code).toBe(1);
    expect(validate.stderr).toContain(`${env.registries[PROD].folder}/registry.yaml:8:9: replication to ${devId}: its registry policy does not allow account`);
    expect(validate.stderr).toMatch(/^::error file=.*registry\.yaml,line=8,col=9::replication to /m);
    expect(validate.stderr).toContain('1 problem found; nothing was sent to AWS.');
    const apply = await env.cli(['apply', ...files(), '--auto-approve']);
    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain('refusing to apply: the checks across registries failed');
  });

  it('apply with nothing to change still fails when the check across registries fails, as plan and drift do', async () => {
    // Everything applied while dev allows both actions...
    await writeTree({ prod: replicateToDev(), dev: devPolicy('ecr:ReplicateImage, ecr:CreateRepository') });
    expect((await env.cli(['apply', ...files(), '--auto-approve'])).code).toBe(0);
    // ...then dev's policy narrowed, in its files and (by someone else) in ECR: nothing left to change.
    await writeTree({ prod: replicateToDev(), dev: devPolicy('ecr:ReplicateImage') });
    const [prod, , dev] = env.registries;
    const narrowed = { Version: '2012-10-17', Statement: [{ Sid: 'from-prod', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${prod.accountId}:root` }, Action: ['ecr:ReplicateImage'], Resource: '*' }] };
    await env.ecr(dev).send(new PutRegistryPolicyCommand({ policyText: JSON.stringify(narrowed) }));
    const apply = await env.cli(['apply', ...files(), '--auto-approve']);
    expect(apply.stdout).toContain('No changes');
    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain('refusing to apply: the checks across registries failed');
    expect(apply.stdout).toContain(`error: ${prod.folder}/registry.yaml:8:9: replication to`);
  });

  it('--registry and --shard leave registries out of the run, not out of the check: the source or the destination alone still fails, apply refuses', async () => {
    await writeTree({ prod: replicateToDev(), dev: devPolicy('ecr:ReplicateImage') });
    const [prod, prodEu, dev] = env.registries;
    const error = `replication to ${dev.id}: its registry policy does not allow account ${prod.accountId} ecr:CreateRepository`;
    for (const alone of [prod, dev]) {
      const result = await env.cli(['plan', ...files(), '--registry', alone.id]);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(`error: ${prod.folder}/registry.yaml:8:9: ${error}`);
    }
    // A registry the rule does not touch plans as before.
    const other = await env.cli(['plan', ...files(), '--registry', prodEu.id, '--detailed-exitcode']);
    expect(other.stdout).not.toContain('error:');
    expect(other.code).toBe(2);
    // Every shard of a CI matrix that holds the source or the destination fails.
    const shards = await Promise.all([1, 2, 3].map((k) => env.cli(['plan', ...files(), '--shard', `${k}/3`])));
    // The accounts are random, so the source and the destination share a shard about one run in three.
    const holding = new Set([prod, dev].map((r) => shardOf(r.id, 3)));
    expect(shards.flatMap((r, i) => (r.stdout.includes(error) ? [i + 1] : [])).sort()).toEqual([...holding].sort());
    expect(shards.flatMap((r, i) => (r.code === 1 ? [i + 1] : [])).sort()).toEqual([...holding].sort());
    const apply = await env.cli(['apply', ...files(), '--registry', dev.id, '--auto-approve']);
    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain('refusing to apply: the checks across registries failed');
  });

  it('drift shows the failed check under the source registry (text, markdown, JSON, report), exits 1, and annotates the rule line in GitHub Actions', async () => {
    await writeTree({ prod: replicateToDev(), dev: devPolicy('ecr:ReplicateImage') });
    const [prod, prodEu, dev] = env.registries;
    const finding = `replication to ${dev.id}: its registry policy does not allow account ${prod.accountId} ecr:CreateRepository`;
    const ruleAt = `${prod.folder}/registry.yaml:8:9`;

    const text = await env.cli(['drift', ...files()], { GITHUB_ACTIONS: 'true' });
    expect(text.code).toBe(1);
    // Under the source registry: after its own drift report, before the next registry's.
    const at = text.stdout.indexOf(`error: ${ruleAt}: ${finding}`);
    expect(at).toBeGreaterThan(text.stdout.indexOf(`ecrform drift for registry ${prod.accountId} (us-east-1)`));
    expect(at).toBeLessThan(text.stdout.indexOf(`ecrform drift for registry ${prodEu.accountId} (eu-west-1)`));
    // The destination has no REPLICATION template either: that warning stands under the source too.
    expect(text.stdout.indexOf(`warning: ${ruleAt}: replication to ${dev.id}: no REPLICATION creation template`)).toBeGreaterThan(at);
    expect(text.stderr).toContain(`::error file=${prod.folder}/registry.yaml,line=8,col=9::${finding}`);
    expect(text.stderr).toContain(`::warning file=${prod.folder}/registry.yaml,line=8,col=9::replication to ${dev.id}: no REPLICATION creation template`);
    expect(text.stderr).toContain(`error: the checks across registries failed for ${prod.id}`);
    // Outside GitHub Actions, no workflow command.
    expect((await env.cli(['drift', ...files()])).stderr).not.toContain('::error');

    const json = await env.cli(['drift', ...files(), '--format', 'json']);
    expect(json.code).toBe(1);
    const doc = JSON.parse(json.stdout);
    expect(doc.registries.map((r: { id: string; errors: string[] }) => [r.id, r.errors])).toEqual([
      [prod.id, [expect.stringContaining(`${ruleAt}: ${finding}; add a statement`)]],
      [prodEu.id, []],
      [dev.id, []],
    ]);
    expect(doc.registries[0].warnings).toEqual([expect.stringContaining('no REPLICATION creation template')]);

    const markdown = await env.cli(['drift', ...files(), '--format', 'markdown']);
    expect(markdown.code).toBe(1);
    expect(markdown.stdout).toContain(`| \`${prod.id}\` | drift (1 replication error) |`);
    expect(markdown.stdout).toContain(`> error: ${ruleAt}: ${finding}`);

    // report keeps the finding and the exit code of the one run.
    await env.write('drift.json', json.stdout);
    const merged = await env.cli(['report', 'drift.json']);
    expect(merged.code).toBe(1);
    expect(merged.stdout).toContain(`error: ${ruleAt}: ${finding}`);
  });

  it('drift after apply with only a warning: in sync, exit 0, the warning under the source registry', async () => {
    await writeTree({ prod: replicateToDev(), dev: devPolicy('ecr:ReplicateImage, ecr:CreateRepository') });
    expect((await env.cli(['apply', ...files(), '--auto-approve'])).code).toBe(0);
    const drift = await env.cli(['drift', ...files(), '--format', 'json']);
    expect(drift.code).toBe(0);
    const doc = JSON.parse(drift.stdout);
    expect(doc.inSync).toBe(true);
    expect(doc.registries.map((r: { errors: string[]; warnings: string[] }) => [r.errors.length, r.warnings.length])).toEqual([
      [0, 1],
      [0, 0],
      [0, 0],
    ]);
    expect(doc.registries[0].warnings[0]).toContain(`replication to ${env.registries[DEV].id}: no REPLICATION creation template and no declared repository there for team-a/api, team-a/web`);
  });

  it('a destination that allows it but has no REPLICATION template for the names: a warning only', async () => {
    await writeTree({ prod: replicateToDev(), dev: devPolicy('ecr:ReplicateImage, ecr:CreateRepository') });
    const result = await env.cli(['plan', ...files(), '--format', 'json']);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc.registries[0].blocked).toEqual([]);
    expect(doc.registries[0].warnings).toEqual([
      expect.stringContaining(`replication to ${env.registries[DEV].id}: no REPLICATION creation template and no declared repository there for team-a/api, team-a/web`),
    ]);
    expect(doc.registries[2].warnings).toEqual([]);
    // A warning depends on what ECR holds (a template the files do not manage): validate, offline, passes.
    const validate = await env.cli(['validate', ...files()]);
    expect(validate.code).toBe(0);
    expect(validate.stdout).toContain('3 registries valid.');
  });
});

describe('policy files in a tree of several registries', () => {
  it('a shared policies/ folder (YAML and JSON) named from a file without a registry key: no "belongs to no registry", the policies planned in their registry', async () => {
    const [prod, , dev] = env.registries;
    await env.write(
      'org/policies/keep-30.yaml',
      'rules:\n  - rulePriority: 1\n    description: keep 30\n    selection: { tagStatus: any, countType: imageCountMoreThan, countNumber: 30 }\n    action: { type: expire }\n',
    );
    await env.write(
      'org/policies/pull.json',
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'pull', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${dev.accountId}:root` }, Action: ['ecr:BatchGetImage'] }] }),
    );
    await env.write(`org/${prod.folder}/registry.yaml`, registryYaml(prod, 'repositories:\n  base:\n'));
    await env.write(`org/${prod.folder}/team-a.yaml`, 'version: 1\nrepositories:\n  team-a/api:\n    lifecyclePolicyFile: ../policies/keep-30.yaml\n    policyFile: ../policies/pull.json\n');
    await env.write(`org/${dev.folder}/registry.yaml`, registryYaml(dev, 'repositories:\n  base:\n    lifecyclePolicyFile: ../policies/keep-30.yaml\n'));

    const listed = await env.cli(['registries', '-f', 'org', '--format', 'json']);
    expect(listed.stderr).toBe('');
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout).map((r: { id: string; files: string[] }) => [r.id, r.files])).toEqual([
      [dev.id, [`org/${dev.folder}/registry.yaml`]],
      [prod.id, [`org/${prod.folder}/registry.yaml`, `org/${prod.folder}/team-a.yaml`]],
    ]);
    const planned = await env.cli(['plan', '-f', 'org', '--format', 'json']);
    expect(planned.code).toBe(0);
    const changes = JSON.parse(planned.stdout).changes.map((c: { registry: string; address: string }) => `${c.registry} ${c.address}`);
    expect(changes).toEqual([
      `${dev.id} repository["base"]`,
      `${dev.id} repository["base"].lifecyclePolicy`,
      `${prod.id} repository["base"]`,
      `${prod.id} repository["team-a/api"]`,
      `${prod.id} repository["team-a/api"].policy`,
      `${prod.id} repository["team-a/api"].lifecyclePolicy`,
    ]);
  });
});

describe('import of one registry of several', () => {
  it('import --registry ACCOUNT/REGION --role ARN writes that registry with accountId, region and roleArn; plan then only adopts', async () => {
    const prodEu = env.registries[1];
    await env.ecr(prodEu).send(new CreateRepositoryCommand({ repositoryName: 'legacy/app', imageTagMutability: 'IMMUTABLE' }));
    const imported = await env.cli(['import', '--registry', prodEu.id, '--role', prodEu.roleArn, '--out', 'prod-euw1.yaml']);
    expect(imported.code).toBe(0);
    const text = await readFile(join(env.dir, 'prod-euw1.yaml'), 'utf8');
    expect(text).toContain(`accountId: "${prodEu.accountId}"`);
    expect(text).toContain(`region: eu-west-1`);
    expect(text).toContain(`roleArn: ${prodEu.roleArn}`);
    const plan = await env.cli(['plan', '-f', 'prod-euw1.yaml', '--format', 'json']);
    expect(plan.code).toBe(0);
    expect(JSON.parse(plan.stdout).changes.map((c: { address: string; reason: string }) => [c.address, c.reason])).toEqual([['repository["legacy/app"].tags', 'adopt']]);
    const wrongRole = await env.cli(['import', '--registry', prodEu.id, '--role', env.registries[2].roleArn]);
    expect(wrongRole.code).toBe(1);
    expect(wrongRole.stderr).toContain(`is not a role in account ${prodEu.accountId}`);
  });
});
