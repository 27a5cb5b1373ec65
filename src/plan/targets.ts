import type { Desired } from '../model/desired.js';
import type { Live } from '../model/live.js';
import { address, matchesTarget } from '../model/address.js';
import { EcrformError } from '../errors.js';

/** Every address the desired or the live state has: what a --target may select. */
export function knownAddresses(desired: Desired, live: Live): string[] {
  const out = new Set<string>();
  const repository = (name: string) => {
    out.add(address.repository(name));
    out.add(address.tags(name));
    out.add(address.policy(name));
    out.add(address.lifecyclePolicy(name));
  };
  for (const repo of Object.values(desired.repositories)) {
    repository(repo.name);
    for (const tag of Object.keys(repo.images)) out.add(address.image(repo.name, tag));
  }
  for (const name of Object.keys(live.repositories)) repository(name);
  const d = desired.registry;
  const l = live.registry;
  if (d.policy !== undefined || l.policy) out.add(address.registryPolicy());
  out.add(address.scanning());
  out.add(address.replication());
  for (const prefix of new Set([...Object.keys(d.pullThroughCache ?? {}), ...Object.keys(l.pullThroughCache ?? {})])) {
    out.add(address.pullThroughCache(prefix));
  }
  for (const prefix of new Set([...Object.keys(d.creationTemplates ?? {}), ...Object.keys(l.creationTemplates ?? {})])) {
    out.add(address.creationTemplate(prefix));
  }
  for (const name of Object.keys(d.accountSettings ?? {})) out.add(address.accountSetting(name));
  if (d.signing !== undefined || l.signing) out.add(address.signing());
  for (const arn of new Set([...(d.pullTimeUpdateExclusions ?? []), ...(l.pullTimeUpdateExclusions ?? [])])) {
    out.add(address.pullTimeUpdateExclusion(arn));
  }
  return [...out];
}

/**
 * A --target that selects nothing is an error, never a quiet "no changes": a typo
 * in a cron job must not turn it green for good. Pure.
 */
export function checkTargets(targets: string[], desired: Desired, live: Live): void {
  if (targets.length === 0) return;
  const known = knownAddresses(desired, live);
  const unmatched = targets.filter((t) => !known.some((a) => matchesTarget(a, t)));
  if (unmatched.length === 0) return;
  const lines = unmatched.map((t) => `  --target ${t}`).join('\n');
  throw new EcrformError(
    'INVALID_ARGUMENT',
    `${unmatched.length === 1 ? 'this target matches' : 'these targets match'} no address of the files or the live registry:\n${lines}\n` +
      'a target is an address (repository["team-a/api"]), a prefix of one that ends at a segment (repository["team-a/api"] selects its .policy), or a name with * (repository["team-a/*"])',
  );
}
