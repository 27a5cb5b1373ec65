import { describe, expect, it } from 'vitest';
import { plan } from '../../src/plan/plan.js';
import type { Change } from '../../src/model/plan.js';
import type { LiveRepository } from '../../src/model/live.js';
import type { DesiredRepository } from '../../src/model/desired.js';
import { OWNED, desiredRepo, desiredState, liveRepo, liveState, planOptions } from '../helpers/builders.js';

/*
 * The calls a repository change plans are the calls apply makes: one too many
 * is a request ECR did not need, one too few leaves the change undone.
 */
const brief = (changes: Change[]) => changes.map((c) => [c.address, c.action, c.calls.join('+')]);
const LIVE_POLICY = { Version: '2012-10-17', Statement: [{ Sid: 'pull', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::210987654321:root' }, Action: 'ecr:BatchGetImage' }] };

function planOne(desired: Partial<DesiredRepository>, live: Partial<LiveRepository>) {
  return plan(desiredState([desiredRepo('a', { tags: OWNED, ...desired })]), liveState([liveRepo('a', { tags: OWNED, ...live })]), planOptions());
}

describe('repository settings: only the calls the change needs', () => {
  it('scanOnPush alone: PutImageScanningConfiguration only', () => {
    expect(brief(planOne({ scanOnPush: true }, {}).changes)).toEqual([['repository["a"]', 'update', 'PutImageScanningConfiguration']]);
  });

  it('exclusion filters alone (same mutability): PutImageTagMutability only', () => {
    const mutability = { imageTagMutability: 'MUTABLE_WITH_EXCLUSION' as const };
    const result = planOne({ ...mutability, imageTagMutabilityExclusionFilters: ['v*', 'rc-*'] }, { ...mutability, imageTagMutabilityExclusionFilters: ['v*'] });
    expect(brief(result.changes)).toEqual([['repository["a"]', 'update', 'PutImageTagMutability']]);
  });

  it('exclusion filters in another order are the same setting', () => {
    const mutability = { imageTagMutability: 'MUTABLE_WITH_EXCLUSION' as const };
    expect(planOne({ ...mutability, imageTagMutabilityExclusionFilters: ['b*', 'a*'] }, { ...mutability, imageTagMutabilityExclusionFilters: ['a*', 'b*'] }).changes).toEqual([]);
  });
});

describe('repository tags: TagResource for new or changed values, UntagResource for removed keys', () => {
  it('a changed value only: TagResource', () => {
    expect(brief(planOne({ tags: { ...OWNED, team: 'b' } }, { tags: { ...OWNED, team: 'a' } }).changes)).toEqual([['repository["a"].tags', 'update', 'TagResource']]);
  });

  it('a removed key only: UntagResource', () => {
    const result = planOne({}, { tags: { ...OWNED, old: 'x' } });
    expect(brief(result.changes)).toEqual([['repository["a"].tags', 'update', 'UntagResource']]);
    expect(result.changes[0].reason).toBeNull();
    expect(result.changes[0].after).toEqual(OWNED);
  });

  it('aws: tags are AWS\'s: never removed, never a difference', () => {
    expect(planOne({}, { tags: { ...OWNED, 'aws:cloudformation:stack-name': 's' } }).changes).toEqual([]);
  });

  it('with tags ignored, an unowned repository gets only the ownership tag, its own tags kept', () => {
    const result = planOne({ ignore: ['tags'], tags: { other: 'y' } }, { tags: { team: 'a' } });
    expect(result.changes.map((c) => [c.address, c.reason, c.before, c.after, c.calls])).toEqual([
      ['repository["a"].tags', 'adopt', { team: 'a' }, { 'managed-by': 'ecrform', team: 'a' }, ['TagResource']],
    ]);
  });
});

describe('unchanged counts what was compared and found equal', () => {
  it('settings and tags always; a policy when either side has one; each pin', () => {
    expect(planOne({}, {}).summary.unchanged).toBe(2);
    expect(planOne({ policy: LIVE_POLICY }, { details: { policy: LIVE_POLICY, lifecyclePolicy: null } }).summary.unchanged).toBe(3);
    expect(planOne({ ignore: ['policy'] }, { details: { policy: LIVE_POLICY, lifecyclePolicy: null } }).summary.unchanged).toBe(2);
    const lifecycle = { rules: [{ rulePriority: 1, selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 5 }, action: { type: 'expire' } }] };
    expect(planOne({ lifecyclePolicy: lifecycle }, { details: { policy: null, lifecyclePolicy: lifecycle } }).summary.unchanged).toBe(3);
    expect(planOne({ ignore: ['lifecyclePolicy'] }, { details: { policy: null, lifecyclePolicy: lifecycle } }).summary.unchanged).toBe(2);
    const img = { digest: `sha256:${'1'.repeat(64)}`, tags: ['v1'], pushedAt: '2026-11-01T00:00:00.000Z', sizeBytes: 1 };
    expect(planOne({ images: { v1: { digest: img.digest } } }, { images: [img] }).summary.unchanged).toBe(3);
  });

  it('a changed address is not counted', () => {
    expect(planOne({ scanOnPush: true }, {}).summary).toEqual({ create: 0, update: 1, replace: 0, delete: 0, unchanged: 1 });
  });
});

describe('a replace of a repository this stack does not own is refused at its encryption', () => {
  it('names the change and what to do', () => {
    const desired = desiredState([desiredRepo('a', { encryption: { type: 'KMS' }, source: { file: 'r.yaml', line: 3, col: 5 } })]);
    let caught: unknown;
    try {
      plan(desired, liveState([liveRepo('a', { tags: {} })]), planOptions());
    } catch (err) {
      caught = err;
    }
    expect(caught).toMatchObject({
      code: 'PLAN_REFUSED',
      diagnostics: [{ file: 'r.yaml', line: 3, col: 5, path: '/repositories/a/encryption', message: expect.stringMatching(/^repository "a": encryption cannot change in place \(AES256 -> KMS\), and ecrform deletes only repositories carrying managed-by: ecrform; adopt it first/) }],
    });
  });
});
