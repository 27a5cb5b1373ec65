import { ECRClient } from '@aws-sdk/client-ecr';

export interface ClientOptions {
  region?: string;
  profile?: string;
  endpoint?: string;
}

/**
 * The SDK client. Credentials come from the SDK's default chain (environment,
 * shared files, SSO, web identity, IMDS) exactly as the AWS CLI finds them;
 * retries for throttling and 5xx use the standard mode (exponential backoff
 * with jitter) with 8 attempts, as semantics.md asks.
 */
export function createEcrClient(options: ClientOptions): ECRClient {
  return new ECRClient({
    region: options.region,
    profile: options.profile,
    endpoint: options.endpoint,
    maxAttempts: 8,
    retryMode: 'standard',
  });
}
