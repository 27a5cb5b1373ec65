import type { Change } from '../model/plan.js';
import type { SigningConfiguration } from '../model/desired.js';
import { parseAddress } from '../model/address.js';
import { PHASES, stepOf as step, type StepBuilder } from './step.js';

/**
 * Managed signing, in the registry-settings phase (2), so that images pushed
 * into repositories created later in the same apply are already signed. A
 * put sends the whole normalized configuration (a rule without filters is
 * sent without `repositoryFilters`: ECR's model wants 1 to 100 of them when
 * the key is there, and none means every repository).
 */
export const signingSteps: StepBuilder = (change) => {
  if (change.action === 'delete') {
    return [step(change, PHASES.registry, async (ctx) => void (await ctx.port.deleteSigningConfiguration({})))];
  }
  const after = change.after as unknown as SigningConfiguration;
  return [
    step(change, PHASES.registry, async (ctx) => {
      await ctx.port.putSigningConfiguration({
        signingConfiguration: {
          rules: after.rules.map((rule) => ({
            signingProfileArn: rule.signingProfileArn,
            ...(rule.repositoryFilters.length > 0
              ? { repositoryFilters: rule.repositoryFilters.map((filter) => ({ filter, filterType: 'WILDCARD_MATCH' as const })) }
              : {}),
          })),
        },
      });
    }),
  ];
};

function principalOf(change: Change): string {
  const parsed = parseAddress(change.address);
  if (parsed?.type !== 'pullTimeUpdateExclusion') throw new Error(`bug: ${change.address} is not a pull-time update exclusion address`);
  return parsed.principalArn;
}

/**
 * One principal registered or deregistered, in the registry-settings phase
 * (2): before repositories and lifecycle policies change, so a scanner added
 * here stops counting as a pull as early as the apply can make it.
 */
export const pullTimeUpdateExclusionSteps: StepBuilder = (change) => {
  const principalArn = principalOf(change);
  if (change.action === 'delete') {
    return [step(change, PHASES.registry, async (ctx) => void (await ctx.port.deregisterPullTimeUpdateExclusion({ principalArn })))];
  }
  return [step(change, PHASES.registry, async (ctx) => void (await ctx.port.registerPullTimeUpdateExclusion({ principalArn })))];
};
