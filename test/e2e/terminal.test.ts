import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CreateRepositoryCommand, DescribeRepositoriesCommand } from '@aws-sdk/client-ecr';
import { registryEnv, type RegistryEnv } from '../helpers/registry-env.js';
import { ROOT } from '../helpers/run-cli.js';
import { HAS_TMUX, openPane, type Pane } from './tmux.js';

if (!HAS_TMUX) {
  console.warn('test/e2e/terminal.test.ts: skipped: tmux is not installed (apt-get install -y tmux) and the terminal view needs a real pseudo-terminal.');
}

const CLI = join(ROOT, 'dist', 'src', 'cli.js');

const FILE = `version: 1
repositories:
  legacy/tool:
    scanOnPush: true
  team-a/api:
    imageTagMutability: IMMUTABLE
    tags: { team: a }
    lifecyclePolicy:
      rules:
        - rulePriority: 1
          description: keep the newest 30
          selection: { tagStatus: any, countType: imageCountMoreThan, countNumber: 30 }
          action: { type: expire }
  team-a/web: {}
`;

let env: RegistryEnv;
let pane: Pane | undefined;
beforeEach(async () => {
  env = await registryEnv();
  await env.ecr.send(new CreateRepositoryCommand({ repositoryName: 'legacy/tool' }));
  await writeFile(join(env.dir, 'registry.yaml'), FILE);
});
afterEach(async () => {
  await pane?.close();
  pane = undefined;
  await env.close();
});

/** The CLI in a real pseudo-terminal, as a person would run it: no --auto-approve, a TERM, no CI variable. */
function ecrform(...args: string[]): Promise<Pane> {
  return openPane([process.execPath, CLI, ...args, '--endpoint', env.proxy.endpoint], {
    cwd: env.dir,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: env.dir,
      TERM: 'xterm-256color',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'secret-key-never-printed',
      AWS_REGION: 'us-east-1',
      AWS_EC2_METADATA_DISABLED: 'true',
    },
  });
}

const liveNames = async () =>
  ((await env.ecr.send(new DescribeRepositoriesCommand({}))).repositories ?? []).map((r) => r.repositoryName).sort();

describe.skipIf(!HAS_TMUX)('the terminal view in a real pseudo-terminal (tmux)', () => {
  it('ecrform plan draws the tree and the summary, then exits 0', async () => {
    pane = await ecrform('plan');
    const screen = await pane.waitFor(/EXIT=\d+/);
    expect(screen).toContain('EXIT=0');
    expect(screen).toMatch(/✓ Read live state: 1 repository, \d+ API calls/);
    expect(screen).toContain('repository "legacy/tool"\n├─ ~ repository["legacy/tool"]  update\n│     ~ scanOnPush: false -> true\n└─ ~ repository["legacy/tool"].tags  update (adopt)');
    expect(screen).toContain('├─ + repository["team-a/api"]  create');
    expect(screen).toContain('└─ + repository["team-a/api"].lifecyclePolicy  create');
    expect(screen.replace(/\s+/g, ' ')).toContain('Plan: 3 to create, 2 to update, 0 to replace, 0 to delete (0 unchanged), across 3 repositories.');
    // The spinner line is gone once the plan is drawn: ink erased it, the screen does not keep it.
    expect(screen).not.toContain('Reading live state');
    expect(screen).not.toContain('secret-key-never-printed');
  });

  it('ecrform apply asks y/N, shows each step done, and a second plan has nothing to do', async () => {
    pane = await ecrform('apply');
    await pane.waitFor(/Apply these changes\? \[y\/N\]/);
    expect(await liveNames()).toEqual(['legacy/tool']);
    await pane.keys('y');
    await pane.waitFor(/\[y\/N\] y/);
    await pane.keys('Enter');
    const screen = await pane.waitFor(/EXIT=\d+/);
    expect(screen).toContain('Apply these changes? [y/N] yes');
    expect(screen).toContain('✓ done  repository["team-a/api"]  create (CreateRepository)');
    expect(screen).toContain('✓ done  repository["legacy/tool"].tags  update (TagResource)');
    expect(screen).toMatch(/Applying: repository creates and replaces\n/);
    expect(screen).toMatch(/Apply complete: \d+ step\(s\) done in [\d.]+ m?s\./);
    expect(screen).toContain('EXIT=0');
    expect(screen).not.toMatch(/running {2}repository/);
    expect(await liveNames()).toEqual(['legacy/tool', 'team-a/api', 'team-a/web']);
    expect((await env.cli(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it('ecrform apply answered n changes nothing and exits 1', async () => {
    pane = await ecrform('apply');
    await pane.waitFor(/Apply these changes\? \[y\/N\]/);
    await pane.keys('n', 'Enter');
    const screen = await pane.waitFor(/EXIT=\d+/);
    expect(screen).toContain('Apply these changes? [y/N] no');
    expect(screen).toContain('Apply cancelled; nothing was changed.');
    expect(screen).toContain('EXIT=1');
    expect(await liveNames()).toEqual(['legacy/tool']);
  });
});
