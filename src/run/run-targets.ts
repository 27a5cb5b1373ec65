import { EcrformError } from '../errors.js';
import { matchesTarget } from '../model/address.js';
import { knownAddresses } from '../plan/targets.js';
import type { PlannedRegistry } from './plan-registries.js';

/**
 * --target over several registries. A target may name addresses of some
 * registries only (a repository that lives in one account): each registry is
 * planned with the targets that match it, and a registry that none matches is
 * left out of the run, as if --registry had not named it. A target that
 * matches no address of any registry is the user's mistake, as with one
 * registry: an error (exit 1), never a quiet "no changes", so a typo in a cron
 * job cannot turn it green. When a registry could not be read, whether the
 * target would have matched there is unknown: that registry's failure already
 * makes the run exit 1, so no error is added.
 */
export function keepTargeted(planned: PlannedRegistry[], targets: string[]): { planned: PlannedRegistry[]; untargeted: string[] } {
  const untargeted = planned.filter((p) => p.untargeted).map((p) => p.registry.id);
  if (targets.length && !planned.some((p) => p.error)) {
    const known = planned.flatMap((p) => (p.live ? knownAddresses(p.input.desired, p.live) : []));
    const unmatched = targets.filter((t) => !known.some((a) => matchesTarget(a, t)));
    if (unmatched.length) {
      const lines = unmatched.map((t) => `  --target ${t}`).join('\n');
      throw new EcrformError(
        'INVALID_ARGUMENT',
        `${unmatched.length === 1 ? 'this target matches' : 'these targets match'} no address of the files or the live state of any of the ${planned.length} registries:\n${lines}\n` +
          'a target is an address (repository["team-a/api"]), a prefix of one that ends at a segment (repository["team-a/api"] selects its .policy), or a name with * (repository["team-a/*"])',
      );
    }
  }
  return { planned: planned.filter((p) => !p.untargeted), untargeted };
}
