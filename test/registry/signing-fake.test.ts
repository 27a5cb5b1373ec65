import { describe, expect, it } from 'vitest';
import { fetchLive } from '../../src/ecr/fetch-live.js';
import { scopeOfDesired, scopeOfPlan } from '../../src/ecr/read-scope.js';
import { plan } from '../../src/plan/plan.js';
import { apply } from '../../src/apply/apply.js';
import { staleAddresses } from '../../src/apply/check-stale.js';
import type { DesiredRegistry } from '../../src/model/desired.js';
import { ACCOUNT, desiredState, planOptions } from '../helpers/builders.js';
import { createFakeRegistry } from '../helpers/fake-registry.js';
import { withFakeSigning } from '../helpers/fake-signing.js';

const PROFILE = `arn:aws:signer:us-east-1:${ACCOUNT}:/signing-profiles/ecr_signing`;
const role = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;

function fakeEcr() {
  const registry = createFakeRegistry({ pageSize: 2 });
  return withFakeSigning(registry.port, { pageSize: 2, calls: registry.calls });
}

async function planFor(port: Parameters<typeof fetchLive>[0], registry: DesiredRegistry) {
  const desired = desiredState([], { registry });
  const live = await fetchLive(port, scopeOfDesired(desired), { region: 'us-east-1' });
  return plan(desired, live, planOptions());
}

describe('signing and exclusions against the in-memory fake (apply, then plan again)', () => {
  it('converges: a second plan after apply has nothing to do, and the fake holds what the files say', async () => {
    const fake = fakeEcr();
    fake.state.exclusions.add(role('old-scanner'));
    const registry: DesiredRegistry = {
      signing: { rules: [{ signingProfileArn: PROFILE, repositoryFilters: ['prod/*'] }] },
      pullTimeUpdateExclusions: [role('scanner-a'), role('scanner-b'), role('scanner-c')],
    };
    const first = await planFor(fake.port, registry);
    expect(first.summary).toMatchObject({ create: 4, delete: 1 });
    const result = await apply(first, fake.port, { forceDelete: false, concurrency: 4 });
    expect(result.ok).toBe(true);
    expect([...fake.state.exclusions].sort()).toEqual([role('scanner-a'), role('scanner-b'), role('scanner-c')]);
    expect(fake.state.signing).toEqual({ rules: [{ signingProfileArn: PROFILE, repositoryFilters: [{ filter: 'prod/*', filterType: 'WILDCARD_MATCH' }] }] });

    fake.calls.length = 0;
    const second = await planFor(fake.port, registry);
    expect(second.changes).toEqual([]);
    expect(second.summary.unchanged).toBe(4);
    // Three principals at two a page: the second plan read two pages.
    expect(fake.calls.filter((c) => c === 'ListPullTimeUpdateExclusions')).toHaveLength(2);
  });

  it('deletes the configuration on signing: null; a second apply of the same plan fails as ECR would (nothing to delete)', async () => {
    const fake = fakeEcr();
    fake.state.signing = { rules: [{ signingProfileArn: PROFILE }] };
    const planned = await planFor(fake.port, { signing: null });
    expect(planned.changes.map((c) => [c.address, c.action])).toEqual([['registry.signing', 'delete']]);
    expect((await apply(planned, fake.port, { forceDelete: false, concurrency: 1 })).ok).toBe(true);
    expect(fake.state.signing).toBeUndefined();
    const again = await apply(planned, fake.port, { forceDelete: false, concurrency: 1 });
    expect(again.steps[0]).toMatchObject({ status: 'failed', error: { code: 'SigningConfigurationNotFoundException' } });
    expect((await planFor(fake.port, { signing: null })).changes).toEqual([]);
  });

  it('apply PLAN refuses a signing plan whose live configuration moved since the plan', async () => {
    const fake = fakeEcr();
    const planned = await planFor(fake.port, { signing: { rules: [{ signingProfileArn: PROFILE, repositoryFilters: [] }] }, pullTimeUpdateExclusions: [role('scanner')] });
    fake.state.signing = { rules: [{ signingProfileArn: PROFILE, repositoryFilters: [{ filter: 'x', filterType: 'WILDCARD_MATCH' }] }] };
    const live = await fetchLive(fake.port, scopeOfPlan(planned), { region: 'us-east-1' });
    expect(staleAddresses(planned, live)).toEqual(['registry.signing']);
  });
});
