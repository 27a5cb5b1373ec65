import { describe, expect, it } from 'vitest';
import { diffRegistry } from '../../src/plan/diff-registry.js';
import type { DesiredRegistry } from '../../src/model/desired.js';
import type { JsonObject } from '../../src/model/json.js';
import type { LiveRegistrySettings } from '../../src/model/live.js';
import type { Change } from '../../src/model/plan.js';
import { ACCOUNT } from '../helpers/builders.js';
import { OTHER_ACCOUNT, liveWith, staleCheckDocuments } from './registry-builders.js';

const brief = (changes: Change[]) => changes.map((c) => [c.address, c.action, c.reason, c.calls.join('+')]);

const POLICY: JsonObject = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'replicate',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` },
      Action: ['ecr:ReplicateImage', 'ecr:CreateRepository'],
      Resource: `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/*`,
    },
  ],
};
/** The same policy as IAM sees it: one statement object, an account id, actions in another order. */
const POLICY_AS_WRITTEN: JsonObject = {
  Statement: {
    Resource: [`arn:aws:ecr:us-east-1:${ACCOUNT}:repository/*`],
    Action: ['ecr:CreateRepository', 'ecr:ReplicateImage', 'ecr:CreateRepository'],
    Principal: { AWS: OTHER_ACCOUNT },
    Effect: 'Allow',
    Sid: 'replicate',
  },
  Version: '2012-10-17',
};
const OTHER_POLICY: JsonObject = { ...POLICY, Statement: [{ ...(POLICY.Statement as JsonObject[])[0], Action: 'ecr:ReplicateImage' }] };

interface Row {
  name: string;
  desired: DesiredRegistry;
  live: LiveRegistrySettings;
  expected: Array<[string, string, string | null, string]>;
  unchanged?: number;
}

const rows: Row[] = [
  // registry.policy
  { name: 'an equal policy after normalization is no change', desired: { policy: POLICY_AS_WRITTEN }, live: { policy: POLICY }, expected: [], unchanged: 1 },
  { name: 'a policy where none exists is a create', desired: { policy: POLICY }, live: { policy: null }, expected: [['registry.policy', 'create', null, 'PutRegistryPolicy']] },
  { name: 'a different policy is an update', desired: { policy: OTHER_POLICY }, live: { policy: POLICY }, expected: [['registry.policy', 'update', null, 'PutRegistryPolicy']] },
  { name: 'an absent policy key leaves the live policy alone', desired: {}, live: { policy: POLICY }, expected: [], unchanged: 0 },
  {
    name: 'a null policy ("none", reserved by the model) deletes the live one',
    desired: { policy: null },
    live: { policy: POLICY },
    expected: [['registry.policy', 'delete', null, 'DeleteRegistryPolicy']],
  },
  // registry.scanning
  {
    name: 'scanning filters in another order are no change',
    desired: { scanning: { scanType: 'ENHANCED', rules: [{ scanFrequency: 'CONTINUOUS_SCAN', repositoryFilters: ['prod/*', 'app*'] }] } },
    live: { scanning: { scanType: 'ENHANCED', rules: [{ scanFrequency: 'CONTINUOUS_SCAN', repositoryFilters: ['app*', 'prod/*', 'app*'] }] } },
    expected: [],
    unchanged: 1,
  },
  { name: 'BASIC with no rules matches a registry never configured', desired: { scanning: { scanType: 'BASIC', rules: [] } }, live: {}, expected: [], unchanged: 1 },
  {
    name: 'a declared scanning that differs from the default is an update, never a create',
    desired: { scanning: { scanType: 'ENHANCED', rules: [] } },
    live: { scanning: { scanType: 'BASIC', rules: [] } },
    expected: [['registry.scanning', 'update', null, 'PutRegistryScanningConfiguration']],
  },
  {
    name: 'scanning rules are a set: their order does not count',
    desired: { scanning: { scanType: 'ENHANCED', rules: [{ scanFrequency: 'SCAN_ON_PUSH', repositoryFilters: ['*'] }, { scanFrequency: 'CONTINUOUS_SCAN', repositoryFilters: ['prod/*'] }] } },
    live: { scanning: { scanType: 'ENHANCED', rules: [{ scanFrequency: 'CONTINUOUS_SCAN', repositoryFilters: ['prod/*'] }, { scanFrequency: 'SCAN_ON_PUSH', repositoryFilters: ['*'] }] } },
    expected: [],
    unchanged: 1,
  },
  {
    name: 'a scanning rule whose frequency changes is an update',
    desired: { scanning: { scanType: 'ENHANCED', rules: [{ scanFrequency: 'SCAN_ON_PUSH', repositoryFilters: ['*'] }, { scanFrequency: 'CONTINUOUS_SCAN', repositoryFilters: ['prod/*'] }] } },
    live: { scanning: { scanType: 'ENHANCED', rules: [{ scanFrequency: 'SCAN_ON_PUSH', repositoryFilters: ['prod/*'] }, { scanFrequency: 'CONTINUOUS_SCAN', repositoryFilters: ['*'] }] } },
    expected: [['registry.scanning', 'update', null, 'PutRegistryScanningConfiguration']],
  },
  // registry.replication
  {
    name: 'a destination without registryId is the own account',
    desired: { replication: { rules: [{ destinations: [{ region: 'us-west-2' }], repositoryFilters: ['team-a/', 'team-b/'] }] } },
    live: { replication: { rules: [{ destinations: [{ region: 'us-west-2', registryId: ACCOUNT }], repositoryFilters: ['team-b/', 'team-a/'] }] } },
    expected: [],
    unchanged: 1,
  },
  {
    name: 'a destination in another account is a difference',
    desired: { replication: { rules: [{ destinations: [{ region: 'us-west-2' }], repositoryFilters: [] }] } },
    live: { replication: { rules: [{ destinations: [{ region: 'us-west-2', registryId: OTHER_ACCOUNT }], repositoryFilters: [] }] } },
    expected: [['registry.replication', 'update', null, 'PutReplicationConfiguration']],
  },
  {
    name: 'rules: [] removes live replication',
    desired: { replication: { rules: [] } },
    live: { replication: { rules: [{ destinations: [{ region: 'us-west-2', registryId: ACCOUNT }], repositoryFilters: [] }] } },
    expected: [['registry.replication', 'update', null, 'PutReplicationConfiguration']],
  },
  { name: 'rules: [] matches a registry that never replicated', desired: { replication: { rules: [] } }, live: {}, expected: [], unchanged: 1 },
  // accountSetting
  {
    name: 'an account setting with another value is an update',
    desired: { accountSettings: { BASIC_SCAN_TYPE_VERSION: 'AWS_NATIVE', REGISTRY_POLICY_SCOPE: 'V2' } },
    live: { accountSettings: { BASIC_SCAN_TYPE_VERSION: 'CLAIR', REGISTRY_POLICY_SCOPE: 'V2' } },
    expected: [['accountSetting["BASIC_SCAN_TYPE_VERSION"]', 'update', null, 'PutAccountSetting']],
    unchanged: 1,
  },
  { name: 'an account setting no longer declared is left alone', desired: {}, live: { accountSettings: { BASIC_SCAN_TYPE_VERSION: 'CLAIR' } }, expected: [] },
];

