import type { PullThroughCacheRule } from '../model/desired.js';
import type { Json, JsonObject } from '../model/json.js';
import type { Live } from '../model/live.js';
import type { Change } from '../model/plan.js';
import { address } from '../model/address.js';
import { sortKeysDeep } from '../normalize/canonical-json.js';
import {
  PULL_THROUGH_CACHE_IMMUTABLE_FIELDS,
  PULL_THROUGH_CACHE_UPDATABLE_FIELDS,
  pullThroughCacheDocument,
} from '../normalize/registry-settings.js';
import type { DiffResult } from './diff-repository.js';
import { makeChange, sameDocument } from './make-change.js';
import { livePullThroughCacheDocument } from './registry-documents.js';

/**
 * ECR works out `upstreamRegistry` from the URL when the file leaves it out
 * and returns it ever after; the file saying nothing is not a difference, so
 * the desired document takes the live value while the URL stays the same.
 */
function completeFromLive(after: JsonObject, before: JsonObject | null): JsonObject {
  if (!before || before.upstreamRegistryUrl !== after.upstreamRegistryUrl) return after;
  if (after.upstreamRegistry !== undefined || before.upstreamRegistry === undefined) return after;
  return sortKeysDeep({ ...after, upstreamRegistry: before.upstreamRegistry }) as JsonObject;
}

const shown = (value: Json | undefined): string => (value === undefined ? '(none)' : String(value));

/**
 * Why a change to a live rule cannot be made in place, one line per field:
 * the upstream fields are fixed at creation, and UpdatePullThroughCacheRule
 * sets a credential or role but cannot remove one. Empty when an update does.
 */
function replaceReasons(before: JsonObject, after: JsonObject): string[] {
  const reasons: string[] = [];
  for (const field of PULL_THROUGH_CACHE_IMMUTABLE_FIELDS) {
    if (before[field] !== after[field]) {
      reasons.push(
        `${field} cannot change on a live pull-through cache rule (${shown(before[field])} -> ${shown(after[field])}): the rule is deleted and created again; repositories already cached are kept`,
      );
    }
  }
  for (const field of PULL_THROUGH_CACHE_UPDATABLE_FIELDS) {
    if (before[field] !== undefined && after[field] === undefined) {
      reasons.push(
        `${field} cannot be removed from a live pull-through cache rule (UpdatePullThroughCacheRule only sets it): the rule is deleted and created again; repositories already cached are kept`,
      );
    }
  }
  return reasons;
}

function diffDeclared(prefix: string, rule: PullThroughCacheRule, live: Live): Change | 'unchanged' {
  const addr = address.pullThroughCache(prefix);
  const before = livePullThroughCacheDocument(live, prefix);
  const after = completeFromLive(pullThroughCacheDocument(rule), before);
  if (before === null) {
    return makeChange({ address: addr, kind: 'pullThroughCache', action: 'create', before, after, calls: ['CreatePullThroughCacheRule'] });
  }
  if (sameDocument(before, after)) return 'unchanged';
  const warnings = replaceReasons(before, after);
  if (warnings.length > 0) {
    return makeChange({
      address: addr,
      kind: 'pullThroughCache',
      action: 'replace',
      reason: 'immutable-field',
      before,
      after,
      calls: ['DeletePullThroughCacheRule', 'CreatePullThroughCacheRule'],
      warnings,
    });
  }
  return makeChange({ address: addr, kind: 'pullThroughCache', action: 'update', before, after, calls: ['UpdatePullThroughCacheRule'] });
}

/**
 * Pull-through cache rules by ECR repository prefix. Managed only when the
 * key is present (`declared` defined); then it is the whole truth: a declared
 * prefix is created, updated (credentialArn, customRoleArn) or replaced (any
 * other field), and a live rule no file declares is deleted.
 */
export function diffPullThroughCache(declared: Record<string, PullThroughCacheRule> | undefined, live: Live): DiffResult {
  if (!declared) return { changes: [], unchanged: 0 };
  const changes: Change[] = [];
  let unchanged = 0;
  for (const prefix of Object.keys(declared).sort()) {
    const result = diffDeclared(prefix, declared[prefix], live);
    if (result === 'unchanged') unchanged += 1;
    else changes.push(result);
  }
  for (const prefix of Object.keys(live.registry.pullThroughCache ?? {}).sort()) {
    if (Object.hasOwn(declared, prefix)) continue;
    changes.push(
      makeChange({
        address: address.pullThroughCache(prefix),
        kind: 'pullThroughCache',
        action: 'delete',
        before: livePullThroughCacheDocument(live, prefix),
        after: null,
        calls: ['DeletePullThroughCacheRule'],
      }),
    );
  }
  return { changes, unchanged };
}
