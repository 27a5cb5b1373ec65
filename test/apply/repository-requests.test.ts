import { describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/apply.js';
import type { EcrPort } from '../../src/ecr/port.js';
import type { DesiredRepository } from '../../src/model/desired.js';
import type { LiveRepository } from '../../src/model/live.js';
import { plan } from '../../src/plan/plan.js';
import { ACCOUNT, OWNED, desiredRepo, desiredState, image, liveRepo, liveState, planOptions } from '../helpers/builders.js';

/*
 * The requests a repository plan makes ECR receive: CreateRepository with
 * every setting, the one put per changed setting, tags set before others are
 * removed, and the ownership check before a delete. Each is what ECR acts on;
 * a field left out is a setting silently not made.
 */

type Answers = Record<string, (input: Record<string, unknown>) => unknown>;

function recordingPort(answers: Answers = {}) {
  const sent: Array<[string, Record<string, unknown>]> = [];
  const port = new Proxy({} as EcrPort, {
    get: (_t, op: string) => async (input: Record<string, unknown>) => {
      sent.push([op, input]);
      const answer = answers[op];
      return answer ? answer(input) : { $metadata: {} };
    },
  });
  return { port, sent };
}

/** ListTagsForResource as ECR answers it for a repository carrying `tags`. */
const tagsAnswer = (tags: Record<string, string>) => () => ({ tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })), $metadata: {} });

async function applied(desired: DesiredRepository[], live: LiveRepository[], options: { region?: string; answers?: Answers; prune?: boolean } = {}) {
  const thePlan = plan(desiredState(desired, { prune: options.prune ?? false }), liveState(live, { region: options.region ?? 'us-east-1' }), planOptions());
  const { port, sent } = recordingPort(options.answers);
  const result = await apply(thePlan, port, { concurrency: 1 });
  return { thePlan, result, sent };
}

