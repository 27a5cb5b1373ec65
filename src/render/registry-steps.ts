import type { ApplyEvent, StepResult } from '../apply/step.js';

/**
 * Several registries apply side by side and their steps interleave; two of
 * them often touch the same address (`repository["team-a/api"]` in two
 * regions). What a view shows of a step then names its registry before the
 * address: `✓ done  111111111111/us-east-1  repository["team-a/api"]  create`.
 * Only the views' copy is relabelled; apply's results and reports are not.
 */
export const inRegistry = (registry: string, step: StepResult): StepResult => ({ ...step, address: `${registry}  ${step.address}` });

/** The event with its step relabelled (phase and finished events carry no step). */
export function eventInRegistry(registry: string, event: ApplyEvent): ApplyEvent {
  switch (event.type) {
    case 'step-started':
    case 'step-done':
    case 'step-failed':
      return { ...event, step: inRegistry(registry, event.step) };
    default:
      return event;
  }
}
