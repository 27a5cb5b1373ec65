import { describe, expect, it } from 'vitest';
import { plan } from '../../src/plan/plan.js';
import { changeDetails, formatDetail } from '../../src/render/change-details.js';
import type { Change, Plan } from '../../src/model/plan.js';
import { OWNED, desiredRepo, desiredState, image, liveRepo, liveState, planOptions } from '../helpers/builders.js';

/*
 * Which planned changes say what a lifecycle policy expires or archives now:
 * a created or changed lifecycle policy (while the preview is on), never a
 * repository policy, never a removed lifecycle policy.
 */

const EXPIRE_UNTAGGED = { rules: [{ rulePriority: 1, selection: { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 1 }, action: { type: 'expire' } }] };
const ARCHIVE_OLD = {
  rules: [{ rulePriority: 1, selection: { tagStatus: 'any', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 30 }, action: { type: 'transition', targetStorageClass: 'archive' } }],
};
// As IAM returns a stored policy: the account id as its root ARN, one action as a string.
const PULL_POLICY = { Version: '2012-10-17', Statement: [{ Sid: 'pull', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::210987654321:root' }, Action: 'ecr:BatchGetImage' }] };
const NOTHING = { count: 0, bytes: 0, images: [] };

const at = (p: Plan, address: string): Change => {
  const change = p.changes.find((c) => c.address === address);
  if (!change) throw new Error(`no change at ${address}: ${p.changes.map((c) => c.address).join(', ')}`);
  return change;
};
const shown = (change: Change) => changeDetails(change).map(formatDetail).join('\n');

// Three untagged images, two of them past what EXPIRE_UNTAGGED keeps, all older than 30 days.
const liveWithImages = (details = { policy: null, lifecyclePolicy: null }) =>
  liveState([liveRepo('app', { tags: OWNED, details, images: [image('1', 90), image('2', 60), image('3', 45)] })]);

describe('the lifecycle preview of a planned lifecycle policy', () => {
  it('a new repository has no images yet: its lifecycle policy will expire none now', () => {
    const p = plan(desiredState([desiredRepo('app', { lifecyclePolicy: EXPIRE_UNTAGGED })]), liveState([]), planOptions());
    const change = at(p, 'repository["app"].lifecyclePolicy');
    expect([change.action, change.expires, change.archives]).toEqual(['create', NOTHING, undefined]);
    expect(shown(change)).toContain('· expires no images now');
    expect(shown(change)).not.toContain('archives');
  });

  it('an archiving policy on a new repository will neither expire nor archive anything now', () => {
    const p = plan(desiredState([desiredRepo('app', { lifecyclePolicy: ARCHIVE_OLD })]), liveState([]), planOptions());
    const change = at(p, 'repository["app"].lifecyclePolicy');
    expect([change.expires, change.archives]).toEqual([NOTHING, NOTHING]);
    expect(shown(change)).toContain('· archives no images now');
  });

  it('with the preview off, neither a new nor a changed lifecycle policy says what it expires', () => {
    const off = planOptions({ lifecyclePreview: false });
    const created = at(plan(desiredState([desiredRepo('app', { lifecyclePolicy: EXPIRE_UNTAGGED })]), liveState([]), off), 'repository["app"].lifecyclePolicy');
    // The images were read (for another reason): the preview stays off all the same.
    const added = at(plan(desiredState([desiredRepo('app', { tags: OWNED, lifecyclePolicy: ARCHIVE_OLD })]), liveWithImages(), off), 'repository["app"].lifecyclePolicy');
    for (const change of [created, added]) {
      expect([change.expires, change.archives, change.warnings]).toEqual([undefined, undefined, []]);
      expect(shown(change)).not.toMatch(/· (expires|archives)/);
    }
    // The same plan with the preview on counts them.
    const previewed = at(plan(desiredState([desiredRepo('app', { tags: OWNED, lifecyclePolicy: ARCHIVE_OLD })]), liveWithImages(), planOptions()), 'repository["app"].lifecyclePolicy');
    expect(previewed.archives?.count).toBe(3);
  });

  it('a repository policy, created or added, never says what it expires', () => {
    const created = at(plan(desiredState([desiredRepo('app', { policy: PULL_POLICY })]), liveState([]), planOptions()), 'repository["app"].policy');
    const added = at(plan(desiredState([desiredRepo('app', { tags: OWNED, policy: PULL_POLICY })]), liveWithImages(), planOptions()), 'repository["app"].policy');
    for (const change of [created, added]) {
      expect([change.expires, change.archives, change.warnings]).toEqual([undefined, undefined, []]);
      expect(shown(change)).not.toMatch(/· (expires|archives)/);
    }
  });

  it('removing a lifecycle policy is one DeleteLifecyclePolicy, with no preview', () => {
    const p = plan(desiredState([desiredRepo('app', { tags: OWNED })]), liveWithImages({ policy: null, lifecyclePolicy: EXPIRE_UNTAGGED }), planOptions());
    const change = at(p, 'repository["app"].lifecyclePolicy');
    expect([change.action, change.before, change.after, change.calls]).toEqual(['delete', EXPIRE_UNTAGGED, null, ['DeleteLifecyclePolicy']]);
    expect([change.expires, change.archives]).toEqual([undefined, undefined]);
  });
});
