import { describe, expect, it } from 'vitest';
import { staleAddresses } from '../../src/apply/check-stale.js';
import { plan } from '../../src/plan/plan.js';
import type { Live } from '../../src/model/live.js';
import type { DesiredRepository } from '../../src/model/desired.js';
import { OWNED, desiredRepo, desiredState, image, liveRepo, liveState, planOptions } from '../helpers/builders.js';

/*
 * A replace (encryption change) deletes the repository and creates it again.
 * Its sub-addresses are created anew, and `apply PLAN` must still accept the
 * plan it was made from (issue 8, bugs 1 and 2).
 */

// As ECR returns a stored policy: the account id as its root ARN.
const LIVE_POLICY = { Version: '2012-10-17', Statement: [{ Sid: 'pull', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::210987654321:root' }, Action: 'ecr:BatchGetImage' }] };
const POLICY = { Version: '2012-10-17', Statement: [{ Sid: 'pull', Effect: 'Allow', Principal: { AWS: '210987654321' }, Action: ['ecr:BatchGetImage'] }] };
const LIFECYCLE = { rules: [{ rulePriority: 1, selection: { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 1 }, action: { type: 'expire' } }] };
const KMS = { type: 'KMS' as const };

function liveWith(overrides: Parameters<typeof liveRepo>[1] = {}): Live {
  return liveState([
    liveRepo('app', {
      tags: { ...OWNED, team: 'a', 'aws:cloudformation:stack-name': 's' },
      imageTagMutability: 'IMMUTABLE',
      scanOnPush: true,
      details: { policy: LIVE_POLICY, lifecyclePolicy: LIFECYCLE },
      images: [image('1', 3, ['v1'])],
      ...overrides,
    }),
  ]);
}

function planFor(repo: Partial<DesiredRepository>, live = liveWith()) {
  return plan(desiredState([desiredRepo('app', { encryption: KMS, ...repo })]), live, planOptions());
}

describe('replace', () => {
  it('a saved plan replacing a repository with policies is not stale against the live state it was made from', () => {
    const thePlan = planFor({ policy: POLICY, lifecyclePolicy: LIFECYCLE });
    expect(thePlan.changes.map((c) => [c.address, c.action]).sort()).toEqual([
      ['repository["app"]', 'replace'],
      ['repository["app"].lifecyclePolicy', 'create'],
      ['repository["app"].policy', 'create'],
    ]);
    expect(staleAddresses(thePlan, liveWith())).toEqual([]);
  });

  it.each([
    ['its policy changed', (l: Live) => void (l.repositories.app.details = { policy: null, lifecyclePolicy: LIFECYCLE })],
    ['its lifecycle policy changed', (l: Live) => void (l.repositories.app.details = { policy: LIVE_POLICY, lifecyclePolicy: null })],
    ['its tags changed', (l: Live) => void (l.repositories.app.tags = { ...OWNED })],
    ['its mutability changed', (l: Live) => void (l.repositories.app.imageTagMutability = 'MUTABLE')],
  ])('a saved replace is stale when %s since', (_what, move) => {
    const thePlan = planFor({ policy: POLICY, lifecyclePolicy: LIFECYCLE });
    const live = liveWith();
    move(live);
    expect(staleAddresses(thePlan, live)).toEqual(['repository["app"]']);
  });

  it('the replace shows the policies it deletes', () => {
    const [replace] = planFor({}).changes;
    expect(replace.before).toMatchObject({ policy: { Statement: [{ Sid: 'pull' }] }, lifecyclePolicy: LIFECYCLE });
  });

  it('carries the live values of ignored fields through the replace, and says so', () => {
    const thePlan = planFor({ ignore: ['tags', 'imageTagMutability', 'scanOnPush', 'policy', 'lifecyclePolicy'] });
    const [replace] = thePlan.changes;
    const at = (address: string) => thePlan.changes.find((c) => c.address === address)!;
    const lifecycle = at('repository["app"].lifecyclePolicy');
    const policy = at('repository["app"].policy');
    expect(replace.after).toEqual({
      imageTagMutability: 'IMMUTABLE',
      imageTagMutabilityExclusionFilters: [],
      scanOnPush: true,
      encryption: { type: 'KMS' },
      // The live tags, but not AWS's own: CreateRepository refuses `aws:` keys.
      tags: { 'managed-by': 'ecrform', team: 'a' },
    });
    expect(replace.warnings.join('\n')).toContain('ignored fields keep their live values through the replace: imageTagMutability, lifecyclePolicy, policy, scanOnPush, tags');
    expect([lifecycle.address, lifecycle.action, lifecycle.written]).toEqual(['repository["app"].lifecyclePolicy', 'create', LIFECYCLE]);
    // Sent as ECR holds it, compared normalized.
    expect([policy.address, policy.action, policy.written]).toEqual(['repository["app"].policy', 'create', LIVE_POLICY]);
    expect(staleAddresses(thePlan, liveWith())).toEqual([]);
  });

  it('without ignore, the replace goes back to the declared values', () => {
    const [replace, ...rest] = planFor({}).changes;
    expect(replace.after).toEqual({
      imageTagMutability: 'MUTABLE',
      imageTagMutabilityExclusionFilters: [],
      scanOnPush: false,
      encryption: { type: 'KMS' },
      tags: { 'managed-by': 'ecrform' },
    });
    expect(rest).toEqual([]);
  });

  it('a replace of a repository with tag pins plans (the pins cannot outlive the images) and warns', () => {
    const thePlan = planFor({ images: { prod: { digest: `sha256:${'1'.repeat(64)}` } } });
    expect(thePlan.changes.map((c) => c.address)).toEqual(['repository["app"]']);
    expect(thePlan.changes[0].warnings.join('\n')).toContain('tag pins not applied: the replace deletes the images they point at (prod)');
  });
});
