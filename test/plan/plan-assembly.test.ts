import { describe, expect, it } from 'vitest';
import { plan, repositoriesNeedingImages } from '../../src/plan/plan.js';
import { buildPlan } from '../../src/workflow/build-plan.js';
import { PlanTimeError } from '../../src/errors.js';
import { createFakeEcr } from '../helpers/fake-ecr.js';
import { OWNED, desiredRepo, desiredState, liveRepo, liveState, planOptions } from '../helpers/builders.js';

const LIFECYCLE = { rules: [{ rulePriority: 1, selection: { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 1 }, action: { type: 'expire' } }] };

describe('the plan document', () => {
  it('names the tool and the stack (null without one)', () => {
    const none = plan(desiredState([]), liveState([]), planOptions());
    expect(none.tool).toEqual({ name: 'ecrform', version: '0.0.0-test' });
    expect(none.stack).toBeNull();
    expect(plan(desiredState([], { stack: 'web' }), liveState([]), planOptions()).stack).toBe('web');
  });

  it('several --target values keep what any one of them selects', () => {
    const desired = desiredState([desiredRepo('a'), desiredRepo('b'), desiredRepo('c')]);
    const result = plan(desired, liveState([]), planOptions({ targets: ['repository["a"]', 'repository["c"]'] }));
    expect(result.changes.map((c) => c.address)).toEqual(['repository["a"]', 'repository["c"]']);
  });
});

describe('which repositories the plan reads images of', () => {
  it('none for changes that neither delete, replace, preview a lifecycle policy nor pin tags', () => {
    const desired = desiredState([
      desiredRepo('kept', { tags: OWNED, scanOnPush: true }),
      desiredRepo('new', { lifecyclePolicy: LIFECYCLE }),
      desiredRepo('dropped', { tags: OWNED }),
    ]);
    const live = liveState([
      liveRepo('kept', { tags: OWNED }),
      liveRepo('dropped', { tags: OWNED, details: { policy: null, lifecyclePolicy: LIFECYCLE } }),
    ]);
    expect(repositoriesNeedingImages(desired, live, planOptions())).toEqual([]);
  });

  it('sorted by name, whatever order the files declare them in', () => {
    const desired = desiredState([
      desiredRepo('z', { tags: OWNED, lifecyclePolicy: LIFECYCLE }),
      desiredRepo('m', { tags: OWNED, images: { v1: { tag: 'latest' } } }),
      desiredRepo('a', { tags: OWNED, lifecyclePolicy: LIFECYCLE }),
    ]);
    const live = liveState([liveRepo('z', { tags: OWNED }), liveRepo('m', { tags: OWNED }), liveRepo('a', { tags: OWNED })]);
    expect(repositoriesNeedingImages(desired, live, planOptions())).toEqual(['a', 'm', 'z']);
  });
});

describe('a plan read in two passes (images only where needed)', () => {
  it('still shows every refusal in one run, a pinned repository that does not exist yet among them', async () => {
    const fake = createFakeEcr();
    fake.seed('taken', { tags: { 'managed-by': 'ecrform:other' } });
    // A new repository has no image for its pin to follow: refused at its line, with the other stack's repository.
    const desired = desiredState([
      desiredRepo('new', { images: { v1: { tag: 'latest' } }, source: { file: 'r.yaml', line: 2, col: 3 } }),
      desiredRepo('taken', { source: { file: 'r.yaml', line: 9, col: 3 } }),
    ]);
    const refusal = await buildPlan(fake.port, desired, { ...planOptions(), region: fake.region }).catch((err: unknown) => err);
    expect(refusal).toBeInstanceOf(PlanTimeError);
    const lines = (refusal as PlanTimeError).diagnostics.map((d) => `${d.line}: ${d.message}`).sort();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^2: repository "new": image\["v1"\] follows tag "latest", which no image in the repository carries/);
    expect(lines[1]).toMatch(/^9: repository "taken" is owned by stack "other"/);
  });
});
