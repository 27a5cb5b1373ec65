import { describe, expect, it } from 'vitest';
import type { LiveImage } from '../../src/model/live.js';
import { previewLifecycleActions } from '../../src/plan/lifecycle-preview.js';

const NOW = new Date('2026-11-23T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

/*
 * ECR keeps an archived image at least 90 days in the archive class. An image
 * restored from the archive is back in the standard class: the 90 days no
 * longer hold it, and a standard rule expires it like any other image, however
 * recently it was archived (DescribeImages still reports its lastArchivedAt).
 */
describe('an image restored from the archive, under a standard-class rule', () => {
  const restored: LiveImage = { digest: 'sha256:restored', tags: ['v1'], pushedAt: ago(400), lastArchivedAt: ago(30), lastActivatedAt: ago(10), sizeBytes: 10 };
  const archived: LiveImage = { digest: 'sha256:archived', tags: ['v0'], pushedAt: ago(400), status: 'ARCHIVED', lastArchivedAt: ago(30), sizeBytes: 10 };
  const rule = { rulePriority: 1, selection: { tagStatus: 'any', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 60 }, action: { type: 'expire' } };

  it('is expired, with no 90-day note, though it was archived 30 days ago; the image still archived is not selected', () => {
    const preview = previewLifecycleActions({ rules: [rule] }, [restored, archived], NOW);
    expect(preview.expires.images.map((i) => i.digest)).toEqual(['sha256:restored']);
    expect(preview.notes).toEqual([]);
  });
});
