import type { JsonObject } from '../model/json.js';
import type { Change } from '../model/plan.js';
import { parseAddress } from '../model/address.js';
import { isOwned, ownershipValue } from '../model/ownership.js';
import { EcrformError } from '../errors.js';
import { createIdempotent, deleteIdempotent, repositoryMatches } from './already-done.js';
import { PHASES, repositoryArn, stepOf, type StepBuilder, type StepContext } from './step.js';
import type { TagMutability, EncryptionType } from '../model/desired.js';

function repoName(change: Change): string {
  const parsed = parseAddress(change.address);
  if (!parsed || !('repository' in parsed)) throw new Error(`bug: ${change.address} is not a repository address`);
  return parsed.repository;
}

function mutabilityInput(doc: JsonObject) {
  const filters = (doc.imageTagMutabilityExclusionFilters as string[] | undefined) ?? [];
  return {
    imageTagMutability: doc.imageTagMutability as TagMutability,
    ...(filters.length ? { imageTagMutabilityExclusionFilters: filters.map((filter) => ({ filterType: 'WILDCARD' as const, filter })) } : {}),
  };
}

async function createRepository(ctx: StepContext, name: string, doc: JsonObject): Promise<void> {
  const encryption = doc.encryption as { type: EncryptionType; kmsKey?: string };
  const tags = doc.tags as Record<string, string>;
  const create = () => ctx.port.createRepository({
    repositoryName: name,
    ...mutabilityInput(doc),
    imageScanningConfiguration: { scanOnPush: doc.scanOnPush as boolean },
    encryptionConfiguration: { encryptionType: encryption.type, ...(encryption.kmsKey ? { kmsKey: encryption.kmsKey } : {}) },
    tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
  });
  await createIdempotent(create, 'RepositoryAlreadyExistsException', () => repositoryMatches(ctx, name, doc));
}

/**
 * Deletes a repository, but only one that carries the ownership tag right now:
 * the plan may be old, and nothing ecrform does not own is ever deleted.
 */
