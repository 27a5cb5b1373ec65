import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DescribeRepositoriesCommand } from '@aws-sdk/client-ecr';
import { runApply, type ApplyCommandOptions } from '../../src/commands/apply.js';
import { runPlan, type PlanCommandOptions } from '../../src/commands/plan.js';
import { registryEnv, type RegistryEnv } from '../helpers/registry-env.js';
import { fakeIo, recordingView } from './fake-io.js';

let env: RegistryEnv;
beforeEach(async () => {
  env = await registryEnv();
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'test');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'test');
  vi.stubEnv('AWS_REGION', 'us-east-1');
  await env.write('registry.yaml', 'version: 1\nrepositories:\n  app:\n    tags: { team: a }\n');
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await env.close();
});

const common = () => ({
  files: [join(env.dir, 'registry.yaml')],
  endpoint: env.proxy.endpoint,
  concurrency: 4,
  debug: false,
  targets: [],
  lifecyclePreview: true,
});
const planOptions = (over: Partial<PlanCommandOptions> = {}): PlanCommandOptions => ({ ...common(), format: 'text', detailedExitcode: false, ...over });
const applyOptions = (over: Partial<ApplyCommandOptions> = {}): ApplyCommandOptions => ({ ...common(), format: 'text', autoApprove: false, forceDelete: false, ...over });
const liveNames = async () => ((await env.ecr.send(new DescribeRepositoriesCommand({}))).repositories ?? []).map((r) => r.repositoryName);

describe('the commands, in process, against moto', () => {
  it('plan on a terminal feeds the view progress, calls and the plan, then closes it; stdout stays empty', async () => {
    const view = recordingView(true);
    const io = fakeIo({ isTTY: true, view });
    expect(await runPlan(planOptions({ detailedExitcode: true }), io)).toBe(2);
    expect(view.events[0]).toBe('progress registry');
    expect(view.events.slice(-2)).toEqual(['plan 1', 'close']);
    expect(view.calls.inFlight).toBe(0);
    expect(view.calls.made).toBeGreaterThan(0);
    expect(io.out).toBe('');
  });

  it('plan --format json writes one document to stdout and the markdown to GITHUB_STEP_SUMMARY', async () => {
    const summary = join(env.dir, 'summary.md');
    const io = fakeIo({ env: { GITHUB_STEP_SUMMARY: summary } });
    expect(await runPlan(planOptions({ format: 'json' }), io)).toBe(0);
    expect(JSON.parse(io.out).changes.map((c: { address: string }) => c.address)).toEqual(['repository["app"]']);
    expect(await readFile(summary, 'utf8')).toMatch(/^### ecrform plan: registry `\d{12}` \(us-east-1\)\n/);
  });

  it('apply asks the view, and a no leaves the registry as it was', async () => {
    const view = recordingView(false);
    const io = fakeIo({ isTTY: true, view });
    expect(await runApply(applyOptions(), io)).toBe(1);
    expect(view.events.slice(-3)).toEqual(['confirm', 'print', 'close']);
    expect(view.printed).toEqual(['Apply cancelled; nothing was changed.\n']);
    expect(await liveNames()).toEqual([]);
  });

  it('apply answered yes reports every event to the view and applies', async () => {
    const view = recordingView(true);
    const io = fakeIo({ isTTY: true, view });
    expect(await runApply(applyOptions(), io)).toBe(0);
    expect(view.events.filter((e) => e.startsWith('apply'))).toEqual([
      'apply phase-started',
      'apply step-started',
      'apply step-done',
      'apply finished',
    ]);
    expect(await liveNames()).toEqual(['app']);
  });

  it('apply --format markdown writes the apply report as the one document on stdout', async () => {
    const io = fakeIo();
    expect(await runApply(applyOptions({ format: 'markdown', autoApprove: true }), io)).toBe(0);
    expect(io.out).toMatch(/^### ecrform apply\n\n\*\*Apply complete: 1 step\(s\) done\.\*\*\n/);
    expect(io.out).toContain('| ✅ done | `repository["app"]` | create | CreateRepository |  |');
    expect(io.err).toContain('+ repository["app"]  create');
  });

  it('apply without a terminal and without --auto-approve refuses before any change', async () => {
    await expect(runApply(applyOptions(), fakeIo())).rejects.toThrow(/--auto-approve/);
    expect(await liveNames()).toEqual([]);
  });
});
