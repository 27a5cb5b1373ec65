import { describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/apply.js';
import type { ApplyEvent } from '../../src/apply/step.js';
import type { EcrPort } from '../../src/ecr/port.js';
import { plan } from '../../src/plan/plan.js';
import { desiredRepo, desiredState, liveRepo, liveState, planOptions } from '../helpers/builders.js';

/*
 * What a reporter (the terminal view, the step lines of CI logs) is told, in
 * order, and how many steps of a phase run at once.
 */

const POLICY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'ecr:BatchGetImage' }] };

/** A port whose calls take `ms` and fail where `fail` says; it counts the calls in flight at once. */
function slowPort(ms: number, fail: Record<string, unknown> = {}) {
  let inFlight = 0;
  let most = 0;
  const port = new Proxy({} as EcrPort, {
    get: (_t, op: string) => async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, ms));
      inFlight -= 1;
      if (op in fail) throw fail[op];
      return { $metadata: {} };
    },
  });
  return { port, most: () => most };
}

const twoPhases = () => plan(desiredState([desiredRepo('app', { policy: POLICY })]), liveState([]), planOptions());

describe('apply events', () => {
  it('a phase, its steps started and done, the next phase, then the result', async () => {
    const events: ApplyEvent[] = [];
    const { port } = slowPort(0);
    const result = await apply(twoPhases(), port, { concurrency: 1, report: (e) => events.push(e) });
    const step = (address: string, phase: number, calls: string[], status: string) => ({ address, action: 'create', phase, calls, status });
    expect(events).toEqual([
      { type: 'phase-started', phase: 3, steps: 1 },
      { type: 'step-started', step: step('repository["app"]', 3, ['CreateRepository'], 'not-started') },
      { type: 'step-done', step: step('repository["app"]', 3, ['CreateRepository'], 'done') },
      { type: 'phase-started', phase: 4, steps: 1 },
      { type: 'step-started', step: step('repository["app"].policy', 4, ['SetRepositoryPolicy'], 'not-started') },
      { type: 'step-done', step: step('repository["app"].policy', 4, ['SetRepositoryPolicy'], 'done') },
      { type: 'finished', result },
    ]);
    expect(result).toEqual({ ok: true, steps: [step('repository["app"]', 3, ['CreateRepository'], 'done'), step('repository["app"].policy', 4, ['SetRepositoryPolicy'], 'done')] });
  });

  it('a failed step: its error in the event, no later phase started, the result not ok', async () => {
    const events: ApplyEvent[] = [];
    const denied = Object.assign(new Error('User is not authorized to perform: ecr:CreateRepository'), { name: 'AccessDeniedException' });
    const { port } = slowPort(0, { createRepository: denied });
    const result = await apply(twoPhases(), port, { concurrency: 1, report: (e) => events.push(e) });
    const failed = {
      address: 'repository["app"]',
      action: 'create',
      phase: 3,
      calls: ['CreateRepository'],
      status: 'failed',
      error: { code: 'AccessDeniedException', message: 'User is not authorized to perform: ecr:CreateRepository' },
    };
    expect(events.map((e) => e.type)).toEqual(['phase-started', 'step-started', 'step-failed', 'finished']);
    expect(events[2]).toEqual({ type: 'step-failed', step: failed });
    expect(result.ok).toBe(false);
    expect(result.steps.map((s) => s.status)).toEqual(['failed', 'not-started']);
  });

  it('a failure that is not an Error is still reported, as code "Error"', async () => {
    const { port } = slowPort(0, { createRepository: 'socket hang up' });
    const result = await apply(twoPhases(), port, { concurrency: 1 });
    expect(result.steps[0].error).toEqual({ code: 'Error', message: 'socket hang up' });
  });
});

describe('apply concurrency', () => {
  const three = () => plan(desiredState([desiredRepo('a'), desiredRepo('b'), desiredRepo('c')]), liveState([]), planOptions());

  it('runs up to `concurrency` steps of a phase at once', async () => {
    const { port, most } = slowPort(20);
    expect((await apply(three(), port, { concurrency: 3 })).ok).toBe(true);
    expect(most()).toBe(3);
  });

  it('a concurrency below 1 runs one step at a time', async () => {
    const { port, most } = slowPort(5);
    expect((await apply(three(), port, { concurrency: 0 })).ok).toBe(true);
    expect(most()).toBe(1);
  });
});

