import { stepKey } from './ink/apply-state.js';
import type { StepResult } from '../apply/step.js';

/**
 * How long each apply step took, measured by the view from apply's events
 * (apply itself reports no times: its result, and apply's JSON, stay as they are).
 */
export interface StepTimer {
  start(step: StepResult): void;
  /** Milliseconds since the step started; undefined for a step never started. */
  end(step: StepResult): number | undefined;
  /** Milliseconds since the first step started. */
  total(): number;
}

export function createStepTimer(now: () => number = Date.now): StepTimer {
  const started = new Map<string, number>();
  let first: number | undefined;
  return {
    start(step) {
      const t = now();
      first ??= t;
      started.set(stepKey(step), t);
    },
    end(step) {
      const t = started.get(stepKey(step));
      return t === undefined ? undefined : now() - t;
    },
    total() {
      return first === undefined ? 0 : now() - first;
    },
  };
}
