import { describe, expect, it } from 'vitest';
import { plan } from '../../src/plan/plan.js';
import { tagIsImmutable } from '../../src/plan/diff-image-pins.js';
import { EcrformError } from '../../src/errors.js';
import type { DesiredRepository } from '../../src/model/desired.js';
import { OWNED, desiredRepo, desiredState, image, liveRepo, liveState, planOptions } from '../helpers/builders.js';

const digest = (c: string) => `sha256:${c.repeat(64)}`;

/** The plan's refusal, or a failure when the plan went through. */
function refusal(run: () => unknown): EcrformError {
  try {
    run();
  } catch (err) {
    if (err instanceof EcrformError) return err;
    throw err;
  }
  throw new Error('the plan was not refused');
}

/** Repository "a" as ECR lists it: image 1 tagged v1 and latest, image 2 tagged v2, image 3 untagged. */
const live = (overrides = {}) =>
  liveState([
    liveRepo('a', {
      tags: OWNED,
      images: [image('1', 3, ['v1', 'latest']), image('2', 2, ['v2']), image('3', 1, [])],
      ...overrides,
    }),
  ]);

const pins = (images: DesiredRepository['images'], overrides: Partial<DesiredRepository> = {}) =>
  desiredState([desiredRepo('a', { tags: OWNED, images, ...overrides })]);

describe('tag pins: pins that cannot be met are refused at plan time, each at its own line', () => {
  const lines = {
    file: 'repos.yaml',
    imageSources: {
      gone: { file: 'repos.yaml', line: 7, col: 9 },
      lost: { file: 'repos.yaml', line: 8, col: 9 },
    },
  };

  it('a pin following a tag that no image carries names that tag, not a digest', () => {
    const err = refusal(() => plan(pins({ gone: { tag: 'v9' } }, lines), live(), planOptions()));
    expect(err.code).toBe('PLAN_REFUSED');
    expect(err.diagnostics).toEqual([
      {
        file: 'repos.yaml',
        line: 7,
        col: 9,
        path: '/repositories/a/images',
        message: 'repository "a": image["gone"] follows tag "v9", which no image in the repository carries',
      },
    ]);
  });

  it('a pin to a digest the repository does not hold asks for a push', () => {
    const err = refusal(() => plan(pins({ lost: { digest: digest('9') } }, lines), live(), planOptions()));
    expect(err.diagnostics).toEqual([
      {
        file: 'repos.yaml',
        line: 8,
        col: 9,
        path: '/repositories/a/images',
        message: `repository "a": image["lost"] pins ${digest('9')}, which is not in the repository; push it first`,
      },
    ]);
  });

  it('a pin without a recorded line is reported at the repository', () => {
    const err = refusal(() => plan(pins({ lost: { digest: digest('9') } }), live(), planOptions()));
    expect(err.diagnostics.map((d) => [d.file, d.line, d.col])).toEqual([['registry.yaml', 1, 1]]);
  });

  it('every unmeetable pin of a repository is reported in one plan, in tag order', () => {
    const desired = pins(
      { zed: { digest: digest('9') }, gone: { tag: 'v9' }, moved: { digest: digest('2') }, lost: { digest: digest('8') } },
      { imageTagMutability: 'IMMUTABLE' },
    );
    const err = refusal(() => plan(desired, live({ images: [image('1', 3, ['moved']), image('2', 2, [])] }), planOptions()));
    expect(err.diagnostics.map((d) => d.message.match(/image\["(\w+)"\]/)?.[1])).toEqual(['gone', 'lost', 'moved', 'zed']);
  });
});

describe('tag pins that can be met', () => {
  it('a pin already met plans nothing', () => {
    const result = plan(pins({ v1: { digest: digest('1') }, latest: { tag: 'v1' } }), live(), planOptions());
    expect(result.changes).toEqual([]);
  });

  it('a new tag on an IMMUTABLE repository is a create: no tag moves', () => {
    const result = plan(pins({ stable: { digest: digest('3') } }, { imageTagMutability: 'IMMUTABLE' }), live({ imageTagMutability: 'IMMUTABLE' }), planOptions());
    expect(result.changes.map((c) => [c.address, c.action, c.before, c.after])).toEqual([
      ['repository["a"].image["stable"]', 'create', null, { digest: digest('3') }],
    ]);
  });

  it('a pin following a tag takes the digest that tag points at now', () => {
    const result = plan(pins({ latest: { tag: 'v2' } }), live(), planOptions());
    expect(result.changes.map((c) => [c.action, c.before, c.after, c.calls])).toEqual([
      ['update', { digest: digest('1') }, { digest: digest('2') }, ['BatchGetImage', 'PutImage']],
    ]);
  });
});

describe('exclusion filters (ECR wildcard: only * is special)', () => {
  it.each([
    // a dot in a filter is a literal dot, not "any character" and not dropped
    ['a.b', 'ab', false],
    ['a.b', 'a.b', true],
    ['1.*', '1x2', false],
  ])('MUTABLE_WITH_EXCLUSION filter %s: tag %s immutable = %s', (filter, tag, expected) => {
    expect(tagIsImmutable({ imageTagMutability: 'MUTABLE_WITH_EXCLUSION', imageTagMutabilityExclusionFilters: [filter] }, tag)).toBe(expected);
  });

  it('a tag matching any one of several filters is excluded', () => {
    const repo = { imageTagMutability: 'MUTABLE_WITH_EXCLUSION' as const, imageTagMutabilityExclusionFilters: ['release-*', 'prod'] };
    expect(tagIsImmutable(repo, 'prod')).toBe(true);
    expect(tagIsImmutable(repo, 'release-2')).toBe(true);
    expect(tagIsImmutable(repo, 'dev')).toBe(false);
  });

  it('a pin may move a tag on a MUTABLE_WITH_EXCLUSION repository when the filters the files set leave it mutable', () => {
    const filtered = { imageTagMutability: 'MUTABLE_WITH_EXCLUSION' as const, imageTagMutabilityExclusionFilters: ['release-*'] };
    const result = plan(pins({ latest: { digest: digest('2') } }, filtered), live(filtered), planOptions());
    expect(result.changes.map((c) => c.action)).toEqual(['update']);
  });

  it('with imageTagMutability ignored, the live mutability decides whether a pin may move a tag', () => {
    const desired = pins({ latest: { digest: digest('2') } }, { ignore: ['imageTagMutability'] });
    expect(() => plan(desired, live({ imageTagMutability: 'IMMUTABLE' }), planOptions())).toThrow(/is IMMUTABLE: image\["latest"\] would move tag/);
    expect(plan(desired, live(), planOptions()).changes).toHaveLength(1);
  });
});
