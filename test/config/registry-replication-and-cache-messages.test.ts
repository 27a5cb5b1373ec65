import { describe, expect, it } from 'vitest';
import { diagnoseYaml, only, pos } from './helpers.js';

/* The whole message and place of the registry checks ECR would otherwise refuse at apply. */

const V = 'version: 1\n';
const KMS_ARN = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

describe('replication into the registry itself', () => {
  const file = (destination: string) => `${V}registry:\n  region: eu-west-1\n  accountId: "123456789012"\n  replication:\n    rules:\n      - destinations: [{ region: us-west-2 }, ${destination}]\n`;

  it('names the account when the destination gives one', async () => {
    const text = file('{ region: eu-west-1, registryId: "123456789012" }');
    expect(only(await diagnoseYaml(text))).toBe(
      `registry.yaml:${pos(text, '{ region: eu-west-1')}: replication destination eu-west-1 in 123456789012 is this registry itself; ECR refuses to replicate a registry into itself: name another region or account`,
    );
  });

  it('names the region alone when it gives none', async () => {
    const text = file('{ region: eu-west-1 }');
    expect(only(await diagnoseYaml(text))).toBe(
      `registry.yaml:${pos(text, '{ region: eu-west-1')}: replication destination eu-west-1 is this registry itself; ECR refuses to replicate a registry into itself: name another region or account`,
    );
  });
});

describe('the ROOT pull-through cache prefix', () => {
  it('takes upstreamRegistry: ecr as an ECR private upstream, whatever form its URL has', async () => {
    // A FIPS registry endpoint: ECR private, though not the plain ACCOUNT.dkr.ecr.REGION.amazonaws.com form.
    expect(await diagnoseYaml(`${V}registry:\n  pullThroughCache:\n    ROOT: { upstreamRegistry: ecr, upstreamRegistryUrl: 123456789012.dkr.ecr-fips.us-east-1.amazonaws.com }\n`)).toEqual([]);
    const text = `${V}registry:\n  pullThroughCache:\n    ROOT: { upstreamRegistry: ecr-public, upstreamRegistryUrl: public.ecr.aws }\n`;
    expect(only(await diagnoseYaml(text))).toBe(
      `registry.yaml:${pos(text, 'public.ecr.aws')}: the ROOT cache prefix is only for an Amazon ECR private upstream (ACCOUNT.dkr.ecr.REGION.amazonaws.com), not public.ecr.aws; give this rule a prefix such as "docker-hub"`,
    );
  });

  it('accepts upstreamRepositoryPrefix: ROOT, which is what ECR uses when it is left out', async () => {
    expect(await diagnoseYaml(`${V}registry:\n  pullThroughCache:\n    ROOT: { upstreamRegistryUrl: 123456789012.dkr.ecr.us-east-1.amazonaws.com, upstreamRepositoryPrefix: ROOT }\n`)).toEqual([]);
  });

  it('refuses another upstreamRepositoryPrefix at its key', async () => {
    const text = `${V}registry:\n  pullThroughCache:\n    ROOT:\n      upstreamRegistryUrl: 123456789012.dkr.ecr.us-east-1.amazonaws.com\n      upstreamRepositoryPrefix: team-a\n`;
    expect(only(await diagnoseYaml(text))).toBe(
      `registry.yaml:${pos(text, 'upstreamRepositoryPrefix')}: upstreamRepositoryPrefix can be set only under a cache prefix other than ROOT; remove it or give the rule its own prefix`,
    );
  });
});

describe('creation template encryption', () => {
  it('refuses kmsKey with AES256 at the kmsKey', async () => {
    const text = `${V}registry:\n  creationTemplates:\n    team-a/:\n      appliedFor: [CREATE_ON_PUSH]\n      encryption: { type: AES256, kmsKey: ${KMS_ARN} }\n`;
    expect(only(await diagnoseYaml(text))).toBe(`registry.yaml:${pos(text, 'kmsKey')}: kmsKey goes only with type KMS or KMS_DSSE (type is AES256)`);
  });
});
