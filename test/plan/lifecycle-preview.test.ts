import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/model/json.js';
import type { LiveImage } from '../../src/model/live.js';
import { previewLifecycle } from '../../src/plan/lifecycle-preview.js';

const NOW = new Date('2026-11-23T12:00:00.000Z');
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

interface ImageSpec {
  /** Pushed this many days before NOW (fractions allowed). */
  days: number;
  tags?: string[];
  /** Last pulled this many days before NOW; absent: never pulled. */
  pulledDays?: number;
  /** Added to the push time, in milliseconds before NOW (for boundaries). */
  extraMs?: number;
  size?: number;
}

/** An image pushed `days` before NOW; its digest is `sha256:<name>`. */
function image(name: string, spec: ImageSpec): LiveImage {
  const at = (days: number, extra = 0): string => new Date(NOW.getTime() - days * DAY - extra).toISOString();
  return {
    digest: `sha256:${name}`,
    tags: spec.tags ?? [],
    pushedAt: at(spec.days, spec.extraMs),
    ...(spec.pulledDays === undefined ? {} : { lastPulledAt: at(spec.pulledDays) }),
    sizeBytes: spec.size ?? 1000,
  };
}

type Selection = JsonObject;
function expire(priority: number, selection: Selection): JsonObject {
  return { rulePriority: priority, selection, action: { type: 'expire' } };
}
function transition(priority: number, selection: Selection): JsonObject {
  return { rulePriority: priority, selection, action: { type: 'transition', targetStorageClass: 'archive' } };
}
const keep = (n: number, selection: Selection = { tagStatus: 'any' }): Selection => ({ ...selection, countType: 'imageCountMoreThan', countNumber: n });
const pushedOver = (days: number, selection: Selection = { tagStatus: 'any' }): Selection => ({ ...selection, countType: 'sinceImagePushed', countUnit: 'days', countNumber: days });
const pulledOver = (days: number, selection: Selection = { tagStatus: 'any' }): Selection => ({ ...selection, countType: 'sinceImagePulled', countUnit: 'days', countNumber: days });
const prefixes = (...list: string[]): Selection => ({ tagStatus: 'tagged', tagPrefixList: list });
const patterns = (...list: string[]): Selection => ({ tagStatus: 'tagged', tagPatternList: list });

/** The digests' short names that the policy made of `rules` expires, in the preview's order. */
function expired(rules: JsonObject[], images: LiveImage[]): string[] {
  return previewLifecycle({ rules }, images, NOW).images.map((i) => i.digest.replace('sha256:', ''));
}

