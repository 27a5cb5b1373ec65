import { describe, expect, it } from 'vitest';
import { plan } from '../../src/plan/plan.js';
import { desiredRepo, desiredState, liveRepo, liveState, planOptions } from '../helpers/builders.js';

/*
 * `ignore` on a kept repository: the named field is left as it is live, so a
 * difference in it is no change; the rest of the repository is still managed.
 */

describe('ignore on a repository that exists', () => {
  it('imageTagMutability: a live value unlike the file is no change, and the update shows only what is managed', () => {
    const live = liveState([
      liveRepo('app', { tags: { 'managed-by': 'ecrform' }, imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION', imageTagMutabilityExclusionFilters: ['dev-*'] }),
    ]);
    const same = plan(desiredState([desiredRepo('app', { ignore: ['imageTagMutability'] })]), live, planOptions());
    expect(same.changes).toEqual([]);
    expect(same.summary.unchanged).toBe(2);

    const scan = plan(desiredState([desiredRepo('app', { ignore: ['imageTagMutability'], scanOnPush: true })]), live, planOptions());
    expect(scan.changes.map((c) => [c.address, c.before, c.after, c.calls])).toEqual([
      ['repository["app"]', { scanOnPush: false, encryption: { type: 'AES256' } }, { scanOnPush: true, encryption: { type: 'AES256' } }, ['PutImageScanningConfiguration']],
    ]);
  });

  it('tags, with a stack: the live tags stay and the ownership tag is the stack\'s', () => {
    const stack = 'payments';
    const desired = desiredState([desiredRepo('app', { stack, ignore: ['tags'] })], { stack });
    const owned = plan(desired, liveState([liveRepo('app', { tags: { 'managed-by': 'ecrform:payments', team: 'a' } })]), planOptions());
    expect(owned.changes).toEqual([]);

    // Not yet owned: adopted with this stack's tag, its own tags kept.
    const adopted = plan(desired, liveState([liveRepo('app', { tags: { team: 'a' } })]), planOptions());
    expect(adopted.changes.map((c) => [c.address, c.reason, c.after, c.calls])).toEqual([
      ['repository["app"].tags', 'adopt', { 'managed-by': 'ecrform:payments', team: 'a' }, ['TagResource']],
    ]);
  });
});
