import { describe, expect, it } from 'vitest';
import { checkBlocked } from '../../src/apply/apply.js';
import { waysOut } from '../../src/apply/blocked.js';
import type { Plan } from '../../src/model/plan.js';
import { plan } from '../../src/plan/plan.js';
import { OWNED, desiredRepo, desiredState, image, liveRepo, liveState, planOptions } from '../helpers/builders.js';

/*
 * A plan refused for several reasons at once names each on its own line, and
 * the --max-deletes it suggests counts the deletes alone, not every change.
 */

function refusal(thePlan: Plan): string[] {
  try {
    checkBlocked(thePlan);
  } catch (err) {
    return (err as Error).message.split('\n');
  }
  throw new Error('the plan was not refused');
}

describe('a plan refused for two reasons reports both', () => {
  it('a prune of a repository holding images, and more deletes than --max-deletes', () => {
    const live = liveState([
      liveRepo('full', { tags: OWNED, images: [image('1', 2, ['v1'])] }),
      liveRepo('empty-a', { tags: OWNED, images: [] }),
      liveRepo('empty-b', { tags: OWNED, images: [] }),
    ]);
    const thePlan = plan(desiredState([], { prune: true }), live, planOptions({ maxDeletes: 2 }));
    const lines = refusal(thePlan);
    expect(lines.slice(0, 3)).toEqual([
      'refusing to apply: the plan is blocked',
      '  repository["full"]: holds 1 image; deleting it destroys them, which needs plan --force-delete',
      '  deletes or replaces 3 repositories, more than --max-deletes 2',
    ]);
    expect(lines[3]).toBe('ways out:');
  });
});

describe('the --max-deletes a refusal suggests counts only the deletes', () => {
  it('a plan that also creates and updates repositories', () => {
    const live = liveState([
      liveRepo('old-a', { tags: OWNED, images: [] }),
      liveRepo('old-b', { tags: OWNED, images: [] }),
      liveRepo('kept', { tags: OWNED, images: [] }),
    ]);
    const desired = desiredState([desiredRepo('kept', { scanOnPush: true }), desiredRepo('new-a'), desiredRepo('new-b')], { prune: true });
    const thePlan = plan(desired, live, planOptions({ maxDeletes: 1 }));
    expect(thePlan.changes.map((c) => [c.address, c.action])).toEqual([
      ['repository["kept"]', 'update'],
      ['repository["new-a"]', 'create'],
      ['repository["new-b"]', 'create'],
      ['repository["old-a"]', 'delete'],
      ['repository["old-b"]', 'delete'],
    ]);
    expect(waysOut(thePlan)).toContain('  - plan again with --max-deletes 2 (or more; the default is 10), if that many deletes are meant');
  });
});
