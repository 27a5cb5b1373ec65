import { describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/apply.js';
import { ACCEPTED_MANIFEST_TYPES } from '../../src/apply/repository-steps.js';
import { readPolicies } from '../../src/ecr/read-repositories.js';
import type { EcrPort } from '../../src/ecr/port.js';
import { plan } from '../../src/plan/plan.js';
import { createFakeEcr } from '../helpers/fake-ecr.js';
import { OWNED, desiredRepo, desiredState, image, liveRepo, liveState, planOptions } from '../helpers/builders.js';

const digest = (c: string) => `sha256:${c.repeat(64)}`;

/** A port that records every request and answers from `answers` (by operation). */
function recordingPort(answers: Record<string, (input: unknown) => unknown> = {}) {
  const sent: Array<[string, unknown]> = [];
  const port = new Proxy({} as EcrPort, {
    get: (_t, op: string) => async (input: unknown) => {
      sent.push([op, input]);
      const answer = answers[op];
      return answer ? answer(input) : { $metadata: {} };
    },
  });
  return { port, sent };
}

describe('apply sends documents as the files write them (issue 8, bug 5)', () => {
  const written = { Version: '2012-10-17', Statement: { Sid: 'pull', Effect: 'Allow', Principal: { AWS: ['210987654321'] }, Action: ['ecr:BatchGetImage', 'ecr:BatchGetImage'] } };
  const lifecycle = { rules: [{ rulePriority: 2, selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 9 }, action: { type: 'expire' } }, { rulePriority: 1, description: 'untagged', selection: { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 1 }, action: { type: 'expire' } }] };

  it('SetRepositoryPolicy, PutLifecyclePolicy and PutRegistryPolicy get the text as written, not the normalized form', async () => {
    const desired = desiredState([desiredRepo('app', { policy: written, lifecyclePolicy: lifecycle })], { registry: { policy: written } });
    const live = liveState([liveRepo('app', { tags: OWNED })], { region: 'cn-north-1', registry: { policy: null } });
    const thePlan = plan(desired, live, planOptions());
    const { port, sent } = recordingPort();
    expect((await apply(thePlan, port, { forceDelete: false, concurrency: 1 })).ok).toBe(true);
    const text = (op: string, key: string) => (sent.find(([o]) => o === op)?.[1] as Record<string, string>)[key];
    expect(text('setRepositoryPolicy', 'policyText')).toBe(JSON.stringify(written));
    expect(text('putLifecyclePolicy', 'lifecyclePolicyText')).toBe(JSON.stringify(lifecycle));
    expect(text('putRegistryPolicy', 'policyText')).toBe(JSON.stringify(written));
  });

  it('a plan file without `written` (older plans) still sends `after`', async () => {
    const thePlan = plan(desiredState([desiredRepo('app', { policy: written })]), liveState([liveRepo('app', { tags: OWNED })]), planOptions());
    delete thePlan.changes[0].written;
    const { port, sent } = recordingPort();
    await apply(thePlan, port, { forceDelete: false, concurrency: 1 });
    expect((sent[0][1] as { policyText: string }).policyText).toBe(JSON.stringify(thePlan.changes[0].after));
  });
});

describe('tag pins: BatchGetImage (issue 8, bug 7)', () => {
  const pinPlan = () =>
    plan(
      desiredState([desiredRepo('app', { images: { prod: { digest: digest('1') } } })]),
      liveState([liveRepo('app', { tags: OWNED, images: [image('1', 2, ['v1'])] })]),
      planOptions(),
    );

  it('asks for Docker and OCI manifests and lists, then puts the manifest with its type and digest', async () => {
    const { port, sent } = recordingPort({
      batchGetImage: () => ({ images: [{ imageManifest: '{}', imageManifestMediaType: 'application/vnd.oci.image.index.v1+json' }], failures: [], $metadata: {} }),
    });
    expect((await apply(pinPlan(), port, { forceDelete: false, concurrency: 1 })).ok).toBe(true);
    expect(sent).toEqual([
      ['batchGetImage', { repositoryName: 'app', imageIds: [{ imageDigest: digest('1') }], acceptedMediaTypes: ACCEPTED_MANIFEST_TYPES }],
      ['putImage', { repositoryName: 'app', imageManifest: '{}', imageManifestMediaType: 'application/vnd.oci.image.index.v1+json', imageTag: 'prod', imageDigest: digest('1') }],
    ]);
    expect([...ACCEPTED_MANIFEST_TYPES].sort()).toEqual([
      'application/vnd.docker.distribution.manifest.list.v2+json',
      'application/vnd.docker.distribution.manifest.v2+json',
      'application/vnd.oci.image.index.v1+json',
      'application/vnd.oci.image.manifest.v1+json',
    ]);
  });

  it('reports BatchGetImage failures', async () => {
    const { port } = recordingPort({
      batchGetImage: () => ({ images: [], failures: [{ imageId: { imageDigest: digest('1') }, failureCode: 'UnsupportedImageType', failureReason: 'manifest type not accepted' }], $metadata: {} }),
    });
    const result = await apply(pinPlan(), port, { forceDelete: false, concurrency: 1 });
    expect(result.ok).toBe(false);
    expect(result.steps[0].error?.message).toContain('UnsupportedImageType manifest type not accepted');
  });
});

describe('reading policies (issue 8, bug 6)', () => {
  it('RepositoryNotFoundException from a policy read fails the read, never "no policy"', async () => {
    const fake = createFakeEcr();
    fake.seed('app');
    await expect(readPolicies(fake.port, 'app')).resolves.toEqual({ policy: null, lifecyclePolicy: null });
    fake.failOn('GetRepositoryPolicy', 'RepositoryNotFoundException', 'The repository with name app does not exist');
    await expect(readPolicies(fake.port, 'app')).rejects.toThrow(/does not exist/);
    fake.failOn('GetLifecyclePolicy', 'RepositoryNotFoundException', 'The repository with name app does not exist');
    await expect(readPolicies(fake.port, 'app')).rejects.toThrow(/does not exist/);
  });
});
