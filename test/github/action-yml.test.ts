import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { readInputs } from '../../src/github/inputs.js';
import { ACTION, ACTION_INPUTS, type ActionStep as Step } from './action-definition.js';
import { registryEnv, type RegistryEnv } from '../helpers/registry-env.js';
import { ROOT } from '../helpers/run-cli.js';
import { startFakeGitHub, type FakeGitHub } from './fake-github.js';

/**
 * action.yml itself: its inputs and outputs are ci.md's, and its steps,
 * run with bash the way the runner runs a composite action (expressions
 * substituted, GITHUB_ACTION_PATH set), plan against moto and comment on a
 * fake GitHub through the bundled entry point.
 */

describe('action.yml', () => {
  it("declares ci.md's inputs and outputs, and nothing else", () => {
    expect(ACTION_INPUTS).toEqual(['command', 'files', 'args', 'plan-file', 'comment', 'github-token']);
    expect(Object.keys(ACTION.outputs)).toEqual(['exitcode', 'changes', 'blocked', 'plan-file', 'report-file']);
    for (const [name, output] of Object.entries(ACTION.outputs)) expect(output.value).toBe(`\${{ steps.ecrform.outputs.${name} }}`);
    expect(ACTION.inputs['github-token'].default).toBe('${{ github.token }}');
    expect(ACTION.runs.using).toBe('composite');
  });

  it('passes every input to the step that reads it, under the name readInputs reads', () => {
    const step = ACTION.runs.steps.find((s) => s.id === 'ecrform')!;
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, v.replace(/^\$\{\{ inputs\.([\w-]+) \}\}$/, 'value of $1')]));
    expect(Object.keys(env).sort()).toEqual(ACTION_INPUTS.map((i) => `INPUT_${i.toUpperCase().replace(/-/g, '_')}`).sort());
    const read = readInputs({ ...env, INPUT_COMMAND: 'drift', INPUT_COMMENT: 'true', INPUT_ARGS: '--target x' });
    expect(read).toEqual({ command: 'drift', files: ['value of files'], args: ['--target', 'x'], planFile: 'value of plan-file', comment: true, token: 'value of github-token' });
  });
});

const run = promisify(execFile);

describe('action.yml run as the runner runs it', () => {
  let env: RegistryEnv;
  let github: FakeGitHub;
  beforeAll(async () => {
    // The bundle the action's build step makes (its npm ci is the checkout's own here).
    await run(process.execPath, [join(ROOT, 'scripts', 'bundle.mjs')], { cwd: ROOT });
    env = await registryEnv();
    github = await startFakeGitHub();
  }, 120_000);
  afterAll(async () => {
    await github.close();
    await env.close();
  });

  /** `${{ inputs.x }}`, `${{ github.* }}` as the runner expands them, inputs defaulted from action.yml. */
  function expand(text: string, inputs: Record<string, string>): string {
    return text.replace(/\$\{\{ ([\w.-]+) \}\}/g, (_, expr: string) => {
      if (expr === 'github.action_path') return ROOT;
      if (expr === 'github.token') return github.token;
      const input = /^inputs\.([\w-]+)$/.exec(expr);
      if (input) return expand(inputs[input[1]] ?? ACTION.inputs[input[1]].default ?? '', inputs);
      throw new Error(`the test does not know the expression ${expr}`);
    });
  }

  async function runStep(step: Step, inputs: Record<string, string>, base: Record<string, string>): Promise<{ code: number; log: string }> {
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v, inputs)]));
    return new Promise((resolve, reject) => {
      const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', expand(step.run, inputs)], {
        cwd: step['working-directory'] ? expand(step['working-directory'], inputs) : env.dir,
        env: { ...base, ...stepEnv },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let log = '';
      child.stdout.on('data', (c: Buffer) => (log += c.toString()));
      child.stderr.on('data', (c: Buffer) => (log += c.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code: code ?? -1, log }));
    });
  }

  it('plans on a pull request with comment: true, sets every output and writes the comment', async () => {
    await env.write('registry/main.yaml', 'version: 1\nrepositories:\n  team-a/api: {}\n');
    await writeFile(join(env.dir, 'event.json'), JSON.stringify({ pull_request: { number: 9, head: { sha: 'abcdef0123' } } }));
    await writeFile(join(env.dir, 'out'), '');
    const base = {
      PATH: process.env.PATH ?? '',
      HOME: env.dir,
      CI: 'true',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_REGION: 'us-east-1',
      AWS_EC2_METADATA_DISABLED: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_ACTION_PATH: ROOT,
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: 'acme/registry',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: join(env.dir, 'event.json'),
      GITHUB_OUTPUT: join(env.dir, 'out'),
      GITHUB_WORKSPACE: env.dir,
      RUNNER_TEMP: env.dir,
    };
    const inputs = { files: 'registry/\n', comment: 'true', args: `--endpoint ${env.proxy.endpoint}` };
    for (const step of ACTION.runs.steps) {
      const result = await runStep(step, inputs, base);
      expect(result.code, result.log).toBe(0);
    }
    const outputs = (await readFile(join(env.dir, 'out'), 'utf8')).trim().split('\n');
    expect(outputs).toEqual([
      'exitcode=2',
      'changes=true',
      'blocked=false',
      `plan-file=${join(env.dir, 'ecrform-plan.json')}`,
      `report-file=${join(env.dir, 'ecrform-plan.md')}`,
    ]);
    expect(github.comments).toHaveLength(1);
    expect(github.comments[0].body).toContain('**✅ Applies cleanly.** 1 change, none blocked.');
  });
});
