import { describe, expect, it } from 'vitest';
import { staleDeletes } from '../../src/apply/check-stale-deletes.js';
import { plan } from '../../src/plan/plan.js';
import { desiredState, image, liveRepo, liveState, OWNED, planOptions } from '../helpers/builders.js';

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
