/**
 * The many-registries case of `npm run bench`: 20 registries (10 accounts x
 * 2 regions, each reached through its own role) of 250 repositories each,
 * 5,000 in all, in sync, planned in one run against moto; side by side, in
 * the same run, the raw-SDK loop (bench/raw-loop.ts) making the same reads at
 * the same concurrency, with the same roles. Wall time and peak RSS of both.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pLimit from 'p-limit';
import { CreateRepositoryCommand, ECRClient } from '@aws-sdk/client-ecr';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { startMoto } from '../scripts/moto-server.js';
import { DEFAULT_CONCURRENCY } from '../src/ecr/defaults.js';

const ACCOUNTS = 10;
const REGIONS = ['us-east-1', 'eu-west-1'];
const PER_REGISTRY = 250;
const CONCURRENCY = DEFAULT_CONCURRENCY;

/** Runs a node script as its own process; wall time, and peak RSS where /usr/bin/time can say. */
function measure(args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<{ seconds: number; rssMb?: number; code: number | null; out: string }> {
  const timed = existsSync('/usr/bin/time');
  const [cmd, argv] = timed ? ['/usr/bin/time', ['-f', 'RSS_KB=%M', process.execPath, ...args]] : [process.execPath, args];
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(cmd, argv, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('close', (code) => {
      const kb = /RSS_KB=([0-9]+)/.exec(err)?.[1];
      resolve({ seconds: (performance.now() - start) / 1000, rssMb: kb ? Number(kb) / 1024 : undefined, code, out: out + err.replace(/RSS_KB=[0-9]+\n?/, '') });
    });
  });
}

interface Measured {
  seconds: number;
  rssMb: number;
}

/** The case's best run of each side, or undefined when moto is not installed. */
export async function benchManyRegistries(cli: string, raw: string): Promise<{ label: string; ecrform: Measured; raw: Measured } | undefined> {
  if (spawnSync('python3', ['-c', 'import moto'], { stdio: 'ignore' }).status !== 0) {
    console.log('\n5. skipped: moto is not installed');
    return undefined;
  }
  const count = ACCOUNTS * REGIONS.length;
  console.log(`\n5. many registries: ${count} registries x ${PER_REGISTRY} repositories (${count * PER_REGISTRY}) in sync, one plan against moto, --concurrency ${CONCURRENCY}`);
  const moto = await startMoto();
  try {
    const env = { ...process.env, AWS_ACCESS_KEY_ID: 'bench', AWS_SECRET_ACCESS_KEY: 'bench', AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL: moto.endpoint };
    const dir = await mkdtemp(join(tmpdir(), 'ecrform-bench-org-'));
    const registries = Array.from({ length: ACCOUNTS }, (_, a) => String(200000000000 + a)).flatMap((accountId) =>
      REGIONS.map((region) => ({ accountId, region, roleArn: `arn:aws:iam::${accountId}:role/ecrform` })),
    );
    const seed = pLimit(16);
    const seedStart = performance.now();
    await Promise.all(
      registries.map(async (r) => {
        const folder = join(dir, `${r.accountId}-${r.region}`);
        await mkdir(folder, { recursive: true });
        const names = Array.from({ length: PER_REGISTRY }, (_, i) => `team-${i % 10}/svc-${i}`);
        const lines = ['version: 1', 'registry:', `  accountId: "${r.accountId}"`, `  region: ${r.region}`, `  roleArn: ${r.roleArn}`, 'repositories:', ...names.map((n) => `  ${n}:`)];
        await writeFile(join(folder, 'registry.yaml'), lines.join('\n') + '\n');
        const client = new ECRClient({
          region: r.region,
          endpoint: moto.endpoint,
          credentials: fromTemporaryCredentials({
            masterCredentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
            params: { RoleArn: r.roleArn, RoleSessionName: 'seed' },
            clientConfig: { region: r.region, endpoint: moto.endpoint },
          }),
        });
        await Promise.all(
          names.map((n) => seed(() => client.send(new CreateRepositoryCommand({ repositoryName: n, tags: [{ Key: 'managed-by', Value: 'ecrform' }] })))),
        );
        client.destroy();
      }),
    );
    console.log(`   seeded moto in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
    const files = registries.flatMap((r) => ['-f', `${r.accountId}-${r.region}`]);
    const rawArgs = [raw, String(CONCURRENCY), ...registries.map((r) => `${r.region},${r.roleArn}`)];
    const planArgs = [cli, 'plan', ...files, '--concurrency', String(CONCURRENCY), '--detailed-exitcode', '--format', 'json'];
    // Alternate the two, twice, so neither always runs on a warmer moto.
    const results: Record<string, Array<{ seconds: number; rssMb?: number; code: number | null }>> = { raw: [], ecrform: [] };
    const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
    for (let round = 0; round < rounds; round++) {
      results.raw.push(await measure(rawArgs, env, dir));
      results.ecrform.push(await measure(planArgs, env, dir));
    }
    const best = (k: string) => results[k].reduce((a, b) => (b.seconds < a.seconds ? b : a));
    const [b, e] = [best('raw'), best('ecrform')];
    const mb = (x?: number) => (x === undefined ? 'n/a' : `${x.toFixed(0)} MB`);
    console.log(`   ${'raw SDK loop, same reads'.padEnd(34)} ${b.seconds.toFixed(2)} s, peak RSS ${mb(b.rssMb)} (exit ${b.code})`);
    console.log(`   ${'ecrform plan (exit 0: in sync)'.padEnd(34)} ${e.seconds.toFixed(2)} s, peak RSS ${mb(e.rssMb)} (exit ${e.code})`);
    console.log(`   ratio ecrform / raw loop: ${(e.seconds / b.seconds).toFixed(2)} (best of ${rounds} each)`);
    if (b.code !== 0 || e.code !== 0) throw new Error(`many registries: the raw loop exited ${b.code}, ecrform plan ${e.code} (0 expected: in sync)`);
    return {
      label: `${count} registries x ${PER_REGISTRY} repositories, in sync`,
      ecrform: { seconds: e.seconds, rssMb: e.rssMb ?? NaN },
      raw: { seconds: b.seconds, rssMb: b.rssMb ?? NaN },
    };
  } finally {
    await moto.stop();
  }
}
