import { describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/apply.js';
import { fetchLive } from '../../src/ecr/fetch-live.js';
import { scopeOfDesired } from '../../src/ecr/read-scope.js';
import { plan } from '../../src/plan/plan.js';
import type { Desired } from '../../src/model/desired.js';
import type { ApplyEvent } from '../../src/apply/step.js';
import { createFakeEcr } from '../helpers/fake-ecr.js';
import { desiredRepo, desiredState, planOptions } from '../helpers/builders.js';

const POLICY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'ecr:BatchGetImage' }] };

async function planAgainst(fake: ReturnType<typeof createFakeEcr>, desired: Desired) {
  const live = await fetchLive(fake.port, scopeOfDesired(desired), { region: fake.region });
  return plan(desired, live, planOptions());
}

describe('apply', () => {
  it('runs the phases in order and then plans empty', async () => {
    const fake = createFakeEcr();
    fake.seed('old', { tags: { 'managed-by': 'ecrform' }, policy: JSON.stringify(POLICY) });
    const desired = desiredState([desiredRepo('new', { policy: POLICY, tags: { team: 'a' } })], { prune: true });
    const first = await planAgainst(fake, desired);
    fake.calls.length = 0;
    const result = await apply(first, fake.port, { concurrency: 4 });
    expect(result.ok).toBe(true);
    const writes = fake.calls.map((c) => `${c.operation} ${c.target}`).filter((c) => !c.startsWith('ListTags'));
    expect(writes).toEqual(['CreateRepository new', 'SetRepositoryPolicy new', 'DeleteRepository old']);
    expect((await planAgainst(fake, desired)).changes).toEqual([]);
  });

  it('on a failed call starts nothing new and reports done, failed and not started', async () => {
    const fake = createFakeEcr();
    const desired = desiredState([desiredRepo('a', { policy: POLICY }), desiredRepo('b', { policy: POLICY })]);
    fake.failOn('SetRepositoryPolicy', 'InvalidParameterException', 'Invalid parameter at PolicyText', 'a');
    const events: ApplyEvent[] = [];
    const result = await apply(await planAgainst(fake, desired), fake.port, {
      forceDelete: false,
      concurrency: 1,
      report: (e) => events.push(e),
    });
    expect(result.ok).toBe(false);
    expect(result.steps.map((s) => [s.address, s.status])).toEqual([
      ['repository["a"]', 'done'],
      ['repository["b"]', 'done'],
      ['repository["a"].policy', 'failed'],
      ['repository["b"].policy', 'not-started'],
    ]);
    expect(result.steps[2].error).toEqual({ code: 'InvalidParameterException', message: 'Invalid parameter at PolicyText' });
    expect(events.filter((e) => e.type === 'step-started')).toHaveLength(3);

    // Running again converges: only what is missing is done.
    const again = await planAgainst(fake, desired);
    expect(again.changes.map((c) => c.address)).toEqual(['repository["a"].policy', 'repository["b"].policy']);
    expect((await apply(again, fake.port, { concurrency: 1 })).ok).toBe(true);
    expect((await planAgainst(fake, desired)).changes).toEqual([]);
  });

  it('refuses a blocked delete (planned without --force-delete) before any call; a plan made with it deletes', async () => {
    const fake = createFakeEcr();
    fake.seed('full', {
      tags: { 'managed-by': 'ecrform' },
      images: [{ digest: 'sha256:' + 'a'.repeat(64), tags: ['v1'], pushedAt: new Date(), size: 10, manifest: '{}' }],
    });
    const desired = desiredState([], { prune: true });
    const live = await fetchLive(fake.port, scopeOfDesired(desired), { region: fake.region });
    live.repositories.full.images = [{ digest: 'sha256:' + 'a'.repeat(64), tags: ['v1'], pushedAt: new Date().toISOString(), sizeBytes: 10 }];
    const thePlan = plan(desired, live, planOptions());
    fake.calls.length = 0;
    await expect(apply(thePlan, fake.port, { concurrency: 2 })).rejects.toThrow(/holds 1 image; deleting it destroys them, which needs plan --force-delete/);
    expect(fake.calls).toEqual([]);
    const forced = plan(desired, live, planOptions({ forceDelete: true }));
    expect(forced.changes[0].warnings).toEqual(['destroys 1 image (plan --force-delete)']);
    expect((await apply(forced, fake.port, { concurrency: 2 })).ok).toBe(true);
    expect(fake.repos.has('full')).toBe(false);
  });

  it('never deletes a repository that lost its ownership tag since the plan', async () => {
    const fake = createFakeEcr();
    fake.seed('x', { tags: { 'managed-by': 'ecrform' } });
    const thePlan = await planAgainst(fake, desiredState([], { prune: true }));
    fake.repos.get('x')!.tags = {};
    const result = await apply(thePlan, fake.port, { concurrency: 1 });
    expect(result.ok).toBe(false);
    expect(result.steps[0].error?.message).toMatch(/lacks the ownership tag/);
    expect(fake.repos.has('x')).toBe(true);
  });

  it('replaces a repository (delete, then create) holding images only when planned with --force-delete', async () => {
    const fake = createFakeEcr();
    fake.seed('app', {
      tags: { 'managed-by': 'ecrform', team: 'a' },
      images: [{ digest: 'sha256:' + 'a'.repeat(64), tags: ['v1'], pushedAt: new Date(), size: 10, manifest: '{}' }],
    });
    const desired = desiredState([desiredRepo('app', { encryption: { type: 'KMS' }, tags: { team: 'a' } })]);
    const live = await fetchLive(fake.port, scopeOfDesired(desired), { region: fake.region });
    live.repositories.app.images = [{ digest: 'sha256:' + 'a'.repeat(64), tags: ['v1'], pushedAt: new Date().toISOString(), sizeBytes: 10 }];
    const thePlan = plan(desired, live, planOptions());
    expect(thePlan.changes.map((c) => [c.action, c.blocked])).toEqual([['replace', 'holds 1 image; a replace deletes it with them, which needs plan --force-delete']]);
    await expect(apply(thePlan, fake.port, { concurrency: 1 })).rejects.toThrow(/refusing to apply/);
    fake.calls.length = 0;
    expect((await apply(plan(desired, live, planOptions({ forceDelete: true })), fake.port, { concurrency: 1 })).ok).toBe(true);
    expect(fake.calls.map((c) => c.operation)).toEqual(['ListTagsForResource', 'DeleteRepository', 'CreateRepository']);
    expect(fake.repos.get('app')?.encryption).toEqual({ encryptionType: 'KMS' });
    expect(fake.repos.get('app')?.tags).toEqual({ 'managed-by': 'ecrform', team: 'a' });
  });

  it('reads every page of DescribeRepositories', async () => {
    const fake = createFakeEcr({ pageSize: 2 });
    for (const n of ['a1', 'a2', 'a3', 'a4', 'a5']) fake.seed(n, { tags: { 'managed-by': 'ecrform' } });
    const live = await fetchLive(fake.port, scopeOfDesired(desiredState([])), { region: fake.region });
    expect(Object.keys(live.repositories)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
    expect(fake.calls.filter((c) => c.operation === 'DescribeRepositories')).toHaveLength(3);
  });
});