describe('previewLifecycle: one rule', () => {
  it.each<[string, JsonObject[], LiveImage[], string[]]>([
    [
      'imageCountMoreThan keeps the newest N by push time, expires the rest',
      [expire(1, keep(2))],
      [image('c', { days: 3 }), image('a', { days: 5 }), image('d', { days: 2 }), image('b', { days: 4 })],
      ['a', 'b'],
    ],
    ['imageCountMoreThan with N or fewer images expires nothing', [expire(1, keep(2))], [image('a', { days: 5 }), image('b', { days: 4 })], []],
    [
      'sinceImagePushed: exactly N days is kept, N days + 1 ms is expired',
      [expire(1, pushedOver(14))],
      [image('exact', { days: 14 }), image('over', { days: 14, extraMs: 1 }), image('young', { days: 13 })],
      ['over'],
    ],
    [
      'sinceImagePulled uses the last pull time when there is one',
      [expire(1, pulledOver(30))],
      [image('pulled-recently', { days: 100, pulledDays: 2 }), image('pulled-long-ago', { days: 100, pulledDays: 31 }), image('pulled-exactly', { days: 100, pulledDays: 30 })],
      ['pulled-long-ago'],
    ],
    [
      'sinceImagePulled uses the push time for an image never pulled',
      [expire(1, pulledOver(30))],
      [image('old-never-pulled', { days: 31 }), image('new-never-pulled', { days: 10 }), image('exactly', { days: 30 })],
      ['old-never-pulled'],
    ],
    [
      // Amazon ECR User Guide, "Filtering on multiple tags in a single rule", Example A.
      'tagPrefixList: every prefix must match some tag of the image',
      [expire(1, pushedOver(5, prefixes('alpha', 'beta')))],
      [
        image('A', { days: 12, tags: ['alpha-1'] }),
        image('B', { days: 11, tags: ['beta-1'] }),
        image('C', { days: 10, tags: ['alpha-2', 'beta-2'] }),
        image('D', { days: 4, tags: ['alpha-3'] }),
        image('E', { days: 3, tags: ['beta-3'] }),
        image('F', { days: 2, tags: ['alpha-4', 'beta-4'] }),
      ],
      ['C'],
    ],
    [
      // Same guide, "Filtering on multiple tags in a single rule", Example B: tags are not exclusive.
      'tagPrefixList: extra tags do not matter',
      [expire(1, keep(1, prefixes('alpha', 'beta')))],
      [
        image('A', { days: 10, tags: ['alpha-1', 'beta-1', 'gamma-1'] }),
        image('B', { days: 9, tags: ['alpha-2', 'beta-2'] }),
        image('C', { days: 8, tags: ['alpha-3', 'beta-3', 'gamma-2'] }),
      ],
      ['A', 'B'],
    ],
    [
      'tagPrefixList: one tag may satisfy several prefixes',
      [expire(1, pushedOver(1, prefixes('al', 'alpha')))],
      [image('a', { days: 2, tags: ['alpha-1'] })],
      ['a'],
    ],
    [
      'tagPatternList: every pattern must match some tag',
      [expire(1, pushedOver(1, patterns('prod*', '*-eu')))],
      [image('both', { days: 2, tags: ['prod-1', 'build-eu'] }), image('one', { days: 2, tags: ['prod-2'] }), image('same-tag', { days: 2, tags: ['prod-eu'] })],
      ['both', 'same-tag'],
    ],
    [
      'untagged selects only images without tags',
      [expire(1, pushedOver(1, { tagStatus: 'untagged' }))],
      [image('untagged', { days: 2 }), image('tagged', { days: 2, tags: ['v1'] })],
      ['untagged'],
    ],
    [
      'any selects every image, tagged or not',
      [expire(1, pushedOver(1))],
      [image('untagged', { days: 2 }), image('tagged', { days: 2, tags: ['v1'] }), image('young', { days: 0.5 })],
      ['tagged', 'untagged'],
    ],
    [
      'tagged never selects an untagged image',
      [expire(1, keep(1, patterns('*')))],
      [image('a', { days: 3 }), image('b', { days: 2, tags: ['x'] }), image('c', { days: 1, tags: ['y'] })],
      ['b'],
    ],
  ])('%s', (_name, rules, images, want) => {
    expect(expired(rules, images)).toEqual(want);
  });
});

describe('previewLifecycle: tag patterns', () => {
  it.each<[string, string, boolean]>([
    ['prod*', 'prod', true],
    ['prod*', 'prod1', true],
    ['prod*', 'production-team1', true],
    ['prod*', 'preprod', false],
    ['*prod*', 'repo-production', true],
    ['*prod*', 'prod-team', true],
    ['prod', 'prod', true],
    ['prod', 'prod1', false],
    ['v*-rc', 'v1.2-rc', true],
    ['v*-rc', 'v1.2-rc1', false],
    ['v1.0', 'v1x0', false],
    ['v1.0', 'v1.0', true],
    ['a*b*c', 'abc', true],
    ['a*b*c', 'axxbyyc', true],
    ['a*b*c', 'acb', false],
    ['*', 'anything', true],
    ['[x]', '[x]', true],
    ['[x]', 'x', false],
  ])('pattern %s against tag %s: %s', (pattern, tag, matches) => {
    expect(expired([expire(1, pushedOver(1, patterns(pattern)))], [image('i', { days: 2, tags: [tag] })])).toEqual(matches ? ['i'] : []);
  });
});

