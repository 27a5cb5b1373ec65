import { describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/apply.js';
import { fetchLive } from '../../src/ecr/fetch-live.js';
import { scopeOfDesired } from '../../src/ecr/read-scope.js';
import { plan } from '../../src/plan/plan.js';
import type { Desired } from '../../src/model/desired.js';
import { createFakeEcr } from '../helpers/fake-ecr.js';
import { OWNED, desiredRepo, desiredState, planOptions } from '../helpers/builders.js';

/*
 * Retries that already succeeded (semantics.md; issue 8, bug 8): the SDK
 * retries a call whose response was lost, and the retry answers "already
 * exists" or "not found" for the first attempt's own work.
 */

async function planAgainst(fake: ReturnType<typeof createFakeEcr>, desired: Desired) {
  const live = await fetchLive(fake.port, scopeOfDesired(desired), { region: fake.region });
  return plan(desired, live, planOptions());
}

const run = (fake: ReturnType<typeof createFakeEcr>, p: Awaited<ReturnType<typeof planAgainst>>) =>
  apply(p, fake.port, { forceDelete: false, concurrency: 1 });

describe('apply: retries that already succeeded', () => {
  const desired = desiredState([desiredRepo('app', { scanOnPush: true, tags: { team: 'a' } })]);

  it('a create answered "already exists" is done when the repository is ours and as planned', async () => {
    const fake = createFakeEcr();
    const thePlan = await planAgainst(fake, desired);
    // The first attempt went through; its response was lost.
    fake.seed('app', { scanOnPush: true, tags: { ...OWNED, team: 'a' } });
    const result = await run(fake, thePlan);
    expect(result.steps.map((s) => [s.address, s.status])).toEqual([['repository["app"]', 'done']]);
  });

  it.each([
    ['not ours (no ownership tag)', { scanOnPush: true, tags: { team: 'a' } }],
    ['ours but not as planned', { scanOnPush: false, tags: { ...OWNED, team: 'a' } }],
    ['ours but with other tags', { scanOnPush: true, tags: { ...OWNED } }],
  ])('a create answered "already exists" fails when the repository is %s', async (_what, seed) => {
    const fake = createFakeEcr();
    const thePlan = await planAgainst(fake, desired);
    fake.seed('app', seed);
    const result = await run(fake, thePlan);
    expect(result.ok).toBe(false);
    expect(result.steps[0].error?.code).toBe('RepositoryAlreadyExistsException');
  });

  it('a delete answered "not found" is done', async () => {
    const fake = createFakeEcr();
    fake.seed('old', { tags: OWNED });
    const thePlan = await planAgainst(fake, desiredState([], { prune: true }));
    expect(thePlan.changes.map((c) => [c.address, c.action])).toEqual([['repository["old"]', 'delete']]);
    fake.repos.delete('old');
    expect((await run(fake, thePlan)).ok).toBe(true);
  });

  it('a delete whose DeleteRepository answers "not found" (after the ownership check) is done', async () => {
    const fake = createFakeEcr();
    fake.seed('old', { tags: OWNED });
    const thePlan = await planAgainst(fake, desiredState([], { prune: true }));
    fake.failOn('DeleteRepository', 'RepositoryNotFoundException', 'gone', 'old');
    expect((await run(fake, thePlan)).ok).toBe(true);
  });

  it.each([
    ['policy', 'DeleteRepositoryPolicy', 'RepositoryPolicyNotFoundException'],
    ['lifecyclePolicy', 'DeleteLifecyclePolicy', 'LifecyclePolicyNotFoundException'],
  ])('a %s delete answered "not found" is done; another error still fails', async (field, operation, code) => {
    const policy = field === 'policy'
      ? JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'ecr:BatchGetImage' }] })
      : JSON.stringify({ rules: [{ rulePriority: 1, selection: { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 1 }, action: { type: 'expire' } }] });
    const fake = createFakeEcr();
    fake.seed('app', { tags: OWNED, ...(field === 'policy' ? { policy } : { lifecycle: policy }) });
    const thePlan = await planAgainst(fake, desiredState([desiredRepo('app')]));
    fake.failOn(operation, code, 'none');
    expect((await run(fake, thePlan)).ok).toBe(true);
    fake.failOn(operation, 'ServerException', 'boom');
    expect((await run(fake, thePlan)).ok).toBe(false);
  });
});

describe('apply: a retried create of a repository, checked against the right live repository', () => {
  const KEY = `arn:aws:kms:us-east-1:123456789012:key/${'1'.repeat(8)}-2222-3333-4444-${'5'.repeat(12)}`;
  const AWS_MANAGED = `arn:aws:kms:us-east-1:123456789012:key/${'9'.repeat(8)}-8888-7777-6666-${'5'.repeat(12)}`;

  it('looks up the repository it creates by name, not the first one listed', async () => {
    const fake = createFakeEcr();
    const desired = desiredState([desiredRepo('app', { scanOnPush: true })]);
    const thePlan = await planAgainst(fake, desired);
    // "aaa" is listed first and is exactly what the plan creates; "app" is not.
    fake.seed('aaa', { scanOnPush: true, tags: OWNED });
    fake.seed('app', { scanOnPush: false, tags: OWNED });
    fake.calls.length = 0;
    const result = await run(fake, thePlan);
    expect(result.steps[0].error?.code).toBe('RepositoryAlreadyExistsException');
  });

  it('KMS with no key named: the key ECR picked (the AWS managed one) matches', async () => {
    const fake = createFakeEcr();
    const thePlan = await planAgainst(fake, desiredState([desiredRepo('app', { encryption: { type: 'KMS' } })]));
    fake.seed('app', { encryption: { encryptionType: 'KMS', kmsKey: AWS_MANAGED }, tags: OWNED });
    expect((await run(fake, thePlan)).ok).toBe(true);
  });

  it('KMS with a key named: a repository under another key does not match', async () => {
    const fake = createFakeEcr();
    const thePlan = await planAgainst(fake, desiredState([desiredRepo('app', { encryption: { type: 'KMS', kmsKey: KEY } })]));
    fake.seed('app', { encryption: { encryptionType: 'KMS', kmsKey: AWS_MANAGED }, tags: OWNED });
    expect((await run(fake, thePlan)).steps[0].error?.code).toBe('RepositoryAlreadyExistsException');
    fake.repos.get('app')!.encryption.kmsKey = KEY;
    expect((await run(fake, thePlan)).ok).toBe(true);
  });

  it('when the check cannot read the repository, the create\'s own error is reported', async () => {
    const fake = createFakeEcr();
    const thePlan = await planAgainst(fake, desired1());
    fake.seed('app', { tags: OWNED });
    fake.failOn('DescribeRepositories', 'ThrottlingException', 'Rate exceeded');
    const result = await run(fake, thePlan);
    expect(result.steps[0].error?.code).toBe('RepositoryAlreadyExistsException');
  });

  it('a create that fails otherwise fails, even when the repository is there as planned', async () => {
    const fake = createFakeEcr();
    const thePlan = await planAgainst(fake, desired1());
    fake.failOn('CreateRepository', 'LimitExceededException', 'too many repositories');
    // The repository is there as planned, yet this create did not make it.
    fake.seed('app', { tags: OWNED });
    const result = await run(fake, thePlan);
    expect(result.steps[0].error).toEqual({ code: 'LimitExceededException', message: 'too many repositories' });
  });

  function desired1() {
    return desiredState([desiredRepo('app')]);
  }
});
