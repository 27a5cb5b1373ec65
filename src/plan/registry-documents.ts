import type { Json, JsonObject } from '../model/json.js';
import type { Live } from '../model/live.js';
import type { ParsedAddress } from '../model/address.js';
import {
  DEFAULT_SCANNING,
  accountSettingDocument,
  creationTemplateDocument,
  pullThroughCacheDocument,
  registryPolicyDocument,
  replicationDocument,
  scanningDocument,
} from '../normalize/registry-settings.js';
import { pullTimeUpdateExclusionDocument, signingDocument } from '../normalize/signing.js';
import { partitionOf } from '../normalize/partition.js';

type RegistryAddress = Exclude<ParsedAddress, { repository: string }>;

/** A member of a keyed setting; own keys only, so a prefix such as `constructor` is never Object's. */
function own<T>(map: Record<string, T> | undefined, key: string): T | undefined {
  return map && Object.hasOwn(map, key) ? map[key] : undefined;
}

/*
 * The live side of each registry-level address, as one function of the live
 * state alone. The registry differ takes its `before` from here and `apply
 * PLAN` its staleness check, so both always see the same document.
 */

export function liveRegistryPolicyDocument(live: Live): JsonObject | null {
  return registryPolicyDocument(live.registry.policy, partitionOf(live.region));
}

/** Scanning always exists live; when it was not read it is ECR's default. */
export function liveScanningDocument(live: Live): JsonObject {
  return scanningDocument(live.registry.scanning ?? DEFAULT_SCANNING);
}

/** Replication always exists live ("no rules" when none); destinations that name no registry are the own one. */
export function liveReplicationDocument(live: Live): JsonObject {
  return replicationDocument(live.registry.replication ?? { rules: [] }, live.registryId);
}

export function livePullThroughCacheDocument(live: Live, prefix: string): JsonObject | null {
  const rule = own(live.registry.pullThroughCache, prefix);
  return rule ? pullThroughCacheDocument(rule) : null;
}

export function liveCreationTemplateDocument(live: Live, prefix: string): JsonObject | null {
  const template = own(live.registry.creationTemplates, prefix);
  return template ? creationTemplateDocument(template, partitionOf(live.region)) : null;
}

export function liveAccountSettingDocument(live: Live, name: string): JsonObject {
  return accountSettingDocument(own(live.registry.accountSettings, name));
}

/** Managed signing; null when the registry has none (or it was not read). */
export function liveSigningDocument(live: Live): JsonObject | null {
  return signingDocument(live.registry.signing);
}

/** One excluded principal; null when ECR does not list it. */
export function livePullTimeUpdateExclusionDocument(live: Live, principalArn: string): JsonObject | null {
  return (live.registry.pullTimeUpdateExclusions ?? []).includes(principalArn) ? pullTimeUpdateExclusionDocument(principalArn) : null;
}

/**
 * The normalized live document of a registry-level address, exactly as the
 * registry differ computed `before` for it (null when the resource does not
 * exist). Pure: reads only `live`.
 */
export function liveRegistryDocument(addr: RegistryAddress, live: Live): Json {
  switch (addr.type) {
    case 'registryPolicy':
      return liveRegistryPolicyDocument(live);
    case 'scanning':
      return liveScanningDocument(live);
    case 'replication':
      return liveReplicationDocument(live);
    case 'pullThroughCache':
      return livePullThroughCacheDocument(live, addr.prefix);
    case 'creationTemplate':
      return liveCreationTemplateDocument(live, addr.prefix);
    case 'accountSetting':
      return liveAccountSettingDocument(live, addr.name);
    case 'signing':
      return liveSigningDocument(live);
    case 'pullTimeUpdateExclusion':
      return livePullTimeUpdateExclusionDocument(live, addr.principalArn);
  }
}
