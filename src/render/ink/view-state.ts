import type { ApplyEvent, ApplyResult, StepResult } from '../../apply/step.js';
import type { ReadProgress } from '../../ecr/fetch-live.js';
import type { Plan } from '../../model/plan.js';
import type { ViewOptions } from '../compact/describe-change.js';
import { phaseTitle } from '../apply-words.js';
import { initialApplyState, notStartedSteps, reduceApply, stepKey, type ApplyState } from './apply-state.js';
import { foldRegistryApply } from './registry-apply.js';

/** What a command tells the terminal view; the view never asks the command anything but through confirm. */
export type ViewEvent =
  | { type: 'read-progress'; progress: ReadProgress }
  | { type: 'call'; delta: 1 | -1 }
  | { type: 'read-finished' }
  | { type: 'plan-ready'; plan: Plan; options?: ViewOptions }
  | { type: 'print'; text: string }
  | { type: 'confirm-asked'; question: string }
  | { type: 'confirm-answered'; yes: boolean; note?: string }
  /** `at`: when the event happened (ms), for each step's duration and the total time; `registry`: whose, when several apply at once. */
  | { type: 'apply'; event: ApplyEvent; at?: number; registry?: string }
  | { type: 'closed' };

/**
 * Lines written once and kept, in order (ink's <Static>): the log only ever
 * grows, so ink never has to redraw a long plan.
 */
export type LogEntry =
  | { kind: 'read-done'; repositories: number; calls: number }
  | { kind: 'plan'; plan: Plan; options?: ViewOptions }
  | { kind: 'text'; text: string }
  | { kind: 'answer'; question: string; yes: boolean; note?: string }
  | { kind: 'phase'; title: string }
  | { kind: 'step'; step: StepResult; ms?: number }
  | { kind: 'apply-summary'; result: ApplyResult; totalMs?: number };

export type ReadStage = ReadProgress['stage'];

export interface ReadState {
  active: boolean;
  stages: Partial<Record<ReadStage, { done: number; total: number }>>;
}

/**
 * The whole terminal view. Invariants: `log` is append-only; `prompt` is set
 * exactly between confirm-asked and confirm-answered; once `closed`, nothing
 * but the log is shown.
 */
export interface ViewState {
  log: LogEntry[];
  read: ReadState;
  /** API calls in flight now, and made so far. */
  calls: { inFlight: number; made: number };
  prompt: { question: string } | null;
  apply: ApplyState | null;
  closed: boolean;
}

export const initialViewState: ViewState = {
  log: [],
  read: { active: true, stages: {} },
  calls: { inFlight: 0, made: 0 },
  prompt: null,
  apply: null,
  closed: false,
};

/** Ends the reading stage once, logging what was read. */
function finishReading(state: ViewState): ViewState {
  if (!state.read.active) return state;
  const repositories = state.read.stages.repositories?.total ?? 0;
  return {
    ...state,
    read: { ...state.read, active: false },
    log: [...state.log, { kind: 'read-done', repositories, calls: state.calls.made }],
  };
}

function foldApply(state: ViewState, event: ApplyEvent, at?: number): ViewState {
  const apply = reduceApply(state.apply ?? initialApplyState, event, at);
  const log = [...state.log];
  if (event.type === 'phase-started') log.push({ kind: 'phase', title: phaseTitle(event.phase) });
  if (event.type === 'step-done' || event.type === 'step-failed') log.push({ kind: 'step', step: event.step, ms: stepMs(apply, event.step, at) });
  if (event.type === 'finished') {
    for (const step of notStartedSteps(apply)) log.push({ kind: 'step', step });
    const totalMs = at !== undefined && apply.firstAt !== null ? at - apply.firstAt : undefined;
    log.push({ kind: 'apply-summary', result: event.result, totalMs });
  }
  return { ...state, apply, log };
}

function stepMs(apply: ApplyState, step: StepResult, at?: number): number | undefined {
  const started = apply.startedAt[stepKey(step)];
  return at !== undefined && started !== undefined ? at - started : undefined;
}

/** Folds one event into the view. Pure: the ink components only draw what this returns. */
export function reduceView(state: ViewState, event: ViewEvent): ViewState {
  switch (event.type) {
    case 'read-progress':
      return { ...state, read: { ...state.read, stages: { ...state.read.stages, [event.progress.stage]: { done: event.progress.done, total: event.progress.total } } } };
    case 'call':
      return {
        ...state,
        calls: { inFlight: Math.max(0, state.calls.inFlight + event.delta), made: state.calls.made + (event.delta > 0 ? 1 : 0) },
      };
    case 'read-finished':
      return finishReading(state);
    case 'plan-ready': {
      const read = finishReading(state);
      return { ...read, log: [...read.log, { kind: 'plan', plan: event.plan, options: event.options }] };
    }
    case 'print': {
      const read = finishReading(state);
      return { ...read, log: [...read.log, { kind: 'text', text: event.text }] };
    }
    case 'confirm-asked':
      return { ...state, prompt: { question: event.question } };
    case 'confirm-answered': {
      if (!state.prompt) return state;
      const entry: LogEntry = { kind: 'answer', question: state.prompt.question, yes: event.yes, note: event.note };
      return { ...state, prompt: null, log: [...state.log, entry] };
    }
    case 'apply':
      return event.registry ? foldRegistryApply(state, event.registry, event.event, event.at) : foldApply(state, event.event, event.at);
    case 'closed':
      return { ...finishQuietly(state), closed: true, prompt: null };
  }
}

/** On close the spinner goes without a "read" line: an error is about to be printed instead. */
function finishQuietly(state: ViewState): ViewState {
  return { ...state, read: { ...state.read, active: false } };
}
