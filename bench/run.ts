/**
 * `npm run bench`: each goal of issue 14 measured next to its reference in the
 * same run, on this machine as it is (a shared machine gives noisy figures: read
 * the ratios, which compare runs made seconds apart). Prints figures; asserts nothing.
 *
 *   1. start-up: `ecrform --version` and `validate` of the example, next to `node -e 0`;
 *   2. `validate` of 1,000 / 5,000 / 10,000 repositories, and how it grows;
 *   3. `plan` of 100 / 1,000 / 5,000 in-sync repositories against moto, next to a
 *      raw AWS SDK loop making the same reads (bench/raw-loop.ts); peak RSS at 5,000;
 *   4. the same with 50 ms and 100 ms added to every call (a delaying proxy), 300 repositories;
 *   5. 20 registries of 250 repositories, each through its own role, in one plan (many-registries.ts).
 *
 * BENCH_PLAN_SIZES=100,1000 (comma-separated) changes the sizes of case 3: seeding
 * 5,000 repositories into moto takes minutes on a busy machine.
 * BENCH_CASES=startup,validate,plan,latency,many (comma-separated) runs only those cases.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONCURRENCY } from '../src/ecr/defaults.js';
import { startMoto } from '../scripts/moto-server.js';
import { startRegistryProxy, type RegistryProxy } from '../test/helpers/registry-proxy.js';
import { benchRegistryYaml } from './generate.js';
import { benchManyRegistries } from './many-registries.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUNDLE = join(ROOT, 'dist', 'bin', 'ecrform.js');
const CLI = existsSync(BUNDLE) ? BUNDLE : join(ROOT, 'dist', 'src', 'cli.js');
const RAW = join(ROOT, 'dist', 'bench', 'raw-loop.js');
const PLAN_SIZES = (process.env.BENCH_PLAN_SIZES ?? '100,1000,5000').split(',').map(Number);
const CASES = new Set((process.env.BENCH_CASES ?? 'startup,validate,plan,latency,many').split(','));
const ENV = {
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '/tmp',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_REGION: 'us-east-1',
  AWS_EC2_METADATA_DISABLED: 'true',
};

interface Run {
  seconds: number;
  code: number;
  rssMb: number;
  stderr: string;
}

let rssHook = '';

/** Runs node with a script, asynchronously (the proxy serves its calls from this process). */
function runNode(args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = ENV): Promise<Run> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['-r', rssHook, ...args], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - start) / 1000;
      const rss = /ECRFORM_BENCH_MAXRSS (\d+)/.exec(stderr);
      resolve({ seconds, code: code ?? -1, rssMb: rss ? Number(rss[1]) / 1024 : NaN, stderr: stderr.replace(/\n?ECRFORM_BENCH_MAXRSS \d+\n?/, '') });
    });
  });
}

/** The fastest of `times` runs: on a busy machine the minimum is the least disturbed figure. */
async function best(times: number, make: () => Promise<Run>): Promise<Run> {
  let fastest: Run | undefined;
  for (let i = 0; i < times; i++) {
    const run = await make();
    if (run.code !== 0) throw new Error(`exit ${run.code}: ${run.stderr.slice(0, 2000)}`);
    if (!fastest || run.seconds < fastest.seconds) fastest = run;
  }
  return fastest!;
}

const rows: string[][] = [];
function row(goal: string, figure: string, reference: string, target: string, met: boolean | undefined): void {
  rows.push([goal, figure, reference, target, met === undefined ? '' : met ? 'met' : 'NOT MET']);
  console.log(`  ${goal}: ${figure} (reference ${reference}; goal ${target}) ${met === undefined ? '' : met ? 'met' : 'NOT MET'}`);
}
const s = (seconds: number) => `${seconds.toFixed(2)} s`;

async function startUp(dir: string): Promise<void> {
  console.log('1. start-up (fastest of 5)');
  const node = await best(5, () => runNode(['-e', '0']));
  const version = await best(5, () => runNode([CLI, '--version']));
  const validate = await best(5, () => runNode([CLI, 'validate', '-f', join(ROOT, 'examples', 'registry.yaml')], dir));
  row('ecrform --version', s(version.seconds), `node -e 0: ${s(node.seconds)}`, '<= 0.20 s', version.seconds <= 0.2);
  row('validate of the example', s(validate.seconds), `node -e 0: ${s(node.seconds)}`, '<= 0.30 s', validate.seconds <= 0.3);
}

async function validateSizes(dir: string): Promise<void> {
  console.log('2. validate of large files (fastest of 2)');
  const sizes = [1000, 5000, 10000];
  const perRepo: number[] = [];
  for (const size of sizes) {
    const file = join(dir, `validate-${size}.yaml`);
    await writeFile(file, benchRegistryYaml(size));
    const run = await best(2, () => runNode([CLI, 'validate', '-f', file], dir));
    perRepo.push((run.seconds * 1000) / size);
    const met = size === 5000 ? run.seconds < 1.5 : undefined;
    row(`validate, ${size} repositories`, `${s(run.seconds)}, ${Math.round(run.rssMb)} MB`, `${perRepo.at(-1)!.toFixed(3)} ms a repository`, size === 5000 ? '< 1.5 s' : 'linear', met);
  }
  if (perRepo.length > 1) {
    const growth = perRepo.at(-1)! / perRepo[0];
    row('validate, time a repository at 10,000 / at 1,000', growth.toFixed(2), '1.00 is linear', '<= 1.5 (start-up makes small files dearer)', growth <= 1.5);
  }
}

