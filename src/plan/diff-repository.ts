import type { DesiredRepository, IgnorableField } from '../model/desired.js';
import type { JsonObject } from '../model/json.js';
import type { LiveRepository } from '../model/live.js';
import type { Change, Expiry } from '../model/plan.js';
import { address } from '../model/address.js';
import { OWNERSHIP_TAG_KEY, isOwned, ownershipValue } from '../model/ownership.js';
import { PlanTimeError } from '../errors.js';
import { makeChange, sameDocument, type ChangeInput } from './make-change.js';
import {
  createDocument,
  desiredTagsDocument,
  lifecycleDocument,
  liveSettingsDocument,
  liveTagsDocument,
  policyDocument,
  replacedDocument,
  settingsDocument,
} from './repository-documents.js';
import { hasTransitionRule, previewLifecycleActions } from './lifecycle-preview.js';
import { sortByKey } from '../normalize/filters.js';
import { diffImagePins } from './diff-image-pins.js';

export interface RepositoryDiffContext {
  /** The clock for the lifecycle preview (sinceImagePushed counts from it). */
  now: Date;
  lifecyclePreview: boolean;
  /** The registry's partition (partitionOf its region), for account ids in policies. */
  partition: string;
}

/** Changes for one address pair plus how many addresses were compared and found equal. */
export interface DiffResult {
  changes: Change[];
  unchanged: number;
}

const NO_IMAGES: Expiry = { count: 0, bytes: 0, images: [] };

/**
 * The lifecycle preview of a created or changed policy: what it expires now,
 * what it archives now (only for a policy with a transition rule: no other
 * can archive), and its notes as warnings. Nothing for a removed policy (null)
 * or with the preview off.
 */
function previewFor(policy: JsonObject | null, live: LiveRepository | undefined, ctx: RepositoryDiffContext): Pick<ChangeInput, 'expires' | 'archives' | 'warnings'> {
  if (!policy || !ctx.lifecyclePreview) return {};
  const archiving = hasTransitionRule(policy);
  if (!live) return archiving ? { expires: NO_IMAGES, archives: NO_IMAGES } : { expires: NO_IMAGES };
  if (!live.images) return {};
  const { expires, archives, notes } = previewLifecycleActions(policy, live.images, ctx.now);
  return archiving ? { expires, archives, warnings: notes } : { expires, warnings: notes };
}

/** A declared repository that does not exist: one create, plus its policies and pins. */
function diffNew(desired: DesiredRepository, ctx: RepositoryDiffContext): DiffResult {
  const name = desired.name;
  const changes = [
    makeChange({ address: address.repository(name), kind: 'repository', action: 'create', before: null, after: createDocument(desired), calls: ['CreateRepository'] }),
    ...diffSubDocuments(desired, undefined, ctx),
    ...diffImagePins(desired, undefined),
  ];
  return { changes, unchanged: 0 };
}

/** Policy and lifecycle policy: the same whether the repository is new, replaced or kept. */
function diffSubDocuments(desired: DesiredRepository, live: LiveRepository | undefined, ctx: RepositoryDiffContext): Change[] {
  const name = desired.name;
  const changes: Change[] = [];
  const pairs = [
    { kind: 'policy' as const, field: 'policy' as const, addr: address.policy(name), put: 'SetRepositoryPolicy', del: 'DeleteRepositoryPolicy', norm: (d: JsonObject | null | undefined) => policyDocument(d, ctx.partition) },
    { kind: 'lifecyclePolicy' as const, field: 'lifecyclePolicy' as const, addr: address.lifecyclePolicy(name), put: 'PutLifecyclePolicy', del: 'DeleteLifecyclePolicy', norm: lifecycleDocument },
  ];
  for (const p of pairs) {
    if (live && desired.ignore.includes(p.field)) continue;
    const before = live ? p.norm(live.details?.[p.field]) : null;
    const after = p.norm(desired[p.field]);
    // Equal, or absent on both sides (sameDocument compares null too).
    if (sameDocument(before, after)) continue;
    const action = before === null ? 'create' : after === null ? 'delete' : 'update';
    // A removed policy (after null) previews nothing: previewFor returns {} for it.
    const preview = p.kind === 'lifecyclePolicy' ? previewFor(after, live, ctx) : {};
    // Sent as written: normalizing is for comparing only (semantics.md).
    const written = desired[p.field];
    changes.push(makeChange({ address: p.addr, kind: p.kind, action, before, after, written, calls: [after === null ? p.del : p.put], ...preview }));
  }
  return changes;
}

/** How many sub-addresses of a kept repository were compared and are equal. */
function countUnchanged(desired: DesiredRepository, live: LiveRepository, changes: Change[]): number {
  const compared = [address.repository(desired.name), address.tags(desired.name)];
  if (!desired.ignore.includes('policy') && (desired.policy || live.details?.policy)) compared.push(address.policy(desired.name));
  if (!desired.ignore.includes('lifecyclePolicy') && (desired.lifecyclePolicy || live.details?.lifecyclePolicy)) {
    compared.push(address.lifecyclePolicy(desired.name));
  }
  for (const tag of Object.keys(desired.images)) compared.push(address.image(desired.name, tag));
  const changed = new Set(changes.map((c) => c.address));
  return compared.filter((a) => !changed.has(a)).length;
}

/**
 * The repository a replace creates: the desired one, with every field its
 * `ignore` list names taken from the live repository, since a field left as
 * it is live must outlive the delete (format.md "ignore").
 */
