import { ECRClient, PutImageCommand } from '@aws-sdk/client-ecr';
import { createHash } from 'node:crypto';

/**
 * Puts a small image manifest into a repository (moto stores manifests without
 * layers), returning its digest. `seed` makes each manifest, and so each digest, distinct.
 */
export async function pushImage(ecr: ECRClient, repositoryName: string, tag: string | undefined, seed: string): Promise<string> {
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: 7023, digest: `sha256:${createHash('sha256').update(`config-${seed}`).digest('hex')}` },
    layers: [{ mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: 32654, digest: `sha256:${createHash('sha256').update(`layer-${seed}`).digest('hex')}` }],
  });
  const out = await ecr.send(new PutImageCommand({ repositoryName, imageManifest: manifest, ...(tag ? { imageTag: tag } : {}) }));
  return out.image?.imageId?.imageDigest ?? '';
}
