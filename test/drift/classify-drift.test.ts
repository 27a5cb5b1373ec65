import { describe, expect, it } from 'vitest';
import { classifyDrift, PRUNE_OFF_WARNING } from '../../src/drift/classify-drift.js';
import type { Desired } from '../../src/model/desired.js';
import type { Live } from '../../src/model/live.js';
import { plan } from '../../src/plan/plan.js';
import { desiredRepo, desiredState, liveFrom, liveRepo, liveState, OWNED, planOptions } from '../helpers/builders.js';

/** The drift report of a desired and a live state, as the drift command makes it. */
function drift(desired: Desired, live: Live, targets: string[] = []) {
  const p = plan(desired, live, planOptions({ targets }));
  return classifyDrift({ plan: p, live, declared: Object.keys(desired.repositories), targets });
}

const addresses = (changes: { address: string }[]) => changes.map((c) => c.address);

describe('classifyDrift', () => {
  it('is in sync when the live registry is what the files say', () => {
    const desired = desiredState([desiredRepo('a'), desiredRepo('b', { scanOnPush: true })]);
    expect(drift(desired, liveFrom(desired))).toEqual({
      formatVersion: 1,
      inSync: true,
      modified: [],
      missing: [],
      orphaned: [],
      unmanaged: [],
      coverage: { managed: 2, live: 2 },
    });
  });

  it.each([
    ['a setting changed by hand', (l: Live) => (l.repositories.a.scanOnPush = true), ['repository["a"]']],
    ['a tag changed by hand', (l: Live) => (l.repositories.a.tags.team = 'x'), ['repository["a"].tags']],
    ['a policy added by hand (a delete of a sub-resource)', (l: Live) => (l.repositories.a.details = { policy: { Version: '2012-10-17', Statement: [] }, lifecyclePolicy: null }), ['repository["a"].policy']],
    ['the ownership tag removed (adopt)', (l: Live) => delete l.repositories.a.tags['managed-by'], ['repository["a"].tags']],
  ])('reports %s as modified', (_what, edit, expected) => {
    const desired = desiredState([desiredRepo('a')]);
    const live = liveFrom(desired);
    edit(live);
    const report = drift(desired, live);
    expect(addresses(report.modified)).toEqual(expected);
    expect(report).toMatchObject({ inSync: false, missing: [], orphaned: [] });
  });

  it('reports a replace (an encryption changed by hand) as modified', () => {
    const desired = desiredState([desiredRepo('a')]);
    const live = liveFrom(desired);
    live.repositories.a.encryption = { type: 'KMS' };
    const report = drift(desired, live);
    expect(report.modified.map((c) => [c.address, c.action])).toEqual([['repository["a"]', 'replace']]);
  });

  it('reports declared replication with no rule live (never applied) as missing, and rules changed by hand as modified', () => {
    const rules = [{ destinations: [{ region: 'eu-west-1' }], repositoryFilters: ['team-a/'] }];
    const desired = desiredState([], { registry: { replication: { rules } } });
    // ECR's DescribeRegistry answers a replicationConfiguration with no rules when none was ever put.
    const never = drift(desired, liveState([], { registry: { replication: { rules: [] } } }));
    expect([addresses(never.missing), addresses(never.modified)]).toEqual([['registry.replication'], []]);
    const changed = drift(desired, liveState([], { registry: { replication: { rules: [{ ...rules[0], repositoryFilters: ['team-b/'] }] } } }));
    expect([addresses(changed.missing), addresses(changed.modified)]).toEqual([[], ['registry.replication']]);
  });

  it('reports a declared repository that is gone, and its declared policy, as missing', () => {
    const desired = desiredState([desiredRepo('a'), desiredRepo('b', { policy: { Version: '2012-10-17', Statement: [] } })]);
    const live = liveFrom(desired);
    delete live.repositories.b;
    const report = drift(desired, live);
    expect(addresses(report.missing)).toEqual(['repository["b"]', 'repository["b"].policy']);
    expect(report.coverage).toEqual({ managed: 1, live: 1 });
  });

  it('reports a managed repository no file declares as orphaned, with prune off: no calls, and why', () => {
    const desired = desiredState([desiredRepo('a')]);
    const live = liveFrom(desired);
    live.repositories.old = liveRepo('old', { tags: { ...OWNED } });
    const report = drift(desired, live);
    expect(report.inSync).toBe(false);
    expect(report.orphaned).toHaveLength(1);
    expect(report.orphaned[0]).toMatchObject({ address: 'repository["old"]', action: 'delete', reason: 'prune', calls: [], warnings: [PRUNE_OFF_WARNING] });
    expect(report.coverage).toEqual({ managed: 1, live: 2 });
  });

  it('with prune on, the orphan is the plan\'s own delete, with its calls', () => {
    const desired = desiredState([desiredRepo('a')], { prune: true });
    const live = liveFrom(desired);
    live.repositories.old = liveRepo('old', { tags: { ...OWNED } });
    const report = drift(desired, live);
    expect(report.orphaned.map((c) => [c.address, c.calls, c.warnings])).toEqual([['repository["old"]', ['DeleteRepository'], []]]);
    expect(report.modified).toEqual([]);
  });

  it('lists repositories without the ownership tag that no file declares as unmanaged, never as drift', () => {
    const desired = desiredState([desiredRepo('a')], { prune: true });
    const live = liveFrom(desired);
    live.repositories.zeta = liveRepo('zeta', { tags: { team: 'z' } });
    live.repositories.handmade = liveRepo('handmade');
    const report = drift(desired, live);
    expect(report).toMatchObject({ inSync: true, unmanaged: ['handmade', 'zeta'], coverage: { managed: 1, live: 3 } });
  });

  it('--target narrows every list and the coverage', () => {
    const desired = desiredState([desiredRepo('a'), desiredRepo('b')]);
    const live = liveFrom(desired);
    live.repositories.a.scanOnPush = true;
    live.repositories.b.scanOnPush = true;
    live.repositories.old = liveRepo('old', { tags: { ...OWNED } });
    live.repositories.handmade = liveRepo('handmade');
    const report = drift(desired, live, ['repository["b"]']);
    expect(addresses(report.modified)).toEqual(['repository["b"]']);
    expect(report).toMatchObject({ orphaned: [], unmanaged: [], coverage: { managed: 1, live: 1 } });
  });

  it('puts every address in at most one list', () => {
    const desired = desiredState([desiredRepo('a'), desiredRepo('b')], { prune: true });
    const live = liveState([liveRepo('a', { tags: { ...OWNED }, scanOnPush: true }), liveRepo('old', { tags: { ...OWNED } }), liveRepo('x')]);
    const report = drift(desired, live);
    const all = [...addresses(report.modified), ...addresses(report.missing), ...addresses(report.orphaned)];
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual(['repository["a"]', 'repository["b"]', 'repository["old"]']);
    expect(report.unmanaged).toEqual(['x']);
  });
  it('is out of sync with one change in each of two lists (the counts are never netted out)', () => {
    const desired = desiredState([desiredRepo('a'), desiredRepo('b')]);
    const modifiedAndOrphaned = liveFrom(desired);
    modifiedAndOrphaned.repositories.a.scanOnPush = true;
    modifiedAndOrphaned.repositories.old = liveRepo('old', { tags: { ...OWNED } });
    expect(drift(desired, modifiedAndOrphaned)).toMatchObject({ inSync: false, missing: [] });

    const modifiedAndMissing = liveFrom(desired);
    modifiedAndMissing.repositories.a.scanOnPush = true;
    delete modifiedAndMissing.repositories.b;
    const report = drift(desired, modifiedAndMissing);
    expect([report.inSync, report.modified.length, report.missing.length, report.orphaned.length]).toEqual([false, 1, 1, 0]);
  });

  it('lists orphans by address, whatever order the registry listed them in', () => {
    const desired = desiredState([desiredRepo('a')]);
    const live = liveFrom(desired);
    for (const name of ['zeta', 'alpha', 'mid']) live.repositories[name] = liveRepo(name, { tags: { ...OWNED } });
    expect(addresses(drift(desired, live).orphaned)).toEqual(['repository["alpha"]', 'repository["mid"]', 'repository["zeta"]']);
  });

  it('--target with several targets covers what any of them matches', () => {
    const desired = desiredState([desiredRepo('a'), desiredRepo('b'), desiredRepo('c')]);
    const live = liveFrom(desired);
    live.repositories.old = liveRepo('old', { tags: { ...OWNED } });
    const report = drift(desired, live, ['repository["a"]', 'repository["old"]']);
    expect(report.coverage).toEqual({ managed: 1, live: 2 });
    expect(addresses(report.orphaned)).toEqual(['repository["old"]']);
  });
});
