import type { CreateRepositoryCreationTemplateCommandInput, RCTAppliedFor } from '@aws-sdk/client-ecr';
import type { EncryptionType, TagMutability } from '../model/desired.js';
import type { Json, JsonObject } from '../model/json.js';
import type { Change } from '../model/plan.js';
import { parseAddress } from '../model/address.js';
import { sameDocument } from '../plan/make-change.js';
import { PHASES, stepOf as step, type StepBuilder } from './step.js';
import { createIdempotent, creationTemplateMatches, deleteIdempotent } from './already-done.js';

type TemplateInput = Omit<CreateRepositoryCreationTemplateCommandInput, 'prefix' | 'appliedFor'> & { appliedFor?: RCTAppliedFor[] };

/**
 * The request field(s) for one field of the plan's template document
 * (normalize/registry-settings.ts). A field the document lacks or holds as
 * null or empty is sent as an empty value, which is how an update clears it.
 * Policies are sent as the files write them (`written`), when the plan has them so.
 */
function fieldInput(field: string, doc: JsonObject, written: JsonObject | undefined): TemplateInput {
  const value = doc[field];
  switch (field) {
    case 'appliedFor':
      return { appliedFor: value as RCTAppliedFor[] };
    case 'description':
      return { description: typeof value === 'string' ? value : '' };
    case 'customRoleArn':
      return { customRoleArn: typeof value === 'string' ? value : '' };
    case 'imageTagMutability':
    case 'imageTagMutabilityExclusionFilters': {
      const filters = (doc.imageTagMutabilityExclusionFilters as string[] | undefined) ?? [];
      // The filters go with the mutability; ECR refuses an empty filter list.
      return {
        imageTagMutability: doc.imageTagMutability as TagMutability,
        ...(filters.length ? { imageTagMutabilityExclusionFilters: filters.map((filter) => ({ filter, filterType: 'WILDCARD' as const })) } : {}),
      };
    }
    case 'encryption': {
      const encryption = value as { type: EncryptionType; kmsKey?: string };
      return { encryptionConfiguration: { encryptionType: encryption.type, ...(encryption.kmsKey ? { kmsKey: encryption.kmsKey } : {}) } };
    }
    case 'resourceTags':
      return { resourceTags: Object.entries(value as Record<string, string>).map(([Key, Value]) => ({ Key, Value })) };
    case 'repositoryPolicy':
      return { repositoryPolicy: value ? JSON.stringify(written?.repositoryPolicy ?? value) : '' };
    case 'lifecyclePolicy':
      return { lifecyclePolicy: value ? JSON.stringify(written?.lifecyclePolicy ?? value) : '' };
    default:
      throw new Error(`bug: unknown creation template field ${field}`);
  }
}

/** The whole template, for CreateRepositoryCreationTemplate: only what is set. */
function createInput(doc: JsonObject, written: JsonObject | undefined): TemplateInput {
  const input: TemplateInput = {};
  for (const field of Object.keys(doc)) {
    const value: Json = doc[field];
    const unset = value === null || value === '' || (field === 'resourceTags' && Object.keys(value as object).length === 0);
    if (!unset) Object.assign(input, fieldInput(field, doc, written));
  }
  return input;
}

/**
 * The fields that differ, for UpdateRepositoryCreationTemplate: ECR leaves
 * the fields an update omits as they are, so only changed ones are sent.
 */
function updateInput(before: JsonObject, after: JsonObject, written: JsonObject | undefined): TemplateInput {
  const input: TemplateInput = {};
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const field of fields) {
    if (!sameDocument(before[field] ?? null, after[field] ?? null)) Object.assign(input, fieldInput(field, after, written));
  }
  return input;
}

function prefixOf(change: Change): string {
  const parsed = parseAddress(change.address);
  if (parsed?.type !== 'creationTemplate') throw new Error(`bug: ${change.address} is not a creation template address`);
  return parsed.prefix;
}

/** Creation templates: create and update in phase 2, before repositories are created; delete in phase 6. */
export const creationTemplateSteps: StepBuilder = (change) => {
  const prefix = prefixOf(change);
  // Compared normalized (before, after); the policies sent as written.
  const written = change.written as JsonObject | undefined;
  switch (change.action) {
    case 'create': {
      const input = createInput(change.after as JsonObject, written);
      const appliedFor = input.appliedFor ?? [];
      return [
        step(change, PHASES.registry, (ctx) =>
          createIdempotent(
            () => ctx.port.createRepositoryCreationTemplate({ ...input, prefix, appliedFor }),
            'TemplateAlreadyExistsException',
            () => creationTemplateMatches(ctx, prefix, change.after as JsonObject),
          ),
        ),
      ];
    }
    case 'update':
    case 'replace': {
      const input = updateInput(change.before as JsonObject, change.after as JsonObject, written);
      return [step(change, PHASES.registry, async (ctx) => void (await ctx.port.updateRepositoryCreationTemplate({ ...input, prefix })))];
    }
    case 'delete':
      return [step(change, PHASES.removals, (ctx) => deleteIdempotent(() => ctx.port.deleteRepositoryCreationTemplate({ prefix }), 'TemplateNotFoundException'))];
  }
};
