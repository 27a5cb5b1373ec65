import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DescribeRepositoriesCommand } from '@aws-sdk/client-ecr';
import { orgEnv, registryYaml, type OrgEnv, type OrgRegistry } from '../helpers/org-env.js';
import { ROOT } from '../helpers/run-cli.js';

let env: OrgEnv;
beforeEach(async () => {
  env = await orgEnv();
});
afterEach(() => env.close());

const names = async (r: OrgRegistry) => ((await env.ecr(r).send(new DescribeRepositoriesCommand({}))).repositories ?? []).map((x) => x.repositoryName!).sort();

/**
 * `ecrform apply` over the org's first two registries as a child process, signalled once `when`
 * holds of its progress lines (on stdout in text, on stderr with --format json).
 */
function spawnApply(when: (out: string) => boolean, signals: NodeJS.Signals[], extra: { args?: string[]; env?: Record<string, string> } = {}) {
  const files = env.registries.slice(0, 2).flatMap((r) => ['-f', r.folder]);
  const args = [join(ROOT, 'dist', 'src', 'cli.js'), 'apply', ...files, '--auto-approve', '--concurrency', '1', ...(extra.args ?? [])];
  const child = spawn(process.execPath, args, {
    cwd: env.dir,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_REGION: 'us-east-1',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_ENDPOINT_URL: env.proxy.endpoint,
      ...extra.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let sent = false;
  const signalWhenDue = () => {
    if (sent || !when(stdout + stderr)) return;
    sent = true;
    // Apart: two signals sent together may reach the process as one.
    signals.forEach((s, i) => setTimeout(() => child.kill(s), i * 300));
  };
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString();
    signalWhenDue();
  });
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
    signalWhenDue();
  });
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** Each registry has ended its first step (and so started its second): both are mid-apply. */
const bothUnderWay = (out: string) => out.split('✓ done').length > 2;

const FIVE = 'repositories:\n' + ['r1', 'r2', 'r3', 'r4', 'r5'].map((n) => `  ${n}: {}\n`).join('');

describe('interrupts while several registries apply', () => {
  beforeEach(async () => {
    for (const r of env.registries.slice(0, 2)) await env.write(`${r.folder}/registry.yaml`, registryYaml(r, FIVE));
  });

  it('SIGINT: no new step in any registry, the calls in flight finish, each registry reported, exit 130; never "nothing was changed"', async () => {
    env.proxy.addFault({ operation: 'CreateRepository', kind: 'delay', delayMs: 700, times: Infinity });
    const summary = join(env.dir, 'step-summary.md');
    const run = await spawnApply(bothUnderWay, ['SIGINT'], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('SIGINT received: starting no new step');
    expect(run.stderr).not.toContain('nothing was changed');
    // Both registries stopped early, and the grouped report says what each did not do: interrupted, not failed.
    expect(run.stdout).toMatch(/Total over 2 registries \(2 interrupted\): \d step\(s\) done, 0 failed, \d+ not started\./);
    const created = (await names(env.registries[0])).length + (await names(env.registries[1])).length;
    const [, done] = /Total over 2 registries \(2 interrupted\): (\d) step\(s\) done/.exec(run.stdout) ?? [];
    expect(created).toBe(Number(done));
    expect(created).toBeLessThan(10);
    // The run's summary page says the same: each registry's outcome cell is interrupted.
    const page = await readFile(summary, 'utf8');
    expect(page).toMatch(/\*\*Total over 2 registries \(2 interrupted\): \d step\(s\) done/);
    for (const r of env.registries.slice(0, 2)) expect(page).toMatch(new RegExp(`\\| \`${r.id}\` \\| interrupted \\| \\d \\| 0 \\| \\d \\|`));
  });

  it('SIGINT with --format json: each registry and the run are interrupted: true, not just ok: false', async () => {
    env.proxy.addFault({ operation: 'CreateRepository', kind: 'delay', delayMs: 700, times: Infinity });
    const run = await spawnApply(bothUnderWay, ['SIGINT'], { args: ['--format', 'json'] });
    expect(run.code).toBe(130);
    const doc = JSON.parse(run.stdout);
    expect([doc.ok, doc.interrupted]).toEqual([false, true]);
    expect(doc.registries.map((r: { id: string; ok: boolean; interrupted?: boolean }) => [r.id, r.ok, r.interrupted])).toEqual(
      env.registries.slice(0, 2).map((r) => [r.id, false, true]),
    );
    // Stopped between steps: each registry did some and left some, none failed.
    for (const r of doc.registries) {
      const statuses = r.steps.map((s: { status: string }) => s.status);
      expect(statuses).toContain('done');
      expect(statuses).toContain('not-started');
      expect(statuses).not.toContain('failed');
    }
  });

  it('SIGTERM twice: exits at once with each registry\'s outcome so far, the steps in flight interrupted', async () => {
    env.proxy.addFault({ operation: 'CreateRepository', kind: 'delay', delayMs: 2500, times: Infinity });
    const run = await spawnApply(bothUnderWay, ['SIGTERM', 'SIGTERM']);
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('SIGTERM received again: exiting now');
    for (const r of env.registries.slice(0, 2)) expect(run.stdout).toMatch(new RegExp(`${r.id}: Apply interrupted: \\d done, 1 interrupted \\(outcome unknown\\), \\d not started`));
  });
});
