/**
 * `npm run bench`: prints figures, asserts nothing.
 *  1. plan() alone (pure CPU) on registries of growing size.
 *  2. Reading live state through the bounded pool against an in-memory ECR
 *     with a fixed latency per call: how --concurrency changes the wall time.
 *  3. The CLI end to end against moto: plan and apply of 100 repositories.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { plan } from '../src/plan/plan.js';
import { fetchLive } from '../src/ecr/fetch-live.js';
import { scopeOfDesired } from '../src/ecr/read-scope.js';
import { limitPort } from '../src/ecr/wrap-port.js';
import { PORT_OPERATIONS, type EcrPort } from '../src/ecr/port.js';
import { createFakeEcr } from '../test/helpers/fake-ecr.js';
import { startMoto } from '../scripts/moto-server.js';
import { desiredRepo, desiredState, liveFrom, planOptions } from '../test/helpers/builders.js';
import type { JsonObject } from '../src/model/json.js';

const POLICY: JsonObject = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'pull', Effect: 'Allow', Principal: { AWS: ['111122223333', '444455556666'] }, Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'] },
  ],
};
const LIFECYCLE: JsonObject = {
  rules: [
    { rulePriority: 1, selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 7 }, action: { type: 'expire' } },
    { rulePriority: 2, selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 30 }, action: { type: 'expire' } },
  ],
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function benchPlan(): void {
  console.log('1. plan() (pure), median of 5 runs; every 10th repository differs from live');
  for (const size of [100, 1000, 5000]) {
    const repos = Array.from({ length: size }, (_, i) =>
      desiredRepo(`team-${i % 20}/service-${i}`, { scanOnPush: true, tags: { team: `t${i % 20}` }, policy: POLICY, lifecyclePolicy: LIFECYCLE }),
    );
    const desired = desiredState(repos);
    const live = liveFrom(desired);
    for (const [i, repo] of Object.values(live.repositories).entries()) if (i % 10 === 0) repo.scanOnPush = false;
    const times: number[] = [];
    let changes = 0;
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      changes = plan(desired, live, planOptions()).changes.length;
      times.push(performance.now() - start);
    }
    console.log(`   ${String(size).padStart(5)} repositories: ${median(times).toFixed(1)} ms, ${changes} changes`);
  }
}

function withLatency(port: EcrPort, ms: number): EcrPort {
  const out: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of PORT_OPERATIONS) {
    const call = port[name] as (input: unknown) => Promise<unknown>;
    out[name] = async (input) => {
      await new Promise((r) => setTimeout(r, ms));
      return call(input);
    };
  }
  return out as unknown as EcrPort;
}

async function benchRead(): Promise<void> {
  const size = 300;
  const latency = 20;
  console.log(`\n2. reading ${size} managed repositories (3 calls each), ${latency} ms per call, in-memory ECR`);
  const fake = createFakeEcr();
  for (let i = 0; i < size; i++) fake.seed(`svc-${i}`, { tags: { 'managed-by': 'ecrform' } });
  const desired = desiredState([]);
  for (const concurrency of [1, 8, 32]) {
    const port = limitPort(withLatency(fake.port, latency), concurrency);
    const start = performance.now();
    await fetchLive(port, scopeOfDesired(desired), { region: fake.region });
    const seconds = (performance.now() - start) / 1000;
    console.log(`   --concurrency ${String(concurrency).padStart(2)}: ${seconds.toFixed(2)} s`);
  }
}

async function benchCli(): Promise<void> {
  if (spawnSync('python3', ['-c', 'import moto'], { stdio: 'ignore' }).status !== 0) {
    console.log('\n3. skipped: moto is not installed');
    return;
  }
  const size = 100;
  console.log(`\n3. the CLI against moto (loopback), ${size} repositories with a policy and a lifecycle policy each`);
  const moto = await startMoto();
  const endpoint = moto.endpoint;
  try {
    const dir = await mkdtemp(join(tmpdir(), 'ecrform-bench-'));
    const lines = ['version: 1', 'registry: { region: us-east-1 }', 'repositories:'];
    for (let i = 0; i < size; i++) {
      lines.push(`  bench/svc-${i}:`, '    scanOnPush: true', `    policy: ${JSON.stringify(POLICY)}`, `    lifecyclePolicy: ${JSON.stringify(LIFECYCLE)}`);
    }
    await writeFile(join(dir, 'registry.yaml'), lines.join('\n') + '\n');
    const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'cli.js');
    const env = { ...process.env, AWS_ACCESS_KEY_ID: 'bench', AWS_SECRET_ACCESS_KEY: 'bench', AWS_REGION: 'us-east-1' };
    const time = (label: string, args: string[]) => {
      const start = performance.now();
      const run = spawnSync(process.execPath, [cli, ...args, '--endpoint', endpoint], { cwd: dir, env, stdio: 'ignore' });
      console.log(`   ${label.padEnd(34)} ${((performance.now() - start) / 1000).toFixed(2)} s (exit ${run.status})`);
    };
    time('plan (empty registry)', ['plan']);
    time('apply --auto-approve (300 calls)', ['apply', '--auto-approve']);
    time('plan again (in sync)', ['plan', '--detailed-exitcode']);
    const start = performance.now();
    spawnSync(process.execPath, [cli, '--version'], { stdio: 'ignore' });
    console.log(`   ${'start-up (--version)'.padEnd(34)} ${((performance.now() - start) / 1000).toFixed(2)} s`);
  } finally {
    await moto.stop();
  }
}

benchPlan();
await benchRead();
await benchCli();
