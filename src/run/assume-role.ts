import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { ECRClientConfig } from '@aws-sdk/client-ecr';
import { EcrformError } from '../errors.js';
import { networkCodeOf } from './run-error.js';

type Provider = NonNullable<ECRClientConfig['credentials']>;
type Identity = { expiration?: Date };

/** Assumed-role credentials are renewed this long before they expire. */
const RENEW_BEFORE_MS = 5 * 60_000;

export interface RoleOptions {
  roleArn: string;
  externalId?: string;
  /** The region whose STS endpoint is asked (the registry's). */
  region: string;
  profile?: string;
  /** `--debug`: one line per AssumeRole call, naming the role, never a credential. */
  debugLine?: (line: string) => void;
}

/**
 * Credentials for each role a run uses: assumed once per role (session name
 * `ecrform`) with the default chain's credentials, and shared by every
 * registry and client that uses the role until shortly before they expire.
 * STS is reached where the SDK's settings say (AWS_ENDPOINT_URL_STS,
 * AWS_ENDPOINT_URL); --endpoint is ECR's alone.
 */
export function roleCredentials(): (options: RoleOptions) => Provider {
  const byRole = new Map<string, Provider>();
  return (options) => {
    const key = `${options.roleArn}\0${options.externalId ?? ''}`;
    const cached = byRole.get(key);
    if (cached) return cached;
    const assume = fromTemporaryCredentials({
      params: { RoleArn: options.roleArn, RoleSessionName: 'ecrform', ...(options.externalId ? { ExternalId: options.externalId } : {}) },
      clientConfig: { region: options.region, ...(options.profile ? { profile: options.profile } : {}) },
    });
    let current: Promise<Identity> | undefined;
    let expiresAt = Infinity;
    const provider = (() => {
      if (!current || Date.now() > expiresAt - RENEW_BEFORE_MS) {
        const started = Date.now();
        current = (assume() as Promise<Identity>).then(
          (identity) => {
            expiresAt = identity.expiration?.getTime() ?? Infinity;
            options.debugLine?.(`[debug] AssumeRole ${options.roleArn} (session ecrform) ${Date.now() - started}ms ok`);
            return identity;
          },
          (err: { name?: string }) => {
            current = undefined;
            options.debugLine?.(`[debug] AssumeRole ${options.roleArn} (session ecrform) ${Date.now() - started}ms ${err?.name ?? 'Error'}`);
            throw assumeRoleError(options, err);
          },
        );
      }
      return current;
    }) as unknown as Provider;
    byRole.set(key, provider);
    return provider;
  };
}

/** Where the SDK sends AssumeRole, as far as the environment says (a profile's endpoint_url aside). */
function stsEndpoint(region: string): string {
  return process.env.AWS_ENDPOINT_URL_STS ?? process.env.AWS_ENDPOINT_URL ?? `https://sts.${region}.amazonaws.com`;
}

/**
 * A failed AssumeRole, named as such: without this, the failure surfaced from
 * the first ECR call and was reported against ECR's endpoint, so a user behind
 * an ECR VPC endpoint debugged the wrong one.
 */
function assumeRoleError(options: RoleOptions, err: unknown): EcrformError {
  const e = (err ?? {}) as { name?: string; message?: string };
  const role = `could not assume role ${options.roleArn}`;
  const network = networkCodeOf(err);
  if (network) {
    return new EcrformError(
      'ASSUME_ROLE_FAILED',
      `${role}: STS did not answer at ${stsEndpoint(options.region)} (${network}); --endpoint is ECR's alone: set AWS_ENDPOINT_URL_STS (or AWS_ENDPOINT_URL) to reach STS elsewhere, or check the region and the network`,
    );
  }
  if (e.name === 'CredentialsProviderError') {
    return new EcrformError('ASSUME_ROLE_FAILED', `${role}: no AWS credentials to assume it with: ${e.message ?? ''}`);
  }
  return new EcrformError(
    'ASSUME_ROLE_FAILED',
    `${role}: ${e.name ?? 'Error'}: ${e.message ?? String(err)}; check the role's trust policy${options.externalId ? ' and registry.externalId' : ''} and the credentials ecrform runs with`,
  );
}
