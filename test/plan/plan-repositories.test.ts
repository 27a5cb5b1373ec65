import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { plan, repositoriesNeedingImages } from '../../src/plan/plan.js';
import type { Change } from '../../src/model/plan.js';
import { EcrformError } from '../../src/errors.js';
import {
  ACCOUNT,
  OWNED,
  desiredRepo,
  desiredState,
  image,
  liveFrom,
  liveRepo,
  liveState,
  planOptions,
} from '../helpers/builders.js';

const brief = (changes: Change[]) => changes.map((c) => [c.address, c.action, c.reason, c.calls.join('+')]);

const POLICY = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'pull', Effect: 'Allow', Principal: { AWS: '210987654321' }, Action: ['ecr:BatchGetImage'] }],
};
const LIFECYCLE = {
  rules: [{ rulePriority: 1, selection: { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 1 }, action: { type: 'expire' } }],
};

describe('plan: repositories', () => {
  it.each([
    {
      name: 'a new repository is one create, with its policy and lifecycle policy as their own creates',
      desired: [desiredRepo('a', { policy: POLICY, lifecyclePolicy: LIFECYCLE })],
      live: [],
      expected: [
        ['repository["a"]', 'create', null, 'CreateRepository'],
        ['repository["a"].policy', 'create', null, 'SetRepositoryPolicy'],
        ['repository["a"].lifecyclePolicy', 'create', null, 'PutLifecyclePolicy'],
      ],
    },
    {
      name: 'an untagged declared repository is adopted: the ownership tag is added',
      desired: [desiredRepo('a')],
      live: [liveRepo('a')],
      expected: [['repository["a"].tags', 'update', 'adopt', 'TagResource']],
    },
    {
      name: 'mutability and scanOnPush changes are one update with both calls',
      desired: [desiredRepo('a', { imageTagMutability: 'IMMUTABLE', scanOnPush: true })],
      live: [liveRepo('a', { tags: OWNED })],
      expected: [['repository["a"]', 'update', null, 'PutImageTagMutability+PutImageScanningConfiguration']],
    },
    {
      name: 'a tag removed and one added: TagResource then UntagResource',
      desired: [desiredRepo('a', { tags: { team: 'a' } })],
      live: [liveRepo('a', { tags: { ...OWNED, old: 'x' } })],
      expected: [['repository["a"].tags', 'update', null, 'TagResource+UntagResource']],
    },
    {
      name: 'a live policy not declared is deleted',
      desired: [desiredRepo('a')],
      live: [liveRepo('a', { tags: OWNED, details: { policy: POLICY, lifecyclePolicy: null } })],
      expected: [['repository["a"].policy', 'delete', null, 'DeleteRepositoryPolicy']],
    },
    {
      name: 'ignored fields are left as they are live',
      desired: [desiredRepo('a', { ignore: ['policy', 'tags', 'scanOnPush'] })],
      live: [liveRepo('a', { scanOnPush: true, tags: { ...OWNED, x: '1' }, details: { policy: POLICY, lifecyclePolicy: null } })],
      expected: [],
    },
    {
      name: 'an encryption change is a replace',
      desired: [desiredRepo('a', { encryption: { type: 'KMS' } })],
      live: [liveRepo('a', { tags: OWNED })],
      expected: [['repository["a"]', 'replace', 'immutable-field', 'DeleteRepository+CreateRepository']],
    },
    {
      name: 'KMS without a key matches the live AWS managed key',
      desired: [desiredRepo('a', { encryption: { type: 'KMS' } })],
      live: [liveRepo('a', { tags: OWNED, encryption: { type: 'KMS', kmsKey: 'arn:aws:kms:us-east-1:1:key/x' } })],
      expected: [],
    },
  ])('$name', ({ desired, live, expected }) => {
    const result = plan(desiredState(desired), liveState(live), planOptions());
    expect(brief(result.changes)).toEqual(expected);
  });

  it('prunes only repositories carrying the ownership tag, and only with prune: true', () => {
    const live = liveState([liveRepo('owned', { tags: OWNED, images: [] }), liveRepo('handmade', { tags: { team: 'x' } })]);
    expect(plan(desiredState([]), live, planOptions()).changes).toEqual([]);
    const pruned = plan(desiredState([], { prune: true }), live, planOptions());
    expect(brief(pruned.changes)).toEqual([['repository["owned"]', 'delete', 'prune', 'DeleteRepository']]);
  });

  it('blocks the delete of a repository holding images, with the count', () => {
    const live = liveState([liveRepo('owned', { tags: OWNED, images: [image('a', 1), image('b', 2)] })]);
    const [change] = plan(desiredState([], { prune: true }), live, planOptions()).changes;
    expect(change.blocked).toBe('holds 2 images; deleting it destroys them, which needs plan --force-delete');
  });

  it('refuses at plan time to replace a repository ecrform does not own, naming the file and line', () => {
    const desired = desiredState([desiredRepo('a', { encryption: { type: 'KMS' }, source: { file: 'teams/a.yaml', line: 7, col: 3 } })]);
    let error: EcrformError | undefined;
    try {
      plan(desired, liveState([liveRepo('a', { images: [] })]), planOptions());
    } catch (err) {
      error = err as EcrformError;
    }
    expect(error?.code).toBe('PLAN_REFUSED');
    expect(error?.diagnostics[0]).toMatchObject({ file: 'teams/a.yaml', line: 7, col: 3 });
    expect(error?.message).toMatch(/deletes only repositories carrying managed-by: ecrform; adopt it first/);
  });

  it('never plans to remove aws: tags, which AWS owns', () => {
    const live = liveState([liveRepo('a', { tags: { ...OWNED, 'aws:cloudformation:stack-name': 'x' } })]);
    expect(plan(desiredState([desiredRepo('a')]), live, planOptions()).changes).toEqual([]);
  });

  it('refuses to plan against another account', () => {
    const desired = desiredState([desiredRepo('a')], { registry: { accountId: '000000000001' } });
    expect(() => plan(desired, liveState([]), planOptions())).toThrow(EcrformError);
    expect(() => plan(desired, liveState([]), planOptions())).toThrow(/000000000001.*123456789012/);
  });

  it('keeps before/after/patch/fingerprint invariants', () => {
    const desired = desiredState([desiredRepo('a', { scanOnPush: true }), desiredRepo('b')]);
    const result = plan(desired, liveState([liveRepo('a', { tags: OWNED })]), planOptions());
    for (const c of result.changes) {
      expect(c.before === null).toBe(c.action === 'create');
      expect(c.after === null).toBe(c.action === 'delete');
      expect(c.liveFingerprint === null).toBe(c.before === null);
    }
    const update = result.changes.find((c) => c.address === 'repository["a"]');
    expect(update?.patch).toEqual([{ op: 'replace', path: '/scanOnPush', value: true }]);
    expect(result.summary).toEqual({ create: 1, update: 1, replace: 0, delete: 0, unchanged: 1 });
    expect(result.registry).toEqual({ accountId: ACCOUNT, region: 'us-east-1' });
  });

  it('--target keeps only the named addresses and their sub-addresses', () => {
    const desired = desiredState([desiredRepo('a', { policy: POLICY }), desiredRepo('b')]);
    const result = plan(desired, liveState([]), planOptions({ targets: ['repository["a"]'] }));
    expect(result.changes.map((c) => c.address)).toEqual(['repository["a"]', 'repository["a"].policy']);
  });

  it('lists the repositories whose images the plan needs', () => {
    const desired = desiredState([desiredRepo('a', { lifecyclePolicy: LIFECYCLE }), desiredRepo('b', { encryption: { type: 'KMS' } }), desiredRepo('c')], { prune: true });
    const live = liveState([liveRepo('a', { tags: OWNED }), liveRepo('b', { tags: OWNED }), liveRepo('c', { tags: OWNED }), liveRepo('gone', { tags: OWNED })]);
    expect(repositoriesNeedingImages(desired, live, planOptions())).toEqual(['a', 'b', 'gone']);
    expect(repositoriesNeedingImages(desired, live, planOptions({ lifecyclePreview: false }))).toEqual(['b', 'gone']);
  });

  it('fills expires on a lifecycle change from the live images', () => {
    const desired = desiredState([desiredRepo('a', { lifecyclePolicy: LIFECYCLE })]);
    const live = liveState([liveRepo('a', { tags: OWNED, images: [image('1', 1), image('2', 2), image('3', 3, ['v1'])] })]);
    const change = plan(desired, live, planOptions()).changes.find((c) => c.kind === 'lifecyclePolicy');
    expect(change?.expires?.count).toBe(1);
    expect(change?.expires?.images[0].digest).toBe(`sha256:${'2'.repeat(64)}`);
  });
});

