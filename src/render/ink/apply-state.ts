import type { ApplyEvent, ApplyResult, Phase, StepResult } from '../../apply/step.js';

/**
 * What the terminal shows of an apply in progress, folded from apply's
 * events. Invariants: a step is in `running` from its step-started until its
 * step-done or step-failed, then in `finished` (in the order steps ended);
 * `result` is set exactly when the finished event has arrived, and then
 * `running` is empty.
 */
export interface ApplyState {
  phase: Phase | null;
  /** The steps of every phase started so far (apply announces each phase's steps as it starts it). */
  announced: number;
  running: StepResult[];
  finished: StepResult[];
  result: ApplyResult | null;
  /** When each running or finished step started (ms, by stepKey), and the first event: for durations. */
  startedAt: Record<string, number>;
  firstAt: number | null;
}

export const initialApplyState: ApplyState = { phase: null, announced: 0, running: [], finished: [], result: null, startedAt: {}, firstAt: null };

/** Steps are told apart by phase and address: one change makes at most one step per phase. */
export const stepKey = (step: Pick<StepResult, 'phase' | 'address'>): string => `${step.phase} ${step.address}`;

/** Folds one apply event into the state. Pure; unknown orderings (a done with no start) are tolerated. */
export function reduceApply(state: ApplyState, event: ApplyEvent, at?: number): ApplyState {
  if (at !== undefined && state.firstAt === null) state = { ...state, firstAt: at };
  switch (event.type) {
    case 'phase-started':
      return { ...state, phase: event.phase, announced: state.announced + event.steps };
    case 'step-started': {
      const startedAt = at === undefined ? state.startedAt : { ...state.startedAt, [stepKey(event.step)]: at };
      return { ...state, running: [...state.running, event.step], startedAt };
    }
    case 'step-done':
    case 'step-failed': {
      const key = stepKey(event.step);
      return {
        ...state,
        running: state.running.filter((s) => stepKey(s) !== key),
        finished: [...state.finished, event.step],
      };
    }
    case 'finished':
      return { ...state, running: [], result: event.result };
  }
}

/** The steps that never ran, once apply has finished: what "run apply again" will pick up. */
export function notStartedSteps(state: ApplyState): StepResult[] {
  return state.result ? state.result.steps.filter((s) => s.status === 'not-started') : [];
}
