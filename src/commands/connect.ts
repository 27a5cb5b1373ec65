import { createEcrClient } from '../ecr/client.js';
import { createSdkPort } from '../ecr/sdk-port.js';
import { debugPort, limitPort } from '../ecr/wrap-port.js';
import type { EcrPort } from '../ecr/port.js';
import { EcrformError } from '../errors.js';
import { countCalls } from './count-calls.js';
import { namePortFailures } from '../ecr/name-failures.js';

/** An endpoint is a URL with http or https: `localhost:4566` would be read as a scheme "localhost:". */
export function checkEndpoint(endpoint: string): void {
  let url: URL | undefined;
  try {
    url = new URL(endpoint);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) {
    throw new EcrformError(
      'INVALID_ARGUMENT',
      `--endpoint ${endpoint} is not an http(s) URL; write it with its scheme, e.g. https://${endpoint.replace(/^[a-z]+:\/\//i, '')}`,
    );
  }
}

/** Credentials resolved now, so an unknown profile is one line naming it, before any call. */
export async function checkProfile(client: ReturnType<typeof createEcrClient>, profile: string): Promise<void> {
  try {
    await client.config.credentials();
  } catch (err) {
    throw new EcrformError('INVALID_ARGUMENT', `--profile ${profile}: no credentials (${(err as Error).message.split('\n')[0]})`);
  }
}

export interface ConnectionOptions {
  region?: string;
  profile?: string;
  endpoint?: string;
  concurrency: number;
  debug: boolean;
}

export interface Connection {
  port: EcrPort;
  region: string;
}

/**
 * The region is `registry.region` where the files give one, else --region, else
 * the SDK's chain. A --region that differs from the files is an error, not an override.
 */
export async function connect(
  options: ConnectionOptions,
  fileRegion: string | undefined,
  debugLine: (line: string) => void,
  onCall?: (delta: 1 | -1) => void,
): Promise<Connection> {
  if (fileRegion && options.region && fileRegion !== options.region) {
    throw new EcrformError(
      'REGION_MISMATCH',
      `--region ${options.region} differs from registry.region ${fileRegion} in the files; drop --region or change the files`,
    );
  }
  if (options.endpoint !== undefined) checkEndpoint(options.endpoint);
  const client = createEcrClient({ region: fileRegion ?? options.region, profile: options.profile, endpoint: options.endpoint });
  let region: string;
  try {
    region = await client.config.region();
  } catch {
    throw new EcrformError(
      'INVALID_ARGUMENT',
      'no AWS region: set registry.region in the files, pass --region, or set AWS_REGION',
    );
  }
  if (options.profile) await checkProfile(client, options.profile);
  const endpoint = options.endpoint ?? `ECR in ${region}`;
  let port = namePortFailures(createSdkPort(client), endpoint);
  if (options.debug) port = debugPort(port, debugLine);
  if (onCall) port = countCalls(port, onCall);
  return { port: limitPort(port, options.concurrency), region };
}
