import { ECRClient, type ECRClientConfig } from '@aws-sdk/client-ecr';

export interface ClientOptions {
  region?: string;
  profile?: string;
  endpoint?: string;
  /** Credentials of an assumed role (registry.roleArn); absent: the default chain. */
  credentials?: ECRClientConfig['credentials'];
}

/**
 * The SDK client. Credentials come from the SDK's default chain (environment,
 * shared files, SSO, web identity, IMDS) exactly as the AWS CLI finds them.
 * Throttling and 5xx are retried up to 8 attempts with exponential backoff and
 * jitter (semantics.md), in the SDK's `adaptive` mode: once ECR throttles, the
 * client also limits its own sending rate (cut to 0.7 of the measured rate, then
 * grown back on a cubic curve), so a run settles at the rate ECR accepts instead
 * of spending its retries. Until a first throttle it sends as standard mode does.
 * One client talks to one registry, the case adaptive mode is made for.
 */
export function createEcrClient(options: ClientOptions): ECRClient {
  return new ECRClient({
    region: options.region,
    profile: options.profile,
    endpoint: options.endpoint,
    ...(options.credentials ? { credentials: options.credentials } : {}),
    maxAttempts: 8,
    retryMode: 'adaptive',
  });
}
