import { describe, expect, it } from 'vitest';
import { diffRegistry } from '../../src/plan/diff-registry.js';
import { parseAddress, address } from '../../src/model/address.js';
import { compareAddresses } from '../../src/plan/order.js';
import { ACCOUNT } from '../helpers/builders.js';
import { liveWith, staleCheckDocuments } from './registry-builders.js';

const PROFILE = `arn:aws:signer:us-east-1:${ACCOUNT}:/signing-profiles/ecr_signing`;
const OTHER_PROFILE = `arn:aws:signer:us-east-1:${ACCOUNT}:/signing-profiles/release_signing`;
const SCANNER = `arn:aws:iam::${ACCOUNT}:role/inspector-scanner`;
const AUDITOR = `arn:aws:iam::${ACCOUNT}:user/audit/bob`;
const OLD = `arn:aws:iam::${ACCOUNT}:role/old-scanner`;

const brief = (r: ReturnType<typeof diffRegistry>) => r.changes.map((c) => [c.address, c.action, c.calls.join('+')]);

describe('registry.signing', () => {
  it('rules are a set and so are their filters: another order, a repeated rule or filter is no change', () => {
    const live = liveWith({
      signing: { rules: [{ signingProfileArn: OTHER_PROFILE, repositoryFilters: [] }, { signingProfileArn: PROFILE, repositoryFilters: ['prod/*', 'app*'] }] },
    });
    const result = diffRegistry(
      {
        signing: {
          rules: [
            { signingProfileArn: PROFILE, repositoryFilters: ['app*', 'prod/*', 'app*'] },
            { signingProfileArn: OTHER_PROFILE, repositoryFilters: [] },
            { signingProfileArn: OTHER_PROFILE, repositoryFilters: [] },
          ],
        },
      },
      live,
    );
    expect(result).toEqual({ changes: [], unchanged: 1 });
  });

  it('a configuration where none exists is a create with PutSigningConfiguration', () => {
    const result = diffRegistry({ signing: { rules: [{ signingProfileArn: PROFILE, repositoryFilters: ['prod/*'] }] } }, liveWith({ signing: null }));
    expect(brief(result)).toEqual([['registry.signing', 'create', 'PutSigningConfiguration']]);
    expect(result.changes[0].after).toEqual({ rules: [{ repositoryFilters: ['prod/*'], signingProfileArn: PROFILE }] });
  });

  it('a changed filter is an update whose patch names it', () => {
    const live = liveWith({ signing: { rules: [{ signingProfileArn: PROFILE, repositoryFilters: ['prod/*'] }] } });
    const result = diffRegistry({ signing: { rules: [{ signingProfileArn: PROFILE, repositoryFilters: ['prod/*', 'staging/*'] }] } }, live);
    expect(brief(result)).toEqual([['registry.signing', 'update', 'PutSigningConfiguration']]);
    expect(result.changes[0].patch).toEqual([{ op: 'add', path: '/rules/0/repositoryFilters/1', value: 'staging/*' }]);
  });

  it.each([
    ['signing: null', null],
    ['rules: []', { rules: [] }],
  ])('%s deletes a live configuration, and is no change where there is none', (_name, wanted) => {
    const live = liveWith({ signing: { rules: [{ signingProfileArn: PROFILE, repositoryFilters: [] }] } });
    expect(brief(diffRegistry({ signing: wanted }, live))).toEqual([['registry.signing', 'delete', 'DeleteSigningConfiguration']]);
    expect(diffRegistry({ signing: wanted }, liveWith({ signing: null }))).toEqual({ changes: [], unchanged: 1 });
  });

  it('an absent key is not managed: a live configuration is left alone', () => {
    const live = liveWith({ signing: { rules: [{ signingProfileArn: PROFILE, repositoryFilters: [] }] } });
    expect(diffRegistry({}, live)).toEqual({ changes: [], unchanged: 0 });
  });
});

describe('registry.pullTimeUpdateExclusion["ARN"]', () => {
  it('adds and removes single principals; the ones in both are unchanged', () => {
    const result = diffRegistry({ pullTimeUpdateExclusions: [SCANNER, AUDITOR] }, liveWith({ pullTimeUpdateExclusions: [OLD, SCANNER] }));
    expect(brief(result)).toEqual([
      [`registry.pullTimeUpdateExclusion["${OLD}"]`, 'delete', 'DeregisterPullTimeUpdateExclusion'],
      [`registry.pullTimeUpdateExclusion["${AUDITOR}"]`, 'create', 'RegisterPullTimeUpdateExclusion'],
    ]);
    expect(result.changes.map((c) => [c.action, c.before, c.after])).toEqual([
      ['delete', { principalArn: OLD }, null],
      ['create', null, { principalArn: AUDITOR }],
    ]);
    expect(result.unchanged).toBe(1);
  });

  it('[] deregisters every live principal; an absent key reads and changes nothing', () => {
    const live = liveWith({ pullTimeUpdateExclusions: [OLD, SCANNER] });
    expect(diffRegistry({ pullTimeUpdateExclusions: [] }, live).changes.map((c) => c.action)).toEqual(['delete', 'delete']);
    expect(diffRegistry({}, live)).toEqual({ changes: [], unchanged: 0 });
  });

  it('addresses round-trip through parseAddress and sort after the other registry settings', () => {
    const addr = address.pullTimeUpdateExclusion(SCANNER);
    expect(parseAddress(addr)).toEqual({ type: 'pullTimeUpdateExclusion', principalArn: SCANNER });
    expect(parseAddress('registry.signing')).toEqual({ type: 'signing' });
    expect(['repository["a"]', addr, 'registry.signing', 'registry.scanning'].sort(compareAddresses)).toEqual([
      'registry.scanning',
      'registry.signing',
      addr,
      'repository["a"]',
    ]);
  });
});

describe('apply PLAN staleness check', () => {
  it('sees the same live document the differ put in `before`', () => {
    const live = liveWith({
      signing: { rules: [{ signingProfileArn: PROFILE, repositoryFilters: ['b', 'a'] }] },
      pullTimeUpdateExclusions: [OLD],
    });
    const { changes } = diffRegistry({ signing: null, pullTimeUpdateExclusions: [SCANNER] }, live);
    expect(changes).toHaveLength(3);
    for (const doc of staleCheckDocuments(changes, live)) expect(doc.now, doc.address).toEqual(doc.before);
  });
});
