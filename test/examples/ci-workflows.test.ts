import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ACTION } from '../github/action-definition.js';
import { ROOT } from '../helpers/run-cli.js';

/**
 * The workflows of examples/ci are files a team copies: each must parse, use
 * only the inputs and outputs action.yml defines, and keep the promises of
 * ci.md (a gated apply of the saved plan, one concurrency group, OIDC, the
 * action majors that run on Node 24, ecrform on a supported Node).
 */

const DIR = join(ROOT, 'examples', 'ci');
const load = (file: string) => parse(readFileSync(join(DIR, file), 'utf8')) as Workflow;

interface Step {
  uses?: string;
  id?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  needs?: string | string[];
  if?: string;
  environment?: string;
  outputs?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}

const GITHUB_WORKFLOWS = readdirSync(DIR).filter((f) => f.endsWith('.yml') && f !== 'gitlab-ci.yml');

/** The majors whose action.yml runs on Node 24, GitHub's runner runtime since June 2026. */
const CURRENT: Record<string, string> = {
  'actions/checkout': 'v6',
  'actions/setup-node': 'v6',
  'actions/upload-artifact': 'v7',
  'actions/download-artifact': 'v8',
  'aws-actions/configure-aws-credentials': 'v6',
};

const steps = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps);
const isEcrform = (s: Step) => s.uses?.startsWith('OWNER/ecrform@') ?? false;

describe('examples/ci GitHub workflows', () => {
  it('are the three of ci.md, each with jobs and steps', () => {
    expect(GITHUB_WORKFLOWS.sort()).toEqual(['apply-on-merge.yml', 'drift-schedule.yml', 'plan-on-pull-request.yml']);
    for (const file of GITHUB_WORKFLOWS) {
      const w = load(file);
      expect(Object.keys(w.on).length, file).toBeGreaterThan(0);
      for (const job of Object.values(w.jobs)) expect(job.steps.length, file).toBeGreaterThan(0);
    }
  });

  for (const file of GITHUB_WORKFLOWS) {
    it(`${file}: runs ecrform through the action, with only the inputs and outputs it defines`, () => {
      const w = load(file);
      const uses = steps(w).filter(isEcrform);
      expect(uses.length).toBeGreaterThan(0);
      for (const step of uses) for (const input of Object.keys(step.with ?? {})) expect(Object.keys(ACTION.inputs), `${file}: input ${input}`).toContain(input);
      const ids = new Set(uses.map((s) => s.id).filter(Boolean));
      const text = readFileSync(join(DIR, file), 'utf8');
      for (const [, id, output] of text.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
        if (ids.has(id)) expect(Object.keys(ACTION.outputs), `${file}: output ${output}`).toContain(output);
      }
      // Never an install from a registry under the name ecrform, never Node 20.
      expect(text).not.toMatch(/npm (install|i) [^\n]*ecrform/);
      for (const s of steps(w).filter((x) => x.uses?.startsWith('actions/setup-node@'))) expect(String(s.with?.['node-version'])).toBe('24');
      for (const s of steps(w).filter((x) => x.uses && !isEcrform(x))) {
        const [name, major] = s.uses!.split('@');
        expect(CURRENT[name], `${file}: ${s.uses} is not a known current action`).toBeDefined();
        expect(major, `${file}: ${name}`).toBe(CURRENT[name]);
      }
      // OIDC: no stored keys.
      expect(w.permissions['id-token']).toBe('write');
      expect(text).not.toMatch(/aws-access-key-id|AWS_SECRET_ACCESS_KEY/);
    });
  }

  it('plan on pull request comments through the action, with permission to, and never runs for forks', () => {
    const w = load('plan-on-pull-request.yml');
    expect(Object.keys(w.on)).toEqual(['pull_request']);
    expect(w.permissions['pull-requests']).toBe('write');
    const plan = steps(w).find(isEcrform)!;
    expect(plan.with).toMatchObject({ command: 'plan', comment: true });
    expect(w.jobs.plan.if).toContain('head.repo.full_name == github.repository');
  });

  it('apply on merge: a plan job saves the plan; an apply job in an environment applies that file, after it', () => {
    const w = load('apply-on-merge.yml');
    const { plan, apply } = w.jobs;
    const planStep = plan.steps.find(isEcrform)!;
    expect(planStep.with).toMatchObject({ command: 'plan', 'plan-file': 'plan.json' });
    expect(plan.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))?.with).toMatchObject({ name: 'ecrform-plan', path: 'plan.json' });
    expect(apply.needs).toBe('plan');
    expect(apply.environment).toBe('production');
    expect(apply.if).toBe(`needs.plan.outputs.changes == 'true'`);
    expect(plan.outputs?.changes).toBe(`\${{ steps.${planStep.id}.outputs.changes }}`);
    const order = apply.steps.map((s) => s.uses?.split('@')[0] ?? s.run);
    expect(order.indexOf('actions/download-artifact')).toBeLessThan(order.indexOf('OWNER/ecrform'));
    expect(apply.steps.find((s) => s.uses?.startsWith('actions/download-artifact'))?.with).toMatchObject({ name: 'ecrform-plan' });
    expect(apply.steps.find(isEcrform)!.with).toEqual({ command: 'apply', 'plan-file': 'plan.json' });
    // The apply job never checks out the repository: it applies the reviewed file and nothing newer.
    expect(apply.steps.some((s) => s.uses?.startsWith('actions/checkout'))).toBe(false);
  });

  it('apply and drift share one concurrency group that never cancels a run in progress', () => {
    const apply = load('apply-on-merge.yml').concurrency!;
    const drift = load('drift-schedule.yml').concurrency!;
    expect(apply).toEqual({ group: 'ecrform-registry', 'cancel-in-progress': false });
    expect(drift).toEqual(apply);
  });

  it('drift on a schedule opens, updates and closes one issue titled with the registry', () => {
    const w = load('drift-schedule.yml');
    expect(Object.keys(w.on)).toEqual(['schedule', 'workflow_dispatch']);
    expect(w.permissions.issues).toBe('write');
    const drift = steps(w).find(isEcrform)!;
    expect(drift.with).toMatchObject({ command: 'drift' });
    const script = steps(w).find((s) => s.run?.includes('gh issue'))!.run!;
    expect(script).toContain('title="ecrform drift: registry $REGISTRY"');
    for (const verb of ['gh issue list', 'gh issue create', 'gh issue edit', 'gh issue close']) expect(script).toContain(verb);
  });
});

