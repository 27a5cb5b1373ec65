import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/workflow/build-plan.js';
import { fetchImages, fetchLive } from '../../src/ecr/fetch-live.js';
import { scopeOfDesired } from '../../src/ecr/read-scope.js';
import { plan } from '../../src/plan/plan.js';
import { OWNERSHIP_TAG_KEY, OWNERSHIP_TAG_VALUE } from '../../src/model/ownership.js';
import { createFakeEcr } from '../helpers/fake-ecr.js';
import { desiredRepo, desiredState, planOptions } from '../helpers/builders.js';

const OWNED = { [OWNERSHIP_TAG_KEY]: OWNERSHIP_TAG_VALUE };
const DIGEST = `sha256:${'a'.repeat(64)}`;
const LIFECYCLE = {
  rules: [{ rulePriority: 1, selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 1 }, action: { type: 'expire' } }],
};

/** A registry where some repositories need images (a lifecycle change, a pin, a prune) and most do not. */
function scenario() {
  const fake = createFakeEcr();
  const pushed = (daysAgo: number, digestChar: string, tags: string[]) => ({
    digest: `sha256:${digestChar.repeat(64)}`,
    tags,
    pushedAt: new Date(Date.UTC(2026, 0, 1) - daysAgo * 86_400_000),
    size: 100,
    manifest: '{}',
  });
  fake.seed('lifecycle', { tags: OWNED, images: [pushed(3, 'b', ['old']), pushed(1, 'c', ['new'])] });
  fake.seed('pinned', { tags: OWNED, images: [pushed(2, 'a', ['v1'])] });
  fake.seed('gone', { tags: OWNED, images: [pushed(5, 'd', [])] });
  for (let i = 0; i < 5; i++) fake.seed(`quiet-${i}`, { tags: OWNED, scanOnPush: i === 0 });
  const desired = desiredState(
    [
      desiredRepo('lifecycle', { lifecyclePolicy: LIFECYCLE }),
      desiredRepo('pinned', { images: { latest: { digest: DIGEST } } }),
      ...Array.from({ length: 5 }, (_, i) => desiredRepo(`quiet-${i}`)),
    ],
    { prune: true },
  );
  return { fake, desired };
}

describe('plan once', () => {
  it('gives the plan of the whole live state, images included', async () => {
    const { fake, desired } = scenario();
    const options = { ...planOptions(), region: fake.region };
    const built = await buildPlan(fake.port, desired, options);
    const live = await fetchLive(fake.port, scopeOfDesired(desired), { region: fake.region });
    const everything = await fetchImages(fake.port, live, Object.keys(live.repositories));
    expect(built.plan).toEqual(plan(desired, everything, options));
    expect(built.plan.changes.map((c) => `${c.action} ${c.address}`)).toEqual([
      'delete repository["gone"]',
      'create repository["lifecycle"].lifecyclePolicy',
      'create repository["pinned"].image["latest"]',
      'update repository["quiet-0"]',
    ]);
    expect(built.plan.changes[1].expires?.count).toBe(1);
  });

  it('lists images only for the repositories that need them', async () => {
    const { fake, desired } = scenario();
    await buildPlan(fake.port, desired, { ...planOptions(), region: fake.region });
    const listed = fake.calls.filter((c) => c.operation === 'DescribeImages').map((c) => c.target);
    expect([...new Set(listed)].sort()).toEqual(['gone', 'lifecycle', 'pinned']);
  });
});