describe('previewLifecycle: several rules', () => {
  it.each<[string, JsonObject[], LiveImage[], string[]]>([
    [
      // Amazon ECR User Guide, "Filtering on multiple rules", Example A. Rule 2 would mark A and B
      // (it keeps only C, the newest of three), but both were seen by rule 1.
      'a higher rule claims the images it selects; a lower rule still counts them (guide, multiple rules A)',
      [expire(1, keep(1, prefixes('prod'))), expire(2, keep(1, prefixes('beta')))],
      [image('A', { days: 10, tags: ['beta-1', 'prod-1'] }), image('B', { days: 9, tags: ['beta-2', 'prod-2'] }), image('C', { days: 8, tags: ['beta-3'] })],
      ['A'],
    ],
    [
      // Same page, Example B: the same images with the priorities swapped.
      'priorities swapped (guide, multiple rules B)',
      [expire(1, keep(1, prefixes('beta'))), expire(2, keep(1, prefixes('prod')))],
      [image('A', { days: 10, tags: ['beta-1', 'prod-1'] }), image('B', { days: 9, tags: ['beta-2', 'prod-2'] }), image('C', { days: 8, tags: ['beta-3'] })],
      ['A', 'B'],
    ],
    [
      // Same guide, "Filtering on all images", Example B. This is the case that decides what
      // "still count it" means: rule 3 keeps the newest ONE of all five images, and that is E,
      // which rule 2 claimed without expiring it. So rule 3 marks A, B, C, D, may expire only the
      // unclaimed D, and D goes. Counting only unclaimed images would have kept D (the only one).
      'claimed images take kept slots of a lower imageCountMoreThan rule (guide, all images B)',
      [expire(1, keep(1, prefixes('alpha'))), expire(2, pushedOver(1, { tagStatus: 'untagged' })), expire(3, keep(1))],
      [
        image('A', { days: 4, tags: ['alpha-1', 'beta-1'] }),
        image('B', { days: 3 }),
        image('C', { days: 2, tags: ['alpha-2'] }),
        image('D', { days: 1, extraMs: HOUR, tags: ['git hash'] }),
        image('E', { days: 1, extraMs: -HOUR }),
      ],
      ['A', 'B', 'D'],
    ],
    [
      // "can still identify them as if they haven't been expired": an image that a higher rule
      // expires still takes one of the N kept slots of a lower rule.
      'an image expired by a higher rule still counts in a lower rule',
      [expire(1, keep(1, prefixes('pr-'))), expire(2, keep(2))],
      [image('pr-new', { days: 1, tags: ['pr-2'] }), image('pr-old', { days: 2, tags: ['pr-1'] }), image('u1', { days: 3 }), image('u2', { days: 4 })],
      ['u2', 'u1', 'pr-old'],
    ],
    [
      'a protecting rule that never expires keeps its images from every lower rule',
      [expire(1, keep(9999, patterns('release-*'))), expire(2, pushedOver(7))],
      [image('release', { days: 100, tags: ['release-1'] }), image('feature', { days: 100, tags: ['feat-1'] }), image('untagged', { days: 100 })],
      ['feature', 'untagged'],
    ],
    [
      'an image is expired by at most one rule',
      [expire(1, pushedOver(1, prefixes('a'))), expire(2, pushedOver(1, prefixes('b'))), expire(3, pushedOver(1))],
      [image('ab', { days: 5, tags: ['a-1', 'b-1'] }), image('b', { days: 4, tags: ['b-2'] }), image('c', { days: 3, tags: ['c-1'] })],
      ['ab', 'b', 'c'],
    ],
    [
      'rules apply by rulePriority, not by their order in the file',
      [expire(2, keep(1, prefixes('prod'))), expire(1, keep(1, prefixes('beta')))],
      [image('A', { days: 10, tags: ['beta-1', 'prod-1'] }), image('B', { days: 9, tags: ['beta-2', 'prod-2'] }), image('C', { days: 8, tags: ['beta-3'] })],
      ['A', 'B'],
    ],
  ])('%s', (_name, rules, images, want) => {
    expect(expired(rules, images)).toEqual(want);
  });
});

