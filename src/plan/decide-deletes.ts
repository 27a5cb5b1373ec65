import type { Live } from '../model/live.js';
import type { Change } from '../model/plan.js';
import { parseAddress } from '../model/address.js';

/** The default of --max-deletes: more repository deletes and replaces than this in one plan need a decision. */
export const DEFAULT_MAX_DELETES = 10;

export interface DeleteDecisions {
  /** plan --force-delete: repositories holding images may be deleted, destroying them. */
  forceDelete: boolean;
  maxDeletes: number;
}

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** True for a change that deletes a live repository (a delete, or the delete half of a replace). */
export function deletesRepository(change: Change): boolean {
  return change.kind === 'repository' && (change.action === 'delete' || change.action === 'replace');
}

/**
 * Deletes are decided when planning, where they are reviewed: every repository
 * delete or replace records the digests of the images it holds; without
 * --force-delete one holding images is blocked, with it the plan says how many
 * images it destroys. Returns why the plan as a whole is blocked (more deletes
 * than --max-deletes). Changes are marked in place; pure.
 */
export function decideDeletes(changes: Change[], live: Live, decisions: DeleteDecisions): string[] {
  let deletes = 0;
  for (const change of changes) {
    if (!deletesRepository(change)) continue;
    deletes += 1;
    const parsed = parseAddress(change.address);
    const repo = parsed && 'repository' in parsed ? live.repositories[parsed.repository] : undefined;
    const digests = (repo?.images ?? []).map((i) => i.digest).sort();
    change.images = digests;
    if (digests.length === 0) continue;
    const what = change.action === 'replace' ? 'a replace deletes it with them' : 'deleting it destroys them';
    if (decisions.forceDelete) {
      change.warnings.push(`destroys ${plural(digests.length, 'image')} (plan --force-delete)`);
    } else {
      change.blocked = `holds ${plural(digests.length, 'image')}; ${what}, which needs plan --force-delete`;
    }
  }
  if (deletes > decisions.maxDeletes) {
    return [`deletes or replaces ${plural(deletes, 'repository').replace(/ys$/, 'ies')}, more than --max-deletes ${decisions.maxDeletes}`];
  }
  return [];
}
