import { describe, expect, it } from 'vitest';
import { plan } from '../../src/plan/plan.js';
import { OWNED, desiredRepo, desiredState, image, liveRepo, liveState, planOptions } from '../helpers/builders.js';
import type { PlanOptions } from '../../src/plan/plan.js';

const digest = (c: string) => `sha256:${c.repeat(64)}`;

/** Owned live repositories named r0..r{n-1}, none declared: with prune each is a delete. */
const pruned = (n: number, images = () => [] as ReturnType<typeof image>[]) =>
  liveState(Array.from({ length: n }, (_, i) => liveRepo(`r${i}`, { tags: OWNED, images: images() })));

const prunePlan = (live: ReturnType<typeof liveState>, options: Partial<PlanOptions> = {}) =>
  plan(desiredState([], { prune: true }), live, planOptions(options));

describe('deletes are decided at plan time', () => {
  it('a delete records the digests it destroys, sorted; holding images blocks it without --force-delete', () => {
    const result = prunePlan(pruned(1, () => [image('b', 1), image('a', 2)]));
    const [change] = result.changes;
    expect(change.images).toEqual([digest('a'), digest('b')]);
    expect(change.blocked).toBe('holds 2 images; deleting it destroys them, which needs plan --force-delete');
    expect(change.warnings).toEqual([]);
  });

  it('with --force-delete the delete goes ahead and warns how many images it destroys', () => {
    const result = prunePlan(pruned(1, () => [image('a', 2)]), { forceDelete: true });
    const [change] = result.changes;
    expect(change.blocked).toBeUndefined();
    expect(change.warnings).toEqual(['destroys 1 image (plan --force-delete)']);
    expect(result.forceDelete).toBe(true);
  });

  it('an empty repository is deleted without a decision', () => {
    const [change] = prunePlan(pruned(1)).changes;
    expect(change.images).toEqual([]);
    expect(change.blocked).toBeUndefined();
    expect(change.warnings).toEqual([]);
  });

  it('a replace holding an image is blocked with the replace wording', () => {
    const desired = desiredState([desiredRepo('a', { tags: OWNED, encryption: { type: 'KMS' } })]);
    const live = liveState([liveRepo('a', { tags: OWNED, images: [image('1', 1)] })]);
    const change = plan(desired, live, planOptions()).changes.find((c) => c.kind === 'repository');
    expect(change?.action).toBe('replace');
    expect(change?.images).toEqual([digest('1')]);
    expect(change?.blocked).toBe('holds 1 image; a replace deletes it with them, which needs plan --force-delete');
  });

  it('sub-address deletes (a policy) neither count as repository deletes nor get images', () => {
    const desired = desiredState([desiredRepo('a', { tags: OWNED, policy: null })]);
    const live = liveState([
      liveRepo('a', { tags: OWNED, images: [image('1', 1)], details: { policy: { Version: '2012-10-17', Statement: [] }, lifecyclePolicy: null } }),
    ]);
    const result = plan(desired, live, planOptions({ maxDeletes: 0 }));
    expect(result.changes.map((c) => [c.address, c.action])).toEqual([['repository["a"].policy', 'delete']]);
    expect(result.changes[0].images).toBeUndefined();
    expect(result.blocked).toEqual([]);
  });
});

describe('--max-deletes', () => {
  it('more repository deletes than the limit block the plan, saying how many', () => {
    expect(prunePlan(pruned(3), { maxDeletes: 2 }).blocked).toEqual(['deletes or replaces 3 repositories, more than --max-deletes 2']);
    expect(prunePlan(pruned(1), { maxDeletes: 0 }).blocked).toEqual(['deletes or replaces 1 repository, more than --max-deletes 0']);
  });

  it('exactly the limit is allowed', () => {
    expect(prunePlan(pruned(2), { maxDeletes: 2 }).blocked).toEqual([]);
  });

  it('the default limit is 10, recorded in the plan', () => {
    expect(prunePlan(pruned(10)).blocked).toEqual([]);
    const over = prunePlan(pruned(11));
    expect(over.maxDeletes).toBe(10);
    expect(over.forceDelete).toBe(false);
    expect(over.blocked).toEqual(['deletes or replaces 11 repositories, more than --max-deletes 10']);
  });
});
