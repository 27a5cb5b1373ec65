import type { Repository } from '@aws-sdk/client-ecr';
import type { EcrPort } from './port.js';
import type { LiveImage, LiveRepository } from '../model/live.js';
import type { JsonObject, TagMutability, EncryptionType } from '../model/desired.js';
import { orNull } from './not-found.js';
import { ALL_IMAGE_STATUSES, toLiveImage } from './read-images.js';

/** Every repository of the registry, in pages of 1,000. */
export async function listRepositories(port: EcrPort): Promise<Repository[]> {
  const all: Repository[] = [];
  let nextToken: string | undefined;
  do {
    const page = await port.describeRepositories({ maxResults: 1000, nextToken });
    all.push(...(page.repositories ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return all;
}

export async function readTags(port: EcrPort, arn: string): Promise<Record<string, string>> {
  const out = await port.listTagsForResource({ resourceArn: arn });
  return Object.fromEntries((out.tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
}

/** A policy text from ECR as a JSON document; absent text means none. */
export function parsePolicyText(text: string | undefined, what: string): JsonObject | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as JsonObject;
  } catch {
    throw new Error(`the live ${what} is not valid JSON`);
  }
}

export async function readPolicies(port: EcrPort, name: string): Promise<NonNullable<LiveRepository['details']>> {
  const [policy, lifecycle] = await Promise.all([
    orNull(() => port.getRepositoryPolicy({ repositoryName: name }), 'RepositoryPolicyNotFoundException'),
    orNull(() => port.getLifecyclePolicy({ repositoryName: name }), 'LifecyclePolicyNotFoundException'),
  ]);
  return {
    policy: parsePolicyText(policy?.policyText, `policy of ${name}`),
    lifecyclePolicy: parsePolicyText(lifecycle?.lifecyclePolicyText, `lifecycle policy of ${name}`),
  };
}

/** The SDK's repository, as the plain live type (without tags and details). */
export function toLiveRepository(repo: Repository, tags: Record<string, string>): LiveRepository {
  const encryption = repo.encryptionConfiguration;
  return {
    name: repo.repositoryName ?? '',
    arn: repo.repositoryArn ?? '',
    registryId: repo.registryId ?? '',
    imageTagMutability: (repo.imageTagMutability ?? 'MUTABLE') as TagMutability,
    imageTagMutabilityExclusionFilters: (repo.imageTagMutabilityExclusionFilters ?? [])
      .map((f) => f.filter ?? '')
      .sort(),
    scanOnPush: repo.imageScanningConfiguration?.scanOnPush ?? false,
    encryption: {
      type: (encryption?.encryptionType ?? 'AES256') as EncryptionType,
      ...(encryption?.kmsKey ? { kmsKey: encryption.kmsKey } : {}),
    },
    tags,
  };
}

/** Every image of a repository, archived ones included (DescribeImages, paged). */
export async function readImages(port: EcrPort, name: string): Promise<LiveImage[]> {
  const images: LiveImage[] = [];
  let nextToken: string | undefined;
  do {
    const page = await port.describeImages({ repositoryName: name, maxResults: 1000, nextToken, filter: ALL_IMAGE_STATUSES });
    for (const d of page.imageDetails ?? []) images.push(toLiveImage(d));
    nextToken = page.nextToken;
  } while (nextToken);
  return images;
}
