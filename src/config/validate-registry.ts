import type { Diagnostic } from '../errors.js';
import { OWNERSHIP_TAG_KEY } from '../model/ownership.js';
import type { Located } from './merge.js';
import type { Path } from './path.js';
import { diagnosticAt, type DocSource } from './source.js';
import { checkEncryption, checkMutability } from './validate-repository.js';
import { checkTags, locateTags } from './validate-tags.js';
import { asArray, asObject, has } from './values.js';

function located(obj: Record<string, unknown>, at: Path, key: string): Located | undefined {
  return has(obj, key) ? { value: obj[key], path: [...at, key] } : undefined;
}

/**
 * BASIC scanning (ECR's own) scans on push or manually; ENHANCED (Inspector) scans on push or
 * continuously. Each scan type has one frequency the other does not take.
 */
// A Map, not an object literal: a scanType such as "constructor" must find nothing here.
const OTHER_TYPE_ONLY = new Map<unknown, { frequency: string; needs: string; use: string }>([
  ['BASIC', { frequency: 'CONTINUOUS_SCAN', needs: 'ENHANCED', use: 'SCAN_ON_PUSH or MANUAL' }],
  ['ENHANCED', { frequency: 'MANUAL', needs: 'BASIC', use: 'SCAN_ON_PUSH or CONTINUOUS_SCAN' }],
]);

function checkScanning(src: DocSource, registry: Record<string, unknown>): Diagnostic[] {
  const scanning = asObject(registry.scanning);
  // A missing or unknown scanType is a schema error already.
  const rule = OTHER_TYPE_ONLY.get(scanning?.scanType);
  if (!scanning || !rule) return [];
  const out: Diagnostic[] = [];
  (asArray(scanning.rules) ?? []).forEach((r, i) => {
    if (asObject(r)?.scanFrequency === rule.frequency) {
      out.push(
        diagnosticAt(
          src,
          ['registry', 'scanning', 'rules', i, 'scanFrequency'],
          `scanFrequency ${rule.frequency} needs scanType ${rule.needs}; with ${String(scanning.scanType)} use ${rule.use}`,
        ),
      );
    }
  });
  return out;
}

/** Repositories ECR creates from a template carry its tags; with the ownership tag, prune would take them for ecrform's. */
function checkTemplateOwnership(src: DocSource, tags: Map<string, Located>, label: string): Diagnostic[] {
  const tag = tags.get(OWNERSHIP_TAG_KEY);
  if (!tag) return [];
  return [
    diagnosticAt(
      src,
      tag.path,
      `${label} must not set the "${OWNERSHIP_TAG_KEY}" tag: every repository ECR creates from the template would carry it, so ecrform would take it for its own and delete it with prune: true; remove the tag or use another key`,
      'key',
    ),
  ];
}

/** Creation templates take a repository's settings, so the same pairing rules hold; their tags must not hold the ownership tag. */
function checkTemplates(src: DocSource, registry: Record<string, unknown>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [prefix, body] of Object.entries(asObject(registry.creationTemplates) ?? {})) {
    const template = asObject(body);
    if (!template) continue;
    const at = ['registry', 'creationTemplates', prefix];
    const label = `creation template "${prefix}"`;
    out.push(...checkMutability(src, located(template, at, 'imageTagMutability'), located(template, at, 'imageTagMutabilityExclusionFilters'), at, label));
    out.push(...checkEncryption(src, located(template, at, 'encryption')));
    const tagsAt = [...at, 'resourceTags'];
    const tags = locateTags(template.resourceTags, tagsAt);
    out.push(...checkTags(src, tags, tagsAt, label, false));
    out.push(...checkTemplateOwnership(src, tags, label));
  }
  return out;
}

/**
 * A replication destination that is the source registry itself (its region, and its account or
 * none named): ECR refuses it. Checked where the file names the region; the plan checks the rest.
 */
function checkReplicationToSelf(src: DocSource, registry: Record<string, unknown>): Diagnostic[] {
  const region = registry.region;
  if (typeof region !== 'string') return [];
  const account = typeof registry.accountId === 'string' ? registry.accountId : undefined;
  const out: Diagnostic[] = [];
  (asArray(asObject(registry.replication)?.rules) ?? []).forEach((rule, i) => {
    (asArray(asObject(rule)?.destinations) ?? []).forEach((destination, j) => {
      const d = asObject(destination);
      if (!d || d.region !== region) return;
      const sameAccount = !has(d, 'registryId') || (account !== undefined && d.registryId === account);
      if (!sameAccount) return;
      out.push(
        diagnosticAt(
          src,
          ['registry', 'replication', 'rules', i, 'destinations', j],
          `replication destination ${region}${has(d, 'registryId') ? ` in ${String(d.registryId)}` : ''} is this registry itself; ECR refuses to replicate a registry into itself: name another region or account`,
        ),
      );
    });
  });
  return out;
}

