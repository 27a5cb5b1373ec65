import type { Live } from '../model/live.js';
import type { Plan } from '../model/plan.js';
import { parseAddress } from '../model/address.js';
import { isOwned, ownershipValue, OWNERSHIP_TAG_KEY } from '../model/ownership.js';
import { deletesRepository } from '../plan/decide-deletes.js';

/** The repositories a plan deletes or replaces: apply PLAN reads their images again. */
export function repositoriesDeleted(plan: Plan): string[] {
  return plan.changes.filter(deletesRepository).flatMap((c) => {
    const parsed = parseAddress(c.address);
    return parsed?.type === 'repository' ? [parsed.repository] : [];
  });
}

/**
 * What moved since the plan was made on a repository it deletes or replaces: an
 * image pushed or removed (the digests recorded in the plan), or this stack's
 * ownership tag gone. One line per address; `live` must hold these repositories'
 * images. A delete must destroy exactly what the reviewer saw, nothing more.
 */
export function staleDeletes(plan: Plan, live: Live): string[] {
  const out: string[] = [];
  for (const change of plan.changes.filter(deletesRepository)) {
    const parsed = parseAddress(change.address);
    if (parsed?.type !== 'repository') continue;
    const repo = live.repositories[parsed.repository];
    if (!repo) continue; // gone: the fingerprint check names it
    if (!isOwned(repo.tags, plan.stack)) {
      out.push(`${change.address}: no longer carries ${OWNERSHIP_TAG_KEY}: ${ownershipValue(plan.stack)}`);
      continue;
    }
    if (!change.images) continue; // a plan from before digests were recorded
    const now = (repo.images ?? []).map((i) => i.digest);
    const added = countNotIn(now, change.images);
    const removed = countNotIn(change.images, now);
    if (added || removed) {
      const parts = [added ? `${added} image${added === 1 ? '' : 's'} pushed` : '', removed ? `${removed} removed` : ''].filter(Boolean);
      out.push(`${change.address}: ${parts.join(', ')} since the plan was made`);
    }
  }
  return out;
}

/**
 * How many entries of `list` are not matched one for one in `other`. Compared as
 * multisets, not sets: ECR never lists one digest twice, but moto does (it digests
 * the layers only), and a set would hide an image pushed there since the plan.
 */
function countNotIn(list: string[], other: string[]): number {
  const left = new Map<string, number>();
  for (const d of other) left.set(d, (left.get(d) ?? 0) + 1);
  let missing = 0;
  for (const d of list) {
    const n = left.get(d) ?? 0;
    if (n > 0) left.set(d, n - 1);
    else missing++;
  }
  return missing;
}
