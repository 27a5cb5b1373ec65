import type { DescribeRegistryCommandOutput, PullThroughCacheRule, RepositoryCreationTemplate } from '@aws-sdk/client-ecr';
import type { EcrPort } from './port.js';
import type { EncryptionType, ReplicationConfiguration, ScanningConfiguration, TagMutability } from '../model/desired.js';
import type { JsonObject } from '../model/json.js';
import type { LiveCreationTemplate, LivePullThroughCacheRule, LiveRegistrySettings } from '../model/live.js';
import { orNull } from './not-found.js';
import { parsePolicyText } from './read-repositories.js';
import { sortByKey } from '../normalize/filters.js';
import type { ReadScope } from './read-scope.js';
import { readPullTimeUpdateExclusions, readSigning } from './read-signing.js';

/*
 * Registry-level reads, mapped from the SDK's shapes into the plain Live
 * types. Missing lists and strings become ECR's defaults here, so the plan
 * never sees `undefined` where ECR means "none".
 */

/** GetRegistryPolicy; RegistryPolicyNotFoundException (ECR and moto alike) means "no policy". */
async function readRegistryPolicy(port: EcrPort): Promise<JsonObject | null> {
  const out = await orNull(() => port.getRegistryPolicy({}), 'RegistryPolicyNotFoundException');
  return parsePolicyText(out?.policyText, 'registry policy');
}

/** GetRegistryScanningConfiguration. A configuration without `rules` (moto after a put without them) has none. */
async function readScanning(port: EcrPort): Promise<ScanningConfiguration> {
  const config = (await port.getRegistryScanningConfiguration({})).scanningConfiguration;
  return {
    scanType: config?.scanType ?? 'BASIC',
    rules: (config?.rules ?? []).map((rule) => ({
      scanFrequency: rule.scanFrequency ?? 'MANUAL',
      repositoryFilters: (rule.repositoryFilters ?? []).map((f) => f.filter ?? ''),
    })),
  };
}

/** DescribeRegistry's replication rules (a registry never configured has none). */
function readReplication(registry: DescribeRegistryCommandOutput): ReplicationConfiguration {
  const config = registry.replicationConfiguration;
  return {
    rules: (config?.rules ?? []).map((rule) => ({
      destinations: (rule.destinations ?? []).map((d) => (d.registryId ? { region: d.region ?? '', registryId: d.registryId } : { region: d.region ?? '' })),
      repositoryFilters: (rule.repositoryFilters ?? []).map((f) => f.filter ?? ''),
    })),
  };
}

