import type { Change, ChangeKind } from '../model/plan.js';
import type { Step, StepBuilder } from './step.js';
import { imagePinSteps, lifecyclePolicySteps, policySteps, repositorySteps, tagSteps } from './repository-steps.js';
import { registryStepBuilders } from './registry-steps.js';

const BUILDERS: Record<ChangeKind, StepBuilder> = {
  repository: repositorySteps,
  tags: tagSteps,
  policy: policySteps,
  lifecyclePolicy: lifecyclePolicySteps,
  image: imagePinSteps,
  ...registryStepBuilders,
};

/** Every step of a plan, in phase order; within a phase, in plan order. */
export function buildSteps(changes: Change[]): Step[] {
  return changes.flatMap((c) => BUILDERS[c.kind](c)).sort((a, b) => a.phase - b.phase);
}
