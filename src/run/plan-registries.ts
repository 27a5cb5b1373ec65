import type { Connection, ConnectionOptions } from '../commands/connect.js';
import type { Live } from '../model/live.js';
import type { RegistryOutcome } from '../model/run.js';
import type { ReadProgress } from '../ecr/fetch-live.js';
import { buildPlan, NotTargeted } from '../workflow/build-plan.js';
import { registryConnector, type RunHooks } from './connect-registry.js';
import type { RegistryInput } from './load-registries.js';
import { runErrorOf } from './run-error.js';

export interface PlanRegistriesOptions extends ConnectionOptions {
  targets: string[];
  lifecyclePreview: boolean;
  now: Date;
  toolVersion: string;
  forceDelete?: boolean;
  maxDeletes?: number;
}

/** One registry planned (or failed), with what apply and drift need besides the plan. */
export interface PlannedRegistry extends RegistryOutcome {
  input: RegistryInput;
  live?: Live;
  connection?: Connection;
  /** Several registries: no --target matches an address of this one (neither plan nor error; see run-targets.ts). */
  untargeted?: true;
}

/**
 * The run's plan: plan() mapped over the registries, read side by side
 * through one pool of --concurrency calls. A registry whose read or plan
 * fails is recorded as failed and the others go on; with a single registry
 * the failure is thrown, exactly as before there were several.
 */
export async function planRegistries(
  registries: RegistryInput[],
  options: PlanRegistriesOptions,
  hooks: RunHooks & { onProgress?: (progress: ReadProgress) => void },
): Promise<PlannedRegistry[]> {
  const several = registries.length > 1;
  const connect = registryConnector(options, hooks, several);
  return Promise.all(
    registries.map(async (input): Promise<PlannedRegistry> => {
      const { region, roleArn, externalId } = input.desired.registry;
      const offline = { id: input.id, accountId: input.accountId ?? '', region: input.region ?? '', roleArn: roleArn ?? null, externalId: externalId ?? null };
      try {
        const connection = await connect({ id: input.id, region, roleArn, externalId });
        const { plan, live } = await buildPlan(connection.port, input.desired, {
          region: connection.region,
          now: options.now,
          createdAt: options.now.toISOString(),
          toolVersion: options.toolVersion,
          lifecyclePreview: options.lifecyclePreview,
          targets: options.targets,
          forceDelete: options.forceDelete,
          maxDeletes: options.maxDeletes,
          // A target may name another registry's addresses: whether it matched anywhere is the run's question.
          targetsMayMissHere: several,
          // Progress of several registries at once would jump between them: the view shows calls in flight instead.
          onProgress: several ? undefined : hooks.onProgress,
        });
        const registry = { ...offline, id: `${live.registryId}/${connection.region}`, accountId: live.registryId, region: connection.region };
        return { registry, plan, live, connection, input };
      } catch (err) {
        if (!several) throw err;
        if (err instanceof NotTargeted) return { registry: offline, untargeted: true, input };
        return { registry: offline, error: runErrorOf(err), input };
      }
    }),
  );
}
