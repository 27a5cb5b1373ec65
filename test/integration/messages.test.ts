import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registryEnv, type RegistryEnv } from '../helpers/registry-env.js';
import { spawn } from 'node:child_process';
import { ROOT, runCli } from '../helpers/run-cli.js';

/** Runs a command with stdin, stdout and stderr together, killed after `ms`. */
function runIn(argv: string[], extraEnv: Record<string, string>, ms: number): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), {
      cwd: env.dir,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', TERM: 'xterm', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1', AWS_EC2_METADATA_DISABLED: 'true', ...extraEnv },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

let env: RegistryEnv;
beforeEach(async () => {
  env = await registryEnv();
});
afterEach(async () => {
  await env.close();
});

const oneLine = (text: string) => text.trim().split('\n');

describe('loud, correct messages', () => {
  it('plan --out never overwrites a file the run reads: desired-state or policy file', async () => {
    const base = 'version: 1\nrepositories:\n  app:\n    lifecyclePolicyFile: keep.json\n';
    await env.write('registry/base.yaml', base);
    const keep = JSON.stringify({ rules: [{ rulePriority: 1, description: 'keep thirty images', selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 30 }, action: { type: 'expire' } }] });
    await env.write('registry/keep.json', keep);
    const yamlOut = await env.cli(['plan', '-f', 'registry', '--out', 'registry/base.yaml']);
    expect(yamlOut.code).toBe(1);
    expect(yamlOut.stderr).toContain('--out registry/base.yaml is a file this run reads');
    expect(env.proxy.calls).toEqual([]);
    const jsonOut = await env.cli(['plan', '-f', 'registry', '--out', 'registry/keep.json']);
    expect(jsonOut.code).toBe(1);
    expect(jsonOut.stderr).toContain('--out registry/keep.json is a file this run reads');
    expect(await readFile(`${env.dir}/registry/base.yaml`, 'utf8')).toBe(base);
    expect(await readFile(`${env.dir}/registry/keep.json`, 'utf8')).toBe(keep);
  });

  it('import --out refuses an existing file without --force', async () => {
    await env.write('registry.yaml', 'version: 1\n# mine\n');
    const refused = await env.cli(['import', '--out', 'registry.yaml']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--out registry.yaml exists; import does not overwrite a file without --force');
    expect(await readFile(`${env.dir}/registry.yaml`, 'utf8')).toBe('version: 1\n# mine\n');
    expect((await env.cli(['import', '--out', 'registry.yaml', '--force'])).code).toBe(0);
  });

  it('apply with a YAML file where the plan goes suggests -f, never plan --out onto it', async () => {
    await env.write('registry/base.yaml', 'version: 1\nrepositories:\n  app: {}\n');
    const result = await env.cli(['apply', 'registry/base.yaml', '--auto-approve']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('error: registry/base.yaml is a desired-state file, not a plan; apply it with: ecrform apply -f registry/base.yaml\n');
  });

  it('an endpoint without a scheme, an unknown profile, an unreachable or non-ECR endpoint: one line each, never "a bug"', async () => {
    await env.write('registry.yaml', 'version: 1\nrepositories:\n  app: {}\n');
    const noScheme = await runCli(['plan', '--endpoint', 'localhost:4566'], { cwd: env.dir });
    expect(noScheme.code).toBe(1);
    expect(oneLine(noScheme.stderr)).toEqual(['error: --endpoint localhost:4566 is not an http(s) URL; write it with its scheme, e.g. https://localhost:4566']);

    const profile = await runCli(['plan', '--profile', 'no-such-profile', '--endpoint', env.proxy.endpoint], {
      cwd: env.dir,
      env: { AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_CONFIG_FILE: `${env.dir}/none`, AWS_SHARED_CREDENTIALS_FILE: `${env.dir}/none` },
    });
    expect(profile.code).toBe(1);
    expect(oneLine(profile.stderr)).toHaveLength(1);
    expect(profile.stderr).toMatch(/^error: --profile no-such-profile: no credentials/);

    const unreachable = await runCli(['plan', '--endpoint', 'http://127.0.0.1:9'], { cwd: env.dir });
    expect(unreachable.code).toBe(1);
    expect(oneLine(unreachable.stderr)).toEqual([expect.stringMatching(/^error: could not reach ECR at http:\/\/127\.0\.0\.1:9 \((DescribeRegistry|DescribeRepositories)\): ECONNREFUSED/)]);

    const notEcr = createServer((_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<html>not here</html>');
    });
    await new Promise<void>((r) => notEcr.listen(0, '127.0.0.1', r));
    const port = (notEcr.address() as { port: number }).port;
    try {
      const wrong = await runCli(['plan', '--endpoint', `http://127.0.0.1:${port}`], { cwd: env.dir });
      expect(wrong.code).toBe(1);
      expect(oneLine(wrong.stderr)).toEqual([expect.stringMatching(new RegExp(`^error: http://127\\.0\\.0\\.1:${port} did not answer \\w+ as ECR does \\(HTTP 404\\); is --endpoint an ECR endpoint\\?$`))]);
    } finally {
      notEcr.close();
    }
    for (const r of [noScheme, profile, unreachable]) expect(r.stderr).not.toContain('bug in ecrform');
  });

  it('with prune: false, plan notes orphaned repositories as drift lists them; drift never calls them delete', async () => {
    await env.write('registry.yaml', 'version: 1\nrepositories:\n  keep: {}\n  left: {}\n');
    expect((await env.cli(['apply', '--auto-approve'])).code).toBe(0);
    await env.write('registry.yaml', 'version: 1\nrepositories:\n  keep: {}\n');
    const planned = await env.cli(['plan', '--detailed-exitcode']);
    expect(planned.code).toBe(0);
    expect(planned.stdout).toContain('Note: 1 orphaned repository carries managed-by: ecrform but no file declares it');
    expect(planned.stdout).toMatch(/^ {2}left$/m);
    const drift = await env.cli(['drift']);
    expect(drift.code).toBe(2);
    expect(drift.stdout).toContain('repository["left"]  orphaned');
    expect(drift.stdout).not.toMatch(/delete \(prune\)/);
  });

  it('a usage error prints what is wrong and the command help hint, not the whole help', async () => {
    const result = await runCli(['plan', '--bogus'], { cwd: env.dir });
    expect(result.code).toBe(1);
    expect(oneLine(result.stderr)).toEqual(["error: unknown option '--bogus'", '(run: ecrform plan --help)']);
  });

  it('CI=true on a terminal: plain lines, and apply without --auto-approve refuses instead of asking', async () => {
    await env.write('registry.yaml', 'version: 1\nrepositories:\n  app: {}\n');
    // `script` gives the CLI a real pseudo-terminal; without the CI rule it would show the prompt and wait.
    const cmd = `${process.execPath} ${ROOT}/dist/src/cli.js apply --endpoint ${env.proxy.endpoint}`;
    const result = await runIn(['script', '-qec', cmd, '/dev/null'], { CI: 'true' }, 20_000);
    expect(result.code).toBe(1);
    expect(result.out).toContain('not a terminal (or CI is set): nothing to confirm with; pass --auto-approve');
    expect(result.out).not.toContain('\u001b[');
    expect(env.proxy.calls.filter((c) => c.operation === 'CreateRepository')).toEqual([]);
  });
});