describe('plan: image pins', () => {
  const digest = (c: string) => `sha256:${c.repeat(64)}`;
  it('moves a tag to the pinned digest, and follows another tag', () => {
    const desired = desiredState([desiredRepo('a', { images: { prod: { digest: digest('1') }, stable: { tag: 'v2' } } })]);
    const live = liveState([liveRepo('a', { tags: OWNED, images: [image('1', 3, ['v1']), image('2', 1, ['v2', 'prod'])] })]);
    expect(brief(plan(desired, live, planOptions()).changes)).toEqual([
      ['repository["a"].image["prod"]', 'update', null, 'BatchGetImage+PutImage'],
      ['repository["a"].image["stable"]', 'create', null, 'BatchGetImage+PutImage'],
    ]);
  });

  it('judges a pin by the live mutability when the files ignore it', () => {
    const desired = desiredState([desiredRepo('a', { ignore: ['imageTagMutability'], images: { prod: { digest: digest('1') } } })]);
    const live = liveState([liveRepo('a', { tags: OWNED, imageTagMutability: 'IMMUTABLE', images: [image('1', 3), image('2', 1, ['prod'])] })]);
    expect(() => plan(desired, live, planOptions())).toThrow(/is IMMUTABLE: image\["prod"\] would move tag/);
    live.repositories.a.imageTagMutability = 'MUTABLE';
    expect(brief(plan(desired, live, planOptions()).changes)).toEqual([['repository["a"].image["prod"]', 'update', null, 'BatchGetImage+PutImage']]);
  });

  it('refuses at plan time to move a tag on an IMMUTABLE repository', () => {
    const desired = desiredState([desiredRepo('a', { imageTagMutability: 'IMMUTABLE', images: { prod: { digest: digest('1') } } })]);
    const live = liveState([liveRepo('a', { tags: OWNED, imageTagMutability: 'IMMUTABLE', images: [image('1', 3), image('2', 1, ['prod'])] })]);
    expect(() => plan(desired, live, planOptions())).toThrow(/IMMUTABLE: image\["prod"\] would move tag/);
  });
});

describe('plan laws', () => {
  const name = fc.stringMatching(/^[a-z0-9]{2,8}(\/[a-z0-9]{2,8})?$/);
  const repo = fc.record({
    name,
    imageTagMutability: fc.constantFrom('MUTABLE' as const, 'IMMUTABLE' as const),
    scanOnPush: fc.boolean(),
    kms: fc.boolean(),
    tags: fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), fc.string({ maxLength: 6 }), { maxKeys: 4 }),
    policy: fc.boolean(),
  });

  it('plan(d, liveFrom(d)) is empty', () => {
    fc.assert(
      fc.property(fc.uniqueArray(repo, { selector: (r) => r.name, maxLength: 6 }), fc.boolean(), (repos, prune) => {
        const desired = desiredState(
          repos.map((r) =>
            desiredRepo(r.name, {
              imageTagMutability: r.imageTagMutability,
              scanOnPush: r.scanOnPush,
              encryption: r.kms ? { type: 'KMS' } : { type: 'AES256' },
              tags: r.tags,
              policy: r.policy ? POLICY : null,
            }),
          ),
          { prune },
        );
        const result = plan(desired, liveFrom(desired), planOptions());
        expect(result.changes).toEqual([]);
      }),
    );
  });
});
