import type { Plan } from '../model/plan.js';
import { OWNERSHIP_TAG_KEY, ownershipValue } from '../model/ownership.js';
import { DEFAULT_MAX_DELETES, deletesRepository } from '../plan/decide-deletes.js';

/** Why a plan cannot be applied as it stands: each blocked change, then the plan's own reasons. Empty: it can. */
export function blockedReasons(plan: Plan): string[] {
  return [...plan.changes.filter((c) => c.blocked).map((c) => `${c.address}: ${c.blocked}`), ...(plan.blocked ?? [])];
}

/**
 * Every way out of a blocked plan, for the reviewer to choose from: only those
 * that fit what blocks it.
 */
export function waysOut(plan: Plan): string[] {
  const blockedChanges = plan.changes.filter((c) => c.blocked);
  const prunes = blockedChanges.some((c) => c.action === 'delete');
  const replaces = blockedChanges.some((c) => c.action === 'replace');
  const tooMany = (plan.blocked ?? []).length > 0;
  const deletes = plan.changes.filter(deletesRepository).length;
  const ways: string[] = [];
  if (prunes || tooMany) {
    ways.push('declare the repository in the files again, so it is kept');
    ways.push('set prune: false, so no repository is pruned (drift still lists them as orphaned)');
    ways.push(`remove its ${OWNERSHIP_TAG_KEY}: ${ownershipValue(plan.stack)} tag, so ecrform no longer owns it and leaves it alone`);
  }
  if (replaces) ways.push('declare the live encryption again, so the repository is not replaced');
  if (prunes || replaces) ways.push('plan again with --force-delete, so the plan destroys the images, for the reviewer to see');
  if (tooMany) ways.push(`plan again with --max-deletes ${deletes} (or more; the default is ${DEFAULT_MAX_DELETES}), if that many deletes are meant`);
  if (ways.length === 0) return [];
  return ['ways out:', ...ways.map((w) => `  - ${w}`)];
}
