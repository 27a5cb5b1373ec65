import { describe, expect, it } from 'vitest';
import { staleAddresses } from '../../src/apply/check-stale.js';
import { plan } from '../../src/plan/plan.js';
import type { Live } from '../../src/model/live.js';
import { OWNED, desiredRepo, desiredState, image, liveRepo, liveState, planOptions } from '../helpers/builders.js';

const POLICY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '210987654321' }, Action: 'ecr:BatchGetImage' }] };
const digest = (c: string) => `sha256:${c.repeat(64)}`;

/** The live registry a plan was made against; each case moves one thing. */
function baseLive(): Live {
  return liveState([
    liveRepo('kept', { tags: OWNED, details: { policy: POLICY, lifecyclePolicy: null }, images: [image('1', 3, ['v1']), image('2', 1, ['v2'])] }),
    liveRepo('ignored', { tags: OWNED, scanOnPush: true }),
  ]);
}

const desired = desiredState([
  desiredRepo('kept', { scanOnPush: true, tags: { team: 'a' }, policy: { ...POLICY, Statement: [{ ...POLICY.Statement[0], Action: 'ecr:*' }] }, images: { prod: { digest: digest('1') } } }),
  desiredRepo('ignored', { ignore: ['scanOnPush'], imageTagMutability: 'IMMUTABLE' }),
  desiredRepo('new'),
]);

describe('staleAddresses (apply PLAN)', () => {
  const thePlan = plan(desired, baseLive(), planOptions());

  it('finds nothing moved when the live state is as planned', () => {
    expect(thePlan.changes.length).toBeGreaterThan(4);
    expect(staleAddresses(thePlan, baseLive())).toEqual([]);
  });

  it.each([
    ['a repository setting', (l: Live) => void (l.repositories.kept.imageTagMutability = 'IMMUTABLE'), 'repository["kept"]'],
    ['a tag', (l: Live) => void (l.repositories.kept.tags = { ...OWNED, other: 'x' }), 'repository["kept"].tags'],
    ['an equivalent policy is not a move', (l: Live) => void (l.repositories.kept.details = { policy: { ...POLICY, Statement: POLICY.Statement[0] }, lifecyclePolicy: null }), null],
    ['a policy', (l: Live) => void (l.repositories.kept.details = { policy: null, lifecyclePolicy: null }), 'repository["kept"].policy'],
    ['a tag pin', (l: Live) => void (l.repositories.kept.images = [image('1', 3, ['v1']), image('2', 1, ['v2', 'prod'])]), 'repository["kept"].image["prod"]'],
    ['a repository created since', (l: Live) => void (l.repositories.new = liveRepo('new')), 'repository["new"]'],
    ['an ignored field is not a move', (l: Live) => void (l.repositories.ignored.scanOnPush = false), null],
  ])('%s', (_what, move, expected) => {
    const live = baseLive();
    move(live);
    expect(staleAddresses(thePlan, live)).toEqual(expected ? [expected] : []);
  });
});

describe('staleAddresses: a repository declared with KMS and no key', () => {
  // ECR returns the key's ARN; the files may name none (any KMS key matches), so the plan's
  // `before` holds `encryption: {type: KMS}` and the check must look at the type alone.
  const KEY = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
  const live = () => liveState([liveRepo('kms', { tags: OWNED, encryption: { type: 'KMS', kmsKey: KEY } })]);
  const kmsPlan = plan(desiredState([desiredRepo('kms', { scanOnPush: true, encryption: { type: 'KMS' } })]), live(), planOptions());

  it('plans an update of scanOnPush only, and finds nothing moved', () => {
    expect(kmsPlan.changes.map((c) => [c.address, c.action])).toEqual([['repository["kms"]', 'update']]);
    expect(staleAddresses(kmsPlan, live())).toEqual([]);
  });

  it('still sees a setting that moved', () => {
    const moved = live();
    moved.repositories.kms.imageTagMutability = 'IMMUTABLE';
    expect(staleAddresses(kmsPlan, moved)).toEqual(['repository["kms"]']);
  });
});

describe('staleAddresses: a replace covers its own repository\'s policies, and only those', () => {
  const P1 = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'ecr:BatchGetImage' }] };
  const P2 = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'ecr:*' }] };
  const live = () =>
    liveState(
      [
        liveRepo('app', { tags: OWNED, images: [], details: { policy: P1, lifecyclePolicy: null } }),
        liveRepo('other', { tags: OWNED, images: [], details: { policy: P1, lifecyclePolicy: null } }),
      ],
      { registry: { policy: P1 } },
    );
  const desired = desiredState([desiredRepo('app', { encryption: { type: 'KMS' }, policy: P2 }), desiredRepo('other', { policy: P2 })], { registry: { policy: P2 } });
  const thePlan = plan(desired, live(), planOptions());

  it('the replaced repository\'s policy, planned as a create, is not stale against the policy the replace deletes', () => {
    expect(thePlan.changes.map((c) => [c.address, c.action])).toEqual([
      ['registry.policy', 'update'],
      ['repository["app"]', 'replace'],
      ['repository["app"].policy', 'create'],
      ['repository["other"].policy', 'update'],
    ]);
    expect(staleAddresses(thePlan, live())).toEqual([]);
  });

  it('another repository\'s policy that moved is stale', () => {
    const moved = live();
    moved.repositories.other.details = { policy: null, lifecyclePolicy: null };
    expect(staleAddresses(thePlan, moved)).toEqual(['repository["other"].policy']);
  });

  it('a registry policy that moved is stale', () => {
    const moved = live();
    moved.registry.policy = null;
    expect(staleAddresses(thePlan, moved)).toEqual(['registry.policy']);
  });
});

describe('staleAddresses: what was not read counts as none', () => {
  const POLICY1 = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'ecr:BatchGetImage' }] };
  const LIFECYCLE = { rules: [{ rulePriority: 1, selection: { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 1 }, action: { type: 'expire' } }] };
  const thePlan = plan(
    desiredState([desiredRepo('app', { policy: POLICY1, lifecyclePolicy: LIFECYCLE, images: { prod: { digest: digest('1') } } })]),
    liveState([liveRepo('app', { tags: OWNED, images: [image('1', 2, ['v1'])] })]),
    planOptions(),
  );

  it('a live repository whose policies and images were not read: the creates are not stale', () => {
    expect(thePlan.changes.map((c) => [c.address, c.action])).toEqual([
      ['repository["app"].policy', 'create'],
      ['repository["app"].lifecyclePolicy', 'create'],
      ['repository["app"].image["prod"]', 'create'],
    ]);
    const unread = liveState([liveRepo('app', { tags: OWNED, details: undefined, images: undefined })]);
    expect(staleAddresses(thePlan, unread)).toEqual([]);
  });

  it('an address that is none (a plan file edited by hand) is refused as such', () => {
    const edited = structuredClone(thePlan);
    edited.changes[0].address = 'repository[app]';
    expect(() => staleAddresses(edited, liveState([]))).toThrow('bug: unknown address repository[app]');
  });
});
