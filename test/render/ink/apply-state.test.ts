import { describe, expect, it } from 'vitest';
import type { ApplyEvent, StepResult } from '../../../src/apply/step.js';
import { initialApplyState, notStartedSteps, reduceApply } from '../../../src/render/ink/apply-state.js';

const step = (address: string, phase: StepResult['phase'], status: StepResult['status'] = 'not-started'): StepResult => ({
  address,
  action: 'update',
  phase,
  calls: ['TagResource'],
  status,
});

const fold = (events: ApplyEvent[]) => events.reduce(reduceApply, initialApplyState);

describe('reduceApply', () => {
  it('moves a step from running to finished when it is done or fails', () => {
    const a = step('repository["a"]', 4);
    const b = step('repository["b"]', 4);
    const started = fold([
      { type: 'phase-started', phase: 4, steps: 2 },
      { type: 'step-started', step: a },
      { type: 'step-started', step: b },
    ]);
    expect(started.running.map((s) => s.address)).toEqual(['repository["a"]', 'repository["b"]']);
    expect(started).toMatchObject({ phase: 4, announced: 2, finished: [], result: null });

    const failed = { ...b, status: 'failed' as const, error: { code: 'AccessDeniedException', message: 'no' } };
    const after = [{ type: 'step-failed', step: failed }, { type: 'step-done', step: { ...a, status: 'done' } }] as ApplyEvent[];
    const state = after.reduce(reduceApply, started);
    expect(state.running).toEqual([]);
    expect(state.finished.map((s) => [s.address, s.status])).toEqual([
      ['repository["b"]', 'failed'],
      ['repository["a"]', 'done'],
    ]);
  });

  it('tells the same address apart in two phases (a replace deletes, then creates)', () => {
    const del = step('repository["r"]', 3);
    const tags = step('repository["r"]', 4);
    const state = fold([
      { type: 'step-started', step: del },
      { type: 'step-started', step: tags },
      { type: 'step-done', step: { ...del, status: 'done' } },
    ]);
    expect(state.running).toEqual([tags]);
  });

  it('counts the steps of every phase announced so far', () => {
    const state = fold([
      { type: 'phase-started', phase: 3, steps: 2 },
      { type: 'phase-started', phase: 4, steps: 5 },
    ]);
    expect(state.announced).toBe(7);
  });

  it('keeps the result and lists the steps that never started', () => {
    const result = { ok: false, steps: [step('a', 4, 'failed'), step('b', 6), step('c', 7)] };
    const state = fold([{ type: 'step-started', step: step('a', 4) }, { type: 'finished', result }]);
    expect(state.result).toBe(result);
    expect(state.running).toEqual([]);
    expect(notStartedSteps(state).map((s) => s.address)).toEqual(['b', 'c']);
    expect(notStartedSteps(initialApplyState)).toEqual([]);
  });
});
