import type { ApplyEvent } from '../apply/step.js';
import type { ReadProgress } from '../ecr/fetch-live.js';
import type { Plan } from '../model/plan.js';
import type { ViewOptions } from './compact/describe-change.js';

/**
 * What a command shows a person while it runs, whichever renderer is behind
 * it: the ink view on a terminal, plain lines otherwise. Commands push events
 * in; the only thing they get back is confirm's answer.
 */
export interface SessionView {
  /** Progress while live state is read. */
  progress: (progress: ReadProgress) => void;
  /** An API call started (+1) or ended (-1). */
  call: (delta: 1 | -1) => void;
  /** The plan, with what to fold (`--full`) and the files' hints (key order, policy file names). */
  plan: (plan: Plan, options?: ViewOptions) => void;
  /** A finished piece of text (a report, a notice), shown as it is. */
  print: (text: string) => void;
  /** The y/N question before apply: resolves true only for yes. */
  confirm: (question: string) => Promise<boolean>;
  /** An apply event; with several registries applying at once, `registry` names whose it is. */
  applyEvent: (event: ApplyEvent, registry?: string) => void;
  /** Takes the view down (the last screen stays); safe to call twice. */
  close: () => Promise<void>;
}
