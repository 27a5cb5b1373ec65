import { describe, expect, it } from 'vitest';
import { diagnoseYaml, only, pos } from './helpers.js';

/* Documents ECR refuses that used to pass `validate` (issue 8, bug 9). */

const V = 'version: 1\n';

describe('lifecycle: a tagStatus any rule has the highest priority per storage class', () => {
  // AWS's "combining archive and expire rules" example.
  const archiveThenExpire = {
    rules: [
      { rulePriority: 1, description: 'Archive images not pulled in 90 days', selection: { tagStatus: 'any', countType: 'sinceImagePulled', countUnit: 'days', countNumber: 90 }, action: { type: 'transition', targetStorageClass: 'archive' } },
      { rulePriority: 2, description: 'Delete archived images after 365 days', selection: { tagStatus: 'any', storageClass: 'archive', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: 365 }, action: { type: 'expire' } },
    ],
  };

  it("accepts AWS's archive-then-expire example", async () => {
    expect(await diagnoseYaml(`${V}repositories:\n  app:\n    lifecyclePolicy: ${JSON.stringify(archiveThenExpire)}\n`)).toEqual([]);
  });

  it('still refuses an any rule below another rule of the same storage class', async () => {
    const policy = {
      rules: [
        { rulePriority: 1, selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 5 }, action: { type: 'expire' } },
        { rulePriority: 2, selection: { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 1 }, action: { type: 'expire' } },
        { rulePriority: 3, selection: { tagStatus: 'any', storageClass: 'archive', countType: 'sinceImageTransitioned', countUnit: 'days', countNumber: 30 }, action: { type: 'expire' } },
      ],
    };
    const line = only(await diagnoseYaml(`${V}repositories:\n  app:\n    lifecyclePolicy: ${JSON.stringify(policy)}\n`));
    expect(line).toContain('a tagStatus: any rule must have the highest rulePriority among the rules of its storage class (standard): it has 1, another rule has 2');
  });
});

describe('repository policy with a Resource element', () => {
  it('is refused at the key, as ECR refuses it', async () => {
    const text = `${V}repositories:\n  app:\n    policy:\n      Version: "2012-10-17"\n      Statement:\n        - Effect: Allow\n          Principal: "*"\n          Action: ecr:BatchGetImage\n          Resource: "*"\n`;
    const line = only(await diagnoseYaml(text));
    expect(line.startsWith(`registry.yaml:${pos(text, 'Resource')}: `)).toBe(true);
    expect(line).toContain('Invalid repository policy provided');
  });

  it('is fine in the registry policy', async () => {
    const text = `${V}registry:\n  policy:\n    Version: "2012-10-17"\n    Statement:\n      - Effect: Allow\n        Principal: { AWS: "arn:aws:iam::210987654321:root" }\n        Action: [ecr:CreateRepository, ecr:ReplicateImage]\n        Resource: "arn:aws:ecr:us-east-1:123456789012:repository/*"\n`;
    expect(await diagnoseYaml(text)).toEqual([]);
  });
});

describe('replication into the source registry itself', () => {
  const file = (destination: string) =>
    `${V}registry:\n  region: eu-west-1\n  accountId: "123456789012"\n  replication:\n    rules:\n      - destinations: [${destination}]\n`;

  it.each([
    ['the own region without registryId', '{ region: eu-west-1 }'],
    ['the own region and account', '{ region: eu-west-1, registryId: "123456789012" }'],
  ])('is refused: %s', async (_what, destination) => {
    const text = file(destination);
    const line = only(await diagnoseYaml(text));
    expect(line.startsWith(`registry.yaml:${pos(text, '{ region')}: `)).toBe(true);
    expect(line).toContain('is this registry itself');
  });

  it.each([
    ['another region', '{ region: us-west-2 }'],
    ['another account in the same region', '{ region: eu-west-1, registryId: "210987654321" }'],
  ])('is fine: %s', async (_what, destination) => {
    expect(await diagnoseYaml(file(destination))).toEqual([]);
  });
});

describe('ROOT as a pull-through cache prefix follows ECR', () => {
  it('is refused for a public upstream, at its URL', async () => {
    const text = `${V}registry:\n  pullThroughCache:\n    ROOT: { upstreamRegistryUrl: public.ecr.aws }\n`;
    const line = only(await diagnoseYaml(text));
    expect(line.startsWith(`registry.yaml:${pos(text, 'public.ecr.aws')}: `)).toBe(true);
    expect(line).toContain('the ROOT cache prefix is only for an Amazon ECR private upstream');
  });

  it('is accepted for an ECR private upstream, but without an upstream repository prefix', async () => {
    const ok = `${V}registry:\n  pullThroughCache:\n    ROOT: { upstreamRegistryUrl: 210987654321.dkr.ecr.us-east-1.amazonaws.com }\n`;
    expect(await diagnoseYaml(ok)).toEqual([]);
    const text = `${V}registry:\n  pullThroughCache:\n    ROOT: { upstreamRegistryUrl: 210987654321.dkr.ecr.us-east-1.amazonaws.com, upstreamRepositoryPrefix: team-a }\n`;
    expect(only(await diagnoseYaml(text))).toContain('upstreamRepositoryPrefix can be set only under a cache prefix other than ROOT');
  });
});
