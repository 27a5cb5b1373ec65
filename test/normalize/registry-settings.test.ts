import { describe, expect, it } from 'vitest';
import type { CreationTemplate, PullThroughCacheRule } from '../../src/model/desired.js';
import { canonicalStringify } from '../../src/normalize/canonical-json.js';
import { creationTemplateDocument, pullThroughCacheDocument } from '../../src/normalize/registry-settings.js';

/*
 * The registry-setting documents are the `before` and `after` of plan changes:
 * a value ECR treats as unset must give the same document as the field left
 * out (or the plan shows a change that apply can never make go away), and a
 * value that is set must show.
 */

const URL = 'registry-1.docker.io';
const ROLE = 'arn:aws:iam::123456789012:role/ecr-pull-through';
const SECRET = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:ecr-pullthroughcache/docker-hub';

type Rule = Omit<PullThroughCacheRule, 'source'>;
type Template = Omit<CreationTemplate, 'source'>;

describe('pullThroughCacheDocument', () => {
  it('reads "" (what ECR answers for an unset string) as the field left out', () => {
    const asReturned: Rule = { upstreamRegistryUrl: URL, upstreamRegistry: '', upstreamRepositoryPrefix: '', credentialArn: '', customRoleArn: '' };
    expect(pullThroughCacheDocument(asReturned)).toStrictEqual({ upstreamRegistryUrl: URL });
    expect(canonicalStringify(pullThroughCacheDocument(asReturned))).toBe(canonicalStringify(pullThroughCacheDocument({ upstreamRegistryUrl: URL })));
  });

  it('keeps every field that is set, keys sorted', () => {
    const out = pullThroughCacheDocument({ upstreamRegistryUrl: URL, upstreamRegistry: 'docker-hub', upstreamRepositoryPrefix: 'library', credentialArn: SECRET, customRoleArn: ROLE });
    expect(JSON.stringify(out)).toBe(
      JSON.stringify({ credentialArn: SECRET, customRoleArn: ROLE, upstreamRegistry: 'docker-hub', upstreamRegistryUrl: URL, upstreamRepositoryPrefix: 'library' }),
    );
  });

  it('reads upstreamRepositoryPrefix ROOT (ECR\'s default) as left out', () => {
    expect(pullThroughCacheDocument({ upstreamRegistryUrl: URL, upstreamRepositoryPrefix: 'ROOT' })).toStrictEqual({ upstreamRegistryUrl: URL });
  });
});

describe('creationTemplateDocument', () => {
  const template = (over: Partial<Template> = {}): Template => ({
    appliedFor: ['REPLICATION', 'PULL_THROUGH_CACHE', 'REPLICATION'],
    imageTagMutability: 'MUTABLE',
    imageTagMutabilityExclusionFilters: [],
    encryption: { type: 'AES256' },
    resourceTags: { team: 'platform' },
    repositoryPolicy: null,
    lifecyclePolicy: null,
    ...over,
  });

  it('shows a custom role and a description when they are set', () => {
    const out = creationTemplateDocument(template({ customRoleArn: ROLE, description: 'pulled images' }), 'aws');
    expect(out).toMatchObject({ customRoleArn: ROLE, description: 'pulled images', appliedFor: ['PULL_THROUGH_CACHE', 'REPLICATION'] });
    expect(canonicalStringify(out)).not.toBe(canonicalStringify(creationTemplateDocument(template({ description: 'pulled images' }), 'aws')));
  });

  it('shows the encryption, with the KMS key only when one is named', () => {
    expect(creationTemplateDocument(template(), 'aws').encryption).toStrictEqual({ type: 'AES256' });
    expect(creationTemplateDocument(template({ encryption: { type: 'KMS', kmsKey: 'alias/ecr' } }), 'aws').encryption).toStrictEqual({ kmsKey: 'alias/ecr', type: 'KMS' });
    expect(creationTemplateDocument(template({ encryption: { type: 'KMS', kmsKey: '' } }), 'aws').encryption).toStrictEqual({ type: 'KMS' });
  });

  it('reads an empty description or role as none', () => {
    const out = creationTemplateDocument(template({ customRoleArn: '', description: '' }), 'aws');
    expect(out).not.toHaveProperty('customRoleArn');
    expect(out).not.toHaveProperty('description');
    expect(canonicalStringify(out)).toBe(canonicalStringify(creationTemplateDocument(template(), 'aws')));
  });
});
