import type { DesiredRepository, Encryption, IgnorableField } from '../model/desired.js';
import type { JsonObject } from '../model/json.js';
import type { LiveRepository } from '../model/live.js';
import { OWNERSHIP_TAG_KEY, ownershipValue } from '../model/ownership.js';
import { normalizeTags, sortedUnique } from '../normalize/filters.js';
import { normalizePolicy } from '../normalize/policy.js';
import { normalizeLifecyclePolicy } from '../normalize/lifecycle.js';

/**
 * The normalized documents the differ compares, one per address. Both sides go
 * through the same functions, so a plan never shows a change ECR would not see.
 */
type RepositorySettings = Pick<
  DesiredRepository,
  'imageTagMutability' | 'imageTagMutabilityExclusionFilters' | 'scanOnPush' | 'encryption'
>;

function encryptionDocument(encryption: Encryption): JsonObject {
  return encryption.kmsKey ? { type: encryption.type, kmsKey: encryption.kmsKey } : { type: encryption.type };
}

/** The repository's own settings (mutability, exclusion filters, scanOnPush, encryption), minus ignored fields. */
export function settingsDocument(repo: RepositorySettings, ignore: IgnorableField[] = []): JsonObject {
  const doc: JsonObject = {};
  if (!ignore.includes('imageTagMutability')) {
    doc.imageTagMutability = repo.imageTagMutability;
    doc.imageTagMutabilityExclusionFilters = sortedUnique(repo.imageTagMutabilityExclusionFilters);
  }
  if (!ignore.includes('scanOnPush')) doc.scanOnPush = repo.scanOnPush;
  doc.encryption = encryptionDocument(repo.encryption);
  return doc;
}

/**
 * The live settings as compared with a desired repository. When the desired KMS
 * encryption names no key, ECR picks the AWS managed key, so the live key ARN is
 * not a difference.
 */
export function liveSettingsDocument(live: LiveRepository, desired?: DesiredRepository): JsonObject {
  const doc = settingsDocument(live, desired?.ignore);
  const dropKey = desired && !desired.encryption.kmsKey && desired.encryption.type === live.encryption.type;
  if (dropKey) doc.encryption = { type: live.encryption.type };
  return doc;
}

/** Desired tags with this stack's ownership tag, as a sorted map. */
export function desiredTagsDocument(repo: DesiredRepository): JsonObject {
  return normalizeTags({ ...repo.tags, [OWNERSHIP_TAG_KEY]: ownershipValue(repo.stack) });
}

/** Live tags, less the `aws:` ones: AWS owns those, they cannot be removed, so they never count as a difference. */
export function liveTagsDocument(live: LiveRepository): JsonObject {
  return normalizeTags(Object.fromEntries(Object.entries(live.tags).filter(([key]) => !key.startsWith('aws:'))));
}

/** `partition` is the registry's (partitionOf its region): account ids become root ARNs in it. */
export function policyDocument(policy: JsonObject | null | undefined, partition: string): JsonObject | null {
  return policy ? normalizePolicy(policy, partition) : null;
}

export function lifecycleDocument(policy: JsonObject | null | undefined): JsonObject | null {
  return policy ? normalizeLifecyclePolicy(policy) : null;
}

/**
 * A live repository as a replace deletes it: settings, tags and both policies
 * (null when none). The replace's `before`, and what `apply PLAN` checks is
 * still so before it deletes.
 */
export function replacedDocument(live: LiveRepository, partition: string): JsonObject {
  return {
    ...settingsDocument(live),
    tags: liveTagsDocument(live),
    policy: policyDocument(live.details?.policy, partition),
    lifecyclePolicy: lifecycleDocument(live.details?.lifecyclePolicy),
  };
}

/** What CreateRepository receives for a declared repository: settings and tags together. */
export function createDocument(repo: DesiredRepository): JsonObject {
  return { ...settingsDocument(repo), tags: desiredTagsDocument(repo) };
}
