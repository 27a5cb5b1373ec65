import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DescribeRepositoriesCommand } from '@aws-sdk/client-ecr';
import { registryEnv, type RegistryEnv } from '../helpers/registry-env.js';
import { ROOT } from '../helpers/run-cli.js';

let env: RegistryEnv;
beforeEach(async () => {
  env = await registryEnv();
});
afterEach(async () => {
  await env.close();
});

const liveNames = async () =>
  ((await env.ecr.send(new DescribeRepositoriesCommand({}))).repositories ?? []).map((r) => r.repositoryName).sort();

/**
 * The built CLI as a child process (no terminal), to signal it mid-run.
 * `when(stdout, stderr)` decides the moment; `signals` are sent then, in order.
 */
function spawnCli(args: string[], when: (out: string, err: string) => boolean, signals: NodeJS.Signals[]) {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'src', 'cli.js'), ...args, '--endpoint', env.proxy.endpoint], {
    cwd: env.dir,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_REGION: 'us-east-1',
      AWS_EC2_METADATA_DISABLED: 'true',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let sent = false;
  let stdoutAtSignal = '';
  let signalledAt = 0;
  const check = () => {
    if (sent || !when(stdout, stderr)) return;
    sent = true;
    stdoutAtSignal = stdout;
    signalledAt = Date.now();
    // Apart: two signals sent together may reach the process as one.
    signals.forEach((s, i) => setTimeout(() => child.kill(s), i * 300));
  };
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString();
    check();
  });
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
    check();
  });
  // Also polled: a moment may show in the proxy's calls rather than in the output.
  const poll = setInterval(check, 50);
  return new Promise<{ code: number | null; stdout: string; stderr: string; stdoutAtSignal: string; afterSignalMs: number }>((resolve) =>
    child.on('close', (code) => {
      clearInterval(poll);
      resolve({ code, stdout, stderr, stdoutAtSignal, afterSignalMs: Date.now() - signalledAt });
    }),
  );
}

const SIX = 'version: 1\nrepositories:\n' + ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'].map((n) => `  ${n}: {}\n`).join('');

describe('interrupts against moto', () => {
  it('SIGINT mid-apply: no new step, the one in flight finishes, the report, exit 130; apply again converges', async () => {
    await env.write('registry.yaml', SIX);
    env.proxy.addFault({ operation: 'CreateRepository', kind: 'delay', delayMs: 700, times: Infinity });
    // Step lines are written as each step ends: the first one is on stdout while apply still runs.
    const run = await spawnCli(['apply', '--auto-approve', '--concurrency', '1'], (out) => out.includes('✓ done  repository["r2"]'), ['SIGINT']);
    expect(run.stdoutAtSignal).toContain('✓ done  repository["r1"]  create (CreateRepository)');
    expect(run.stdoutAtSignal).not.toMatch(/Apply (complete|interrupted|failed)/);
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('SIGINT received: starting no new step');
    expect(run.stdout).toMatch(/- not started {2}repository\["r6"\]/);
    const [, done] = /Apply interrupted: (\d) done, (\d) not started/.exec(run.stdout) ?? [];
    expect(Number(done)).toBeGreaterThanOrEqual(2);
    expect(Number(done)).toBeLessThanOrEqual(3);
    expect((await liveNames()).length).toBe(Number(done));

    env.proxy.clearFaults();
    const again = await spawnCli(['apply', '--auto-approve'], () => false, []);
    expect(again.code).toBe(0);
    expect(await liveNames()).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6']);
  });

  it('SIGTERM twice mid-apply: exits at once, the step in flight reported as interrupted; apply again converges', async () => {
    await env.write('registry.yaml', SIX);
    env.proxy.addFault({ operation: 'CreateRepository', kind: 'delay', delayMs: 2500, times: Infinity });
    const run = await spawnCli(
      ['apply', '--auto-approve', '--concurrency', '1'],
      (out) => out.includes('✓ done  repository["r1"]'),
      ['SIGTERM', 'SIGTERM'],
    );
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('SIGTERM received again: exiting now');
    expect(run.stdout).toContain('! interrupted  repository["r2"]  create (CreateRepository)');
    expect(run.stdout).toMatch(/Apply interrupted: 1 done, 1 interrupted \(outcome unknown\), 4 not started/);

    env.proxy.clearFaults();
    // The interrupted create may still land: moto gets it after the proxy's delay.
    await new Promise((r) => setTimeout(r, 3000));
    const again = await spawnCli(['apply', '--auto-approve'], () => false, []);
    expect(again.code).toBe(0);
    expect(await liveNames()).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6']);
  });

  it('SIGINT while reading the registry: exit 130 saying nothing was changed', async () => {
    await env.write('registry.yaml', SIX);
    env.proxy.addFault({ operation: 'DescribeRepositories', kind: 'delay', delayMs: 5000, times: 1 });
    const run = await spawnCli(['apply', '--auto-approve'], () => env.proxy.calls.some((c) => c.operation === 'DescribeRepositories'), ['SIGINT']);
    expect(run.code).toBe(130);
    // At once: not after the 5 s the read is held back.
    expect(run.afterSignalMs).toBeLessThan(3000);
    expect(run.stderr).toContain('SIGINT received while reading the registry or planning: stopped; nothing was changed.');
    expect(env.proxy.calls.filter((c) => c.operation === 'CreateRepository')).toEqual([]);
  });
});
