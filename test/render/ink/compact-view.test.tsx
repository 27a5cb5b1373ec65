import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import type { StepResult } from '../../../src/apply/step.js';
import { TerminalView } from '../../../src/render/ink/TerminalView.js';
import { PlanTree } from '../../../src/render/ink/PlanTree.js';
import { createViewStore } from '../../../src/render/ink/view-store.js';
import { DESTRUCTIVE, LIFECYCLE_UPDATE, POLICY_UPDATE, POLICY_WRITTEN, SHARED_FILE, SHARED_FILE_HINTS, SHARED_INLINE, planOf } from '../fixtures/compact-cases.js';

afterEach(() => cleanup());

const tick = () => new Promise((r) => setTimeout(r, 30));
const count = (text: string, needle: string) => text.split(needle).length - 1;

describe('the terminal view, compact', () => {
  it('shows a policy update as its one changed statement, the rest folded', () => {
    const hints = { documents: { [POLICY_UPDATE.address]: { written: POLICY_WRITTEN } } };
    const { lastFrame } = render(<PlanTree plan={planOf([POLICY_UPDATE])} options={{ hints }} />);
    expect(lastFrame()).toContain(
      [
        '└─ ~ repository["team-a/api"].policy  update',
        '      ~ Statement "ci-push":',
        '      ~   Action:',
        '      +     - ecr:CompleteLayerUpload',
        '            … 2 unchanged',
        '        … 3 unchanged statements',
      ].join('\n'),
    );
    expect(lastFrame()).not.toContain('ci-pull');
  });

  it('refers to a policy file, and says a repeated document in full once', () => {
    const file = render(<PlanTree plan={planOf(SHARED_FILE)} options={{ hints: SHARED_FILE_HINTS }} />).lastFrame() ?? '';
    expect(count(file, '= policies/keep-last-30.json (1 rule, sha256:')).toBe(11);
    const inline = render(<PlanTree plan={planOf(SHARED_INLINE)} />).lastFrame() ?? '';
    expect(count(inline, 'rulePriority: 1')).toBe(1);
    expect(count(inline, '= same as repository["svc-01"].lifecyclePolicy')).toBe(10);
    const full = render(<PlanTree plan={planOf(SHARED_INLINE)} options={{ full: true }} />).lastFrame() ?? '';
    expect(count(full, 'rulePriority: 1')).toBe(11);
  });

  it('lists expiring images with tags, age and rule, and wraps long lines under their text, keeping the gutter', () => {
    const plan = planOf([LIFECYCLE_UPDATE, { ...DESTRUCTIVE[0], address: 'repository["team-a/api"]' }]);
    const { lastFrame } = render(<PlanTree plan={plan} />);
    const screen = lastFrame() ?? '';
    expect(screen).toContain('│     !   pr-101, pr-101-amd64  pushed 20 days ago  by rule 2 (Keep the newest pull-request builds)');
    // ink-testing-library draws 100 columns: a longer line wraps under its text, and the gutter goes on.
    expect(screen).toContain('│     !   <untagged> sha256:111111111111  pushed 41 days ago  by rule 1 (Drop untagged images after\n│         14 days)\n');
  });

  it('during apply names each phase, and each finished step shows how long it took; the summary the total time', async () => {
    const store = createViewStore();
    const { lastFrame } = render(<TerminalView store={store} color={false} onAnswer={() => {}} />);
    const step: StepResult = { address: 'repository["svc-01"]', action: 'create', phase: 3, calls: ['CreateRepository'], status: 'not-started' };
    store.dispatch({ type: 'apply', event: { type: 'phase-started', phase: 3, steps: 1 }, at: 10_000 });
    store.dispatch({ type: 'apply', event: { type: 'step-started', step }, at: 10_000 });
    await tick();
    expect(lastFrame()).toContain('Applying: repository creates and replaces · 0 done, 0 failed, 1 running');
    store.dispatch({ type: 'apply', event: { type: 'step-done', step: { ...step, status: 'done' } }, at: 11_250 });
    store.dispatch({ type: 'apply', event: { type: 'finished', result: { ok: true, steps: [{ ...step, status: 'done' }] } }, at: 11_300 });
    await tick();
    expect(lastFrame()).toContain('Applying: repository creates and replaces\n✓ done  repository["svc-01"]  create (CreateRepository)  1.3 s\n\nApply complete: 1 step(s) done in 1.3 s.');
  });

  it('asks y/N after saying what is destructive', async () => {
    const store = createViewStore();
    const { lastFrame } = render(<TerminalView store={store} color={false} onAnswer={() => {}} />);
    const { confirmQuestion } = await import('../../../src/render/apply-words.js');
    store.dispatch({ type: 'confirm-asked', question: confirmQuestion(DESTRUCTIVE) });
    await tick();
    expect(lastFrame()).toContain('This deletes 1 repository, replaces 1 repository and destroys 19 images. Apply these changes? [y/N]');
  });
});