describe('apply interrupted', () => {
  const three = () => plan(desiredState([desiredRepo('a'), desiredRepo('b'), desiredRepo('c')]), liveState([]), planOptions());

  it('the snapshot handed to onStart marks the steps in flight interrupted, finished ones done, the rest not started', async () => {
    let snapshot: (() => unknown) | undefined;
    let taken: unknown;
    const port = new Proxy({} as EcrPort, {
      get: (_t, op: string) => async (input: { repositoryName?: string }) => {
        // While "b" is in flight (after "a" finished), the interrupt comes.
        if (op === 'createRepository' && input.repositoryName === 'b') taken = snapshot?.();
        return { $metadata: {} };
      },
    });
    const result = await apply(three(), port, { concurrency: 1, onStart: (s) => (snapshot = s) });
    expect(taken).toEqual({
      ok: false,
      interrupted: true,
      steps: [
        { address: 'repository["a"]', action: 'create', phase: 3, calls: ['CreateRepository'], status: 'done' },
        { address: 'repository["b"]', action: 'create', phase: 3, calls: ['CreateRepository'], status: 'interrupted' },
        { address: 'repository["c"]', action: 'create', phase: 3, calls: ['CreateRepository'], status: 'not-started' },
      ],
    });
    // Taken after the end, nothing is in flight any more.
    expect((snapshot?.() as { steps: Array<{ status: string }> }).steps.map((s) => s.status)).toEqual(['done', 'done', 'done']);
    expect(result).toMatchObject({ ok: true });
    expect(result).not.toHaveProperty('interrupted');
  });

  it('once shouldStop says so, no new step starts and the result says interrupted', async () => {
    const { port } = slowPort(0);
    let calls = 0;
    const events: ApplyEvent[] = [];
    const result = await apply(twoPhases(), port, { concurrency: 1, shouldStop: () => ++calls > 2, report: (e) => events.push(e) });
    expect(result.ok).toBe(false);
    expect(result.interrupted).toBe(true);
    expect(result.steps.map((s) => s.status)).toEqual(['done', 'not-started']);
    expect(events.map((e) => e.type)).toEqual(['phase-started', 'step-started', 'step-done', 'finished']);
  });
});

describe('apply takes from the plan what was decided when planning', () => {
  const owned = (value: string) => () => ({ tags: [{ Key: 'managed-by', Value: value }], $metadata: {} });
  function recording(answers: Record<string, () => unknown>) {
    const sent: Array<[string, unknown]> = [];
    const port = new Proxy({} as EcrPort, {
      get: (_t, op: string) => async (input: unknown) => {
        sent.push([op, input]);
        return answers[op]?.() ?? { $metadata: {} };
      },
    });
    return { port, sent };
  }

  it('its stack: a repository of stack "web" (managed-by: ecrform:web) is deleted', async () => {
    const thePlan = plan(desiredState([], { prune: true, stack: 'web' }), liveState([liveRepo('old', { tags: { 'managed-by': 'ecrform:web' }, images: [] })]), planOptions());
    const { port, sent } = recording({ listTagsForResource: owned('ecrform:web') });
    expect((await apply(thePlan, port, { concurrency: 1 })).ok).toBe(true);
    expect(sent.map(([op]) => op)).toEqual(['listTagsForResource', 'deleteRepository']);
  });

  it('a plan file without forceDelete (older plans) deletes without force', async () => {
    const thePlan = plan(desiredState([], { prune: true }), liveState([liveRepo('old', { tags: { 'managed-by': 'ecrform' }, images: [] })]), planOptions());
    delete (thePlan as { forceDelete?: boolean }).forceDelete;
    const { port, sent } = recording({ listTagsForResource: owned('ecrform') });
    expect((await apply(thePlan, port, { concurrency: 1 })).ok).toBe(true);
    expect(sent[1]).toEqual(['deleteRepository', { repositoryName: 'old', force: false }]);
  });
});
