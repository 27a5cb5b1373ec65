import type { EcrPort } from '../ecr/port.js';
import type { Desired } from '../model/desired.js';
import type { Live } from '../model/live.js';
import type { Plan } from '../model/plan.js';
import { fetchImages, fetchLive, type ReadProgress } from '../ecr/fetch-live.js';
import { scopeOfDesired } from '../ecr/read-scope.js';
import { plan, repositoriesNeedingImages, type PlanOptions } from '../plan/plan.js';

export interface BuildPlanOptions extends PlanOptions {
  region: string;
  onProgress?: (progress: ReadProgress) => void;
}

/**
 * Reads the live registry, then plans. Images are listed only for the
 * repositories the plan needs them for (a first, image-less plan says which),
 * then the plan is made again with them: plan() itself stays pure.
 */
export async function buildPlan(port: EcrPort, desired: Desired, options: BuildPlanOptions): Promise<{ plan: Plan; live: Live }> {
  let live = await fetchLive(port, scopeOfDesired(desired), { region: options.region, onProgress: options.onProgress });
  const needImages = repositoriesNeedingImages(desired, live, options);
  if (needImages.length > 0) live = await fetchImages(port, live, needImages, options.onProgress);
  return { plan: plan(desired, live, options), live };
}