/** Every page of a `nextToken`-paged describe call. */
async function allPages<T>(read: (nextToken: string | undefined) => Promise<{ items: T[] | undefined; nextToken?: string }>): Promise<T[]> {
  const all: T[] = [];
  let nextToken: string | undefined;
  do {
    const page = await read(nextToken);
    all.push(...(page.items ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return all;
}

/** The SDK's rule as the plain live type; unset optional fields are left out, never empty strings. */
export function toLivePullThroughCacheRule(rule: PullThroughCacheRule): LivePullThroughCacheRule {
  const live: LivePullThroughCacheRule = { upstreamRegistryUrl: rule.upstreamRegistryUrl ?? '' };
  if (rule.upstreamRegistry) live.upstreamRegistry = rule.upstreamRegistry;
  if (rule.upstreamRepositoryPrefix) live.upstreamRepositoryPrefix = rule.upstreamRepositoryPrefix;
  if (rule.credentialArn) live.credentialArn = rule.credentialArn;
  if (rule.customRoleArn) live.customRoleArn = rule.customRoleArn;
  return live;
}

/** DescribePullThroughCacheRules, every page, keyed by ECR repository prefix. */
async function readPullThroughCache(port: EcrPort): Promise<Record<string, LivePullThroughCacheRule>> {
  const rules = await allPages(async (nextToken) => {
    const page = await port.describePullThroughCacheRules({ maxResults: 1000, nextToken });
    return { items: page.pullThroughCacheRules, nextToken: page.nextToken };
  });
  return sortByKey(Object.fromEntries(rules.map((r) => [r.ecrRepositoryPrefix ?? '', toLivePullThroughCacheRule(r)])));
}

/**
 * The SDK's template as the plain live type, with ECR's defaults where it
 * answers nothing (MUTABLE, AES256, no tags); policy texts are parsed, and a
 * text that is not JSON fails the read (it names the template).
 */
export function toLiveCreationTemplate(template: RepositoryCreationTemplate, prefix: string): LiveCreationTemplate {
  const encryption = template.encryptionConfiguration;
  const live: LiveCreationTemplate = {
    appliedFor: [...(template.appliedFor ?? [])],
    imageTagMutability: (template.imageTagMutability ?? 'MUTABLE') as TagMutability,
    imageTagMutabilityExclusionFilters: (template.imageTagMutabilityExclusionFilters ?? []).map((f) => f.filter ?? ''),
    encryption: {
      type: (encryption?.encryptionType ?? 'AES256') as EncryptionType,
      ...(encryption?.kmsKey ? { kmsKey: encryption.kmsKey } : {}),
    },
    resourceTags: Object.fromEntries((template.resourceTags ?? []).map((t) => [t.Key ?? '', t.Value ?? ''])),
    repositoryPolicy: parsePolicyText(template.repositoryPolicy, `repository policy of creation template ${prefix}`),
    lifecyclePolicy: parsePolicyText(template.lifecyclePolicy, `lifecycle policy of creation template ${prefix}`),
  };
  if (template.description) live.description = template.description;
  if (template.customRoleArn) live.customRoleArn = template.customRoleArn;
  return live;
}

/** DescribeRepositoryCreationTemplates, every page, keyed by prefix. */
async function readCreationTemplates(port: EcrPort): Promise<Record<string, LiveCreationTemplate>> {
  const templates = await allPages(async (nextToken) => {
    const page = await port.describeRepositoryCreationTemplates({ maxResults: 1000, nextToken });
    return { items: page.repositoryCreationTemplates, nextToken: page.nextToken };
  });
  return sortByKey(Object.fromEntries(templates.map((t) => [t.prefix ?? '', toLiveCreationTemplate(t, t.prefix ?? '')])));
}

/** GetAccountSetting takes one name: one call per managed name. A setting with no value is left out. */
async function readAccountSettings(port: EcrPort, names: string[]): Promise<Record<string, string>> {
  const read = await Promise.all(names.map(async (name) => [name, (await port.getAccountSetting({ name })).value] as const));
  return sortByKey(Object.fromEntries(read.filter((entry): entry is readonly [string, string] => typeof entry[1] === 'string')));
}

/**
 * Registry-level settings, read only for the keys the files manage
 * (semantics.md: an absent key is not managed and not read). The reads run
 * concurrently (the port bounds them); any failure but "no registry policy"
 * fails the whole read. `registry` is the DescribeRegistry answer fetchLive
 * already holds (with the replication rules), so it is not asked for twice.
 * A key of the result is present exactly when its scope
 * flag is set (`accountSettings` holds the names that have a value).
 */
export async function readRegistrySettings(
  port: EcrPort,
  scope: ReadScope['registry'],
  registry: DescribeRegistryCommandOutput,
): Promise<LiveRegistrySettings> {
  const [policy, scanning, replication, pullThroughCache, creationTemplates, accountSettings, signing, exclusions] = await Promise.all([
    scope.policy ? readRegistryPolicy(port) : undefined,
    scope.scanning ? readScanning(port) : undefined,
    scope.replication ? readReplication(registry) : undefined,
    scope.pullThroughCache ? readPullThroughCache(port) : undefined,
    scope.creationTemplates ? readCreationTemplates(port) : undefined,
    scope.accountSettings.length > 0 ? readAccountSettings(port, scope.accountSettings) : undefined,
    scope.signing ? readSigning(port) : undefined,
    scope.pullTimeUpdateExclusions ? readPullTimeUpdateExclusions(port) : undefined,
  ]);
  const settings: LiveRegistrySettings = {};
  if (policy !== undefined) settings.policy = policy;
  if (scanning) settings.scanning = scanning;
  if (replication) settings.replication = replication;
  if (pullThroughCache) settings.pullThroughCache = pullThroughCache;
  if (creationTemplates) settings.creationTemplates = creationTemplates;
  if (accountSettings) settings.accountSettings = accountSettings;
  if (signing !== undefined) settings.signing = signing;
  if (exclusions) settings.pullTimeUpdateExclusions = exclusions;
  return settings;
}
