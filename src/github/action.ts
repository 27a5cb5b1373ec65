import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { planVerdict, type VerdictPlan } from '../render/verdict.js';
import { commentBody, commentMarker } from './comment.js';
import { gitHubApi } from './github-api.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { runEcrform, type EcrformRun } from './run-ecrform.js';
import { upsertComment } from './upsert-comment.js';

/** What the action touches of the outside world; tests pass their own. */
export interface ActionDeps {
  env: Record<string, string | undefined>;
  /** The ecrform bin to run with node. */
  bin: string;
  log: (text: string) => void;
  fetch?: typeof fetch;
}

export interface ActionOutputs {
  exitcode: number;
  changes: boolean;
  blocked: boolean;
  'plan-file': string;
  'report-file': string;
}

function ecrformArgs(inputs: ActionInputs, planFile: string): string[] {
  const files = inputs.files.flatMap((f) => ['-f', f]);
  switch (inputs.command) {
    case 'plan':
      return ['plan', ...files, '--detailed-exitcode', '--format', 'markdown', '--out', planFile, ...inputs.args];
    case 'drift':
      return ['drift', ...files, '--format', 'markdown', ...inputs.args];
    case 'apply':
      // A saved plan is applied exactly as it was reviewed; without one, apply plans again from the files.
      return inputs.planFile
        ? ['apply', inputs.planFile, '--auto-approve', '--format', 'markdown', ...inputs.args]
        : ['apply', ...files, '--auto-approve', '--format', 'markdown', ...inputs.args];
  }
}

async function readPlan(path: string): Promise<VerdictPlan | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as VerdictPlan;
  } catch {
    return undefined;
  }
}

/** The pull request this run is for, from the event payload; undefined outside one. */
async function pullRequestOf(env: Record<string, string | undefined>): Promise<{ number: number; sha?: string } | undefined> {
  if (!env.GITHUB_EVENT_PATH) return undefined;
  try {
    const event = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8')) as { pull_request?: { number: number; head?: { sha?: string } } };
    return event.pull_request ? { number: event.pull_request.number, sha: event.pull_request.head?.sha } : undefined;
  } catch {
    return undefined;
  }
}

async function writeOutputs(env: Record<string, string | undefined>, outputs: ActionOutputs): Promise<void> {
  if (!env.GITHUB_OUTPUT) return;
  await appendFile(env.GITHUB_OUTPUT, Object.entries(outputs).map(([k, v]) => `${k}=${String(v)}\n`).join(''));
}

async function comment(inputs: ActionInputs, run: EcrformRun, deps: ActionDeps): Promise<void> {
  const { env } = deps;
  const pr = await pullRequestOf(env);
  if (!pr) {
    deps.log('::notice::ecrform: comment is true, but this run is not for a pull request; no comment written\n');
    return;
  }
  const body = commentBody({
    command: inputs.command,
    files: inputs.files,
    code: run.code,
    report: run.stdout,
    stderr: run.stderr,
    sha: pr.sha,
    runUrl: env.GITHUB_RUN_ID ? `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
  });
  const api = gitHubApi({ apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com', repository: env.GITHUB_REPOSITORY ?? '', token: inputs.token, fetch: deps.fetch });
  const done = await upsertComment(api, pr.number, commentMarker(inputs.command, inputs.files), body);
  deps.log(`ecrform: ${done.action} the comment on pull request #${pr.number} (id ${done.comment.id})\n`);
}

/**
 * The action: runs ecrform, writes the report file and the step's outputs,
 * comments on the pull request, and says whether the step fails. It fails
 * when ecrform fails (exit 1) or the plan is blocked; exit 2 (changes, or
 * drift found) passes, with `changes` true.
 */
export async function runAction(deps: ActionDeps): Promise<number> {
  const { env } = deps;
  const inputs = readInputs(env);
  const temp = env.RUNNER_TEMP ?? '.';
  const planFile = inputs.command === 'plan' ? inputs.planFile || join(temp, 'ecrform-plan.json') : inputs.planFile;
  const reportFile = join(temp, `ecrform-${inputs.command}.md`);

  // A plan file left by an earlier run must never pass for this run's plan.
  if (inputs.command === 'plan') await rm(planFile, { force: true });
  const run = await runEcrform(deps.bin, ecrformArgs(inputs, planFile), { env: { ...process.env, ...env }, log: deps.log });
  deps.log(run.stdout);
  await writeFile(reportFile, run.stdout);

  const plan = inputs.command === 'plan' ? await readPlan(planFile) : undefined;
  // Without a plan file (a failed plan), a report that ecrform still printed says whether it was blocked.
  const blocked = plan ? planVerdict(plan).kind === 'blocked' : run.code === 1 && run.stdout.includes('⛔ Blocked');
  const changes = plan ? planVerdict(plan).kind !== 'no-changes' : run.code === 2;
  await writeOutputs(env, { exitcode: run.code, changes, blocked, 'plan-file': plan ? planFile : inputs.planFile, 'report-file': reportFile });

  let commentFailed = false;
  if (inputs.comment) {
    try {
      await comment(inputs, run, deps);
    } catch (err) {
      // The plan's own outcome stays the step's outcome; a comment that could not be written fails it too, saying why.
      commentFailed = true;
      deps.log(`::error::ecrform: could not write the pull-request comment: ${(err as Error).message}\n`);
    }
  }
  if (run.code === 1 || blocked) {
    // plan itself exits 1 on a blocked plan; say why, so the failed step is not read as a crash.
    if (blocked) deps.log('::error::ecrform: the plan is blocked; it would be refused at apply. See the ways out in the report.\n');
    return 1;
  }
  return commentFailed || (run.code !== 0 && run.code !== 2) ? 1 : 0;
}
