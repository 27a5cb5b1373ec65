import type { EcrPort } from '../ecr/port.js';
import type { Desired } from '../model/desired.js';
import type { Live } from '../model/live.js';
import type { Plan } from '../model/plan.js';
import { fetchImages, fetchLive, type ReadProgress } from '../ecr/fetch-live.js';
import { scopeOfDesired } from '../ecr/read-scope.js';
import { assemblePlan, diffParts, hasLivePins, namesNeedingImages, type PlanOptions } from '../plan/plan.js';

export interface BuildPlanOptions extends PlanOptions {
  region: string;
  onProgress?: (progress: ReadProgress) => void;
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
