import type { EcrPort } from '../ecr/port.js';
import type { Change } from '../model/plan.js';
import { partitionOf } from '../normalize/partition.js';

/**
 * Apply phases (semantics.md "Ordering apply"). Two of its phases are split:
 * tag pins run after the other repository settings (moving a tag can need the
 * new mutability), and repositories are removed last, after their policies
 * and the registry-level removals.
 */
export const PHASES = {
  accountSettings: 1,
  registry: 2,
  repositories: 3,
  repositorySettings: 4,
  /** Still semantics.md's phase 4, run after it: a pin may need the new mutability. */
  tagPins: 5,
  replication: 6,
  removals: 7,
  repositoryRemovals: 8,
} as const;
export type Phase = (typeof PHASES)[keyof typeof PHASES];

export interface StepContext {
  port: EcrPort;
  accountId: string;
  region: string;
  forceDelete: boolean;
  /** The plan's stack: only repositories carrying its ownership tag are deleted. */
  stack?: string | null;
}

/** One unit of apply: one change's calls within one phase, run in order. */
export interface Step {
  address: string;
  action: Change['action'];
  phase: Phase;
  calls: string[];
  run(ctx: StepContext): Promise<void>;
}

/** The one step of a change in a phase, making the change's calls. */
export function stepOf(change: Change, phase: Phase, run: Step['run']): Step {
  return { address: change.address, action: change.action, phase, calls: change.calls, run };
}

/** Builds the steps of one change; each kind has its own builder. */
export type StepBuilder = (change: Change) => Step[];

/** `interrupted`: still in flight when an interrupt made ecrform exit; its outcome is unknown. */
export type StepStatus = 'done' | 'failed' | 'interrupted' | 'not-started';

export interface StepResult {
  address: string;
  action: Change['action'];
  phase: Phase;
  calls: string[];
  status: StepStatus;
  /** Present when status is failed: the AWS error code (or Error name) and message. */
  error?: { code: string; message: string };
}

/** Typed events for a reporter (the terminal view folds them into state). */
export type ApplyEvent =
  | { type: 'phase-started'; phase: Phase; steps: number }
  | { type: 'step-started'; step: StepResult }
  | { type: 'step-done'; step: StepResult }
  | { type: 'step-failed'; step: StepResult }
  | { type: 'finished'; result: ApplyResult };

export interface ApplyResult {
  ok: boolean;
  /** Present and true when an interrupt stopped the apply (exit 130). */
  interrupted?: boolean;
  steps: StepResult[];
}

/** The ARN of a repository, built from the plan's registry (no extra call needed). */
export function repositoryArn(ctx: StepContext, name: string): string {
  return `arn:${partitionOf(ctx.region)}:ecr:${ctx.region}:${ctx.accountId}:repository/${name}`;
}
