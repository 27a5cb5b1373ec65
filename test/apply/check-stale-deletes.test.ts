import { describe, expect, it } from 'vitest';
import { repositoriesDeleted, staleDeletes } from '../../src/apply/check-stale-deletes.js';
import { plan } from '../../src/plan/plan.js';
import { desiredRepo, desiredState, image, liveRepo, liveState, OWNED, planOptions } from '../helpers/builders.js';

// A pruned repository holding one image, planned with --force-delete: what apply PLAN checks again.
const pruned = liveRepo('team/old', { tags: { ...OWNED }, images: [image('a', 3, ['v1'])] });
const reviewed = plan(desiredState([], { prune: true }), liveState([pruned]), planOptions({ forceDelete: true }));

describe('staleDeletes: a delete destroys exactly the images the reviewer saw', () => {
  it('plans the delete with its one digest recorded', () => {
    expect(reviewed.changes.map((c) => [c.address, c.action, c.images])).toEqual([
      ['repository["team/old"]', 'delete', [image('a', 3).digest]],
    ]);
  });

  it.each([
    ['nothing moved', [image('a', 3, ['v1'])], []],
    ['an image pushed since', [image('a', 3, ['v1']), image('b', 0, ['v2'])], ['repository["team/old"]: 1 image pushed since the plan was made']],
    ['the image removed since', [], ['repository["team/old"]: 1 removed since the plan was made']],
    ['two pushed and the one removed', [image('b', 0, ['v2']), image('c', 0, ['v3'])], ['repository["team/old"]: 2 images pushed, 1 removed since the plan was made']],
    // moto gives every image of empty layers one digest; ECR never lists a digest twice.
    ['a second image listed under the same digest (moto)', [image('a', 3, ['v1']), image('a', 0, ['v2'])], ['repository["team/old"]: 1 image pushed since the plan was made']],
  ])('%s', (_, images, expected) => {
    const live = liveState([{ ...pruned, images }]);
    expect(staleDeletes(reviewed, live)).toEqual(expected);
  });

  it('refuses a repository that lost this stack\'s ownership tag', () => {
    const live = liveState([{ ...pruned, tags: {} }]);
    expect(staleDeletes(reviewed, live)).toEqual(['repository["team/old"]: no longer carries managed-by: ecrform']);
  });
});

describe('staleDeletes: what it leaves to other checks', () => {
  it('a repository gone since the plan: nothing here (the fingerprint check names it)', () => {
    expect(staleDeletes(reviewed, liveState([]))).toEqual([]);
  });

  it('a plan file from before digests were recorded: only the ownership tag is checked', () => {
    const older = structuredClone(reviewed);
    delete older.changes[0].images;
    expect(staleDeletes(older, liveState([{ ...pruned, images: [image('b', 0, ['v2'])] }]))).toEqual([]);
    expect(staleDeletes(older, liveState([{ ...pruned, tags: {} }]))).toEqual(['repository["team/old"]: no longer carries managed-by: ecrform']);
  });

  it('images not read count as none', () => {
    const emptyPlan = plan(desiredState([], { prune: true }), liveState([{ ...pruned, images: [] }]), planOptions());
    expect(staleDeletes(emptyPlan, liveState([{ ...pruned, images: undefined }]))).toEqual([]);
  });

  it('a repository the plan adopts (it has no ownership tag yet) is no delete and not checked', () => {
    const foreign = liveRepo('found', { tags: { team: 'a' }, images: [image('a', 3, ['v1'])] });
    const adopting = plan(desiredState([desiredRepo('found', { tags: { team: 'a' } })]), liveState([foreign]), planOptions());
    expect(adopting.changes.map((c) => [c.address, c.reason])).toEqual([['repository["found"].tags', 'adopt']]);
    expect(staleDeletes(adopting, liveState([foreign]))).toEqual([]);
  });
});

describe('repositoriesDeleted: the repositories whose images apply PLAN reads again', () => {
  it('those deleted or replaced, not those updated nor those losing only a policy', () => {
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'ecr:BatchGetImage' }] };
    const live = liveState([
      liveRepo('gone', { tags: OWNED, images: [] }),
      liveRepo('rekeyed', { tags: OWNED, images: [] }),
      liveRepo('scanned', { tags: OWNED, images: [] }),
      liveRepo('unpolicied', { tags: OWNED, images: [], details: { policy, lifecyclePolicy: null } }),
    ]);
    const desired = desiredState([desiredRepo('rekeyed', { encryption: { type: 'KMS' } }), desiredRepo('scanned', { scanOnPush: true }), desiredRepo('unpolicied')], { prune: true });
    const thePlan = plan(desired, live, planOptions());
    expect(thePlan.changes.map((c) => [c.address, c.action])).toEqual([
      ['repository["gone"]', 'delete'],
      ['repository["rekeyed"]', 'replace'],
      ['repository["scanned"]', 'update'],
      ['repository["unpolicied"].policy', 'delete'],
    ]);
    expect(repositoriesDeleted(thePlan)).toEqual(['gone', 'rekeyed']);
  });
});
