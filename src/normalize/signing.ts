import type { SigningConfiguration } from '../model/desired.js';
import type { JsonObject } from '../model/json.js';
import { canonicalStringify, compareStrings, sortKeysDeep } from './canonical-json.js';
import { sortedUnique } from './filters.js';

/*
 * The normalized documents of managed signing and of the pull-time update
 * exclusions, compared the way ECR treats them.
 */

/**
 * Managed signing. Every rule that matches a pushed image signs it (ECR
 * reports one signing status per matching profile), so the rules are a set:
 * their order does not count, and neither does a repeated rule. A rule's
 * WILDCARD_MATCH filters are a set too, and no filters means every
 * repository. No configuration and one with no rules are the same: null.
 */
export function signingDocument(config: SigningConfiguration | null | undefined): JsonObject | null {
  if (!config || config.rules.length === 0) return null;
  const rules = config.rules.map((rule) => sortKeysDeep({ signingProfileArn: rule.signingProfileArn, repositoryFilters: sortedUnique(rule.repositoryFilters) }) as JsonObject);
  const unique = new Map(rules.map((rule) => [canonicalStringify(rule), rule]));
  const sorted = [...unique.keys()].sort(compareStrings).map((key) => unique.get(key) as JsonObject);
  return { rules: sorted };
}

/** One excluded principal: the document of a `registry.pullTimeUpdateExclusion["ARN"]` address. */
export function pullTimeUpdateExclusionDocument(principalArn: string): JsonObject {
  return { principalArn };
}
