import type { ImageDetail } from '@aws-sdk/client-ecr';
import type { LiveImage } from '../model/live.js';

/**
 * DescribeImages' filter for the image reads: every status. Without it ECR
 * answers only ACTIVE images, and the lifecycle preview could never see the
 * archived images that `sinceImageTransitioned` rules expire (nor a delete
 * count the archived images a repository holds).
 */
export const ALL_IMAGE_STATUSES = { imageStatus: 'ANY' } as const;

/** One DescribeImages entry as the plain live type; times as ISO 8601, absent ones left out. */
export function toLiveImage(d: ImageDetail): LiveImage {
  return {
    digest: d.imageDigest ?? '',
    tags: [...(d.imageTags ?? [])].sort(),
    pushedAt: (d.imagePushedAt ?? new Date(0)).toISOString(),
    ...(d.lastRecordedPullTime ? { lastPulledAt: d.lastRecordedPullTime.toISOString() } : {}),
    sizeBytes: d.imageSizeInBytes ?? 0,
    // ACTIVE is the default: moto, and ECR before archiving existed, report no status.
    ...(d.imageStatus && d.imageStatus !== 'ACTIVE' ? { status: d.imageStatus } : {}),
    ...(d.lastArchivedAt ? { lastArchivedAt: d.lastArchivedAt.toISOString() } : {}),
    ...(d.lastActivatedAt ? { lastActivatedAt: d.lastActivatedAt.toISOString() } : {}),
  };
}
