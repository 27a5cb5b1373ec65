import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DeleteRegistryPolicyCommand,
  GetRegistryPolicyCommand,
  GetRegistryScanningConfigurationCommand,
  PutRegistryPolicyCommand,
  PutRegistryScanningConfigurationCommand,
  type ECRClient,
} from '@aws-sdk/client-ecr';
import { ACC_PREFIX, accountId, awsClient, cleanup, enabled, pushTinyImage, randomPrefix, runCliAws } from './aws-account.js';

/*
 * The acceptance suite against a real AWS account, like Terraform's TF_ACC:
 *   ECRFORM_ACCEPTANCE=1 AWS_PROFILE=sandbox npm run test:aws
 * It never runs without ECRFORM_ACCEPTANCE=1 (and never in CI here). Every
 * resource it makes is under a random prefix `ecrform-acc-XXXX` and is removed
 * in `finally` (`npm run test:aws -- --cleanup` removes leftovers of a killed
 * run). The registry-wide settings (registry policy, scanning) belong to the
 * whole account: they are exercised only with ECRFORM_ACCEPTANCE_REGISTRY=1,
 * on an account of its own, and put back as they were afterwards.
 */

if (!enabled) {
  console.log('ecrform acceptance suite skipped: set ECRFORM_ACCEPTANCE=1 (and AWS credentials, e.g. AWS_PROFILE=sandbox) to run it against a real AWS account');
}
const withRegistry = process.env.ECRFORM_ACCEPTANCE_REGISTRY === '1';
const cleanupOnly = process.env.ECRFORM_ACCEPTANCE_CLEANUP === '1';

describe.runIf(enabled && cleanupOnly)('acceptance --cleanup', () => {
  it(`removes every leftover under ${ACC_PREFIX}*`, async () => {
    const ecr = awsClient();
    console.log(`removed: ${(await cleanup(ecr, ACC_PREFIX)).join(', ') || 'nothing'}`);
    ecr.destroy();
  });
});

describe.skipIf(!enabled || cleanupOnly)('acceptance: a real AWS account', () => {
  const prefix = randomPrefix();
  let ecr: ECRClient;
  let account: string;
  let dir: string;
  const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
  const run = (...args: string[]) => runCliAws([...args, '--region', region], dir);
  const planExit = async () => (await run('plan', '-f', 'registry.yaml', '--detailed-exitcode', '--no-color')).code;

  beforeAll(async () => {
    ecr = awsClient();
    account = await accountId(ecr);
    dir = await mkdtemp(join(tmpdir(), 'ecrform-acc-'));
  });

  afterAll(async () => {
    // Runs however the tests ended: nothing of this run is left in the account.
    const deleted = await cleanup(ecr, prefix);
    console.log(`acceptance cleanup (${prefix}): ${deleted.join(', ') || 'nothing left'}`);
    ecr.destroy();
  });

  const file = (extra: { images?: string; encryption?: string } = {}) => `version: 1
registry:
  accountId: "${account}"
  pullThroughCache:
    ${prefix}-pub: { upstreamRegistryUrl: public.ecr.aws }
  creationTemplates:
    ${prefix}/tmpl:
      appliedFor: [CREATE_ON_PUSH]
      imageTagMutability: IMMUTABLE
      resourceTags: { purpose: ecrform-acceptance }
repositories:
  ${prefix}/app:
    imageTagMutability: MUTABLE_WITH_EXCLUSION
    imageTagMutabilityExclusionFilters: ["release-*"]
    scanOnPush: true
    tags: { purpose: ecrform-acceptance }
    policy:
      Version: "2012-10-17"
      Statement:
        Sid: pull
        Effect: Allow
        Principal: { AWS: "${account}" }
        Action: [ecr:GetDownloadUrlForLayer, ecr:BatchGetImage]
    lifecyclePolicy:
      rules:
        - rulePriority: 2
          selection: { tagStatus: any, countType: imageCountMoreThan, countNumber: 100 }
          action: { type: expire }
        - rulePriority: 1
          selection: { tagStatus: untagged, countType: sinceImagePushed, countUnit: days, countNumber: 7 }
          action: { type: expire }
${extra.images ?? ''}  ${prefix}/enc:
    encryption: ${extra.encryption ?? '{ type: KMS }'}
`;

  it('applies every repository-level kind, then plans empty', async () => {
    await writeFile(join(dir, 'registry.yaml'), file());
    expect(await planExit()).toBe(2);
    const applied = await run('apply', '-f', 'registry.yaml', '--auto-approve', '--no-color');
    expect(applied.code, applied.stderr + applied.stdout).toBe(0);
    // ECR stores the account id as a root ARN, the statement as a list, the rules its own way: still no change.
    expect(await planExit()).toBe(0);
  });

  it('tag pins move a mutable tag and plan empty after', async () => {
    await pushTinyImage(ecr, `${prefix}/app`, 'v1', prefix);
    await writeFile(join(dir, 'registry.yaml'), file({ images: `    images: { prod: { tag: v1 } }\n` }));
    expect(await planExit()).toBe(2);
    expect((await run('apply', '-f', 'registry.yaml', '--auto-approve', '--no-color')).code).toBe(0);
    expect(await planExit()).toBe(0);
  });

  it('a saved plan that replaces a repository (encryption change) applies, then plans empty', async () => {
    await writeFile(join(dir, 'registry.yaml'), file({ encryption: '{ type: AES256 }' }));
    expect((await run('plan', '-f', 'registry.yaml', '--out', 'plan.json', '--no-color')).code).toBe(0);
    const applied = await run('apply', 'plan.json', '--auto-approve', '--no-color');
    expect(applied.code, applied.stderr + applied.stdout).toBe(0);
    expect(await planExit()).toBe(0);
  });

  it.skipIf(!withRegistry)('registry policy and scanning (ECRFORM_ACCEPTANCE_REGISTRY=1 only), put back afterwards', async () => {
    const policyBefore = await ecr.send(new GetRegistryPolicyCommand({})).catch(() => null);
    const scanningBefore = await ecr.send(new GetRegistryScanningConfigurationCommand({}));
    try {
      const registryFile = `version: 1
registry:
  accountId: "${account}"
  policy:
    Version: "2012-10-17"
    Statement:
      - Sid: ${prefix.replace(/-/g, '')}
        Effect: Allow
        Principal: { AWS: "${account}" }
        Action: [ecr:CreateRepository, ecr:ReplicateImage]
        Resource: "arn:aws:ecr:${region}:${account}:repository/*"
  scanning:
    scanType: BASIC
    rules:
      - { scanFrequency: SCAN_ON_PUSH, repositoryFilters: ["${prefix}/*"] }
      - { scanFrequency: MANUAL, repositoryFilters: ["*"] }
`;
      await writeFile(join(dir, 'registry.yaml'), registryFile);
      expect((await run('apply', '-f', 'registry.yaml', '--auto-approve', '--no-color')).code).toBe(0);
      expect(await planExit()).toBe(0);
    } finally {
      if (policyBefore?.policyText) await ecr.send(new PutRegistryPolicyCommand({ policyText: policyBefore.policyText }));
      else await ecr.send(new DeleteRegistryPolicyCommand({})).catch(() => undefined);
      const config = scanningBefore.scanningConfiguration;
      await ecr.send(new PutRegistryScanningConfigurationCommand({ scanType: config?.scanType ?? 'BASIC', rules: config?.rules ?? [] }));
    }
  });
});
