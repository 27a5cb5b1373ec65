import { describe, expect, it } from 'vitest';
import type { StepResult } from '../../../src/apply/step.js';
import { initialViewState, reduceView, type ViewEvent } from '../../../src/render/ink/view-state.js';
import { PLAN } from '../fixtures/plan-fixture.js';

const fold = (events: ViewEvent[]) => events.reduce(reduceView, initialViewState);
const kinds = (events: ViewEvent[]) => fold(events).log.map((e) => e.kind);

describe('reduceView', () => {
  it('tracks what is read and the calls in flight, then logs the read once the plan is ready', () => {
    const reading = fold([
      { type: 'read-progress', progress: { stage: 'registry', done: 1, total: 1 } },
      { type: 'call', delta: 1 },
      { type: 'call', delta: 1 },
      { type: 'call', delta: -1 },
      { type: 'read-progress', progress: { stage: 'repositories', done: 3, total: 40 } },
    ]);
    expect(reading.read).toEqual({ active: true, stages: { registry: { done: 1, total: 1 }, repositories: { done: 3, total: 40 } } });
    expect(reading.calls).toEqual({ inFlight: 1, made: 2 });

    const planned = reduceView(reading, { type: 'plan-ready', plan: PLAN });
    expect(planned.read.active).toBe(false);
    expect(planned.log).toEqual([{ kind: 'read-done', repositories: 40, calls: 2 }, { kind: 'plan', plan: PLAN }]);
  });

  it('logs the read only once, whatever comes after it', () => {
    expect(kinds([{ type: 'read-finished' }, { type: 'print', text: 'report' }, { type: 'plan-ready', plan: PLAN }])).toEqual([
      'read-done',
      'text',
      'plan',
    ]);
  });

  it('shows the prompt between asked and answered, then logs the answer', () => {
    const asked = fold([{ type: 'plan-ready', plan: PLAN }, { type: 'confirm-asked', question: 'Apply? [y/N] ' }]);
    expect(asked.prompt).toEqual({ question: 'Apply? [y/N] ' });
    const answered = reduceView(asked, { type: 'confirm-answered', yes: false });
    expect(answered.prompt).toBeNull();
    expect(answered.log.at(-1)).toEqual({ kind: 'answer', question: 'Apply? [y/N] ', yes: false, note: undefined });
    expect(reduceView(answered, { type: 'confirm-answered', yes: true })).toBe(answered);
  });

  it('logs each step as it ends, then the steps never started and the summary', () => {
    const a: StepResult = { address: 'a', action: 'create', phase: 3, calls: ['CreateRepository'], status: 'not-started' };
    const b: StepResult = { ...a, address: 'b' };
    const c: StepResult = { ...a, address: 'c', phase: 4 };
    const failedB = { ...b, status: 'failed' as const, error: { code: 'X', message: 'y' } };
    const state = fold([
      { type: 'apply', event: { type: 'phase-started', phase: 3, steps: 2 }, at: 1_000 },
      { type: 'apply', event: { type: 'step-started', step: a }, at: 1_010 },
      { type: 'apply', event: { type: 'step-started', step: b }, at: 1_020 },
      { type: 'apply', event: { type: 'step-done', step: { ...a, status: 'done' } }, at: 1_410 },
      { type: 'apply', event: { type: 'step-failed', step: failedB }, at: 3_520 },
      { type: 'apply', event: { type: 'finished', result: { ok: false, steps: [{ ...a, status: 'done' }, failedB, c] } }, at: 3_600 },
    ]);
    expect(state.log.map((e) => (e.kind === 'step' ? `${e.step.address} ${e.step.status}` : e.kind === 'phase' ? e.title : e.kind))).toEqual([
      'Applying: repository creates and replaces',
      'a done',
      'b failed',
      'c not-started',
      'apply-summary',
    ]);
    expect(state.apply?.running).toEqual([]);
    // Durations come from the events' own times: each step from its start, the total from the first event.
    expect(state.log.flatMap((e) => (e.kind === 'step' ? [e.ms] : []))).toEqual([400, 2_500, undefined]);
    expect(state.log.at(-1)).toMatchObject({ kind: 'apply-summary', totalMs: 2_600 });
  });

  it('on close shows nothing live and logs nothing more', () => {
    const closed = fold([{ type: 'call', delta: 1 }, { type: 'confirm-asked', question: 'q' }, { type: 'closed' }]);
    expect(closed).toMatchObject({ closed: true, prompt: null, log: [], read: { active: false } });
  });
});
