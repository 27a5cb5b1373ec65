import { PHASES, type Phase, type StepResult } from '../apply/step.js';
import { parseAddress } from '../model/address.js';
import type { Change } from '../model/plan.js';
import { formatDuration } from './summary.js';

/** Each apply phase in the words of the README's "How apply runs". */
export const PHASE_NAMES: Record<Phase, string> = {
  [PHASES.accountSettings]: 'account settings',
  [PHASES.registry]: 'registry settings',
  [PHASES.repositories]: 'repository creates and replaces',
  [PHASES.repositorySettings]: 'repository settings, tags and policies',
  [PHASES.tagPins]: 'tag pins',
  [PHASES.replication]: 'replication',
  [PHASES.removals]: 'removals',
  [PHASES.repositoryRemovals]: 'repository removals',
};

/** "Applying: repository settings, tags and policies". */
export function phaseTitle(phase: Phase): string {
  return `Applying: ${PHASE_NAMES[phase] ?? `phase ${phase}`}`;
}

const STATUS_WORD = { done: '✓ done', failed: '✗ failed', interrupted: '! interrupted', 'not-started': '- not started' } as const;

/** `✓ done  repository["a"]  create (CreateRepository)  0.4 s`, before colour. */
export function stepWords(step: StepResult, ms?: number): { status: string; rest: string } {
  const calls = step.calls.join(', ');
  const took = ms === undefined ? '' : `  ${formatDuration(ms)}`;
  return { status: STATUS_WORD[step.status], rest: `  ${step.address}  ${step.action}${calls ? ` (${calls})` : ''}${took}` };
}

/**
 * The images a change destroys: those a deleted or replaced repository holds
 * (the digests the plan recorded for `apply PLAN` to check again), and those
 * a lifecycle change expires now. Read from the plan's data, never from its
 * words: a delete allowed by --force-delete has no blocked reason to read.
 */
function imagesDestroyed(change: Change): number {
  const held = change.action === 'delete' || change.action === 'replace' ? (change.images?.length ?? 0) : 0;
  return held + (change.expires?.count ?? 0);
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * "This deletes 2 repositories and destroys 16 images.": what cannot be
 * undone, said before the y/N question; empty when nothing is destructive.
 */
export function destructiveSummary(changes: Change[]): string {
  let deletes = 0;
  let replaces = 0;
  let images = 0;
  for (const c of changes) {
    const repository = parseAddress(c.address)?.type === 'repository';
    if (repository && c.action === 'delete') deletes++;
    if (repository && c.action === 'replace') replaces++;
    images += imagesDestroyed(c);
  }
  const parts: string[] = [];
  if (deletes) parts.push(`deletes ${plural(deletes, 'repository', 'repositories')}`);
  if (replaces) parts.push(`replaces ${plural(replaces, 'repository', 'repositories')}`);
  if (images) parts.push(`destroys ${plural(images, 'image', 'images')}`);
  if (!parts.length) return '';
  const last = parts.pop();
  return `This ${parts.length ? `${parts.join(', ')} and ${last}` : last}.`;
}

/** The y/N question, led by what is destructive. */
export function confirmQuestion(changes: Change[]): string {
  const destructive = destructiveSummary(changes);
  return `${destructive ? `${destructive} ` : ''}Apply these changes? [y/N] `;
}
