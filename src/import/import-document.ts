import { Document } from 'yaml';
import type { JsonObject } from '../model/json.js';
import type { Live, LiveRepository } from '../model/live.js';
import { OWNERSHIP_TAG_KEY } from '../model/ownership.js';
import { partitionOf } from '../normalize/partition.js';
import { lifecycleDocument, policyDocument } from '../plan/repository-documents.js';
import { orderLike } from '../render/compact/key-order.js';
import { registrySettingsEntries } from './import-registry.js';

/** True for a repository `import` writes: all without --prefix, else those whose names start with one. */
export function matchesPrefixes(name: string, prefixes: string[]): boolean {
  return prefixes.length === 0 || prefixes.some((p) => name.startsWith(p));
}

/**
 * One repository as the format writes it: only what differs from ECR's
 * defaults, so the file reads like one a person would write. The ownership
 * tag and AWS's own `aws:` tags are left out; policies are written normalized.
 */
function repositoryEntry(repo: LiveRepository, partition: string): JsonObject | null {
  const entry: JsonObject = {};
  if (repo.imageTagMutability !== 'MUTABLE') entry.imageTagMutability = repo.imageTagMutability;
  if (repo.imageTagMutabilityExclusionFilters.length) entry.imageTagMutabilityExclusionFilters = [...repo.imageTagMutabilityExclusionFilters];
  if (repo.scanOnPush) entry.scanOnPush = true;
  if (repo.encryption.type !== 'AES256') entry.encryption = { ...repo.encryption };
  // `aws:` tags belong to AWS (CloudFormation, CDK): the format refuses them and ecrform never compares them.
  const written = Object.entries(repo.tags).filter(([k]) => k !== OWNERSHIP_TAG_KEY && !k.startsWith('aws:'));
  const tags = Object.fromEntries(written.sort(([a], [b]) => (a < b ? -1 : 1)));
  if (Object.keys(tags).length) entry.tags = tags;
  const policy = policyDocument(repo.details?.policy, partition);
  // Normalized, then laid out as people write them: Version first, Sid, Effect, Principal, Action...
  if (policy) entry.policy = orderLike(policy) as JsonObject;
  const lifecycle = lifecycleDocument(repo.details?.lifecyclePolicy);
  if (lifecycle) entry.lifecyclePolicy = orderLike(lifecycle) as JsonObject;
  return Object.keys(entry).length ? entry : null;
}

/**
 * The live registry as a desired-state file (format version 1). Registry-wide
 * settings are written only with `registrySettings` (`import
 * --registry-settings`): an absent key is not managed, so a plain import never
 * makes ecrform take over a setting another team may own. `prune` is false,
 * so applying the file deletes nothing.
 */
export function importDocument(live: Live, prefixes: string[], schemaRef?: string, options: { registrySettings?: boolean; roleArn?: string } = {}): string {
  const repositories = Object.values(live.repositories).filter((r) => matchesPrefixes(r.name, prefixes));
  const doc = {
    version: 1,
    registry: { region: live.region, accountId: live.registryId, ...(options.roleArn ? { roleArn: options.roleArn } : {}), ...(options.registrySettings ? registrySettingsEntries(live) : {}) },
    prune: false,
    // A repository at ECR's defaults is written `{}`, not `null`: an empty body, as a person writes it.
    repositories: Object.fromEntries(repositories.map((r) => [r.name, repositoryEntry(r, partitionOf(live.region)) ?? {}])),
  };
  const header = [
    ...(schemaRef ? [`# yaml-language-server: $schema=${schemaRef}`] : []),
    `# Written by ecrform import from registry ${live.registryId} (${live.region}).`,
    '# Repositories without the managed-by: ecrform tag are adopted by the first apply.',
  ].join('\n');
  // Written for YAML 1.1 readers too: strings such as "2012-10-17", "4201" or "yes" stay quoted.
  const yaml = new Document(doc, { version: '1.1', aliasDuplicateObjects: false });
  return `${header}\n${yaml.toString({ lineWidth: 0, flowCollectionPadding: false })}`;
}
