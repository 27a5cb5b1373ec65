import type { DesiredRegistry } from '../model/desired.js';
import type { JsonObject } from '../model/json.js';
import type { Live } from '../model/live.js';
import type { Change } from '../model/plan.js';
import { address } from '../model/address.js';
import { EcrformError } from '../errors.js';
import { partitionOf } from '../normalize/partition.js';
import {
  accountSettingDocument,
  registryPolicyDocument,
  replicationDocument,
  scanningDocument,
} from '../normalize/registry-settings.js';
import type { DiffResult } from './diff-repository.js';
import { diffPullThroughCache } from './diff-pull-through-cache.js';
import { diffCreationTemplates } from './diff-creation-templates.js';
import { diffPullTimeUpdateExclusions, diffSigning } from './diff-signing.js';
import { makeChange, sameDocument } from './make-change.js';
import {
  liveAccountSettingDocument,
  liveRegistryPolicyDocument,
  liveReplicationDocument,
  liveScanningDocument,
} from './registry-documents.js';

const NOTHING: DiffResult = { changes: [], unchanged: 0 };

/**
 * The registry policy. Managed only when `policy` is present; `policy: null`
 * means "no registry policy" and deletes a live one.
 */
function diffRegistryPolicy(desired: DesiredRegistry, live: Live): DiffResult {
  const wanted = desired.policy;
  if (wanted === undefined) return NOTHING;
  const before = liveRegistryPolicyDocument(live);
  const after = registryPolicyDocument(wanted, partitionOf(live.region));
  // Both absent, or the same document (sameDocument compares null too).
  if (sameDocument(before, after)) return { changes: [], unchanged: 1 };
  const action = before === null ? 'create' : after === null ? 'delete' : 'update';
  const calls = [after === null ? 'DeleteRegistryPolicy' : 'PutRegistryPolicy'];
  // Sent as written (wanted), compared normalized.
  const change = makeChange({ address: address.registryPolicy(), kind: 'registryPolicy', action, before, after, written: wanted, calls });
  return { changes: [change], unchanged: 0 };
}

/** A setting that always exists live: equal, or one update with one call. */
function diffAlwaysThere(
  addr: string,
  kind: 'scanning' | 'replication' | 'accountSetting',
  before: JsonObject,
  after: JsonObject,
  call: string,
): DiffResult {
  if (sameDocument(before, after)) return { changes: [], unchanged: 1 };
  return { changes: [makeChange({ address: addr, kind, action: 'update', before, after, calls: [call] })], unchanged: 0 };
}

/**
 * Scanning always exists live (BASIC with no rules by default), so a declared
 * value that differs is an update; declaring no rules sends an explicit
 * empty list (apply), which clears them.
 */
function diffScanning(desired: DesiredRegistry, live: Live): DiffResult {
  if (!desired.scanning) return NOTHING;
  return diffAlwaysThere(address.scanning(), 'scanning', liveScanningDocument(live), scanningDocument(desired.scanning), 'PutRegistryScanningConfiguration');
}

/** Replication always exists live (no rules by default); `rules: []` means none. */
function diffReplication(desired: DesiredRegistry, live: Live): DiffResult {
  if (!desired.replication) return NOTHING;
  // Validation catches this where the file names its region; here the region is known for sure.
  desired.replication.rules.forEach((rule, i) => {
    if (rule.destinations.some((d) => d.region === live.region && (d.registryId ?? live.registryId) === live.registryId)) {
      throw new EcrformError(
        'PLAN_REFUSED',
        `registry.replication rule ${i + 1} replicates into this registry itself (${live.registryId}, ${live.region}); ECR refuses that: name another region or account`,
      );
    }
  });
  const after = replicationDocument(desired.replication, live.registryId);
  return diffAlwaysThere(address.replication(), 'replication', liveReplicationDocument(live), after, 'PutReplicationConfiguration');
}

/**
 * Account settings always have a value, so each declared one is an update or
 * unchanged. There is no delete: removing the key stops managing it.
 */
function diffAccountSettings(desired: DesiredRegistry, live: Live): DiffResult[] {
  return Object.keys(desired.accountSettings ?? {})
    .sort()
    .map((name) =>
      diffAlwaysThere(
        address.accountSetting(name),
        'accountSetting',
        liveAccountSettingDocument(live, name),
        accountSettingDocument(desired.accountSettings?.[name]),
        'PutAccountSetting',
      ),
    );
}

/**
 * Registry-level settings: only the keys the files manage (a key that is
 * undefined is neither read nor changed). Each managed key is the whole truth
 * for its setting (format.md). Pure: no I/O. Every change's `before` equals
 * `liveRegistryDocument` of its address on the same `live`.
 */
export function diffRegistry(desired: DesiredRegistry, live: Live): DiffResult {
  const results = [
    ...diffAccountSettings(desired, live),
    diffRegistryPolicy(desired, live),
    diffScanning(desired, live),
    diffReplication(desired, live),
    diffPullThroughCache(desired.pullThroughCache, live),
    diffCreationTemplates(desired.creationTemplates, live),
    diffSigning(desired, live),
    diffPullTimeUpdateExclusions(desired, live),
  ];
  const changes: Change[] = results.flatMap((r) => r.changes);
  return { changes, unchanged: results.reduce((n, r) => n + r.unchanged, 0) };
}
