import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/model/json.js';
import type { LiveImage } from '../../src/model/live.js';
import { previewLifecycleActions } from '../../src/plan/lifecycle-preview.js';

/*
 * The archive-aware preview, one case per rule kind, built from the Amazon ECR
 * User Guide's own lifecycle examples ("Examples of lifecycle policies in
 * Amazon ECR", section "Archive examples") and its evaluation rules
 * ("Lifecycle policy evaluation rules"). The live images are built the way
 * DescribeImages (filter imageStatus ANY) reports them: archived images carry
 * imageStatus ARCHIVED and lastArchivedAt, restored ones lastActivatedAt.
 */

const NOW = new Date('2026-11-23T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

interface Spec {
  pushed: number;
  tags?: string[];
  pulled?: number;
  archived?: number;
  activated?: number;
  status?: LiveImage['status'];
  size?: number;
}

function image(name: string, spec: Spec): LiveImage {
  return {
    digest: `sha256:${name}`,
    tags: spec.tags ?? [],
    pushedAt: ago(spec.pushed),
    ...(spec.pulled === undefined ? {} : { lastPulledAt: ago(spec.pulled) }),
    ...(spec.archived === undefined ? {} : { lastArchivedAt: ago(spec.archived) }),
    ...(spec.activated === undefined ? {} : { lastActivatedAt: ago(spec.activated) }),
    ...(spec.status ? { status: spec.status } : spec.archived !== undefined && spec.activated === undefined ? { status: 'ARCHIVED' as const } : {}),
    sizeBytes: spec.size ?? 1_000_000,
  };
}

const names = (list: { images: { digest: string }[] }) => list.images.map((i) => i.digest.replace('sha256:', ''));
function preview(rules: JsonObject[], images: LiveImage[]) {
  const result = previewLifecycleActions({ rules }, images, NOW);
  return { expires: names(result.expires), archives: names(result.archives), notes: result.notes, result };
}

// "Archiving images older than a specified number of days"
const ARCHIVE_PROD_AFTER_30_DAYS: JsonObject[] = [
  {
    rulePriority: 1,
    description: 'Archive production images older than 30 days',
    selection: { tagStatus: 'tagged', tagPatternList: ['prod*'], countType: 'sinceImagePushed', countUnit: 'days', countNumber: 30 },
    action: { type: 'transition', targetStorageClass: 'archive' },
  },
];
// "Archiving images not pulled in a specified number of days"
const ARCHIVE_NOT_PULLED_IN_90_DAYS: JsonObject[] = [
  {
    rulePriority: 1,
    description: 'Archive images not pulled in 90 days',
    selection: { tagStatus: 'any', countType: 'sinceImagePulled', countUnit: 'days', countNumber: 90 },
    action: { type: 'transition', targetStorageClass: 'archive' },
  },
];
// "Combining archive and expire rules"
const ARCHIVE_THEN_EXPIRE: JsonObject[] = [
  {
    rulePriority: 1,
    description: 'Archive images older than 30 days',
    selection: { tagStatus: 'any', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 30 },
    action: { type: 'transition', targetStorageClass: 'archive' },
  },
  {
    rulePriority: 2,
    description: 'Expire images archived for more than 365 days',
    selection: { tagStatus: 'any', storageClass: 'archive', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: 365 },
    action: { type: 'expire' },
  },
];

describe('archive preview: transition by sinceImagePushed (AWS "Archiving images older than a specified number of days")', () => {
  it('archives prod* images pushed more than 30 days ago and expires nothing', () => {
    const out = preview(ARCHIVE_PROD_AFTER_30_DAYS, [
      image('prod-old', { pushed: 45, tags: ['prod-1'], size: 3_000_000 }),
      image('prod-new', { pushed: 10, tags: ['prod-2'] }),
      image('dev-old', { pushed: 60, tags: ['dev-1'] }),
      image('prod-archived', { pushed: 200, tags: ['prod-0'], archived: 150 }),
    ]);
    expect(out.archives).toEqual(['prod-old']);
    expect(out.expires).toEqual([]);
    expect(out.result.archives).toMatchObject({ count: 1, bytes: 3_000_000 });
  });
});

describe('archive preview: transition by sinceImagePulled (AWS "Archiving images not pulled in a specified number of days")', () => {
  it('counts from the last pull, from the push when never pulled, and from the restore when not pulled since', () => {
    const out = preview(ARCHIVE_NOT_PULLED_IN_90_DAYS, [
      image('pulled-recently', { pushed: 400, pulled: 5 }),
      image('pulled-long-ago', { pushed: 400, pulled: 120 }),
      image('never-pulled-old', { pushed: 100 }),
      image('never-pulled-new', { pushed: 20 }),
      // Restored from archive 10 days ago, last pulled before that: the restore counts.
      image('restored-recently', { pushed: 500, pulled: 300, archived: 200, activated: 10 }),
      // Restored 100 days ago and not pulled since: the restore counts, and it is old.
      image('restored-long-ago', { pushed: 500, archived: 300, activated: 100 }),
      image('already-archived', { pushed: 500, archived: 200 }),
    ]);
    expect(out.archives).toEqual(['restored-long-ago', 'pulled-long-ago', 'never-pulled-old']);
    expect(out.expires).toEqual([]);
  });
});

describe('archive preview: transition, then expire by sinceImageTransitioned (AWS "Combining archive and expire rules")', () => {
  const images = [
    image('fresh', { pushed: 5 }),
    image('month-old', { pushed: 40, tags: ['v1'] }),
    image('archived-a-year-ago', { pushed: 500, archived: 400, size: 7_000_000 }),
    image('archived-lately', { pushed: 300, archived: 100 }),
    image('restoring', { pushed: 600, archived: 500, status: 'ACTIVATING' }),
  ];

  it('archives standard images older than 30 days and expires archives older than 365 days; the any rules never meet', () => {
    const out = preview(ARCHIVE_THEN_EXPIRE, images);
    expect(out.archives).toEqual(['month-old']);
    expect(out.expires).toEqual(['archived-a-year-ago']);
    expect(out.result.expires.bytes).toBe(7_000_000);
    expect(out.notes).toEqual([]);
  });

  it('an image being restored (ACTIVATING) is in neither class: no rule touches it', () => {
    const out = preview(ARCHIVE_THEN_EXPIRE, images);
    expect([...out.archives, ...out.expires]).not.toContain('restoring');
  });
});

describe('archive preview: the 90-day minimum of an archived image', () => {
  const expireAfter = (days: number): JsonObject[] => [
    {
      rulePriority: 1,
      selection: { tagStatus: 'any', storageClass: 'archive', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: days },
      action: { type: 'expire' },
    },
  ];

  it('a rule asking for 30 days expires no archive younger than 90 days, and the plan note says how many it holds', () => {
    const out = preview(expireAfter(30), [
      image('archived-100-days', { pushed: 300, archived: 100 }),
      image('archived-45-days', { pushed: 300, archived: 45 }),
      image('archived-60-days', { pushed: 300, archived: 60 }),
      image('archived-10-days', { pushed: 300, archived: 10 }),
    ]);
    expect(out.expires).toEqual(['archived-100-days']);
    expect(out.notes).toEqual([
      'lifecycle rule 1 would expire 2 archived images archived less than 90 days ago; ECR keeps an archived image at least 90 days, so they are not expired now',
    ]);
  });

  it('exactly 90 days is old enough', () => {
    expect(preview(expireAfter(1), [image('ninety', { pushed: 300, archived: 90 })]).expires).toEqual(['ninety']);
  });
});

describe('archive preview: imageCountMoreThan and the storage class selection', () => {
  it('a transition rule keeping the newest 2 orders a restored image by its restore time', () => {
    const rules: JsonObject[] = [{ rulePriority: 1, selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 2 }, action: { type: 'transition', targetStorageClass: 'archive' } }];
    const out = preview(rules, [
      image('old-push-restored-yesterday', { pushed: 300, archived: 100, activated: 1 }),
      image('b', { pushed: 20 }),
      image('c', { pushed: 10 }),
      image('d', { pushed: 5 }),
    ]);
    expect(out.archives).toEqual(['b', 'c']);
  });

  it('a standard expire rule never counts or expires archived images', () => {
    const rules: JsonObject[] = [{ rulePriority: 1, selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 1 }, action: { type: 'expire' } }];
    const out = preview(rules, [image('archived', { pushed: 2, archived: 1 }), image('old', { pushed: 10 }), image('new', { pushed: 1 })]);
    expect(out.expires).toEqual(['old']);
  });

  it('an image a transition rule selects is safe from a lower expire rule (at most one rule per image)', () => {
    const rules: JsonObject[] = [
      ...ARCHIVE_PROD_AFTER_30_DAYS,
      { rulePriority: 2, selection: { tagStatus: 'any', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 7 }, action: { type: 'expire' } },
    ];
    const out = preview(rules, [image('prod-old', { pushed: 45, tags: ['prod'] }), image('prod-young', { pushed: 14, tags: ['prod'] }), image('other', { pushed: 14 })]);
    expect(out.archives).toEqual(['prod-old']);
    expect(out.expires).toEqual(['other']);
  });
});
