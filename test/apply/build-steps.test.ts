import { describe, expect, it } from 'vitest';
import { buildSteps } from '../../src/apply/build-steps.js';
import { plan } from '../../src/plan/plan.js';
import { OWNED, desiredRepo, desiredState, image, liveRepo, liveState, planOptions } from '../helpers/builders.js';

describe('buildSteps', () => {
  it('moves a pinned tag only after the mutability change that allows it', () => {
    const desired = desiredState([desiredRepo('app', { imageTagMutability: 'MUTABLE', images: { prod: { digest: `sha256:${'1'.repeat(64)}` } } })]);
    const live = liveState([liveRepo('app', { tags: OWNED, imageTagMutability: 'IMMUTABLE', images: [image('1', 3), image('2', 1, ['prod'])] })]);
    const steps = buildSteps(plan(desired, live, planOptions()).changes);
    expect(steps.map((s) => [s.address, s.calls.join('+')])).toEqual([
      ['repository["app"]', 'PutImageTagMutability'],
      ['repository["app"].image["prod"]', 'BatchGetImage+PutImage'],
    ]);
    expect(steps[0].phase).toBeLessThan(steps[1].phase);
  });

  it('orders the phases of semantics.md: creates, settings, then removals with repositories last', () => {
    const desired = desiredState([desiredRepo('new', { policy: { Version: '2012-10-17', Statement: [] } }), desiredRepo('kept')], { prune: true });
    const live = liveState([
      liveRepo('kept', { tags: OWNED, details: { policy: { Version: '2012-10-17', Statement: [] }, lifecyclePolicy: null } }),
      liveRepo('gone', { tags: OWNED, images: [] }),
    ]);
    const steps = buildSteps(plan(desired, live, planOptions()).changes);
    expect(steps.map((s) => s.address)).toEqual([
      'repository["new"]',
      'repository["new"].policy',
      'repository["kept"].policy',
      'repository["gone"]',
    ]);
  });
});
