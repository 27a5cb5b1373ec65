import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DescribeImagesCommand, DescribeRegistryCommand, DescribeRepositoriesCommand, ECRClient, GetLifecyclePolicyCommand, GetRepositoryPolicyCommand, LifecyclePolicyNotFoundException, ListTagsForResourceCommand, RepositoryPolicyNotFoundException } from '@aws-sdk/client-ecr';
import { createSdkPort } from '../../src/ecr/sdk-port.js';
import { fetchImages, fetchLive } from '../../src/ecr/fetch-live.js';
import { scopeOfDesired } from '../../src/ecr/read-scope.js';
import { plan, repositoriesNeedingImages } from '../../src/plan/plan.js';
import { changeDetails, formatDetail } from '../../src/render/change-details.js';
import { describeContext } from '../../src/render/compact/describe-change.js';
import { changeNotes, renderChangeBlock } from '../../src/render/markdown-change.js';
import { ACCOUNT, NOW, desiredRepo, desiredState, planOptions } from '../helpers/builders.js';
import { modelViolations } from '../helpers/ecr-model.js';

/*
 * The archive-aware lifecycle preview from the read to the rendered plan: the
 * images are read through the SDK (aws-sdk-client-mock answering as ECR does:
 * archived images only when the request asks for every status), planned, and
 * rendered. AWS's "Combining archive and expire rules" policy.
 */

const ecr = mockClient(ECRClient);
const port = createSdkPort(new ECRClient({ region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } }));
const DAY = 24 * 60 * 60 * 1000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);
const MB = 1024 * 1024;

const POLICY = {
  rules: [
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
  ],
};

const ACTIVE = [
  { imageDigest: 'sha256:new', imageTags: ['v3'], imagePushedAt: ago(3), imageSizeInBytes: 5 * MB, imageStatus: 'ACTIVE' as const },
  { imageDigest: 'sha256:old', imageTags: ['v2'], imagePushedAt: ago(40), imageSizeInBytes: 20 * MB, imageStatus: 'ACTIVE' as const, lastRecordedPullTime: ago(1) },
];
const ARCHIVED = [
  { imageDigest: 'sha256:ancient', imageTags: ['v1'], imagePushedAt: ago(800), imageSizeInBytes: 30 * MB, imageStatus: 'ARCHIVED' as const, lastArchivedAt: ago(400) },
];

beforeEach(() => {
  ecr.reset();
  ecr.on(DescribeRegistryCommand).resolves({ registryId: ACCOUNT });
  ecr.on(DescribeRepositoriesCommand).resolves({ repositories: [{ repositoryName: 'app', repositoryArn: `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/app`, registryId: ACCOUNT }] });
  ecr.on(ListTagsForResourceCommand).resolves({ tags: [] });
  ecr.on(GetRepositoryPolicyCommand).rejects(new RepositoryPolicyNotFoundException({ message: 'none', $metadata: {} }));
  ecr.on(GetLifecyclePolicyCommand).rejects(new LifecyclePolicyNotFoundException({ message: 'none', $metadata: {} }));
  // As ECR: without a filter only ACTIVE images; with imageStatus ANY every image.
  ecr.on(DescribeImagesCommand).resolves({ imageDetails: ACTIVE });
  ecr.on(DescribeImagesCommand, { filter: { imageStatus: 'ANY' } }).resolves({ imageDetails: [...ACTIVE, ...ARCHIVED] });
});

afterEach(() => {
  for (const call of ecr.calls()) {
    const command = call.args[0] as { input: object };
    expect(modelViolations(command.constructor.name.replace(/Command$/, ''), command.input)).toEqual([]);
  }
});

async function planned() {
  const desired = desiredState([desiredRepo('app', { lifecyclePolicy: POLICY })]);
  const options = planOptions();
  const live = await fetchLive(port, scopeOfDesired(desired), { region: 'us-east-1' });
  const withImages = await fetchImages(port, live, repositoriesNeedingImages(desired, live, options));
  return plan(desired, withImages, options);
}

describe('the archive-aware lifecycle preview, from DescribeImages to the rendered plan', () => {
  it('reads images of every status and maps status, archive time and pull time', async () => {
    const change = (await planned()).changes.find((c) => c.kind === 'lifecyclePolicy');
    expect(ecr.commandCalls(DescribeImagesCommand).map((c) => c.args[0].input)).toEqual([
      { repositoryName: 'app', maxResults: 1000, nextToken: undefined, filter: { imageStatus: 'ANY' } },
    ]);
    expect(change?.archives).toEqual({ count: 1, bytes: 20 * MB, images: [{ digest: 'sha256:old', tags: ['v2'], pushedAt: ago(40).toISOString() }] });
    expect(change?.expires).toEqual({ count: 1, bytes: 30 * MB, images: [{ digest: 'sha256:ancient', tags: ['v1'], pushedAt: ago(800).toISOString(), storageClass: 'archive' }] });
    expect(change?.warnings).toEqual([]);
  });

  it('text says "will archive" next to "will expire", markdown too', async () => {
    const change = (await planned()).changes.find((c) => c.kind === 'lifecyclePolicy')!;
    const text = changeDetails(change, describeContext([change], NOW.toISOString())).map(formatDetail);
    // The expired image is an archive: the archive rule (2) expired it, not the standard rule 1.
    expect(text).toContain('! will expire 1 image (30.0 MB) now, by rule 2 (Expire images archived for more than 365 days)');
    expect(text).toContain('! will archive 1 image (20.0 MB) now');
    expect(text).toContain('!   v2  pushed 40 days ago');
    expect(changeNotes(change)).toBe('expires 1 image, archives 1 image');
    expect(renderChangeBlock(change)).toContain('- 📦 will archive 1 image (20.0 MB) now');
  });

  it('a policy that cannot archive carries no `archives`; --no-lifecycle-preview reads no images', async () => {
    const expireOnly = { rules: [POLICY.rules[1]] };
    const desired = desiredState([desiredRepo('app', { lifecyclePolicy: expireOnly })]);
    const live = await fetchLive(port, scopeOfDesired(desired), { region: 'us-east-1' });
    const withImages = await fetchImages(port, live, repositoriesNeedingImages(desired, live, planOptions()));
    const change = plan(desired, withImages, planOptions()).changes.find((c) => c.kind === 'lifecyclePolicy')!;
    expect(change.archives).toBeUndefined();
    expect(change.expires?.count).toBe(1);
    expect(repositoriesNeedingImages(desired, live, planOptions({ lifecyclePreview: false }))).toEqual([]);
  });
});
