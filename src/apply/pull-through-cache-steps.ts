import type { UpstreamRegistry } from '@aws-sdk/client-ecr';
import type { Change } from '../model/plan.js';
import type { JsonObject } from '../model/json.js';
import { parseAddress } from '../model/address.js';
import { createIdempotent, deleteIdempotent, pullThroughCacheRuleMatches } from './already-done.js';
import { PHASES, stepOf as step, type StepBuilder, type StepContext } from './step.js';

/** The plan's pull-through cache document (normalize/registry-settings.ts). */
interface RuleDocument {
  upstreamRegistryUrl: string;
  upstreamRegistry?: UpstreamRegistry;
  upstreamRepositoryPrefix?: string;
  credentialArn?: string;
  customRoleArn?: string;
}

function prefixOf(change: Change): string {
  const parsed = parseAddress(change.address);
  if (parsed?.type !== 'pullThroughCache') throw new Error(`bug: ${change.address} is not a pull-through cache address`);
  return parsed.prefix;
}

/** CreatePullThroughCacheRule with exactly the fields the document holds (absent ones take ECR's defaults). */
async function createRule(ctx: StepContext, prefix: string, doc: RuleDocument): Promise<void> {
  const create = () => ctx.port.createPullThroughCacheRule({
    ecrRepositoryPrefix: prefix,
    upstreamRegistryUrl: doc.upstreamRegistryUrl,
    ...(doc.upstreamRegistry ? { upstreamRegistry: doc.upstreamRegistry } : {}),
    ...(doc.upstreamRepositoryPrefix ? { upstreamRepositoryPrefix: doc.upstreamRepositoryPrefix } : {}),
    ...(doc.credentialArn ? { credentialArn: doc.credentialArn } : {}),
    ...(doc.customRoleArn ? { customRoleArn: doc.customRoleArn } : {}),
  });
  const matches = () => pullThroughCacheRuleMatches(ctx, prefix, doc as unknown as JsonObject);
  await createIdempotent(create, 'PullThroughCacheRuleAlreadyExistsException', matches);
}

const deleteRule = (ctx: StepContext, prefix: string) =>
  deleteIdempotent(() => ctx.port.deletePullThroughCacheRule({ ecrRepositoryPrefix: prefix }), 'PullThroughCacheRuleNotFoundException');

/**
 * Pull-through cache rules: create, update (credential and role, the only
 * fields ECR changes in place) and replace (delete then create, in one step
 * so the prefix is never left without its rule longer than needed) in phase
 * 2; delete with the removals in phase 6.
 */
export const pullThroughCacheSteps: StepBuilder = (change) => {
  const prefix = prefixOf(change);
  const after = change.after as unknown as RuleDocument;
  switch (change.action) {
    case 'create':
      return [step(change, PHASES.registry, (ctx) => createRule(ctx, prefix, after))];
    case 'replace':
      return [
        step(change, PHASES.registry, async (ctx) => {
          await deleteRule(ctx, prefix);
          await createRule(ctx, prefix, after);
        }),
      ];
    case 'update':
      return [
        step(change, PHASES.registry, async (ctx) => {
          await ctx.port.updatePullThroughCacheRule({
            ecrRepositoryPrefix: prefix,
            ...(after.credentialArn ? { credentialArn: after.credentialArn } : {}),
            ...(after.customRoleArn ? { customRoleArn: after.customRoleArn } : {}),
          });
        }),
      ];
    case 'delete':
      return [step(change, PHASES.removals, (ctx) => deleteRule(ctx, prefix))];
  }
};
