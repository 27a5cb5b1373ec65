import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CreateRepositoryCommand, DescribeRepositoriesCommand } from '@aws-sdk/client-ecr';
import { COMMENT_LIMIT, commentMarker } from '../../src/github/comment.js';
import { registryEnv, type RegistryEnv } from '../helpers/registry-env.js';
import { pushImage } from '../helpers/push-image.js';
import { ROOT } from '../helpers/run-cli.js';
import { startFakeGitHub, type FakeGitHub } from './fake-github.js';

/**
 * The action's code as action.yml runs it (node dist/.../main.js with the
 * inputs as INPUT_* variables), against moto and a local fake of the GitHub
 * REST API. The ecrform it runs is the built CLI.
 */

const MAIN = join(ROOT, 'dist', 'src', 'github', 'main.js');
const CLI = join(ROOT, 'dist', 'src', 'cli.js');
const PR = 42;

let env: RegistryEnv;
let github: FakeGitHub;
beforeEach(async () => {
  env = await registryEnv();
  github = await startFakeGitHub();
});
afterEach(async () => {
  await github.close();
  await env.close();
});

interface ActionRun {
  code: number;
  log: string;
  outputs: Record<string, string>;
  summary: string;
}

async function action(inputs: Record<string, string>, options: { event?: object; eventName?: string } = {}): Promise<ActionRun> {
  const eventPath = join(env.dir, 'event.json');
  await writeFile(eventPath, JSON.stringify(options.event ?? { pull_request: { number: PR, head: { sha: 'c0ffee1234567890' } } }));
  const outputPath = join(env.dir, 'github-output');
  const summaryPath = join(env.dir, 'step-summary.md');
  await writeFile(outputPath, '');
  await writeFile(summaryPath, '');
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase().replace(/-/g, '_')}`, v]));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN], {
      cwd: env.dir,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: env.dir,
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        AWS_REGION: 'us-east-1',
        AWS_EC2_METADATA_DISABLED: 'true',
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        GITHUB_API_URL: github.url,
        GITHUB_SERVER_URL: 'https://github.example',
        GITHUB_REPOSITORY: 'acme/registry',
        GITHUB_RUN_ID: '777',
        GITHUB_EVENT_NAME: options.eventName ?? 'pull_request',
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_OUTPUT: outputPath,
        GITHUB_STEP_SUMMARY: summaryPath,
        GITHUB_WORKSPACE: env.dir,
        RUNNER_TEMP: env.dir,
        ECRFORM_BIN: CLI,
        INPUT_GITHUB_TOKEN: github.token,
        INPUT_FILES: 'registry.yaml',
        INPUT_ARGS: `--endpoint ${env.proxy.endpoint}`,
        ...inputEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (c: Buffer) => (log += c.toString()));
    child.stderr.on('data', (c: Buffer) => (log += c.toString()));
    child.on('error', reject);
    child.on('close', async (code) => {
      const outputs = Object.fromEntries(
        (await readFile(outputPath, 'utf8'))
          .split('\n')
          .filter(Boolean)
          .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
      );
      resolve({ code: code ?? -1, log, outputs, summary: await readFile(summaryPath, 'utf8') });
    });
  });
}

const TWO_REPOS = 'version: 1\nrepositories:\n  team-a/api:\n    imageTagMutability: IMMUTABLE\n  team-a/web: {}\n';
const marker = commentMarker('plan', ['registry.yaml']);
const prComments = () => github.comments.filter((c) => c.issue === PR);

describe('the GitHub Action against a fake GitHub API', () => {
  it('plan on a pull request creates one comment, starting with the marker, that says the plan applies cleanly', async () => {
    await env.write('registry.yaml', TWO_REPOS);
    const run = await action({ command: 'plan', comment: 'true' });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ exitcode: '2', changes: 'true', blocked: 'false' });
    expect(prComments()).toHaveLength(1);
    const body = prComments()[0].body;
    expect(body.startsWith(marker + '\n')).toBe(true);
    expect(body).toContain('commit c0ffee1 · [run](https://github.example/acme/registry/actions/runs/777)');
    expect(body).toContain('**✅ Applies cleanly.** 2 changes, none blocked.');
    expect(body).toContain('| `+` | `repository["team-a/api"]` | create |');
    // The saved plan and the report are files the next steps can use.
    const plan = JSON.parse(await readFile(run.outputs['plan-file'], 'utf8')) as { changes: unknown[] };
    expect(plan.changes).toHaveLength(2);
    expect(await readFile(run.outputs['report-file'], 'utf8')).toBe(body.slice(body.indexOf('### ecrform plan')));
    expect(run.summary).toContain('**✅ Applies cleanly.**');
    // plan never writes.
    expect((await env.ecr.send(new DescribeRepositoriesCommand({}))).repositories).toEqual([]);
  });

  it('a second run updates that same comment in place, and leaves other comments alone', async () => {
    await env.write('registry.yaml', TWO_REPOS);
    github.addComment(PR, 'LGTM');
    github.addComment(PR, `Quoting the bot:\n${marker}`);
    expect((await action({ command: 'plan', comment: 'true' })).code).toBe(0);
    const first = prComments().find((c) => c.body.startsWith(marker))!;
    await env.write('registry.yaml', TWO_REPOS + '  team-b/new: {}\n');
    expect((await action({ command: 'plan', comment: 'true' })).code).toBe(0);
    expect(prComments()).toHaveLength(3);
    expect(prComments().filter((c) => c.body.startsWith(marker))).toHaveLength(1);
    expect(first.body).toContain('**✅ Applies cleanly.** 3 changes, none blocked.');
    expect(prComments().map((c) => c.body.split('\n')[0])).toEqual(['LGTM', 'Quoting the bot:', marker]);
    expect(github.requests.filter((r) => r.method === 'PATCH').map((r) => r.path)).toEqual([`/repos/acme/registry/issues/comments/${first.id}`]);
  });

  it('a failed plan replaces a stale "applies cleanly" with the failure, and annotates the file', async () => {
    await env.write('registry.yaml', TWO_REPOS);
    await action({ command: 'plan', comment: 'true' });
    await env.write('registry.yaml', 'version: 1\nrepositories:\n  team-a/api:\n    scanOnPus: true\n');
    const run = await action({ command: 'plan', comment: 'true' });
    expect(run.code).toBe(1);
    expect(run.outputs.exitcode).toBe('1');
    expect(prComments()).toHaveLength(1);
    const body = prComments()[0].body;
    expect(body.startsWith(marker)).toBe(true);
    expect(body).toContain('### ❌ ecrform plan failed');
    expect(body).toContain('registry.yaml:4:5: unknown key "scanOnPus"');
    expect(body).not.toContain('Applies cleanly');
    expect(body).not.toContain('::error');
    expect(run.log).toMatch(/^::error file=registry\.yaml,line=4,col=5::unknown key "scanOnPus"/m);
  });

  it('a blocked plan fails the step, says blocked with the ways out, and sets blocked', async () => {
    await env.ecr.send(new CreateRepositoryCommand({ repositoryName: 'old/tool', tags: [{ Key: 'managed-by', Value: 'ecrform' }] }));
    await pushImage(env.ecr, 'old/tool', 'v1', 'one');
    await env.write('registry.yaml', 'version: 1\nprune: true\nrepositories:\n  team-a/api: {}\n');
    const run = await action({ command: 'plan', comment: 'true' });
    expect(run.code).toBe(1);
    expect(run.outputs.blocked).toBe('true');
    const body = prComments()[0].body;
    expect(body).toContain('**⛔ Blocked.**');
    expect(body).toContain('- `repository["old/tool"]`: holds 1 image');
    expect(body).toContain('Ways out:');
    expect(body).toContain('set `prune: false`');
    expect(run.log).toContain('::error::ecrform: the plan is blocked');
  });

  it('a plan too long for one comment is folded to fit, and GitHub accepts it', async () => {
    const repos = Array.from({ length: 1_000 }, (_, i) => `  team-${i % 9}/service-${i}:\n    lifecyclePolicy:\n      rules:\n        - rulePriority: 1\n          description: keep the newest 30 images of this service\n          selection: { tagStatus: any, countType: imageCountMoreThan, countNumber: 30 }\n          action: { type: expire }\n`);
    await env.write('registry.yaml', `version: 1\nrepositories:\n${repos.join('')}`);
    const run = await action({ command: 'plan', comment: 'true', args: `--endpoint ${env.proxy.endpoint} --no-lifecycle-preview` });
    expect(run.code).toBe(0);
    const body = prComments()[0].body;
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body).toContain('**✅ Applies cleanly.** 2,000 changes, none blocked.');
    expect(body).toContain('> **Summary folded:** the 2,000 changes are counted per action and per repository prefix');
    expect(body).toContain('| **all** | 2000 | 0 | 0 | 0 | 0 | 2000 |');
  });

  it('the fake answers as GitHub does: a body past 65,536 characters is refused with 422', async () => {
    const res = await fetch(`${github.url}/repos/acme/registry/issues/${PR}/comments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${github.token}` },
      body: JSON.stringify({ body: 'x'.repeat(COMMENT_LIMIT + 1) }),
    });
    expect(res.status).toBe(422);
  });

  it('one comment per files set: another folder gets its own comment', async () => {
    await env.write('registry.yaml', TWO_REPOS);
    await env.write('other/registry.yaml', 'version: 1\nrepositories:\n  team-z/one: {}\n');
    await action({ command: 'plan', comment: 'true' });
    await action({ command: 'plan', comment: 'true', files: 'other/registry.yaml\n' });
    expect(prComments().map((c) => c.body.split('\n')[0])).toEqual([marker, commentMarker('plan', ['other/registry.yaml'])]);
  });

  it('outside a pull request, comment: true writes no comment and says so', async () => {
    await env.write('registry.yaml', TWO_REPOS);
    const run = await action({ command: 'plan', comment: 'true' }, { event: { ref: 'refs/heads/main' }, eventName: 'push' });
    expect(run.code).toBe(0);
    expect(github.requests).toEqual([]);
    expect(run.log).toContain('::notice::ecrform: comment is true, but this run is not for a pull request');
  });

  it('apply applies exactly the saved plan and appends its report to the step summary; drift then finds nothing', async () => {
    await env.write('registry.yaml', TWO_REPOS);
    const plan = await action({ command: 'plan', 'plan-file': 'plan.json' });
    expect(plan.outputs['plan-file']).toBe('plan.json');
    // A file changed after the plan was reviewed does not change what is applied.
    await env.write('registry.yaml', TWO_REPOS + '  team-b/late: {}\n');
    const applied = await action({ command: 'apply', 'plan-file': 'plan.json' });
    expect(applied.code).toBe(0);
    expect(applied.outputs.exitcode).toBe('0');
    expect(applied.summary).toMatch(/### ecrform apply\n\n\*\*Apply complete: 2 step\(s\) done\.\*\*/);
    const live = (await env.ecr.send(new DescribeRepositoriesCommand({}))).repositories ?? [];
    expect(live.map((r) => r.repositoryName).sort()).toEqual(['team-a/api', 'team-a/web']);
    await env.write('registry.yaml', TWO_REPOS);
    const drift = await action({ command: 'drift' });
    expect(drift).toMatchObject({ code: 0, outputs: { exitcode: '0', changes: 'false' } });
    expect(existsSync(join(env.dir, 'ecrform-drift.md'))).toBe(true);
  });

  it('drift found passes the step with changes=true, so the workflow can open its issue', async () => {
    await env.write('registry.yaml', TWO_REPOS);
    const run = await action({ command: 'drift' });
    expect(run).toMatchObject({ code: 0, outputs: { exitcode: '2', changes: 'true', blocked: 'false' } });
    expect(await readFile(run.outputs['report-file'], 'utf8')).toContain('### ecrform drift');
  });
});
