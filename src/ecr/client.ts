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
  // ecrform supports Node 20 on purpose; the SDK's notice about its own future
  // Node 22 requirement would print on every run and says nothing actionable to a user.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  return new ECRClient({
    region: options.region,
    profile: options.profile,
    endpoint: options.endpoint,
    maxAttempts: 8,
    retryMode: 'standard',
  });
}