/** Private ECR, the one upstream whose cache rule may use the ROOT prefix (ECR to ECR pull through cache). */
const PRIVATE_ECR_URL = /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/;

/**
 * ECR's rules for the ROOT cache prefix: only for an ECR private upstream, and then without an
 * upstream repository prefix (it may be set only under a non-ROOT prefix).
 */
function checkRootCachePrefix(src: DocSource, registry: Record<string, unknown>): Diagnostic[] {
  const rule = asObject(asObject(registry.pullThroughCache)?.ROOT);
  if (!rule) return [];
  const at = ['registry', 'pullThroughCache', 'ROOT'];
  const out: Diagnostic[] = [];
  const url = rule.upstreamRegistryUrl;
  const privateEcr = rule.upstreamRegistry === 'ecr' || (typeof url === 'string' && PRIVATE_ECR_URL.test(url));
  if (typeof url === 'string' && !privateEcr) {
    out.push(
      diagnosticAt(src, [...at, 'upstreamRegistryUrl'], `the ROOT cache prefix is only for an Amazon ECR private upstream (ACCOUNT.dkr.ecr.REGION.amazonaws.com), not ${url}; give this rule a prefix such as "docker-hub"`),
    );
  }
  if (has(rule, 'upstreamRepositoryPrefix') && rule.upstreamRepositoryPrefix !== 'ROOT') {
    out.push(
      diagnosticAt(src, [...at, 'upstreamRepositoryPrefix'], 'upstreamRepositoryPrefix can be set only under a cache prefix other than ROOT; remove it or give the rule its own prefix', 'key'),
    );
  }
  return out;
}

/** `repositoryDefaults` on its own: the pairing rules a repository's values must keep. */
function checkRepositoryDefaults(src: DocSource, registry: Record<string, unknown>): Diagnostic[] {
  const defaults = asObject(registry.repositoryDefaults);
  if (!defaults) return [];
  const at = ['registry', 'repositoryDefaults'];
  const label = 'registry.repositoryDefaults';
  const tagsAt = [...at, 'tags'];
  return [
    ...checkMutability(src, located(defaults, at, 'imageTagMutability'), located(defaults, at, 'imageTagMutabilityExclusionFilters'), at, label),
    ...checkEncryption(src, located(defaults, at, 'encryption')),
    ...checkTags(src, locateTags(defaults.tags, tagsAt), tagsAt, label, true),
  ];
}

/**
 * An assumed role's credentials reach the role's own account, so a roleArn in
 * another account than accountId could never plan; externalId only goes with a role.
 */
function checkRole(src: DocSource, registry: Record<string, unknown>): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (has(registry, 'externalId') && !has(registry, 'roleArn')) {
    out.push(diagnosticAt(src, ['registry', 'externalId'], 'externalId only goes with roleArn: add registry.roleArn or remove externalId', 'key'));
  }
  const roleAccount = typeof registry.roleArn === 'string' ? /^arn:[^:]+:iam::([0-9]{12}):/.exec(registry.roleArn)?.[1] : undefined;
  if (roleAccount && typeof registry.accountId === 'string' && roleAccount !== registry.accountId) {
    out.push(
      diagnosticAt(
        src,
        ['registry', 'roleArn'],
        `roleArn is a role in account ${roleAccount}, but registry.accountId is ${registry.accountId}: an assumed role reaches its own account's registry; use a role in ${registry.accountId}`,
      ),
    );
  }
  return out;
}

/** Registry-level rules the schema cannot express. */
export function validateRegistry(src: DocSource): Diagnostic[] {
  const registry = asObject(asObject(src.value)?.registry);
  if (!registry) return [];
  return [
    ...checkScanning(src, registry),
    ...checkTemplates(src, registry),
    ...checkReplicationToSelf(src, registry),
    ...checkRootCachePrefix(src, registry),
    ...checkRepositoryDefaults(src, registry),
    ...checkRole(src, registry),
  ];
}
