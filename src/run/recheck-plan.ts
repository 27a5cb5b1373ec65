import { staleAddresses } from '../apply/check-stale.js';
import { repositoriesDeleted, staleDeletes } from '../apply/check-stale-deletes.js';
import type { Connection, ConnectionOptions } from '../commands/connect.js';
import { fetchImages, fetchLive, type ReadProgress } from '../ecr/fetch-live.js';
import { scopeOfPlan } from '../ecr/read-scope.js';
import { EcrformError } from '../errors.js';
import { parseAddress } from '../model/address.js';
import type { RegistryOutcome } from '../model/run.js';
import { registryConnector, type RunHooks } from './connect-registry.js';

/**
 * `apply PLAN`: each registry of the plan is reached as it was planned (its
 * role), must be the same account, and nothing the plan touches may have
 * moved since. Registries are read side by side through one pool; any moved
 * address, in any registry, refuses the whole plan.
 */
export async function recheckPlan(
  outcomes: RegistryOutcome[],
  options: ConnectionOptions,
  hooks: RunHooks & { onProgress?: (progress: ReadProgress) => void },
): Promise<Array<RegistryOutcome & { connection: Connection }>> {
  const several = outcomes.length > 1;
  const connect = registryConnector(options, hooks, several);
  const checked = await Promise.all(
    outcomes.map(async (outcome) => {
      const { registry } = outcome;
      const plan = outcome.plan!;
      const connection = await connect({
        id: registry.id,
        region: registry.region,
        roleArn: registry.roleArn ?? undefined,
        externalId: registry.externalId ?? undefined,
      });
      const onProgress = several ? undefined : hooks.onProgress;
      let live = await fetchLive(connection.port, scopeOfPlan(plan), { region: connection.region, onProgress });
      if (live.registryId !== registry.accountId) {
        throw new EcrformError('ACCOUNT_MISMATCH', `the plan is for account ${registry.accountId}, but the credentials reach ${live.registryId}`);
      }
      const withPins = plan.changes.flatMap((c) => {
        const parsed = parseAddress(c.address);
        return parsed?.type === 'image' ? [parsed.repository] : [];
      });
      const needImages = [...new Set([...withPins, ...repositoriesDeleted(plan)])].filter((name) => live.repositories[name]);
      if (needImages.length) live = await fetchImages(connection.port, live, needImages, onProgress);
      const stale = [...staleAddresses(plan, live), ...staleDeletes(plan, live)];
      return { outcome: { ...outcome, connection }, stale: stale.map((a) => (several ? `${registry.id} ${a}` : a)) };
    }),
  );
  const stale = checked.flatMap((c) => c.stale);
  if (stale.length) {
    throw new EcrformError(
      'STALE_PLAN',
      `refusing the whole plan: the live state moved since it was made at\n${stale.map((a) => `  ${a}`).join('\n')}\nrun ecrform plan again`,
    );
  }
  return checked.map((c) => c.outcome);
}
