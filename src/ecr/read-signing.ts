import type { EcrPort } from './port.js';
import type { SigningConfiguration } from '../model/desired.js';
import { orNull } from './not-found.js';

/*
 * Reads of the registry's managed signing and its pull-time update
 * exclusions (moto has neither; tested with aws-sdk-client-mock and the
 * in-memory fake). Mapped into the plain Live types with ECR's meaning of
 * "none" made explicit.
 */

/**
 * GetSigningConfiguration. SigningConfigurationNotFoundException means the
 * registry has none (null); so does a configuration with no rules, which is
 * what ECR holds after a put of `rules: []`.
 */
export async function readSigning(port: EcrPort): Promise<SigningConfiguration | null> {
  const out = await orNull(() => port.getSigningConfiguration({}), 'SigningConfigurationNotFoundException');
  const rules = out?.signingConfiguration?.rules ?? [];
  if (rules.length === 0) return null;
  return {
    rules: rules.map((rule) => ({
      signingProfileArn: rule.signingProfileArn ?? '',
      repositoryFilters: (rule.repositoryFilters ?? []).map((f) => f.filter ?? ''),
    })),
  };
}

/** ListPullTimeUpdateExclusions, every page (ECR answers at most 100 principals a page). */
export async function readPullTimeUpdateExclusions(port: EcrPort): Promise<string[]> {
  const all: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await port.listPullTimeUpdateExclusions({ maxResults: 1000, nextToken });
    all.push(...(page.pullTimeUpdateExclusions ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return [...new Set(all)].sort();
}
