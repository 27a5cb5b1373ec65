import { describe, expect, it } from 'vitest';
import { checkBlocked } from '../../src/apply/apply.js';
import { blockedReasons, waysOut } from '../../src/apply/blocked.js';
import type { Plan } from '../../src/model/plan.js';
import { plan } from '../../src/plan/plan.js';
import { OWNED, desiredRepo, desiredState, image, liveRepo, liveState, planOptions } from '../helpers/builders.js';

/*
 * A blocked plan is refused before any call, with each reason and only the
 * ways out that fit what blocks it: the reviewer reads this to choose one.
 */

const full = (name: string) => liveRepo(name, { tags: OWNED, images: [image('1', 2, ['v1'])] });
const empty = (name: string) => liveRepo(name, { tags: OWNED, images: [] });
const kms = (name: string) => desiredRepo(name, { encryption: { type: 'KMS' } });

function refusal(thePlan: Plan): string {
  try {
    checkBlocked(thePlan);
  } catch (err) {
    expect((err as { code?: string }).code).toBe('PLAN_REFUSED');
    return (err as Error).message;
  }
  throw new Error('the plan was not refused');
}

const WAYS = {
  declare: '  - declare the repository in the files again, so it is kept',
  noPrune: '  - set prune: false, so no repository is pruned (drift still lists them as orphaned)',
  untag: (value: string) => `  - remove its managed-by: ${value} tag, so ecrform no longer owns it and leaves it alone`,
  encryption: '  - declare the live encryption again, so the repository is not replaced',
  force: '  - plan again with --force-delete, so the plan destroys the images, for the reviewer to see',
};

describe('a blocked plan is refused with its reasons and its ways out', () => {
  it('a prune of a repository holding images (a replace of an empty one beside it is not blocked)', () => {
    const thePlan = plan(desiredState([kms('empty')], { prune: true }), liveState([full('old'), empty('empty')]), planOptions());
    expect(thePlan.changes.map((c) => [c.address, c.action, Boolean(c.blocked)])).toEqual([
      ['repository["empty"]', 'replace', false],
      ['repository["old"]', 'delete', true],
    ]);
    expect(refusal(thePlan).split('\n')).toEqual([
      'refusing to apply: the plan is blocked',
      '  repository["old"]: holds 1 image; deleting it destroys them, which needs plan --force-delete',
      'ways out:',
      WAYS.declare,
      WAYS.noPrune,
      WAYS.untag('ecrform'),
      WAYS.force,
    ]);
  });

  it('a replace of a repository holding images', () => {
    const thePlan = plan(desiredState([kms('app')]), liveState([full('app')]), planOptions());
    expect(refusal(thePlan).split('\n')).toEqual([
      'refusing to apply: the plan is blocked',
      '  repository["app"]: holds 1 image; a replace deletes it with them, which needs plan --force-delete',
      'ways out:',
      WAYS.encryption,
      WAYS.force,
    ]);
  });

  it('both: every way out of each, --force-delete once', () => {
    const thePlan = plan(desiredState([kms('app')], { prune: true }), liveState([full('app'), full('old')]), planOptions());
    expect(waysOut(thePlan)).toEqual(['ways out:', WAYS.declare, WAYS.noPrune, WAYS.untag('ecrform'), WAYS.encryption, WAYS.force]);
  });

  it('more deletes than --max-deletes, in a stack: the limit to raise it to, and the stack\'s tag', () => {
    const live = liveState(Array.from({ length: 11 }, (_, i) => liveRepo(`r${i}`, { tags: { 'managed-by': 'ecrform:web' }, images: [] })));
    const thePlan = plan(desiredState([], { prune: true, stack: 'web' }), live, planOptions());
    expect(refusal(thePlan).split('\n')).toEqual([
      'refusing to apply: the plan is blocked',
      '  deletes or replaces 11 repositories, more than --max-deletes 10',
      'ways out:',
      WAYS.declare,
      WAYS.noPrune,
      WAYS.untag('ecrform:web'),
      '  - plan again with --max-deletes 11 (or more; the default is 10), if that many deletes are meant',
    ]);
  });

  it('a plan that is not blocked has no reasons and no ways out, and passes', () => {
    const thePlan = plan(desiredState([kms('empty')], { prune: true }), liveState([empty('empty'), empty('old')]), planOptions());
    expect(thePlan.changes.map((c) => c.action)).toEqual(['replace', 'delete']);
    expect(blockedReasons(thePlan)).toEqual([]);
    expect(waysOut(thePlan)).toEqual([]);
    expect(() => checkBlocked(thePlan)).not.toThrow();
  });

  it('a plan file from before `blocked` was recorded is read as not blocked as a whole', () => {
    const thePlan = plan(desiredState([], { prune: true }), liveState([full('old')]), planOptions());
    delete (thePlan as Partial<Plan>).blocked;
    expect(blockedReasons(thePlan)).toEqual(['repository["old"]: holds 1 image; deleting it destroys them, which needs plan --force-delete']);
    expect(waysOut(thePlan)).toEqual(['ways out:', WAYS.declare, WAYS.noPrune, WAYS.untag('ecrform'), WAYS.force]);
  });
});