describe('examples/ci/gitlab-ci.yml', () => {
  const ci = parse(readFileSync(join(DIR, 'gitlab-ci.yml'), 'utf8')) as Record<string, Record<string, unknown>>;

  it('plans merge requests (the report as a note), and plans then applies the saved plan by hand on the default branch', () => {
    expect(ci.default.image).toMatch(/^node:24/);
    const mr = ci['plan:merge-request'];
    expect(JSON.stringify(mr.rules)).toContain('merge_request_event');
    expect((mr.script as string[]).join('\n')).toContain('/merge_requests/${process.env.CI_MERGE_REQUEST_IID}/notes');
    const plan = ci['plan:main'];
    const apply = ci['apply:main'];
    expect((plan.script as string[]).join('\n')).toContain('--out plan.json');
    expect(apply.needs).toEqual(['plan:main']);
    expect(apply.environment).toEqual({ name: 'production' });
    expect(JSON.stringify(apply.rules)).toContain('"when":"manual"');
    expect(apply.script).toEqual(['ecrform apply plan.json --auto-approve']);
    expect(ci['.registry-lock'].resource_group).toBe('ecrform-registry');
    expect(plan.extends).toContain('.registry-lock');
    expect(apply.extends).toContain('.registry-lock');
    // Built from source at a pinned ref, never installed from a registry by name.
    expect((ci['.ecrform'].before_script as string[]).join('\n')).toContain('--branch "$ECRFORM_REF"');
  });
});
