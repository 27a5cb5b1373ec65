import type { ScanningRule } from '../model/desired.js';
import type { Change, ChangeKind } from '../model/plan.js';
import { parseAddress } from '../model/address.js';
import { PHASES, stepOf as registryStep, type StepBuilder } from './step.js';
import { pullThroughCacheSteps } from './pull-through-cache-steps.js';
import { creationTemplateSteps } from './creation-template-steps.js';
import { pullTimeUpdateExclusionSteps, signingSteps } from './signing-steps.js';
import { sentDocument } from './repository-steps.js';
import { deleteIdempotent } from './already-done.js';

type RegistryKind = Exclude<ChangeKind, 'repository' | 'tags' | 'policy' | 'lifecyclePolicy' | 'image'>;

/** One step carrying the change's own calls. */
/** Put in phase 2 (before repositories may need it); delete with the removals in phase 6. */
const registryPolicySteps: StepBuilder = (change) => {
  if (change.action === 'delete') {
    return [registryStep(change, PHASES.removals, (ctx) => deleteIdempotent(() => ctx.port.deleteRegistryPolicy({}), 'RegistryPolicyNotFoundException'))];
  }
  return [registryStep(change, PHASES.registry, async (ctx) => void (await ctx.port.putRegistryPolicy({ policyText: JSON.stringify(sentDocument(change)) })))];
};

/** Always sends `rules`, even empty: an explicit empty list is what clears the live rules. */
const scanningSteps: StepBuilder = (change) => {
  const after = change.after as unknown as { scanType: 'BASIC' | 'ENHANCED'; rules: ScanningRule[] };
  return [
    registryStep(change, PHASES.registry, async (ctx) => {
      await ctx.port.putRegistryScanningConfiguration({
        scanType: after.scanType,
        rules: after.rules.map((rule) => ({
          scanFrequency: rule.scanFrequency,
          repositoryFilters: rule.repositoryFilters.map((filter) => ({ filter, filterType: 'WILDCARD' as const })),
        })),
      });
    }),
  ];
};

interface ReplicationDocument {
  rules: Array<{ destinations: Array<{ region: string; registryId: string }>; repositoryFilters: string[] }>;
}

/** Phase 5: after the repositories exist, so replication starts with everything in place. */
const replicationSteps: StepBuilder = (change) => {
  const after = change.after as unknown as ReplicationDocument;
  return [
    registryStep(change, PHASES.replication, async (ctx) => {
      await ctx.port.putReplicationConfiguration({
        replicationConfiguration: {
          rules: after.rules.map((rule) => ({
            destinations: rule.destinations.map((d) => ({ region: d.region, registryId: d.registryId })),
            // No filters means every repository; ECR takes that as the key left out, not as an empty list.
            ...(rule.repositoryFilters.length > 0
              ? { repositoryFilters: rule.repositoryFilters.map((filter) => ({ filter, filterType: 'PREFIX_MATCH' as const })) }
              : {}),
          })),
        },
      });
    }),
  ];
};

/** Phase 1: account settings (such as the registry policy scope) shape what later phases may do. */
const accountSettingSteps: StepBuilder = (change) => {
  const parsed = parseAddress(change.address);
  if (parsed?.type !== 'accountSetting') throw new Error(`bug: ${change.address} is not an account setting address`);
  const name = parsed.name;
  const value = (change.after as { value: string }).value;
  return [registryStep(change, PHASES.accountSettings, async (ctx) => void (await ctx.port.putAccountSetting({ name, value })))];
};

/** Step builders for the registry-level settings, in the phases of semantics.md "Ordering apply". */
export const registryStepBuilders: Record<RegistryKind, StepBuilder> = {
  registryPolicy: registryPolicySteps,
  scanning: scanningSteps,
  replication: replicationSteps,
  pullThroughCache: pullThroughCacheSteps,
  creationTemplate: creationTemplateSteps,
  accountSetting: accountSettingSteps,
  signing: signingSteps,
  pullTimeUpdateExclusion: pullTimeUpdateExclusionSteps,
};
