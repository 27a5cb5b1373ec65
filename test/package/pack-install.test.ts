import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { DescribeRepositoriesCommand } from '@aws-sdk/client-ecr';
import { registryEnv, type RegistryEnv } from '../helpers/registry-env.js';
import { ROOT } from '../helpers/run-cli.js';
import { HAS_TMUX, openPane } from '../e2e/tmux.js';

/**
 * The package as a user gets it: a clean copy of the source (what git holds,
 * no dist/), `npm pack` (prepack bundles the bin), then `npm install -g` of
 * the tarball into an empty prefix, and the installed `ecrform` run against
 * moto. Nothing here uses the repository's own dist/.
 */

const run = promisify(execFile);
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** npm run by `npm test` sets npm_* variables (the project's prefix among them) that would steer the inner npm. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.toLowerCase().startsWith('npm_')) env[k] = v;
  return { ...env, ...extra };
}

let work: string;
let prefix: string;
let bin: string;
let packed: { files: { path: string }[]; filename: string };

async function copySource(to: string): Promise<void> {
  // Tracked files plus new ones not ignored: a fresh clone, with this change in it.
  const { stdout } = await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, maxBuffer: 16 << 20 });
  for (const file of stdout.split('\0').filter(Boolean)) {
    if (!existsSync(join(ROOT, file))) continue; // deleted in the work tree
    await mkdir(dirname(join(to, file)), { recursive: true });
    await cp(join(ROOT, file), join(to, file));
  }
  // The build tools (esbuild) come from the checkout's own npm ci.
  await symlink(join(ROOT, 'node_modules'), join(to, 'node_modules'));
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ecrform-pack-'));
  const source = join(work, 'source');
  await copySource(source);
  expect(existsSync(join(source, 'dist'))).toBe(false);
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: source, env: cleanEnv(), maxBuffer: 16 << 20 });
  packed = (JSON.parse(stdout) as (typeof packed)[])[0];
  const tarball = join(work, packed.filename);
  prefix = join(work, 'prefix');
  // --offline: a package with no dependencies needs nothing from a registry.
  await run('npm', ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball], { cwd: work, env: cleanEnv() });
  bin = join(prefix, 'bin', 'ecrform');
}, 180_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

function ecrform(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string; seconds: number }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(bin, args, {
      cwd,
      env: {
        PATH: `${dirname(process.execPath)}:/usr/bin:/bin`,
        HOME: cwd,
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'secret-key-never-printed',
        AWS_REGION: 'us-east-1',
        AWS_EC2_METADATA_DISABLED: 'true',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code: code ?? -1, stdout, stderr, seconds: Number(process.hrtime.bigint() - started) / 1e9 }),
    );
  });
}

describe('the npm package', () => {
  it('holds the bundled bin, its chunks and the schema, and nothing of the source or tests', () => {
    const paths = packed.files.map((f) => f.path);
    expect(paths).toContain('dist/bin/ecrform.js');
    expect(paths).toContain('schema/registry.schema.json');
    expect(paths).toContain('package.json');
    expect(paths).toContain('README.md');
    expect(paths.filter((p) => !/^(dist\/bin\/[\w-]+\.js|schema\/[\w.-]+\.json|package\.json|README\.md|LICENSE)$/.test(p))).toEqual([]);
  });

  it('installs with no runtime dependency tree: the bundle holds every dependency', async () => {
    const installed = join(prefix, 'lib', 'node_modules', 'ecrform');
    const pkg = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8')) as { dependencies?: object; bin: object };
    // A runtime package belongs in devDependencies: the bundle carries it.
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);
    expect((await stat(bin)).isFile() || (await stat(bin)).isSymbolicLink()).toBe(true);
  });

  it('ecrform --version prints the package version, and starts fast', async () => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await ecrform(['--version'], work);
      expect(r).toMatchObject({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
      times.push(r.seconds);
    }
    const best = Math.min(...times);
    // What ecrform adds to Node's own start-up, so a loaded machine does not make the test flaky.
    const bare: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = process.hrtime.bigint();
      await run(process.execPath, ['-e', '0']);
      bare.push(Number(process.hrtime.bigint() - started) / 1e9);
    }
    const node = Math.min(...bare);
    console.log(`installed ecrform --version: best ${best.toFixed(3)} s of ${times.map((t) => t.toFixed(3)).join(', ')}; node -e 0: best ${node.toFixed(3)} s`);
    // The goal is 0.3 s in all on an idle machine (about 0.1 s measured); ecrform's own share must stay well under it.
    expect(best - node).toBeLessThan(0.3);
  });

  it('validate finds the schema inside the installed package and names FILE:LINE:COL', async () => {
    await writeFile(join(work, 'bad.yaml'), 'version: 1\nrepositories:\n  team-a/api:\n    scanOnPus: true\n');
    const r = await ecrform(['validate', '-f', 'bad.yaml'], work);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.yaml:4:5: unknown key "scanOnPus"');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('the installed ecrform against moto', () => {
  let env: RegistryEnv;
  beforeAll(async () => {
    env = await registryEnv();
    await env.write('registry.yaml', 'version: 1\nrepositories:\n  team-a/api:\n    imageTagMutability: IMMUTABLE\n  team-a/web: {}\n');
  });
  afterAll(async () => env.close());

  it('plans, applies and then has nothing left to do', async () => {
    const endpoint = ['--endpoint', env.proxy.endpoint];
    const plan = await ecrform(['plan', '--format', 'json', '--detailed-exitcode', ...endpoint], env.dir);
    expect(plan.stderr).toBe('');
    expect(plan.code).toBe(2);
    const doc = JSON.parse(plan.stdout) as { tool: { version: string }; changes: { address: string; action: string }[] };
    expect(doc.tool.version).toBe(VERSION);
    expect(doc.changes.map((c) => `${c.action} ${c.address}`)).toEqual(['create repository["team-a/api"]', 'create repository["team-a/web"]']);

    const apply = await ecrform(['apply', '--auto-approve', ...endpoint], env.dir);
    expect(apply.code).toBe(0);
    const live = (await env.ecr.send(new DescribeRepositoriesCommand({}))).repositories ?? [];
    expect(live.map((r) => r.repositoryName).sort()).toEqual(['team-a/api', 'team-a/web']);

    expect((await ecrform(['plan', '--detailed-exitcode', ...endpoint], env.dir)).code).toBe(0);
  });

  // ink and React are a lazily loaded chunk of the bundle: only a terminal session loads them.
  it.skipIf(!HAS_TMUX)('draws the interactive terminal view (ink, loaded lazily from the bundle) in a real terminal', async () => {
    await env.write('registry.yaml', 'version: 1\nrepositories:\n  team-a/api:\n    imageTagMutability: IMMUTABLE\n  team-a/web: {}\n  team-b/new: {}\n');
    const pane = await openPane([bin, 'plan', '--endpoint', env.proxy.endpoint], {
      cwd: env.dir,
      env: {
        PATH: `${dirname(process.execPath)}:/usr/bin:/bin`,
        HOME: env.dir,
        TERM: 'xterm-256color',
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        AWS_REGION: 'us-east-1',
        AWS_EC2_METADATA_DISABLED: 'true',
      },
    });
    try {
      const screen = await pane.waitFor(/EXIT=\d+/, 30_000);
      expect(screen).toContain('EXIT=0');
      expect(screen).toMatch(/✓ Read live state: 2 repositories/);
      expect(screen).toContain('+ repository["team-b/new"]  create');
    } finally {
      await pane.close();
    }
  });
});
