import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importDocument } from '../../src/import/import-document.js';
import { plan } from '../../src/plan/plan.js';
import type { Live } from '../../src/model/live.js';
import { ACCOUNT, liveState, planOptions } from '../helpers/builders.js';
import { loadYaml } from '../config/helpers.js';
import { OTHER_ACCOUNT } from './registry-builders.js';

const PROFILE = `arn:aws:signer:us-east-1:${ACCOUNT}:/signing-profiles/ecr_signing`;
const SCANNER = `arn:aws:iam::${ACCOUNT}:role/inspector-scanner`;

/** A registry configured by hand, as the readers map ECR's answers. */
const LIVE: Live = liveState([], {
  registry: {
    policy: {
      Version: '2012-10-17',
      Statement: [{ Sid: 'replicate', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` }, Action: 'ecr:ReplicateImage', Resource: '*' }],
    },
    scanning: { scanType: 'ENHANCED', rules: [{ scanFrequency: 'CONTINUOUS_SCAN', repositoryFilters: ['prod/*'] }] },
    replication: {
      rules: [{ destinations: [{ region: 'us-west-2', registryId: ACCOUNT }, { region: 'eu-west-1', registryId: OTHER_ACCOUNT }], repositoryFilters: [] }],
    },
    pullThroughCache: { 'ecr-public': { upstreamRegistryUrl: 'public.ecr.aws', upstreamRegistry: 'ecr-public', upstreamRepositoryPrefix: 'ROOT' } },
    creationTemplates: {
      ROOT: {
        appliedFor: ['PULL_THROUGH_CACHE'],
        imageTagMutability: 'MUTABLE',
        imageTagMutabilityExclusionFilters: [],
        encryption: { type: 'AES256' },
        resourceTags: { team: 'platform' },
        repositoryPolicy: null,
        lifecyclePolicy: null,
      },
    },
    signing: { rules: [{ signingProfileArn: PROFILE, repositoryFilters: ['prod/*'] }, { signingProfileArn: PROFILE.replace('ecr_signing', 'all_repos'), repositoryFilters: [] }] },
    pullTimeUpdateExclusions: [SCANNER],
  },
});

describe('import --registry-settings', () => {
  it('writes every configured registry setting; the file validates and plans no change against the same registry', async () => {
    const text = importDocument(LIVE, [], 'schema.json', { registrySettings: true });
    const doc = parse(text) as { registry: Record<string, unknown> };
    expect(Object.keys(doc.registry).sort()).toEqual(
      ['accountId', 'creationTemplates', 'policy', 'pullThroughCache', 'pullTimeUpdateExclusions', 'region', 'replication', 'scanning', 'signing'].sort(),
    );
    expect(doc.registry.signing).toEqual({
      rules: [{ signingProfileArn: PROFILE, repositoryFilters: ['prod/*'] }, { signingProfileArn: PROFILE.replace('ecr_signing', 'all_repos') }],
    });
    expect(doc.registry.pullTimeUpdateExclusions).toEqual([SCANNER]);
    expect(doc.registry.replication).toEqual({ rules: [{ destinations: [{ region: 'us-west-2' }, { region: 'eu-west-1', registryId: OTHER_ACCOUNT }] }] });
    const desired = await loadYaml(text);
    const planned = plan(desired, LIVE, planOptions());
    expect(planned.changes).toEqual([]);
    expect(planned.summary.unchanged).toBe(7);
  });

  it('leaves out settings at ECR defaults, and everything without the flag', () => {
    const bare = liveState([], { registry: { policy: null, scanning: { scanType: 'BASIC', rules: [] }, replication: { rules: [] }, signing: null, pullTimeUpdateExclusions: [] } });
    expect(parse(importDocument(bare, [], 'schema.json', { registrySettings: true })).registry).toEqual({ region: 'us-east-1', accountId: ACCOUNT });
    expect(parse(importDocument(LIVE, [], 'schema.json')).registry).toEqual({ region: 'us-east-1', accountId: ACCOUNT });
  });
});
