import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import chalk from 'chalk';
import type { StepResult } from '../../../src/apply/step.js';
import { TerminalView } from '../../../src/render/ink/TerminalView.js';
import { createViewStore } from '../../../src/render/ink/view-store.js';
import { FAILED_APPLY, PLAN } from '../fixtures/plan-fixture.js';

afterEach(() => cleanup());

const ESC = '\u001b[';

/** Mounts the view with a fresh store; answers are recorded and dispatched as the real view does. */
function mount(color = false) {
  const store = createViewStore();
  const answers: boolean[] = [];
  const onAnswer = (yes: boolean, note?: string) => {
    answers.push(yes);
    store.dispatch({ type: 'confirm-answered', yes, note });
  };
  const view = render(<TerminalView store={store} color={color} onAnswer={onAnswer} />);
  const frame = () => view.lastFrame() ?? '';
  return { store, answers, view, frame };
}

const tick = () => new Promise((r) => setTimeout(r, 30));

describe('the terminal view', () => {
  it('shows reading progress with a spinner, calls in flight and calls made', async () => {
    const { store, frame } = mount();
    store.dispatch({ type: 'read-progress', progress: { stage: 'registry', done: 1, total: 1 } });
    store.dispatch({ type: 'read-progress', progress: { stage: 'repositories', done: 12, total: 40 } });
    for (let i = 0; i < 15; i++) store.dispatch({ type: 'call', delta: 1 });
    for (let i = 0; i < 10; i++) store.dispatch({ type: 'call', delta: -1 });
    await tick();
    expect(frame()).toMatch(/^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Reading live state: registry ✓ · 12\/40 repositories · 5 calls in flight, 15 made$/m);
  });

  it('draws a plan with every action as a tree, with details, blocked deletes and the summary', async () => {
    const { store, frame } = mount();
    store.dispatch({ type: 'read-progress', progress: { stage: 'repositories', done: 9, total: 9 } });
    store.dispatch({ type: 'plan-ready', plan: PLAN });
    await tick();
    const screen = frame();
    expect(screen).toContain('✓ Read live state: 9 repositories');
    expect(screen).not.toContain('Reading live state');
    expect(screen).toContain('registry settings\n├─ ~ registry.scanning  update\n│     ~ scanType: BASIC -> ENHANCED\n│     + rules:\n│     +   - scanFrequency: CONTINUOUS_SCAN\n│     +     repositoryFilters: [prod/*]');
    expect(screen).toContain('└─ + pullThroughCache["ecr-public"]  create');
    expect(screen).toContain('repository "legacy/api"\n├─ ~ repository["legacy/api"]  update\n│     ~ scanOnPush: false -> true\n└─ ~ repository["legacy/api"].tags  update (adopt)');
    expect(screen).toContain('└─ - repository["old/tool"]  delete (prune)  blocked');
    expect(screen).toContain('      ! blocked: holds 12 images; apply --force-delete to delete them');
    expect(screen).toContain('└─ ± repository["secure/db"]  replace (immutable-field)  blocked');
    expect(screen).toContain('├─ ~ repository["team-a/web"].policy  update\n│     ~ Statement "ci-pull":\n│     ~   Principal.AWS:\n│     +     - arn:aws:iam::333333333333:root\n│           … 1 unchanged');
    expect(screen).toContain('│     ! will expire 7 images (1.0 GB) now, by rule 1 (keep the newest)\n│     !   v1.0  pushed 312 days ago\n');
    expect(screen.replace(/\n/g, ' ')).toContain('Plan: 3 to create, 6 to update, 1 to replace, 2 to delete (41 unchanged), across 6 repositories and the registry settings.');
    expect(screen).not.toContain(ESC);
  });

  it('colours marks when colour is on, and writes no escape code when it is off', async () => {
    // ink colours through chalk, which sizes colour from the test process (no terminal: none); force 16 colours.
    const level = chalk.level;
    chalk.level = 1;
    try {
      const coloured = mount(true);
      coloured.store.dispatch({ type: 'plan-ready', plan: PLAN });
      await tick();
      const plain = mount(false);
      plain.store.dispatch({ type: 'plan-ready', plan: PLAN });
      await tick();
      expect(coloured.frame()).toContain(`${ESC}31m`);
      expect(coloured.frame()).toContain(`${ESC}32m`);
      expect(plain.frame()).not.toContain(ESC);
      // Wrapping coloured text may keep a trailing space at the break; the words are the same.
      const words = (frame: string) => frame.replace(/\u001b\[[\d;]*m/g, '').replace(/ +$/gm, '');
      expect(words(coloured.frame())).toBe(words(plain.frame()));
    } finally {
      chalk.level = level;
    }
  });

  it('during apply shows a spinner per running step, then ✓ or ✗ with the AWS error, then the summary', async () => {
    const { store, frame } = mount();
    store.dispatch({ type: 'plan-ready', plan: PLAN });
    const [created, failed, policy] = FAILED_APPLY.steps;
    const start = (s: StepResult) => store.dispatch({ type: 'apply', event: { type: 'step-started', step: { ...s, status: 'not-started', error: undefined } } });
    store.dispatch({ type: 'apply', event: { type: 'phase-started', phase: 3, steps: 1 } });
    start(created);
    await tick();
    expect(frame()).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] running {2}repository\["team-a\/api"\] {2}create \(CreateRepository\)/);
    store.dispatch({ type: 'apply', event: { type: 'step-done', step: created } });
    store.dispatch({ type: 'apply', event: { type: 'phase-started', phase: 4, steps: 2 } });
    start(failed);
    start(policy);
    store.dispatch({ type: 'apply', event: { type: 'step-failed', step: failed } });
    await tick();
    expect(frame()).toContain('✓ done  repository["team-a/api"]  create (CreateRepository)');
    expect(frame()).toMatch(/running {2}repository\["team-a\/api"\]\.policy/);
    expect(frame()).toContain('Applying: repository settings, tags and policies · 1 done, 1 failed, 1 running');
    store.dispatch({ type: 'apply', event: { type: 'step-done', step: policy } });
    store.dispatch({ type: 'apply', event: { type: 'finished', result: FAILED_APPLY } });
    await tick();
    const screen = frame();
    expect(screen).toContain(
      [
        'Applying: repository settings, tags and policies',
        '✗ failed  repository["legacy/api"]  update (PutImageScanningConfiguration)',
        '    AccessDeniedException: User is not authorized to perform: ecr:PutImageScanningConfiguration',
        '✓ done  repository["team-a/api"].policy  create (SetRepositoryPolicy)',
        '- not started  repository["scratch"]  delete (DeleteRepository)',
        '',
        'Apply failed: 2 done, 1 failed, 1 not started. Run apply again to continue from the live state.',
      ].join('\n'),
    );
    expect(screen).toContain('Applying: repository creates and replaces\n✓ done  repository["team-a/api"]  create (CreateRepository)');
    expect(screen).not.toMatch(/running|Applying:.*·/);
  });

  it.each([
    ['y', true, 'yes'],
    ['yes', true, 'yes'],
    ['n', false, 'no'],
    ['', false, 'no'],
  ])('the prompt answered %j then Enter says %s', async (typed, yes, word) => {
    const { store, answers, view, frame } = mount();
    store.dispatch({ type: 'plan-ready', plan: PLAN });
    store.dispatch({ type: 'confirm-asked', question: 'Apply these changes? [y/N] ' });
    await tick();
    expect(frame().trimEnd().split('\n').at(-1)).toBe('Apply these changes? [y/N]');
    for (const key of typed) {
      view.stdin.write(key);
      await tick();
    }
    if (typed) expect(frame()).toContain(`Apply these changes? [y/N] ${typed}`);
    view.stdin.write('\r');
    await vi.waitFor(() => expect(answers).toEqual([yes]));
    await tick();
    expect(frame()).toContain(`Apply these changes? [y/N] ${word}`);
  });

  it.each([
    ['y\r', true],
    ['n\r', false],
  ])('a fast or pasted %j (one chunk) is typed and answered at once', async (chunk, yes) => {
    const { store, answers, view } = mount();
    store.dispatch({ type: 'confirm-asked', question: 'Apply these changes? [y/N] ' });
    await tick();
    view.stdin.write(chunk);
    await vi.waitFor(() => expect(answers).toEqual([yes]));
  });

  it('Escape at the prompt says no', async () => {
    const { store, answers, view } = mount();
    store.dispatch({ type: 'confirm-asked', question: 'Apply these changes? [y/N] ' });
    await tick();
    view.stdin.write('y');
    await tick();
    view.stdin.write('\u001b');
    await vi.waitFor(() => expect(answers).toEqual([false]));
  });
});
