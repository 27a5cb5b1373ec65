import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import type { ApplyEvent, StepResult } from '../../../src/apply/step.js';
import { TerminalView } from '../../../src/render/ink/TerminalView.js';
import { createViewStore } from '../../../src/render/ink/view-store.js';

afterEach(() => cleanup());

const PROD = '111111111111/us-east-1';
const EU = '111111111111/eu-west-1';
const tick = () => new Promise((r) => setTimeout(r, 30));

// The same address in two registries: what the view shows must tell them apart.
const create: StepResult = { address: 'repository["team-a/api"]', action: 'create', phase: 3, calls: ['CreateRepository'], status: 'not-started' };

function mount() {
  const store = createViewStore();
  const view = render(<TerminalView store={store} color={false} onAnswer={() => {}} />);
  let now = 1_000;
  const send = (registry: string, event: ApplyEvent, ms = 0) => store.dispatch({ type: 'apply', event, at: (now += ms), registry });
  return { store, send, frame: () => view.lastFrame() ?? '' };
}

describe('the terminal view while several registries apply', () => {
  it('names the registry of every running and finished step and of each phase; the live part stays until the last registry ends', async () => {
    const { store, send, frame } = mount();
    // The grouped plan of the registries is printed first, as apply does (it ends the reading stage).
    store.dispatch({ type: 'print', text: 'the plan of every registry\n' });
    send(PROD, { type: 'phase-started', phase: 3, steps: 1 });
    send(EU, { type: 'phase-started', phase: 3, steps: 1 });
    send(PROD, { type: 'step-started', step: create });
    send(EU, { type: 'step-started', step: create });
    await tick();
    // Both run at once, the same address: each line says whose it is.
    expect(frame()).toMatch(new RegExp(`running  ${PROD}  repository\\["team-a/api"\\]  create \\(CreateRepository\\)`));
    expect(frame()).toMatch(new RegExp(`running  ${EU}  repository\\["team-a/api"\\]  create \\(CreateRepository\\)`));
    expect(frame()).toContain('Applying · 0 done, 0 failed, 2 running');
    expect(frame()).toContain(`${PROD}: Applying: repository creates and replaces`);
    expect(frame()).toContain(`${EU}: Applying: repository creates and replaces`);

    send(EU, { type: 'step-failed', step: { ...create, status: 'failed', error: { code: 'InvalidParameterException', message: 'injected' } } }, 400);
    send(EU, { type: 'finished', result: { ok: false, steps: [{ ...create, status: 'failed', error: { code: 'InvalidParameterException', message: 'injected' } }] } });
    await tick();
    expect(frame()).toContain(`✗ failed  ${EU}  repository["team-a/api"]  create (CreateRepository)  400 ms\n    InvalidParameterException: injected`);
    expect(frame()).toContain(`${EU}: Apply failed: 0 done, 1 failed, 0 not started.`);
    // The other registry is still running: its spinner line and the count stay.
    expect(frame()).toMatch(new RegExp(`running  ${PROD}  repository`));
    expect(frame()).toContain('Applying · 0 done, 1 failed, 1 running');

    send(PROD, { type: 'step-done', step: { ...create, status: 'done' } }, 100);
    send(PROD, { type: 'finished', result: { ok: true, steps: [{ ...create, status: 'done' }] } });
    await tick();
    expect(frame()).toContain(`✓ done  ${PROD}  repository["team-a/api"]  create (CreateRepository)`);
    expect(frame()).toContain(`${PROD}: Apply complete: 1 step(s) done.`);
    expect(frame()).not.toMatch(/running {2}\d/);
  });
});