const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9`;

describe('CreateRepository', () => {
  it('carries the mutability with its exclusion filters, scan on push, the KMS key and the tags', async () => {
    const { sent } = await applied(
      [desiredRepo('app', { imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION', imageTagMutabilityExclusionFilters: ['latest', 'dev-*'], scanOnPush: true, encryption: { type: 'KMS', kmsKey: KEY }, tags: { team: 'a' } })],
      [],
    );
    expect(sent).toEqual([
      [
        'createRepository',
        {
          repositoryName: 'app',
          imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
          imageTagMutabilityExclusionFilters: [
            { filterType: 'WILDCARD', filter: 'dev-*' },
            { filterType: 'WILDCARD', filter: 'latest' },
          ],
          imageScanningConfiguration: { scanOnPush: true },
          encryptionConfiguration: { encryptionType: 'KMS', kmsKey: KEY },
          tags: [{ Key: 'managed-by', Value: 'ecrform' }, { Key: 'team', Value: 'a' }],
        },
      ],
    ]);
  });

  it('sends no filter list and no key when there are none (ECR refuses an empty filter list)', async () => {
    const { sent } = await applied([desiredRepo('app')], []);
    expect(sent).toEqual([
      [
        'createRepository',
        {
          repositoryName: 'app',
          imageTagMutability: 'MUTABLE',
          imageScanningConfiguration: { scanOnPush: false },
          encryptionConfiguration: { encryptionType: 'AES256' },
          tags: [{ Key: 'managed-by', Value: 'ecrform' }],
        },
      ],
    ]);
  });
});

describe('an update of repository settings', () => {
  it('a new mutability with exclusion filters: PutImageTagMutability alone, filters included', async () => {
    const { sent } = await applied(
      [desiredRepo('app', { imageTagMutability: 'MUTABLE_WITH_EXCLUSION', imageTagMutabilityExclusionFilters: ['release-*'] })],
      [liveRepo('app', { tags: OWNED })],
    );
    expect(sent).toEqual([
      ['putImageTagMutability', { repositoryName: 'app', imageTagMutability: 'MUTABLE_WITH_EXCLUSION', imageTagMutabilityExclusionFilters: [{ filterType: 'WILDCARD', filter: 'release-*' }] }],
    ]);
  });

  it('scan on push turned on: PutImageScanningConfiguration alone', async () => {
    const { sent } = await applied([desiredRepo('app', { scanOnPush: true })], [liveRepo('app', { tags: OWNED })]);
    expect(sent).toEqual([['putImageScanningConfiguration', { repositoryName: 'app', imageScanningConfiguration: { scanOnPush: true } }]]);
  });

  it('both changed: both puts, mutability first', async () => {
    const { sent } = await applied(
      [desiredRepo('app', { imageTagMutability: 'IMMUTABLE', scanOnPush: false })],
      [liveRepo('app', { tags: OWNED, imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION', imageTagMutabilityExclusionFilters: ['latest'], scanOnPush: true })],
    );
    expect(sent).toEqual([
      ['putImageTagMutability', { repositoryName: 'app', imageTagMutability: 'IMMUTABLE' }],
      ['putImageScanningConfiguration', { repositoryName: 'app', imageScanningConfiguration: { scanOnPush: false } }],
    ]);
  });
});

describe('tags', () => {
  it('only added: TagResource, no UntagResource', async () => {
    const { sent } = await applied([desiredRepo('app', { tags: { team: 'a' } })], [liveRepo('app', { tags: OWNED })]);
    expect(sent).toEqual([['tagResource', { resourceArn: `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/app`, tags: [{ Key: 'team', Value: 'a' }] }]]);
  });

  it('only removed: UntagResource, no TagResource', async () => {
    const { sent } = await applied([desiredRepo('app')], [liveRepo('app', { tags: { ...OWNED, team: 'a' } })]);
    expect(sent).toEqual([['untagResource', { resourceArn: `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/app`, tagKeys: ['team'] }]]);
  });

  it.each([
    ['cn-north-1', 'aws-cn'],
    ['us-gov-west-1', 'aws-us-gov'],
    ['us-iso-east-1', 'aws-iso'],
    ['us-isob-east-1', 'aws-iso-b'],
    ['eu-west-1', 'aws'],
  ])('in %s the repository ARN is in the %s partition', async (region, partition) => {
    const { sent } = await applied([desiredRepo('app', { tags: { team: 'b' } })], [liveRepo('app', { tags: { ...OWNED, team: 'a' } })], { region });
    expect(sent.map(([, input]) => input.resourceArn)).toEqual([`arn:${partition}:ecr:${region}:${ACCOUNT}:repository/app`]);
  });
});

describe('deletes', () => {
  it('a policy and a lifecycle policy removed: each delete names the repository', async () => {
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'ecr:BatchGetImage' }] };
    const lifecyclePolicy = { rules: [{ rulePriority: 1, selection: { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 1 }, action: { type: 'expire' } }] };
    const { sent } = await applied([desiredRepo('app')], [liveRepo('app', { tags: OWNED, details: { policy, lifecyclePolicy } })]);
    expect(sent).toEqual([
      ['deleteRepositoryPolicy', { repositoryName: 'app' }],
      ['deleteLifecyclePolicy', { repositoryName: 'app' }],
    ]);
  });

  it('a repository delete whose ownership check fails otherwise than "not found" fails and deletes nothing', async () => {
    const denied = () => {
      throw Object.assign(new Error('not authorized to perform: ecr:ListTagsForResource'), { name: 'AccessDeniedException' });
    };
    const { result, sent } = await applied([], [liveRepo('old', { tags: OWNED })], { prune: true, answers: { listTagsForResource: denied } });
    expect(result.steps[0].error).toEqual({ code: 'AccessDeniedException', message: 'not authorized to perform: ecr:ListTagsForResource' });
    expect(sent.map(([op]) => op)).toEqual(['listTagsForResource']);
  });

  it('a repository that lost its ownership tag is refused, saying which tag', async () => {
    const { result, sent } = await applied([], [liveRepo('old', { tags: OWNED })], { prune: true, answers: { listTagsForResource: tagsAnswer({ team: 'a' }) } });
    expect(result.steps[0].error).toEqual({ code: 'PLAN_REFUSED', message: 'repository "old" lacks the ownership tag managed-by=ecrform; refusing to delete it' });
    expect(sent.map(([op]) => op)).toEqual(['listTagsForResource']);
  });

  it('an owned repository is deleted with the plan\'s force flag', async () => {
    const { result, sent } = await applied([], [liveRepo('old', { tags: OWNED })], { prune: true, answers: { listTagsForResource: tagsAnswer(OWNED) } });
    expect(result.ok).toBe(true);
    expect(sent).toEqual([
      ['listTagsForResource', { resourceArn: `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/old` }],
      ['deleteRepository', { repositoryName: 'old', force: false }],
    ]);
  });
});

describe('tag pins: what BatchGetImage did not return', () => {
  const pin = (answer: unknown) =>
    applied([desiredRepo('app', { images: { prod: { digest: image('1', 2).digest } } })], [liveRepo('app', { tags: OWNED, images: [image('1', 2, ['v1'])] })], {
      answers: { batchGetImage: () => answer },
    });

  it.each([
    ['a failure with a code and no reason', { images: [], failures: [{ failureCode: 'ImageNotFound' }] }, ': ImageNotFound'],
    ['a failure with a reason and no code', { images: [], failures: [{ failureReason: 'Requested image not found' }] }, ': failure Requested image not found'],
    ['no images and no failures at all', {}, ''],
  ])('%s', async (_what, answer, why) => {
    const { result, sent } = await pin({ ...answer, $metadata: {} });
    expect(result.steps[0].error).toEqual({ code: 'APPLY_FAILED', message: `cannot read image ${image('1', 2).digest} in repository "app"${why}` });
    expect(sent.map(([op]) => op)).toEqual(['batchGetImage']);
  });
});
