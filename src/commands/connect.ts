import { createEcrClient } from '../ecr/client.js';
import { createSdkPort } from '../ecr/sdk-port.js';
import { debugPort, limitPort } from '../ecr/wrap-port.js';
import type { EcrPort } from '../ecr/port.js';
import { EcrformError } from '../errors.js';
import { countCalls } from './count-calls.js';

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
  let port = createSdkPort(client);
  if (options.debug) port = debugPort(port, debugLine);
  if (onCall) port = countCalls(port, onCall);
  return { port: limitPort(port, options.concurrency), region };
}
