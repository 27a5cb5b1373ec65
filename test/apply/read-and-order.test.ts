import { describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/apply.js';
import { fetchLive } from '../../src/ecr/fetch-live.js';
import { readImages } from '../../src/ecr/read-repositories.js';
import { scopeOfDesired } from '../../src/ecr/read-scope.js';
import type { EcrPort } from '../../src/ecr/port.js';
import { plan } from '../../src/plan/plan.js';
import { createFakeEcr } from '../helpers/fake-ecr.js';
import { OWNED, desiredRepo, desiredState, liveRepo, liveState, planOptions } from '../helpers/builders.js';

/* Survivors of an earlier mutation run, each pinned by a test (issue 8). */

describe('reading', () => {
  it('DescribeImages is read page by page until there is no nextToken', async () => {
    const pages: Record<string, { imageDetails: object[]; nextToken?: string }> = {
      start: { imageDetails: [{ imageDigest: 'sha256:a', imageTags: ['b', 'a'], imagePushedAt: new Date(0), imageSizeInBytes: 1 }], nextToken: 'p2' },
      p2: { imageDetails: [{ imageDigest: 'sha256:b', imagePushedAt: new Date(1000), lastRecordedPullTime: new Date(2000), imageSizeInBytes: 2 }] },
    };
    const asked: Array<string | undefined> = [];
    const port = {
      describeImages: async (input: { nextToken?: string; maxResults?: number }) => {
        asked.push(input.nextToken);
        expect(input.maxResults).toBe(1000);
        return { ...pages[input.nextToken ?? 'start'], $metadata: {} };
      },
    } as unknown as EcrPort;
    expect(await readImages(port, 'app')).toEqual([
      { digest: 'sha256:a', tags: ['a', 'b'], pushedAt: new Date(0).toISOString(), sizeBytes: 1 },
      { digest: 'sha256:b', tags: [], pushedAt: new Date(1000).toISOString(), lastPulledAt: new Date(2000).toISOString(), sizeBytes: 2 },
    ]);
    expect(asked).toEqual([undefined, 'p2']);
  });

  it('policies are read only for repositories that are declared or owned; others get their tags only', async () => {
    const fake = createFakeEcr();
    fake.seed('declared');
    fake.seed('owned', { tags: OWNED });
    fake.seed('someone-elses', { tags: { team: 'x' } });
    await fetchLive(fake.port, scopeOfDesired(desiredState([desiredRepo('declared')])), { region: fake.region });
    const policyReads = fake.calls.filter((c) => c.operation === 'GetRepositoryPolicy' || c.operation === 'GetLifecyclePolicy').map((c) => `${c.operation} ${c.target}`);
    expect(policyReads.sort()).toEqual(['GetLifecyclePolicy declared', 'GetLifecyclePolicy owned', 'GetRepositoryPolicy declared', 'GetRepositoryPolicy owned']);
    expect(fake.calls.filter((c) => c.operation === 'ListTagsForResource').map((c) => c.target).sort()).toEqual(['declared', 'owned', 'someone-elses']);
  });
});

describe('apply order within a step', () => {
  it('tags are added before others are removed, so the ownership tag is never missing', async () => {
    const thePlan = plan(desiredState([desiredRepo('app', { tags: { team: 'a' } })]), liveState([liveRepo('app', { tags: { ...OWNED, old: 'x' } })]), planOptions());
    const sent: Array<[string, unknown]> = [];
    const port = new Proxy({} as EcrPort, { get: (_t, op: string) => async (input: unknown) => (sent.push([op, input]), { $metadata: {} }) });
    expect((await apply(thePlan, port, { forceDelete: false, concurrency: 1 })).ok).toBe(true);
    expect(sent).toEqual([
      ['tagResource', { resourceArn: 'arn:aws:ecr:us-east-1:123456789012:repository/app', tags: [{ Key: 'team', Value: 'a' }] }],
      ['untagResource', { resourceArn: 'arn:aws:ecr:us-east-1:123456789012:repository/app', tagKeys: ['old'] }],
    ]);
  });
});