async function deleteOwnedRepository(ctx: StepContext, name: string): Promise<void> {
  let out;
  try {
    out = await ctx.port.listTagsForResource({ resourceArn: repositoryArn(ctx, name) });
  } catch (err) {
    // Already gone (a retried delete whose first attempt went through): done.
    if ((err as { name?: string }).name === 'RepositoryNotFoundException') return;
    throw err;
  }
  const tags = Object.fromEntries((out.tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
  if (!isOwned(tags, ctx.stack)) {
    throw new EcrformError('PLAN_REFUSED', `repository "${name}" lacks the ownership tag managed-by=${ownershipValue(ctx.stack)}; refusing to delete it`);
  }
  await deleteIdempotent(() => ctx.port.deleteRepository({ repositoryName: name, force: ctx.forceDelete }), 'RepositoryNotFoundException');
}

export const repositorySteps: StepBuilder = (change) => {
  const name = repoName(change);
  const after = change.after as JsonObject;
  switch (change.action) {
    case 'create':
      return [stepOf(change, PHASES.repositories, (ctx) => createRepository(ctx, name, after))];
    case 'replace':
      return [
        stepOf(change, PHASES.repositories, async (ctx) => {
          await deleteOwnedRepository(ctx, name);
          await createRepository(ctx, name, after);
        }),
      ];
    case 'delete':
      return [stepOf(change, PHASES.repositoryRemovals, (ctx) => deleteOwnedRepository(ctx, name))];
    case 'update':
      return [
        stepOf(change, PHASES.repositorySettings, async (ctx) => {
          if (change.calls.includes('PutImageTagMutability')) {
            await ctx.port.putImageTagMutability({ repositoryName: name, ...mutabilityInput(after) });
          }
          if (change.calls.includes('PutImageScanningConfiguration')) {
            await ctx.port.putImageScanningConfiguration({
              repositoryName: name,
              imageScanningConfiguration: { scanOnPush: after.scanOnPush as boolean },
            });
          }
        }),
      ];
  }
};

/** Tags: add and change first, then remove, so a repository is never left without its ownership tag. */
export const tagSteps: StepBuilder = (change) => {
  const name = repoName(change);
  const before = change.before as Record<string, string>;
  const after = change.after as Record<string, string>;
  return [
    stepOf(change, PHASES.repositorySettings, async (ctx) => {
      const arn = repositoryArn(ctx, name);
      const set = Object.entries(after).filter(([k, v]) => before[k] !== v);
      const removed = Object.keys(before).filter((k) => !(k in after));
      if (set.length) await ctx.port.tagResource({ resourceArn: arn, tags: set.map(([Key, Value]) => ({ Key, Value })) });
      if (removed.length) await ctx.port.untagResource({ resourceArn: arn, tagKeys: removed });
    }),
  ];
};

/** The document a put sends: as the files write it; a plan from before `written` existed has only `after`. */
export function sentDocument(change: Change): unknown {
  return change.written ?? change.after;
}

export const policySteps: StepBuilder = (change) => {
  const name = repoName(change);
  if (change.action === 'delete') {
    return [stepOf(change, PHASES.removals, (ctx) => deleteIdempotent(() => ctx.port.deleteRepositoryPolicy({ repositoryName: name }), 'RepositoryPolicyNotFoundException'))];
  }
  return [
    stepOf(change, PHASES.repositorySettings, async (ctx) => {
      // Sent without `force`: if ECR refuses a policy that would lock the caller out, the error says so.
      await ctx.port.setRepositoryPolicy({ repositoryName: name, policyText: JSON.stringify(sentDocument(change)) });
    }),
  ];
};

export const lifecyclePolicySteps: StepBuilder = (change) => {
  const name = repoName(change);
  if (change.action === 'delete') {
    return [stepOf(change, PHASES.removals, (ctx) => deleteIdempotent(() => ctx.port.deleteLifecyclePolicy({ repositoryName: name }), 'LifecyclePolicyNotFoundException'))];
  }
  return [
    stepOf(change, PHASES.repositorySettings, async (ctx) => {
      await ctx.port.putLifecyclePolicy({ repositoryName: name, lifecyclePolicyText: JSON.stringify(sentDocument(change)) });
    }),
  ];
};

/** The manifest types a pinned image may have: Docker and OCI, single images and lists (indexes). */
export const ACCEPTED_MANIFEST_TYPES = [
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
];

/** A tag pin: fetch the pinned image's manifest and put it again under the tag. */
export const imagePinSteps: StepBuilder = (change) => {
  const parsed = parseAddress(change.address);
  if (!parsed || parsed.type !== 'image') throw new Error(`bug: ${change.address} is not an image address`);
  const digest = (change.after as { digest: string }).digest;
  return [
    stepOf(change, PHASES.tagPins, async (ctx) => {
      const got = await ctx.port.batchGetImage({
        repositoryName: parsed.repository,
        imageIds: [{ imageDigest: digest }],
        // Without these ECR answers with a Docker v2 schema 2 manifest only and fails OCI images and lists.
        acceptedMediaTypes: ACCEPTED_MANIFEST_TYPES,
      });
      const image = got.images?.[0];
      if (!image?.imageManifest) {
        const failure = got.failures?.[0];
        const why = failure ? `: ${failure.failureCode ?? 'failure'} ${failure.failureReason ?? ''}`.trimEnd() : '';
        throw new EcrformError('APPLY_FAILED', `cannot read image ${digest} in repository "${parsed.repository}"${why}`);
      }
      await ctx.port.putImage({
        repositoryName: parsed.repository,
        imageManifest: image.imageManifest,
        imageManifestMediaType: image.imageManifestMediaType,
        imageTag: parsed.tag,
        imageDigest: digest,
      });
    }),
  ];
};
