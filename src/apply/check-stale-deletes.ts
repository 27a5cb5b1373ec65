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
    const planned = new Set(change.images);
    const now = (repo.images ?? []).map((i) => i.digest);
    const added = now.filter((d) => !planned.has(d)).length;
    const removed = change.images.filter((d) => !now.includes(d)).length;
    if (added || removed) {
      const parts = [added ? `${added} image${added === 1 ? '' : 's'} pushed` : '', removed ? `${removed} removed` : ''].filter(Boolean);
      out.push(`${change.address}: ${parts.join(', ')} since the plan was made`);
    }
  }
  return out;
}
