import type { EcrPort } from '../ecr/port.js';
import type { Desired } from '../model/desired.js';
import type { Live } from '../model/live.js';
import type { Plan } from '../model/plan.js';
import { fetchImages, fetchLive, type ReadProgress } from '../ecr/fetch-live.js';
import { scopeOfDesired } from '../ecr/read-scope.js';
import { assemblePlan, diffParts, hasLivePins, namesNeedingImages, type PlanOptions } from '../plan/plan.js';
import { knownAddresses } from '../plan/targets.js';
import { matchesTarget } from '../model/address.js';

export interface BuildPlanOptions extends PlanOptions {
  region: string;
  onProgress?: (progress: ReadProgress) => void;
  /**
   * One registry of several: a --target may name another registry's
   * addresses. Only the targets that match an address of this registry are
   * applied to it; when none does, NotTargeted is thrown, and the run decides
   * whether each target matched somewhere.
   */
  targetsMayMissHere?: boolean;
}

/** No --target matches an address of this registry (its files or its live state). */
export class NotTargeted extends Error {
  constructor() {
    super('no --target matches an address of this registry');
    this.name = 'NotTargeted';
  }
}

/**
 * Reads the live registry, then plans, diffing each repository once where it can.
 * The first pass diffs everything but repositories with tag pins (they always need
 * images); its changes say which other repositories need images (deletes,
 * replaces, lifecycle previews). Images are listed for those alone, and only they
 * are diffed again; every other part of the first pass is the plan's. plan()
 * stays pure: the I/O is here.
 */
export async function buildPlan(port: EcrPort, desired: Desired, options: BuildPlanOptions): Promise<{ plan: Plan; live: Live }> {
  let live = await fetchLive(port, scopeOfDesired(desired), { region: options.region, onProgress: options.onProgress });
  if (options.targetsMayMissHere && options.targets.length) {
    const known = knownAddresses(desired, live);
    const here = options.targets.filter((t) => known.some((a) => matchesTarget(a, t)));
    if (!here.length) throw new NotTargeted();
    options = { ...options, targets: here };
  }
  const withoutImages = live;
  const first = diffParts(desired, live, options, (name) => !hasLivePins(desired, withoutImages, name));
  const needImages = namesNeedingImages(desired, live, first, options);
  if (needImages.length === 0) return { plan: assemblePlan(desired, live, options, first), live };
  live = await fetchImages(port, live, needImages, options.onProgress);
  const again = new Set(needImages);
  const second = diffParts(desired, live, options, (name) => again.has(name));
  const repositories = new Map([...first.repositories, ...second.repositories]);
  return { plan: assemblePlan(desired, live, options, { registry: second.registry, repositories }), live };
}