describe('diffRegistry: policy, scanning, replication, account settings', () => {
  it.each(rows)('$name', ({ desired, live, expected, unchanged }) => {
    const state = liveWith(live);
    const result = diffRegistry(desired, state);
    expect(brief(result.changes)).toEqual(expected);
    if (unchanged !== undefined) expect(result.unchanged).toBe(unchanged);
    // apply PLAN's staleness check must see exactly the `before` the differ planned against.
    for (const doc of staleCheckDocuments(result.changes, state)) expect(doc.now).toEqual(doc.before);
  });

  it('removing every scanning rule plans an explicit empty rules list', () => {
    const live = liveWith({ scanning: { scanType: 'ENHANCED', rules: [{ scanFrequency: 'CONTINUOUS_SCAN', repositoryFilters: ['*'] }] } });
    const [change] = diffRegistry({ scanning: { scanType: 'ENHANCED', rules: [] } }, live).changes;
    expect(change.after).toEqual({ scanType: 'ENHANCED', rules: [] });
    expect(change.patch).toEqual([{ op: 'remove', path: '/rules/0' }]);
  });

  it('fills the own account into replication destinations in `after`', () => {
    const [change] = diffRegistry({ replication: { rules: [{ destinations: [{ region: 'eu-west-1' }], repositoryFilters: ['b/', 'a/'] }] } }, liveWith({})).changes;
    expect(change.before).toEqual({ rules: [] });
    expect(change.after).toEqual({ rules: [{ destinations: [{ region: 'eu-west-1', registryId: ACCOUNT }], repositoryFilters: ['a/', 'b/'] }] });
  });

  it('a create has no fingerprint; an update fingerprints the normalized live document', () => {
    const created = diffRegistry({ policy: POLICY }, liveWith({ policy: null })).changes[0];
    expect(created.liveFingerprint).toBeNull();
    const updated = diffRegistry({ policy: OTHER_POLICY }, liveWith({ policy: POLICY_AS_WRITTEN })).changes[0];
    expect(updated.liveFingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(updated.before).toEqual(diffRegistry({ policy: OTHER_POLICY }, liveWith({ policy: POLICY })).changes[0].before);
  });
});
