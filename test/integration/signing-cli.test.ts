import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PutRegistryScanningConfigurationCommand } from '@aws-sdk/client-ecr';
import { registryEnv, type RegistryEnv } from '../helpers/registry-env.js';
import { runCli } from '../helpers/run-cli.js';
import { startSigningEndpoint } from '../helpers/signing-endpoint.js';

/*
 * The built CLI, as a user runs it, managing managed signing and pull-time
 * update exclusions. moto has neither, so a loopback endpoint answers those
 * six operations from the in-memory fake (which refuses any request ECR's
 * published model would refuse) and passes every other call to moto.
 */

let env: RegistryEnv;
let endpoint: Awaited<ReturnType<typeof startSigningEndpoint>>;
beforeEach(async () => {
  env = await registryEnv();
  endpoint = await startSigningEndpoint(env.proxy.endpoint);
});
afterEach(async () => {
  await endpoint.close();
  await env.close();
});

const cli = (args: string[]) => runCli([...args, '--endpoint', endpoint.endpoint], { cwd: env.dir });

describe('registry.signing and registry.pullTimeUpdateExclusions through the CLI', () => {
  it('plan shows them, apply makes them, the next plan is empty; null and [] remove them again', async () => {
    const account = env.proxy.accountId;
    const profile = `arn:aws:signer:us-east-1:${account}:/signing-profiles/ecr_signing`;
    const scanner = `arn:aws:iam::${account}:role/inspector-scanner`;
    endpoint.state.exclusions.add(`arn:aws:iam::${account}:role/old-scanner`);
    await env.write(
      'registry.yaml',
      [
        'version: 1',
        'registry:',
        '  signing:',
        '    rules:',
        `      - signingProfileArn: ${profile}`,
        '        repositoryFilters: ["prod/*"]',
        `  pullTimeUpdateExclusions: [${scanner}]`,
      ].join('\n'),
    );
    const planned = await cli(['plan', '--detailed-exitcode']);
    expect(planned.code, planned.stderr).toBe(2);
    expect(planned.stdout).toContain('registry.signing');
    expect(planned.stdout).toContain(`registry.pullTimeUpdateExclusion["${scanner}"]`);
    expect(planned.stdout).toMatch(/Plan: 2 to create, 0 to update, 0 to replace, 1 to delete/);

    const applied = await cli(['apply', '--auto-approve']);
    expect(applied.code, applied.stderr + applied.stdout).toBe(0);
    expect([...endpoint.state.exclusions]).toEqual([scanner]);
    expect(endpoint.state.signing?.rules).toEqual([{ signingProfileArn: profile, repositoryFilters: [{ filter: 'prod/*', filterType: 'WILDCARD_MATCH' }] }]);
    expect((await cli(['plan', '--detailed-exitcode'])).code).toBe(0);

    await env.write('registry.yaml', ['version: 1', 'registry:', '  signing: null', '  pullTimeUpdateExclusions: []'].join('\n'));
    const removal = JSON.parse((await cli(['plan', '--format', 'json'])).stdout);
    expect(removal.changes.map((c: { address: string; action: string; calls: string[] }) => [c.address, c.action, c.calls])).toEqual([
      ['registry.signing', 'delete', ['DeleteSigningConfiguration']],
      [`registry.pullTimeUpdateExclusion["${scanner}"]`, 'delete', ['DeregisterPullTimeUpdateExclusion']],
    ]);
    expect((await cli(['apply', '--auto-approve'])).code).toBe(0);
    expect(endpoint.state.signing).toBeUndefined();
    expect(endpoint.state.exclusions.size).toBe(0);
    expect((await cli(['plan', '--detailed-exitcode'])).code).toBe(0);
    // Seven CLI runs: idle about 20 s, but the shared CI machine can be slow.
  }, 240_000);

  it('a bad profile ARN or principal is refused offline at FILE:LINE:COL, with no call', async () => {
    await env.write(
      'registry.yaml',
      ['version: 1', 'registry:', '  signing:', '    rules:', '      - signingProfileArn: arn:aws:signer:us-east-1:123456789012:signing-profiles/x', '  pullTimeUpdateExclusions: [arn:aws:iam::123456789012:group/devs]'].join('\n'),
    );
    const result = await cli(['plan']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('registry.yaml:5:28: registry.signing.rules[0].signingProfileArn must be a Signer signing profile ARN');
    expect(result.stderr).toContain('registry.yaml:6:30: registry.pullTimeUpdateExclusions[0] must be an IAM role or user ARN');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(endpoint.calls).toEqual([]);
    expect(env.proxy.calls).toEqual([]);
  });
});

describe('import --registry-settings through the CLI', () => {
  it('writes the registry settings moto and the fake hold; plan on the written file changes nothing', async () => {
    const account = env.proxy.accountId;
    const profile = `arn:aws:signer:us-east-1:${account}:/signing-profiles/ecr_signing`;
    const scanner = `arn:aws:iam::${account}:role/inspector-scanner`;
    endpoint.state.signing = { rules: [{ signingProfileArn: profile, repositoryFilters: [{ filter: 'prod/*', filterType: 'WILDCARD_MATCH' }] }] };
    endpoint.state.exclusions.add(scanner);
    endpoint.registryState.pullThroughCache.set('ecr-public', { ecrRepositoryPrefix: 'ecr-public', upstreamRegistryUrl: 'public.ecr.aws', upstreamRegistry: 'ecr-public', upstreamRepositoryPrefix: 'ROOT' });
    await env.ecr.send(new PutRegistryScanningConfigurationCommand({ scanType: 'ENHANCED', rules: [{ scanFrequency: 'SCAN_ON_PUSH', repositoryFilters: [{ filter: '*', filterType: 'WILDCARD' }] }] }));

    const imported = await cli(['import', '--registry-settings', '--out', 'registry.yaml']);
    expect(imported.code, imported.stderr).toBe(0);
    const doc = parse(await readFile(join(env.dir, 'registry.yaml'), 'utf8'));
    expect(doc.registry).toEqual({
      region: 'us-east-1',
      accountId: account,
      scanning: { scanType: 'ENHANCED', rules: [{ scanFrequency: 'SCAN_ON_PUSH', repositoryFilters: ['*'] }] },
      pullThroughCache: { 'ecr-public': { upstreamRegistry: 'ecr-public', upstreamRegistryUrl: 'public.ecr.aws' } },
      signing: { rules: [{ repositoryFilters: ['prod/*'], signingProfileArn: profile }] },
      pullTimeUpdateExclusions: [scanner],
    });
    const planned = await cli(['plan', '--detailed-exitcode']);
    expect(planned.code, planned.stdout + planned.stderr).toBe(0);
  }, 120_000);
});