describe('previewLifecycle: transition rules', () => {
  it.each<[string, JsonObject[], LiveImage[], string[]]>([
    ['a transition rule alone expires nothing (archiving is not expiring)', [transition(1, pushedOver(30))], [image('old', { days: 90 })], []],
    [
      'a transition rule claims what it selects: lower expire rules leave those images alone',
      [transition(1, pushedOver(30, patterns('keep-*'))), expire(2, pushedOver(7))],
      [image('archived', { days: 90, tags: ['keep-1'] }), image('selected-not-old', { days: 10, tags: ['keep-2'] }), image('other', { days: 90, tags: ['x'] })],
      ['other'],
    ],
    [
      'a rule over the archive storage class selects nothing among live (active) images',
      [expire(1, { tagStatus: 'any', storageClass: 'archive', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: 1 }), expire(2, pushedOver(7))],
      [image('old', { days: 90 })],
      ['old'],
    ],
    ['storageClass standard is the default', [expire(1, { ...pushedOver(7), storageClass: 'standard' })], [image('old', { days: 90 })], ['old']],
  ])('%s', (_name, rules, images, want) => {
    expect(expired(rules, images)).toEqual(want);
  });
});

describe('previewLifecycle: result', () => {
  it('sums bytes, counts images, sorts by push time then digest, copies tags and pushedAt as given', () => {
    const images: LiveImage[] = [
      { digest: 'sha256:b', tags: ['v2', 'latest'], pushedAt: '2026-01-01T01:00:00+01:00', sizeBytes: 300 },
      { digest: 'sha256:a', tags: [], pushedAt: '2026-01-01T00:00:00.000Z', sizeBytes: 20 },
      { digest: 'sha256:c', tags: ['v1'], pushedAt: '2025-12-31T00:00:00.000Z', sizeBytes: 1_288_490_188 },
      { digest: 'sha256:new', tags: [], pushedAt: NOW.toISOString(), sizeBytes: 7 },
    ];
    const result = previewLifecycle({ rules: [expire(1, pushedOver(30))] }, images, NOW);
    expect(result).toEqual({
      count: 3,
      bytes: 1_288_490_188 + 20 + 300,
      images: [
        { digest: 'sha256:c', tags: ['v1'], pushedAt: '2025-12-31T00:00:00.000Z' },
        // a and b were pushed at the same instant: the digest decides.
        { digest: 'sha256:a', tags: [], pushedAt: '2026-01-01T00:00:00.000Z' },
        { digest: 'sha256:b', tags: ['v2', 'latest'], pushedAt: '2026-01-01T01:00:00+01:00' },
      ],
    });
    expect(result.images[2].tags).not.toBe(images[0].tags);
  });

  it('equal push times: the larger digest counts as newer for imageCountMoreThan', () => {
    const at = { days: 1 };
    expect(expired([expire(1, keep(1))], [image('b', at), image('a', at), image('c', at)])).toEqual(['a', 'b']);
  });

  it('an empty policy or an empty repository expires nothing', () => {
    expect(previewLifecycle({ rules: [] }, [image('a', { days: 999 })], NOW)).toEqual({ count: 0, bytes: 0, images: [] });
    expect(previewLifecycle({ rules: [expire(1, keep(1))] }, [], NOW)).toEqual({ count: 0, bytes: 0, images: [] });
  });

  it('refuses an unreadable timestamp (a bug upstream, not a user mistake)', () => {
    const bad: LiveImage = { digest: 'sha256:x', tags: [], pushedAt: 'yesterday', sizeBytes: 1 };
    expect(() => previewLifecycle({ rules: [expire(1, keep(1))] }, [bad], NOW)).toThrow(/sha256:x.*pushedAt/);
  });
});

