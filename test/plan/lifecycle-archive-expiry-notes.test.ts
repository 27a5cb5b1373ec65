import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/model/json.js';
import type { LiveImage } from '../../src/model/live.js';
import { previewLifecycleActions } from '../../src/plan/lifecycle-preview.js';

/*
 * Expiring from the archive class (sinceImageTransitioned) and the plan's note
 * about ECR's 90-day minimum storage duration, with archived images built the
 * way DescribeImages reports them: imageStatus ARCHIVED and lastArchivedAt.
 */

const NOW = new Date('2026-11-23T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const ago = (days: number, extraMs = 0) => new Date(NOW.getTime() - days * DAY - extraMs).toISOString();

function archived(name: string, archivedDays: number, tags: string[] = [], extraMs = 0): LiveImage {
  return { digest: `sha256:${name}`, tags, pushedAt: ago(archivedDays + 30), status: 'ARCHIVED', lastArchivedAt: ago(archivedDays, extraMs), sizeBytes: 10 };
}

function expireArchived(priority: number, days: number, selection: JsonObject = { tagStatus: 'any' }): JsonObject {
  return { rulePriority: priority, selection: { ...selection, storageClass: 'archive', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: days }, action: { type: 'expire' } };
}

function preview(rules: JsonObject[], images: LiveImage[]) {
  const result = previewLifecycleActions({ rules }, images, NOW);
  return { expires: result.expires.images.map((i) => i.digest.replace('sha256:', '')), notes: result.notes };
}

describe('sinceImageTransitioned', () => {
  it('keeps an image archived exactly N days ago and expires one archived N days and 1 ms ago', () => {
    const out = preview([expireArchived(1, 100)], [archived('exact', 100), archived('over', 100, [], 1)]);
    expect(out).toEqual({ expires: ['over'], notes: [] });
  });

  it('never expires an archived image whose archive time is not reported, and holds none back for it', () => {
    const undated: LiveImage = { digest: 'sha256:undated', tags: [], pushedAt: ago(1000), status: 'ARCHIVED', sizeBytes: 10 };
    expect(preview([expireArchived(1, 30)], [undated])).toEqual({ expires: [], notes: [] });
  });
});

describe('the 90-day archive minimum note', () => {
  it('says "1 archived image" and "it is" for a single image held back', () => {
    expect(preview([expireArchived(1, 30)], [archived('young', 40)]).notes).toEqual([
      'lifecycle rule 1 would expire 1 archived image archived less than 90 days ago; ECR keeps an archived image at least 90 days, so it is not expired now',
    ]);
  });

  it('does not count an image a higher rule claims: that rule decides it, not the 90-day minimum', () => {
    // Rule 1 claims the keep-* images (and keeps them for 1000 days); rule 2 alone would expire both young images.
    const rules = [expireArchived(1, 1000, { tagStatus: 'tagged', tagPatternList: ['keep-*'] }), expireArchived(2, 30)];
    const out = preview(rules, [archived('kept', 40, ['keep-1']), archived('young', 50), archived('old', 200)]);
    expect(out).toEqual({
      expires: ['old'],
      notes: ['lifecycle rule 2 would expire 1 archived image archived less than 90 days ago; ECR keeps an archived image at least 90 days, so it is not expired now'],
    });
  });
});
