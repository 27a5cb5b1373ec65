import { describe, expect, it } from 'vitest';
import { plan } from '../../src/plan/plan.js';
import { tagIsImmutable } from '../../src/plan/diff-image-pins.js';
import { normalizePolicy } from '../../src/normalize/policy.js';
import { partitionOf } from '../../src/normalize/partition.js';
import { OWNED, desiredRepo, desiredState, image, liveRepo, liveState, planOptions } from '../helpers/builders.js';

const digest = (c: string) => `sha256:${c.repeat(64)}`;

describe('tag pins and the exclusion mutabilities (issue 8, bug 3)', () => {
  const live = (mutability: 'MUTABLE_WITH_EXCLUSION' | 'IMMUTABLE_WITH_EXCLUSION') =>
    liveState([
      liveRepo('a', {
        tags: OWNED,
        imageTagMutability: mutability,
        imageTagMutabilityExclusionFilters: ['release-*'],
        images: [image('1', 3, ['release-1']), image('2', 1, ['dev'])],
      }),
    ]);
  const pin = (mutability: 'MUTABLE_WITH_EXCLUSION' | 'IMMUTABLE_WITH_EXCLUSION', tag: string) =>
    desiredState([
      desiredRepo('a', { imageTagMutability: mutability, imageTagMutabilityExclusionFilters: ['release-*'], images: { [tag]: { digest: digest(tag === 'dev' ? '1' : '2') } } }),
    ]);

  it('refuses to move a tag that matches a MUTABLE_WITH_EXCLUSION filter: ECR keeps it immutable', () => {
    expect(() => plan(pin('MUTABLE_WITH_EXCLUSION', 'release-1'), live('MUTABLE_WITH_EXCLUSION'), planOptions())).toThrow(
      /MUTABLE_WITH_EXCLUSION: image\["release-1"\] would move tag/,
    );
  });

  it('moves a tag outside the MUTABLE_WITH_EXCLUSION filters', () => {
    const changes = plan(pin('MUTABLE_WITH_EXCLUSION', 'dev'), live('MUTABLE_WITH_EXCLUSION'), planOptions()).changes;
    expect(changes.map((c) => [c.address, c.action])).toEqual([['repository["a"].image["dev"]', 'update']]);
  });

  it('under IMMUTABLE_WITH_EXCLUSION it is the other way round', () => {
    expect(() => plan(pin('IMMUTABLE_WITH_EXCLUSION', 'dev'), live('IMMUTABLE_WITH_EXCLUSION'), planOptions())).toThrow(/would move tag "dev"/);
    expect(plan(pin('IMMUTABLE_WITH_EXCLUSION', 'release-1'), live('IMMUTABLE_WITH_EXCLUSION'), planOptions()).changes).toHaveLength(1);
  });

  it.each([
    ['MUTABLE', [], 'x', false],
    ['IMMUTABLE', [], 'x', true],
    ['MUTABLE_WITH_EXCLUSION', ['v*'], 'v1', true],
    ['MUTABLE_WITH_EXCLUSION', ['v*'], 'xv1', false],
    ['MUTABLE_WITH_EXCLUSION', ['a.b'], 'axb', false],
    ['MUTABLE_WITH_EXCLUSION', ['*-rc'], '1.0-rc', true],
    ['IMMUTABLE_WITH_EXCLUSION', ['latest'], 'latest', false],
    ['IMMUTABLE_WITH_EXCLUSION', ['latest'], 'latest2', true],
  ] as const)('%s %j: tag %s immutable = %s', (mutability, filters, tag, expected) => {
    expect(tagIsImmutable({ imageTagMutability: mutability, imageTagMutabilityExclusionFilters: [...filters] }, tag)).toBe(expected);
  });
});

describe('partitions (issue 8, bug 5)', () => {
  it.each([
    ['us-east-1', 'aws'],
    ['eu-west-1', 'aws'],
    ['cn-north-1', 'aws-cn'],
    ['cn-northwest-1', 'aws-cn'],
    ['us-gov-west-1', 'aws-us-gov'],
    ['us-iso-east-1', 'aws-iso'],
    ['us-isob-east-1', 'aws-iso-b'],
    ['eu-isoe-west-1', 'aws-iso-e'],
    ['us-isof-south-1', 'aws-iso-f'],
    ['eusc-de-east-1', 'aws-eusc'],
  ])('%s is in %s', (region, partition) => {
    expect(partitionOf(region)).toBe(partition);
  });

  const written = { Version: '2012-10-17', Statement: [{ Sid: 'pull', Effect: 'Allow', Principal: { AWS: '210987654321' }, Action: 'ecr:BatchGetImage' }] };
  const stored = (partition: string) => ({ ...written, Statement: [{ ...written.Statement[0], Principal: { AWS: `arn:${partition}:iam::210987654321:root` } }] });

  it('an account id is the root ARN of the given partition', () => {
    expect(normalizePolicy(written, 'aws-cn')).toEqual(normalizePolicy(stored('aws-cn'), 'aws-cn'));
    expect(normalizePolicy(written, 'aws-cn')).not.toEqual(normalizePolicy(stored('aws'), 'aws-cn'));
  });

  it.each([['cn-north-1', 'aws-cn'], ['us-gov-west-1', 'aws-us-gov'], ['us-east-1', 'aws']])(
    'in %s a policy written with an account id matches the one ECR returns (%s root ARN)',
    (region, partition) => {
      const desired = desiredState([desiredRepo('a', { policy: written })]);
      const live = liveState([liveRepo('a', { tags: OWNED, details: { policy: stored(partition), lifecyclePolicy: null } })], { region });
      expect(plan(desired, live, planOptions()).changes).toEqual([]);
    },
  );

  it('a policy change carries the document as written, which apply sends', () => {
    const desired = desiredState([desiredRepo('a', { policy: written })]);
    const live = liveState([liveRepo('a', { tags: OWNED })], { region: 'cn-north-1' });
    const [change] = plan(desired, live, planOptions()).changes;
    expect(change.written).toEqual(written);
    expect(change.after).toMatchObject({ Statement: [{ Principal: { AWS: 'arn:aws-cn:iam::210987654321:root' } }] });
  });
});

describe('replication into the source registry itself, at plan time (issue 8, bug 9)', () => {
  it('is refused when the region comes from outside the files', () => {
    const desired = desiredState([], { registry: { replication: { rules: [{ destinations: [{ region: 'us-east-1' }], repositoryFilters: [] }] } } });
    expect(() => plan(desired, liveState([]), planOptions())).toThrow(/replicates into this registry itself/);
    // The code names the failure in a run over several registries ("✗ failed: PLAN_REFUSED: ...").
    expect(() => plan(desired, liveState([]), planOptions())).toThrow(expect.objectContaining({ code: 'PLAN_REFUSED' }));
    const other = desiredState([], { registry: { replication: { rules: [{ destinations: [{ region: 'us-west-2' }], repositoryFilters: [] }] } } });
    expect(plan(other, liveState([]), planOptions()).changes).toHaveLength(1);
  });
});