describe('previewLifecycle: laws (fast-check)', () => {
  const TAGS = ['v1', 'v2', 'prod-1', 'prod-2', 'beta-1', 'rc', 'latest'];
  const specArb: fc.Arbitrary<ImageSpec> = fc.record({
    days: fc.integer({ min: 0, max: 60 }),
    tags: fc.uniqueArray(fc.constantFrom(...TAGS), { maxLength: 3 }),
    pulledDays: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
    size: fc.integer({ min: 0, max: 10_000 }),
  });
  // Unique names: digests are unique within a repository.
  const imagesArb = fc
    .uniqueArray(fc.stringMatching(/^[0-9a-f]{4}$/), { maxLength: 12 })
    .chain((names) =>
      fc.array(specArb, { minLength: names.length, maxLength: names.length }).map((specs) => specs.map((spec, i) => image(names[i], spec))),
    );
  const selectionArb = fc.oneof(
    fc.constant<Selection>({ tagStatus: 'untagged' }),
    fc.uniqueArray(fc.constantFrom('v', 'prod', 'beta', 'r'), { minLength: 1, maxLength: 2 }).map((l) => prefixes(...l)),
    fc.uniqueArray(fc.constantFrom('v*', '*-1', 'prod*', 'latest'), { minLength: 1, maxLength: 2 }).map((l) => patterns(...l)),
  );
  const countArb = fc.oneof(
    fc.integer({ min: 1, max: 5 }).map((n) => ({ countType: 'imageCountMoreThan', countNumber: n })),
    fc.integer({ min: 1, max: 40 }).map((n) => ({ countType: 'sinceImagePushed', countUnit: 'days', countNumber: n })),
    fc.integer({ min: 1, max: 40 }).map((n) => ({ countType: 'sinceImagePulled', countUnit: 'days', countNumber: n })),
  );
  const rulesArb = fc.array(fc.tuple(selectionArb, countArb, fc.boolean()), { maxLength: 4 }).chain((specs) =>
    fc.tuple(
      fc.constantFrom<Selection | null>(null, { tagStatus: 'any' }),
      countArb,
    ).map(([last, lastCount]) => {
      const rules = specs.map(([sel, count, isExpire], i) => (isExpire ? expire : transition)(i + 1, { ...sel, ...count }));
      // A tagStatus any rule must come last (format.md).
      return last ? [...rules, expire(rules.length + 1, { ...last, ...lastCount })] : rules;
    }),
  );
  const seed = fc.integer({ min: 0, max: 1000 });
  const reorder = <T>(list: T[], s: number): T[] => [...list].map((x, i) => ({ x, k: (i * 7919 + s * 104729) % 997 })).sort((a, b) => a.k - b.k).map(({ x }) => x);

  it('does not depend on the order of images or rules', () => {
    fc.assert(
      fc.property(rulesArb, imagesArb, seed, (rules, images, s) => {
        expect(previewLifecycle({ rules: reorder(rules, s) }, reorder(images, s + 1), NOW)).toEqual(previewLifecycle({ rules }, images, NOW));
      }),
    );
  });

  it('expires each image at most once, and count and bytes agree with the list', () => {
    fc.assert(
      fc.property(rulesArb, imagesArb, (rules, images) => {
        const result = previewLifecycle({ rules }, images, NOW);
        const digests = result.images.map((i) => i.digest);
        expect(new Set(digests).size).toBe(digests.length);
        expect(result.count).toBe(digests.length);
        const byDigest = new Map(images.map((i) => [i.digest, i]));
        expect(result.bytes).toBe(digests.reduce((sum, d) => sum + (byDigest.get(d)?.sizeBytes ?? Number.NaN), 0));
      }),
    );
  });

  it('one rule "any, keep N" expires exactly the oldest max(0, total - N)', () => {
    fc.assert(
      fc.property(imagesArb, fc.integer({ min: 1, max: 15 }), (images, n) => {
        expect(previewLifecycle({ rules: [expire(1, keep(n))] }, images, NOW).count).toBe(Math.max(0, images.length - n));
      }),
    );
  });

  it('adding a lower-priority rule never saves an image the higher rules expire', () => {
    fc.assert(
      fc.property(rulesArb, selectionArb, countArb, imagesArb, (rules, sel, count, images) => {
        const before = previewLifecycle({ rules }, images, NOW).images.map((i) => i.digest);
        const after = previewLifecycle({ rules: [...rules, expire(1000, { ...sel, ...count })] }, images, NOW).images.map((i) => i.digest);
        expect(after).toEqual(expect.arrayContaining(before));
      }),
    );
  });
});
