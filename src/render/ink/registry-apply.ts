import type { ApplyEvent } from '../../apply/step.js';
import { phaseTitle } from '../apply-words.js';
import { eventInRegistry } from '../registry-steps.js';
import { applySummaryLine } from '../summary.js';
import { initialApplyState, reduceApply, stepKey } from './apply-state.js';
import type { ViewState } from './view-state.js';

/**
 * Folds one registry's apply event into the terminal view when several
 * registries apply at once. Each step, running or logged, names its
 * registry; each phase title names the registry entering it; a registry's
 * end is one line, and the live part (the running steps and the count) stays
 * until the command prints the report of every registry. The count line
 * names no phase: the registries are in different ones. Pure.
 */
export function foldRegistryApply(state: ViewState, registry: string, raw: ApplyEvent, at?: number): ViewState {
  const event = eventInRegistry(registry, raw);
  const log = [...state.log];
  let apply = state.apply ?? initialApplyState;
  if (event.type === 'finished') {
    log.push({ kind: 'text', text: `${registry}: ${applySummaryLine(event.result)}` });
    return { ...state, apply, log };
  }
  apply = { ...reduceApply(apply, event, at), phase: null };
  if (event.type === 'phase-started') log.push({ kind: 'phase', title: `${registry}: ${phaseTitle(event.phase)}` });
  if (event.type === 'step-done' || event.type === 'step-failed') {
    const started = apply.startedAt[stepKey(event.step)];
    log.push({ kind: 'step', step: event.step, ms: at !== undefined && started !== undefined ? at - started : undefined });
  }
  return { ...state, apply, log };
}
