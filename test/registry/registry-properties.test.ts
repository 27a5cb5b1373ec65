import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runs } from '../helpers/property-runs.js';
import { diffRegistry } from '../../src/plan/diff-registry.js';
import { plan } from '../../src/plan/plan.js';
import { apply } from '../../src/apply/apply.js';
import { fetchLive } from '../../src/ecr/fetch-live.js';
import { scopeOfDesired } from '../../src/ecr/read-scope.js';
import type { DesiredRegistry } from '../../src/model/desired.js';
import { desiredState, planOptions } from '../helpers/builders.js';
import { createFakeRegistry } from '../helpers/fake-registry.js';
import { desiredRegistryArb } from './registry-arbitraries.js';
import { liveRegistryFrom, liveWith, staleCheckDocuments } from './registry-builders.js';

/** How many addresses a desired registry manages: each is either a change or unchanged. */
function managedAddresses(d: DesiredRegistry): number {
  return (
    (d.policy ? 1 : 0) +
    (d.scanning ? 1 : 0) +
    (d.replication ? 1 : 0) +
    Object.keys(d.pullThroughCache ?? {}).length +
    Object.keys(d.creationTemplates ?? {}).length +
    Object.keys(d.accountSettings ?? {}).length
  );
}

async function planAgainst(fake: ReturnType<typeof createFakeRegistry>, registry: DesiredRegistry) {
  const desired = desiredState([], { registry });
  const live = await fetchLive(fake.port, scopeOfDesired(desired), { region: 'us-east-1' });
  return plan(desired, live, planOptions());
}

describe('registry settings: laws', () => {
  it('diffRegistry(d, liveFrom(d)) is empty, and every managed address counts as unchanged', () => {
    fc.assert(
      fc.property(desiredRegistryArb, (d) => {
        const result = diffRegistry(d, liveWith(liveRegistryFrom(d)));
        expect(result.changes).toEqual([]);
        expect(result.unchanged).toBe(managedAddresses(d));
      }),
      { numRuns: runs(300) },
    );
  });

  it('every change keeps the Change invariants and the `before` that apply PLAN recomputes', () => {
    fc.assert(
      fc.property(desiredRegistryArb, desiredRegistryArb, (d, other) => {
        const live = liveWith(liveRegistryFrom(other));
        const { changes } = diffRegistry(d, live);
        for (const c of changes) {
          expect(c.before === null).toBe(c.action === 'create');
          expect(c.after === null).toBe(c.action === 'delete');
          expect(c.liveFingerprint === null).toBe(c.before === null);
          expect(c.reason === 'immutable-field').toBe(c.action === 'replace');
        }
        for (const doc of staleCheckDocuments(changes, live)) expect(doc.now).toEqual(doc.before);
      }),
      { numRuns: runs(300) },
    );
  });

  it('apply then plan is empty, from any registry state to any other', async () => {
    await fc.assert(
      fc.asyncProperty(desiredRegistryArb, desiredRegistryArb, async (first, second) => {
        const fake = createFakeRegistry({ pageSize: 2 });
        for (const registry of [first, second]) {
          const result = await apply(await planAgainst(fake, registry), fake.port, { forceDelete: false, concurrency: 4 });
          expect(result.steps.filter((s) => s.status !== 'done')).toEqual([]);
        }
        expect((await planAgainst(fake, second)).changes).toEqual([]);
      }),
      { numRuns: runs(150) },
    );
  });
});
