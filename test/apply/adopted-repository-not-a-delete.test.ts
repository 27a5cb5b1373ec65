import { describe, expect, it } from 'vitest';
import { staleDeletes } from '../../src/apply/check-stale-deletes.js';
import { plan } from '../../src/plan/plan.js';
import { desiredRepo, desiredState, image, liveRepo, liveState, planOptions } from '../helpers/builders.js';

/*
 * apply PLAN checks the ownership tag and the images again only on the
 * repositories the plan deletes or replaces. A repository the plan adopts
 * carries no ownership tag yet; when its settings change too, the plan updates
 * it at the repository's own address, and that update must not be refused as
 * a delete of a repository "no longer" owned.
 */

describe('an adopted repository whose settings change is no delete', () => {
  const foreign = liveRepo('found', { tags: { team: 'a' }, images: [image('a', 3, ['v1'])] });
  const adopting = plan(desiredState([desiredRepo('found', { scanOnPush: true, tags: { team: 'a' } })]), liveState([foreign]), planOptions());

  it('plans an update of the repository and the tags that adopt it', () => {
    expect(adopting.changes.map((c) => [c.address, c.action])).toEqual([
      ['repository["found"]', 'update'],
      ['repository["found"].tags', 'update'],
    ]);
  });

  it('finds nothing moved on it (it never carried the ownership tag)', () => {
    expect(staleDeletes(adopting, liveState([foreign]))).toEqual([]);
  });
});
