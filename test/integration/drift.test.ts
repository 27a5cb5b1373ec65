import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CreateRepositoryCommand, DeleteRepositoryCommand, PutImageScanningConfigurationCommand } from '@aws-sdk/client-ecr';
import { registryEnv, type RegistryEnv } from '../helpers/registry-env.js';
import { runCli } from '../helpers/run-cli.js';

let env: RegistryEnv;
beforeEach(async () => {
  env = await registryEnv();
});
afterEach(async () => {
  await env.close();
});

const FILE = 'version: 1\nrepositories:\n  team-a/api:\n    scanOnPush: true\n  team-a/web: {}\n';

/** Applies FILE, so the registry starts in sync. */
async function applied(): Promise<void> {
  await env.write('registry.yaml', FILE);
  expect((await env.cli(['apply', '--auto-approve'])).code).toBe(0);
}

const driftJson = async () => {
  const result = await env.cli(['drift', '--format', 'json']);
  // Format version 2: one registry's report in the `registries` list.
  const doc = JSON.parse(result.stdout);
  expect(doc.registries).toHaveLength(1);
  expect(doc.inSync).toBe(doc.registries[0].inSync);
  return { code: result.code, report: doc.registries[0], stderr: result.stderr };
};
const addresses = (changes: { address: string }[]) => changes.map((c) => c.address);

describe('ecrform drift against moto', () => {
  it('exits 0 in sync', async () => {
    await applied();
    const text = await env.cli(['drift']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('In sync: the registry matches the files.');
    expect(text.stdout).toContain('Coverage: the files manage 2 of 2 live repositories (100%).');
  });

  it('a setting changed by hand through the SDK: exit 2, the address named as modified', async () => {
    await applied();
    await env.ecr.send(new PutImageScanningConfigurationCommand({ repositoryName: 'team-a/api', imageScanningConfiguration: { scanOnPush: false } }));
    const { code, report } = await driftJson();
    expect(code).toBe(2);
    expect(report.inSync).toBe(false);
    expect(addresses(report.modified)).toEqual(['repository["team-a/api"]']);
    expect(report.modified[0].patch).toEqual([{ op: 'replace', path: '/scanOnPush', value: true }]);
    expect(report).toMatchObject({ missing: [], orphaned: [], unmanaged: [], coverage: { managed: 2, live: 2 } });

    const text = await env.cli(['drift']);
    expect(text.code).toBe(2);
    expect(text.stdout).toContain('Drift found: 1 modified, 0 missing, 0 orphaned.');
    expect(text.stdout).toContain('  ~ repository["team-a/api"]  update\n      ~ scanOnPush: false -> true\n');
  });

  it('a repository deleted by hand: exit 2, missing', async () => {
    await applied();
    await env.ecr.send(new DeleteRepositoryCommand({ repositoryName: 'team-a/web' }));
    const { code, report } = await driftJson();
    expect(code).toBe(2);
    expect(addresses(report.missing)).toEqual(['repository["team-a/web"]']);
    expect(report).toMatchObject({ modified: [], orphaned: [], coverage: { managed: 1, live: 1 } });
  });

  it('an untagged repository no file declares is unmanaged: listed, exit 0 when nothing else differs', async () => {
    await applied();
    await env.ecr.send(new CreateRepositoryCommand({ repositoryName: 'handmade' }));
    const { code, report } = await driftJson();
    expect(code).toBe(0);
    expect(report).toEqual({
      id: `${env.proxy.accountId}/us-east-1`,
      accountId: env.proxy.accountId,
      region: 'us-east-1',
      roleArn: null,
      externalId: null,
      error: null,
      // The checks across registries (replication destinations): none with one registry.
      errors: [],
      warnings: [],
      inSync: true,
      modified: [],
      missing: [],
      orphaned: [],
      unmanaged: ['handmade'],
      coverage: { managed: 2, live: 3 },
    });
  });

  it('a managed repository dropped from the files is orphaned even with prune off: exit 2', async () => {
    await applied();
    await env.write('registry.yaml', 'version: 1\nrepositories:\n  team-a/api:\n    scanOnPush: true\n');
    const { code, report } = await driftJson();
    expect(code).toBe(2);
    expect(report.orphaned.map((c: { address: string; calls: string[] }) => [c.address, c.calls])).toEqual([['repository["team-a/web"]', []]]);
    expect(report.orphaned[0].warnings[0]).toContain('prune is off');
  });

  it('--format markdown prints one document and appends it to GITHUB_STEP_SUMMARY', async () => {
    await applied();
    await env.ecr.send(new PutImageScanningConfigurationCommand({ repositoryName: 'team-a/api', imageScanningConfiguration: { scanOnPush: false } }));
    const summary = join(env.dir, 'step-summary.md');
    const result = await runCli(['drift', '--format', 'markdown', '--endpoint', env.proxy.endpoint], {
      cwd: env.dir,
      env: { GITHUB_STEP_SUMMARY: summary },
    });
    expect(result.code).toBe(2);
    expect(result.stdout.startsWith(`### ecrform drift: registry \`${env.proxy.accountId}\``)).toBe(true);
    expect(result.stdout).toContain('| modified | 1 | changed outside ecrform |');
    expect(result.stdout).toContain('<details><summary><code>~ repository["team-a/api"]</code> update</summary>');
    expect(await readFile(summary, 'utf8')).toBe(result.stdout);
  });

  it('--target narrows the report', async () => {
    await applied();
    await env.ecr.send(new PutImageScanningConfigurationCommand({ repositoryName: 'team-a/api', imageScanningConfiguration: { scanOnPush: false } }));
    await env.ecr.send(new DeleteRepositoryCommand({ repositoryName: 'team-a/web' }));
    const result = await env.cli(['drift', '--format', 'json', '--target', 'repository["team-a/web"]']);
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout).registries[0];
    expect(addresses(report.modified)).toEqual([]);
    expect(addresses(report.missing)).toEqual(['repository["team-a/web"]']);
  });

  it('exits 1 on an error, with no stack trace', async () => {
    await env.write('registry.yaml', 'version: 1\nrepositories:\n  Bad_Name: {}\n');
    const result = await env.cli(['drift']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/registry\.yaml:3:3/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
