import type { CreationTemplate, Encryption, PullThroughCacheRule, ReplicationConfiguration, ScanningConfiguration } from '../model/desired.js';
import type { JsonObject } from '../model/json.js';
import { canonicalStringify, compareStrings, sortKeysDeep } from './canonical-json.js';
import { normalizeTags, sortedUnique } from './filters.js';
import { normalizeLifecyclePolicy } from './lifecycle.js';
import { normalizePolicy } from './policy.js';

/*
 * The normalized documents of the registry-wide settings: the `before` and
 * `after` of their plan changes. Desired and live values go through the same
 * functions, so two settings ECR treats alike give equal documents
 * (semantics.md "Normalizing before comparing"). Every document has its keys
 * sorted at every depth and holds nothing but JSON.
 */

/** Pull-through cache fields that UpdatePullThroughCacheRule cannot change. */
export const PULL_THROUGH_CACHE_IMMUTABLE_FIELDS = ['upstreamRegistryUrl', 'upstreamRegistry', 'upstreamRepositoryPrefix'] as const;
/** Pull-through cache fields that UpdatePullThroughCacheRule sets (but cannot clear). */
export const PULL_THROUGH_CACHE_UPDATABLE_FIELDS = ['credentialArn', 'customRoleArn'] as const;

/** ECR's default for a registry never configured: basic scanning, no rules. */
export const DEFAULT_SCANNING: ScanningConfiguration = { scanType: 'BASIC', rules: [] };

/** The registry (permissions) policy; null when there is none. */
export function registryPolicyDocument(policy: JsonObject | null | undefined, partition: string): JsonObject | null {
  return policy ? normalizePolicy(policy, partition) : null;
}

/**
 * Scanning: the rules are a set (semantics.md; ECR does not keep the order
 * they were sent in), so they are sorted by their canonical text and
 * duplicates collapse; the WILDCARD filters of one rule are a set too.
 */
export function scanningDocument(config: ScanningConfiguration): JsonObject {
  const rules = config.rules.map((rule) => sortKeysDeep({ scanFrequency: rule.scanFrequency, repositoryFilters: sortedUnique(rule.repositoryFilters) }));
  const byText = new Map(rules.map((rule) => [canonicalStringify(rule), rule] as const));
  return {
    rules: [...byText.keys()].sort(compareStrings).map((text) => byText.get(text) as JsonObject),
    scanType: config.scanType,
  };
}

/**
 * Replication: rule order and destination order count as written; the
 * PREFIX_MATCH filters of one rule are a set, and no filters is `[]`. A
 * destination without `registryId` replicates to the own account, so it gets
 * `ownAccount`: the file may leave it out, ECR always returns it.
 */
export function replicationDocument(config: ReplicationConfiguration, ownAccount: string): JsonObject {
  return sortKeysDeep({
    rules: config.rules.map((rule) => ({
      destinations: rule.destinations.map((d) => ({ region: d.region, registryId: d.registryId ?? ownAccount })),
      repositoryFilters: sortedUnique(rule.repositoryFilters ?? []),
    })),
  }) as JsonObject;
}

/** Present and not empty: ECR answers "" and absent alike for an unset string. */
function given(value: string | undefined): value is string {
  return typeof value === 'string' && value.length > 0;
}

/**
 * A pull-through cache rule. Unset optional fields are left out;
 * `upstreamRepositoryPrefix: ROOT` is ECR's default and the same as leaving it
 * out.
 */
export function pullThroughCacheDocument(rule: Omit<PullThroughCacheRule, 'source'>): JsonObject {
  const doc: JsonObject = { upstreamRegistryUrl: rule.upstreamRegistryUrl };
  if (given(rule.upstreamRegistry)) doc.upstreamRegistry = rule.upstreamRegistry;
  if (given(rule.upstreamRepositoryPrefix) && rule.upstreamRepositoryPrefix !== 'ROOT') {
    doc.upstreamRepositoryPrefix = rule.upstreamRepositoryPrefix;
  }
  if (given(rule.credentialArn)) doc.credentialArn = rule.credentialArn;
  if (given(rule.customRoleArn)) doc.customRoleArn = rule.customRoleArn;
  return sortKeysDeep(doc) as JsonObject;
}

function encryptionDocument(encryption: Encryption): JsonObject {
  return given(encryption.kmsKey) ? { type: encryption.type, kmsKey: encryption.kmsKey } : { type: encryption.type };
}

/**
 * A repository creation template. `appliedFor` and the exclusion filters are
 * sets; `resourceTags` a map; policies normalized as repository policies and
 * lifecycle policies are (null when none); an empty description or role is
 * the same as none.
 */
export function creationTemplateDocument(template: Omit<CreationTemplate, 'source'>, partition: string): JsonObject {
  const doc: JsonObject = {
    appliedFor: sortedUnique(template.appliedFor),
    imageTagMutability: template.imageTagMutability,
    imageTagMutabilityExclusionFilters: sortedUnique(template.imageTagMutabilityExclusionFilters),
    encryption: encryptionDocument(template.encryption),
    resourceTags: normalizeTags(template.resourceTags),
    repositoryPolicy: template.repositoryPolicy ? normalizePolicy(template.repositoryPolicy, partition) : null,
    lifecyclePolicy: template.lifecyclePolicy ? normalizeLifecyclePolicy(template.lifecyclePolicy) : null,
  };
  if (given(template.description)) doc.description = template.description;
  if (given(template.customRoleArn)) doc.customRoleArn = template.customRoleArn;
  return sortKeysDeep(doc) as JsonObject;
}

/** An account setting: its value, null when ECR reported none. */
export function accountSettingDocument(value: string | undefined): JsonObject {
  return { value: value ?? null };
}
