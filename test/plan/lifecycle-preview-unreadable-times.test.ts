import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/model/json.js';
import type { LiveImage } from '../../src/model/live.js';
import { previewLifecycle } from '../../src/plan/lifecycle-preview.js';

const NOW = new Date('2026-11-23T12:00:00.000Z');
const keepNewest = (n: number): JsonObject => ({ rules: [{ rulePriority: 1, selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: n }, action: { type: 'expire' } }] });
const image = (digest: string, more: Partial<LiveImage> = {}): LiveImage => ({ digest, tags: [], pushedAt: '2026-11-01T00:00:00.000Z', sizeBytes: 1, ...more });

describe('an image time that is not a date', () => {
  // Live images come from DescribeImages: an unreadable time is a bug, and the message names the field.
  it.each(['lastPulledAt', 'lastActivatedAt', 'lastArchivedAt'] as const)('%s', (field) => {
    expect(() => previewLifecycle(keepNewest(1), [image('sha256:x', { [field]: 'yesterday' })], NOW)).toThrow(
      `bug: image sha256:x has an unreadable ${field}: "yesterday"`,
    );
  });
});