/** A proxy with its own moto account holding `size` in-sync repositories (made by ecrform apply). */
async function seeded(motoEndpoint: string, dir: string, size: number): Promise<{ proxy: RegistryProxy; cwd: string }> {
  const proxy = await startRegistryProxy(motoEndpoint);
  const cwd = await mkdtemp(join(dir, `plan-${size}-`));
  await writeFile(join(cwd, 'registry.yaml'), benchRegistryYaml(size));
  const apply = await runNode([CLI, 'apply', '--auto-approve', '--format', 'json', '--concurrency', '32', '--endpoint', proxy.endpoint], cwd);
  if (apply.code !== 0) throw new Error(`seeding ${size} repositories failed: ${apply.stderr.slice(0, 2000)}`);
  const check = await runNode([CLI, 'plan', '--detailed-exitcode', '--endpoint', proxy.endpoint], cwd);
  if (check.code !== 0) throw new Error(`after apply, plan of ${size} repositories is not in sync (exit ${check.code})`);
  return { proxy, cwd };
}

async function compare(label: string, proxy: RegistryProxy, cwd: string, size: number, times: number, goal: number): Promise<Run> {
  const before = proxy.calls.length;
  const plan = await best(times, () => runNode([CLI, 'plan', '--endpoint', proxy.endpoint], cwd));
  const callsPerRepo = (proxy.calls.length - before) / times / size;
  const raw = await best(times, () => runNode([RAW, String(DEFAULT_CONCURRENCY)], cwd, { ...ENV, AWS_ENDPOINT_URL: proxy.endpoint }));
  const ratio = plan.seconds / raw.seconds;
  row(label, `${s(plan.seconds)} (${callsPerRepo.toFixed(2)} calls a repository)`, `raw SDK loop ${s(raw.seconds)}, ratio ${ratio.toFixed(2)}`, `<= ${goal.toFixed(2)}x`, ratio <= goal);
  return plan;
}

async function againstMoto(dir: string): Promise<void> {
  if (spawnSync('python3', ['-c', 'import moto'], { stdio: 'ignore' }).status !== 0) {
    console.log('3, 4. skipped: moto is not installed');
    return;
  }
  const moto = await startMoto();
  try {
    if (CASES.has('plan')) console.log(`3. plan of in-sync repositories against moto, --concurrency ${DEFAULT_CONCURRENCY} (default) for both`);
    for (const size of CASES.has('plan') ? PLAN_SIZES : []) {
      const { proxy, cwd } = await seeded(moto.endpoint, dir, size);
      const plan = await compare(`plan, ${size} repositories`, proxy, cwd, size, size >= 5000 ? 1 : 2, 1.1);
      if (size === 5000) row('plan, 5000 repositories: peak RSS', `${Math.round(plan.rssMb)} MB`, '-', '<= 250 MB', plan.rssMb <= 250);
      await proxy.close();
    }
    if (!CASES.has('latency')) return;
    console.log('4. plan of 300 in-sync repositories with latency added to every call (delaying proxy)');
    const { proxy, cwd } = await seeded(moto.endpoint, dir, 300);
    for (const delayMs of [50, 100]) {
      proxy.clearFaults();
      proxy.addFault({ operation: '*', kind: 'delay', delayMs, times: Infinity });
      await compare(`plan, 300 repositories, ${delayMs} ms a call`, proxy, cwd, 300, 1, 1.15);
    }
    await proxy.close();
  } finally {
    await moto.stop();
  }
}

const dir = await mkdtemp(join(tmpdir(), 'ecrform-bench-'));
rssHook = join(dir, 'report-rss.cjs');
await writeFile(rssHook, "process.on('exit', () => process.stderr.write('\\nECRFORM_BENCH_MAXRSS ' + process.resourceUsage().maxRSS + '\\n'));\n");
console.log(`ecrform bench: ${CLI === BUNDLE ? 'the bundle (dist/bin)' : 'tsc output (dist/src; run npm run bundle for the shipped bin)'}, Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GB\n`);
if (CASES.has('startup')) await startUp(dir);
if (CASES.has('validate')) await validateSizes(dir);
if (CASES.has('plan') || CASES.has('latency')) await againstMoto(dir);
if (CASES.has('many')) {
  const many = await benchManyRegistries(CLI, RAW);
  if (many) {
    const ratio = many.ecrform.seconds / many.raw.seconds;
    row(
      `plan, ${many.label}`,
      `${s(many.ecrform.seconds)}, peak RSS ${Math.round(many.ecrform.rssMb)} MB`,
      `raw SDK loop ${s(many.raw.seconds)}, ${Math.round(many.raw.rssMb)} MB, ratio ${ratio.toFixed(2)}`,
      '<= 1.20x, < 300 MB',
      ratio <= 1.2 && many.ecrform.rssMb < 300,
    );
  }
}
console.log('\n| goal | figure | reference (same run) | target | |\n| --- | --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
