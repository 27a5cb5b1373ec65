import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  CompleteLayerUploadCommand,
  DeletePullThroughCacheRuleCommand,
  DeleteRepositoryCommand,
  DeleteRepositoryCreationTemplateCommand,
  DescribePullThroughCacheRulesCommand,
  DescribeRegistryCommand,
  DescribeRepositoriesCommand,
  DescribeRepositoryCreationTemplatesCommand,
  ECRClient,
  InitiateLayerUploadCommand,
  ListTagsForResourceCommand,
  PutImageCommand,
  UploadLayerPartCommand,
} from '@aws-sdk/client-ecr';
import { ROOT } from '../helpers/run-cli.js';
import type { CliResult } from '../helpers/run-cli.js';
import { join } from 'node:path';

/*
 * The real AWS account of the opt-in acceptance suite (`ECRFORM_ACCEPTANCE=1
 * AWS_PROFILE=sandbox npm run test:aws`). Everything it makes lives under one
 * random prefix `ecrform-acc-XXXX`, and cleanup removes only what carries that
 * prefix (and, for repositories, ecrform's ownership tag).
 */

export const ACC_PREFIX = 'ecrform-acc-';
export const enabled = process.env.ECRFORM_ACCEPTANCE === '1';

export function randomPrefix(): string {
  return `${ACC_PREFIX}${randomBytes(2).toString('hex')}`;
}

export function awsClient(): ECRClient {
  return new ECRClient({});
}

export async function accountId(ecr: ECRClient): Promise<string> {
  return (await ecr.send(new DescribeRegistryCommand({}))).registryId ?? '';
}

/** Runs the built CLI with the caller's own AWS environment (profile, region, credentials). */
export function runCliAws(args: string[], cwd: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'src', 'cli.js'), ...args], { cwd, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

async function uploadBlob(ecr: ECRClient, repositoryName: string, blob: Buffer): Promise<string> {
  const digest = `sha256:${createHash('sha256').update(blob).digest('hex')}`;
  const { uploadId } = await ecr.send(new InitiateLayerUploadCommand({ repositoryName }));
  await ecr.send(new UploadLayerPartCommand({ repositoryName, uploadId, partFirstByte: 0, partLastByte: blob.length - 1, layerPayload: blob }));
  await ecr.send(new CompleteLayerUploadCommand({ repositoryName, uploadId, layerDigests: [digest] }));
  return digest;
}

/** Pushes a tiny real image (config and one layer uploaded, then the manifest); returns its digest. */
export async function pushTinyImage(ecr: ECRClient, repositoryName: string, tag: string, seed: string): Promise<string> {
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', config: { Labels: { seed } }, rootfs: { type: 'layers', diff_ids: [] } }));
  const layer = Buffer.from(`ecrform acceptance ${seed}`);
  const configDigest = await uploadBlob(ecr, repositoryName, config);
  const layerDigest = await uploadBlob(ecr, repositoryName, layer);
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', size: config.length, digest: configDigest },
    layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', size: layer.length, digest: layerDigest }],
  });
  const out = await ecr.send(new PutImageCommand({ repositoryName, imageManifest: manifest, imageManifestMediaType: 'application/vnd.oci.image.manifest.v1+json', imageTag: tag }));
  return out.image?.imageId?.imageDigest ?? '';
}

/**
 * Deletes what the suite made under `prefix` (every `ecrform-acc-` prefix with
 * `ACC_PREFIX`): repositories carrying ecrform's ownership tag (with their
 * images), pull-through cache rules and creation templates. Returns what it deleted.
 */
export async function cleanup(ecr: ECRClient, prefix: string): Promise<string[]> {
  const deleted: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await ecr.send(new DescribeRepositoriesCommand({ nextToken, maxResults: 1000 }));
    for (const repo of page.repositories ?? []) {
      if (!repo.repositoryName?.startsWith(prefix)) continue;
      const tags = (await ecr.send(new ListTagsForResourceCommand({ resourceArn: repo.repositoryArn }))).tags ?? [];
      if (!tags.some((t) => t.Key === 'managed-by' && t.Value?.startsWith('ecrform'))) continue;
      await ecr.send(new DeleteRepositoryCommand({ repositoryName: repo.repositoryName, force: true }));
      deleted.push(`repository ${repo.repositoryName}`);
    }
    nextToken = page.nextToken;
  } while (nextToken);
  for (const rule of (await ecr.send(new DescribePullThroughCacheRulesCommand({}))).pullThroughCacheRules ?? []) {
    if (!rule.ecrRepositoryPrefix?.startsWith(prefix)) continue;
    await ecr.send(new DeletePullThroughCacheRuleCommand({ ecrRepositoryPrefix: rule.ecrRepositoryPrefix }));
    deleted.push(`pull-through cache rule ${rule.ecrRepositoryPrefix}`);
  }
  for (const template of (await ecr.send(new DescribeRepositoryCreationTemplatesCommand({}))).repositoryCreationTemplates ?? []) {
    if (!template.prefix?.startsWith(prefix)) continue;
    await ecr.send(new DeleteRepositoryCreationTemplateCommand({ prefix: template.prefix }));
    deleted.push(`creation template ${template.prefix}`);
  }
  return deleted;
}