function carriedThroughReplace(desired: DesiredRepository, live: LiveRepository): DesiredRepository {
  const ignored = (field: IgnorableField) => desired.ignore.includes(field);
  const liveTags = Object.fromEntries(
    Object.entries(live.tags).filter(([key]) => key !== OWNERSHIP_TAG_KEY && !key.startsWith('aws:')),
  );
  return {
    ...desired,
    ...(ignored('imageTagMutability')
      ? { imageTagMutability: live.imageTagMutability, imageTagMutabilityExclusionFilters: [...live.imageTagMutabilityExclusionFilters] }
      : {}),
    ...(ignored('scanOnPush') ? { scanOnPush: live.scanOnPush } : {}),
    ...(ignored('tags') ? { tags: liveTags } : {}),
    ...(ignored('policy') ? { policy: live.details?.policy ?? null } : {}),
    ...(ignored('lifecyclePolicy') ? { lifecyclePolicy: live.details?.lifecyclePolicy ?? null } : {}),
    ignore: [],
  };
}

/** The warnings of a replace: what it destroys, what it carries over, which pins it cannot keep. */
function replaceWarnings(desired: DesiredRepository, live: LiveRepository): string[] {
  const warnings = [
    `encryption cannot change on a live repository (${live.encryption.type} -> ${desired.encryption.type}): it is deleted, destroying its images, then created again with its settings, tags and policies`,
  ];
  if (desired.ignore.length) {
    warnings.push(`ignored fields keep their live values through the replace: ${[...desired.ignore].sort().join(', ')}`);
  }
  const pins = Object.keys(desired.images).sort();
  if (pins.length) {
    warnings.push(`tag pins not applied: the replace deletes the images they point at (${pins.join(', ')}); push them again, then apply`);
  }
  return warnings;
}

/** A declared repository whose encryption differs: delete and create again, never in place. */
function diffReplace(desired: DesiredRepository, live: LiveRepository, ctx: RepositoryDiffContext): DiffResult {
  const name = desired.name;
  if (!isOwned(live.tags, desired.stack)) {
    const { file, line, col } = desired.source;
    const message = `repository "${name}": encryption cannot change in place (${live.encryption.type} -> ${desired.encryption.type}), and ecrform deletes only repositories carrying managed-by: ${ownershipValue(desired.stack)}; adopt it first (declare its live encryption and apply), then change the encryption`;
    throw new PlanTimeError([{ file, line, col, path: `/repositories/${name}/encryption`, message }]);
  }
  const carried = carriedThroughReplace(desired, live);
  const replace = makeChange({
    address: address.repository(name),
    kind: 'repository',
    action: 'replace',
    reason: 'immutable-field',
    // Everything the delete destroys, policies included: `apply PLAN` checks all of it is still as planned.
    before: replacedDocument(live, ctx.partition),
    after: createDocument(carried),
    calls: ['DeleteRepository', 'CreateRepository'],
    warnings: replaceWarnings(desired, live),
  });
  // After the delete nothing of the old repository is left: its policies are created anew.
  // Its images are gone too, so no tag pin can be met (replaceWarnings says so).
  return { changes: [replace, ...diffSubDocuments(carried, undefined, ctx)], unchanged: 0 };
}

/** One declared repository against its live counterpart (or none). */
export function diffDeclaredRepository(
  desired: DesiredRepository,
  live: LiveRepository | undefined,
  ctx: RepositoryDiffContext,
): DiffResult {
  if (!live) return diffNew(desired, ctx);
  const after = settingsDocument(desired, desired.ignore);
  const before = liveSettingsDocument(live, desired);
  if (!sameDocument(before.encryption, after.encryption)) return diffReplace(desired, live, ctx);

  const name = desired.name;
  const changes: Change[] = [];
  if (!sameDocument(before, after)) {
    const calls: string[] = [];
    if (!sameDocument(before.imageTagMutability ?? null, after.imageTagMutability ?? null) ||
        !sameDocument(before.imageTagMutabilityExclusionFilters ?? null, after.imageTagMutabilityExclusionFilters ?? null)) {
      calls.push('PutImageTagMutability');
    }
    if (before.scanOnPush !== after.scanOnPush) calls.push('PutImageScanningConfiguration');
    changes.push(makeChange({ address: address.repository(name), kind: 'repository', action: 'update', before, after, calls }));
  }

  const tagsBefore = liveTagsDocument(live);
  // With `ignore: [tags]` the live tags stay as they are; only ownership is added.
  const tagsAfter = desired.ignore.includes('tags')
    ? { ...tagsBefore, ...desiredTagsDocument({ ...desired, tags: {} }) }
    : desiredTagsDocument(desired);
  if (!sameDocument(tagsBefore, tagsAfter)) {
    const adds = Object.keys(tagsAfter).some((k) => tagsBefore[k] !== tagsAfter[k]);
    const removes = Object.keys(tagsBefore).some((k) => !(k in tagsAfter));
    changes.push(
      makeChange({
        address: address.tags(name),
        kind: 'tags',
        action: 'update',
        reason: isOwned(live.tags, desired.stack) ? null : 'adopt',
        before: tagsBefore,
        after: sortByKey(tagsAfter),
        calls: [...(adds ? ['TagResource'] : []), ...(removes ? ['UntagResource'] : [])],
      }),
    );
  }
  changes.push(...diffSubDocuments(desired, live, ctx), ...diffImagePins(desired, live));
  return { changes, unchanged: countUnchanged(desired, live, changes) };
}

/** A managed live repository that no file declares, with prune on: one delete. */
export function diffPrunedRepository(live: LiveRepository): Change {
  return makeChange({
    address: address.repository(live.name),
    kind: 'repository',
    action: 'delete',
    reason: 'prune',
    before: { ...liveSettingsDocument(live), tags: liveTagsDocument(live) },
    after: null,
    calls: ['DeleteRepository'],
  });
}
