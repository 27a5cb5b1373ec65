import type { Action } from '../model/plan.js';
import type { DetailTone } from './compact/detail-line.js';

/**
 * The colours of the plain and the terminal renderers, in one place so the
 * two never disagree. Names are ink's (chalk's) colour names; text.ts maps
 * them to ANSI codes.
 */
export type Colour = 'green' | 'red' | 'yellow' | 'cyan' | 'gray';

export const ACTION_COLOUR: Record<Action, Colour> = {
  create: 'green',
  update: 'yellow',
  replace: 'yellow',
  delete: 'red',
};

export const TONE_COLOUR: Record<DetailTone, Colour | undefined> = {
  add: 'green',
  remove: 'red',
  change: 'yellow',
  context: 'gray',
  hunk: 'cyan',
  expiry: 'yellow',
  warning: 'yellow',
  blocked: 'red',
  note: 'gray',
  ref: 'cyan',
};

/** The status words of apply, with their colours. */
export const STATUS_COLOUR = { done: 'green', failed: 'red', interrupted: 'yellow', 'not-started': 'gray', running: 'cyan' } as const satisfies Record<
  string,
  Colour
>;
