import { copyJson, type JsonObject } from '../model/json.js';
import type {
  CreationTemplate,
  Desired,
  DesiredRegistry,
  DesiredRepository,
  Encryption,
  IgnorableField,
  ImagePin,
  PullThroughCacheRule,
  ReplicationRule,
  ScanningConfiguration,
  SigningConfiguration,
  SourceRef,
  TagMutability,
} from '../model/desired.js';
import { OWNERSHIP_TAG_KEY } from '../model/ownership.js';
import type { DocumentMap } from './collect-documents.js';
import type { YamlSource } from './load-yaml.js';
import { effectiveRepository, findRegistryDefaults, type Located, type RegistryDefaults } from './merge.js';
import { toPointer, type Path } from './path.js';
import { asObject, has } from './values.js';

/** A file that passed every check, with the policy documents it declares. */
export interface ValidFile {
  src: YamlSource;
  sha256: string;
  documents: DocumentMap;
}

type Obj = Record<string, unknown>;

/**
 * Where a declaration stands, worked out when first read: only an error at plan
 * time reads it, and finding it parses the file a second time (load-yaml.ts).
 */
function sourceRef(src: YamlSource, path: Path): SourceRef {
  let position: { line: number; col: number } | undefined;
  const at = () => (position ??= src.locate(path, 'key'));
  return Object.defineProperties({ file: src.file } as SourceRef, {
    line: { get: () => at().line, enumerable: true },
    col: { get: () => at().col, enumerable: true },
  });
}

/**
 * The document a `policy` or `policyFile` key stands for; copied, so no two owners
 * share one object. A value from `registry.repositoryDefaults` of another file is
 * looked up among that file's documents.
 */
function documentAt(file: ValidFile, located: Located | undefined, files: readonly ValidFile[] = []): JsonObject | null {
  if (!located) return null;
  const owner = located.src ? files.find((f) => f.src === located.src) ?? file : file;
  const doc = owner.documents.get(toPointer(located.path));
  return doc ? copyJson(doc) : null;
}

/** The file name a `policyFile` / `lifecyclePolicyFile` key gives, as written; undefined for an inline document. */
function fileNameAt(located: Located | undefined): string | undefined {
  return located && String(located.path.at(-1)).endsWith('File') && typeof located.value === 'string' ? located.value : undefined;
}

function encryptionOf(value: unknown): Encryption {
  const obj = asObject(value);
  if (!obj) return { type: 'AES256' };
  const out: Encryption = { type: obj.type as Encryption['type'] };
  if (typeof obj.kmsKey === 'string') out.kmsKey = obj.kmsKey;
  return out;
}

function stringMap(value: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries(asObject(value) ?? {}).map(([k, v]) => [k, String(v)]));
}

function sortedStrings(value: unknown): string[] {
  return Array.isArray(value) ? (value as string[]).slice().sort() : [];
}

function buildRepository(file: ValidFile, name: string, files: readonly ValidFile[], registryDefaults: RegistryDefaults | undefined, stack: string | undefined): DesiredRepository {
  const decl = effectiveRepository(asObject(file.src.value) ?? {}, name, registryDefaults);
  const tags: Record<string, string> = {};
  // A null value removes a tag a weaker layer (defaults) gives.
  for (const [key, { value }] of decl.tags) if (key !== OWNERSHIP_TAG_KEY && value !== null) tags[key] = String(value);
  const images: Record<string, ImagePin> = {};
  const imageSources: Record<string, SourceRef> = {};
  for (const [tag, pin] of Object.entries(asObject(decl.images?.value) ?? {})) {
    images[tag] = typeof pin === 'string' ? { digest: pin } : { tag: String((pin as Obj).tag) };
    imageSources[tag] = sourceRef(file.src, [...decl.images!.path, tag]);
  }
  const repo: DesiredRepository = {
    name,
    imageTagMutability: (decl.imageTagMutability?.value as TagMutability | undefined) ?? 'MUTABLE',
    imageTagMutabilityExclusionFilters: sortedStrings(decl.imageTagMutabilityExclusionFilters?.value),
    scanOnPush: decl.scanOnPush?.value === true,
    encryption: encryptionOf(decl.encryption?.value),
    tags,
    policy: documentAt(file, decl.policy, files),
    lifecyclePolicy: documentAt(file, decl.lifecyclePolicy, files),
    images,
    ignore: Array.isArray(decl.ignore?.value) ? ([...decl.ignore.value] as IgnorableField[]) : [],
    source: sourceRef(file.src, decl.path),
    ...(Object.keys(imageSources).length ? { imageSources } : {}),
    ...(stack ? { stack } : {}),
  };
  const policyFile = fileNameAt(decl.policy);
  const lifecyclePolicyFile = fileNameAt(decl.lifecyclePolicy);
  if (policyFile) repo.policyFile = policyFile;
  if (lifecyclePolicyFile) repo.lifecyclePolicyFile = lifecyclePolicyFile;
  return repo;
}

function slot(file: ValidFile, container: Obj, at: Path, inline: string, fileKey: string): JsonObject | null {
  const key = has(container, inline) ? inline : has(container, fileKey) ? fileKey : undefined;
  return key ? documentAt(file, { value: container[key], path: [...at, key] }) : null;
}

function buildTemplate(file: ValidFile, prefix: string, t: Obj): CreationTemplate {
  const at = ['registry', 'creationTemplates', prefix];
  const template: CreationTemplate = {
    appliedFor: [...(t.appliedFor as CreationTemplate['appliedFor'])],
    imageTagMutability: (t.imageTagMutability as TagMutability | undefined) ?? 'MUTABLE',
    imageTagMutabilityExclusionFilters: sortedStrings(t.imageTagMutabilityExclusionFilters),
    encryption: encryptionOf(t.encryption),
    resourceTags: stringMap(t.resourceTags),
    repositoryPolicy: slot(file, t, at, 'repositoryPolicy', 'repositoryPolicyFile'),
    lifecyclePolicy: slot(file, t, at, 'lifecyclePolicy', 'lifecyclePolicyFile'),
    source: sourceRef(file.src, at),
  };
  if (typeof t.description === 'string') template.description = t.description;
  if (typeof t.customRoleArn === 'string') template.customRoleArn = t.customRoleArn;
  return template;
}

function buildPullThroughCache(file: ValidFile, prefix: string, r: Obj): PullThroughCacheRule {
  const rule: PullThroughCacheRule = {
    upstreamRegistryUrl: String(r.upstreamRegistryUrl),
    source: sourceRef(file.src, ['registry', 'pullThroughCache', prefix]),
  };
  for (const key of ['upstreamRegistry', 'upstreamRepositoryPrefix', 'credentialArn', 'customRoleArn'] as const) {
    if (typeof r[key] === 'string') rule[key] = r[key] as string;
  }
  return rule;
}

function buildScanning(s: Obj): ScanningConfiguration {
  const rules = Array.isArray(s.rules) ? (s.rules as Obj[]) : [];
  return {
    scanType: s.scanType as ScanningConfiguration['scanType'],
    rules: rules.map((r) => ({
      scanFrequency: r.scanFrequency as ScanningConfiguration['rules'][number]['scanFrequency'],
      repositoryFilters: [...(r.repositoryFilters as string[])],
    })),
  };
}

function buildReplicationRule(r: Obj, source: SourceRef): ReplicationRule {
  return {
    source,
    destinations: (r.destinations as Obj[]).map((d) =>
      typeof d.registryId === 'string' ? { region: String(d.region), registryId: d.registryId } : { region: String(d.region) },
    ),
    repositoryFilters: Array.isArray(r.repositoryFilters) ? [...(r.repositoryFilters as string[])] : [],
  };
}

function buildSigning(s: Obj): SigningConfiguration {
  const rules = Array.isArray(s.rules) ? (s.rules as Obj[]) : [];
  return {
    rules: rules.map((r) => ({
      signingProfileArn: String(r.signingProfileArn),
      repositoryFilters: Array.isArray(r.repositoryFilters) ? [...(r.repositoryFilters as string[])] : [],
    })),
  };
}

/** Adds one file's registry keys; conflicts were refused before, so the first declaration is the only one. */
function mergeRegistry(registry: DesiredRegistry, file: ValidFile, r: Obj): void {
  if (typeof r.region === 'string') registry.region ??= r.region;
  if (typeof r.accountId === 'string') registry.accountId ??= r.accountId;
  if (typeof r.roleArn === 'string') registry.roleArn ??= r.roleArn;
  if (typeof r.externalId === 'string') registry.externalId ??= r.externalId;
  const policy = slot(file, r, ['registry'], 'policy', 'policyFile');
  if (policy) registry.policy = policy;
  if (policy && typeof r.policyFile === 'string' && !('policy' in r)) registry.policyFile = r.policyFile;
  else if (r.policy === null) registry.policy = null; // declared as "no registry policy"
  if (asObject(r.scanning)) registry.scanning = buildScanning(r.scanning as Obj);
  const replication = asObject(r.replication);
  if (replication) {
    registry.replication ??= { rules: [] };
    const rules = (replication.rules as Obj[]) ?? [];
    registry.replication.rules.push(...rules.map((rule, i) => buildReplicationRule(rule, sourceRef(file.src, ['registry', 'replication', 'rules', i]))));
  }
  const ptc = asObject(r.pullThroughCache);
  if (ptc) {
    registry.pullThroughCache ??= {};
    for (const [prefix, rule] of Object.entries(ptc)) registry.pullThroughCache[prefix] = buildPullThroughCache(file, prefix, rule as Obj);
  }
  const templates = asObject(r.creationTemplates);
  if (templates) {
    registry.creationTemplates ??= {};
    for (const [prefix, t] of Object.entries(templates)) registry.creationTemplates[prefix] = buildTemplate(file, prefix, t as Obj);
  }
  const settings = asObject(r.accountSettings);
  if (settings) registry.accountSettings = { ...(registry.accountSettings ?? {}), ...stringMap(settings) };
  if (r.signing === null) registry.signing = null; // declared as "no signing configuration"
  else if (asObject(r.signing)) registry.signing = buildSigning(r.signing as Obj);
  if (Array.isArray(r.pullTimeUpdateExclusions)) {
    registry.pullTimeUpdateExclusions = [...(registry.pullTimeUpdateExclusions ?? []), ...(r.pullTimeUpdateExclusions as string[])];
  }
}

/**
 * The merged desired state of valid files, in file order: effective values for every
 * repository (ECR's defaults for what is left out), registry keys only where declared.
 */
export function buildDesired(files: readonly ValidFile[]): Desired {
  const desired: Desired = { registry: {}, prune: false, repositories: {}, sources: [] };
  let pruneDeclared = false;
  const registryDefaults = findRegistryDefaults(files.map((f) => f.src));
  // Every file names the same stack or none (a merge conflict otherwise).
  const stack = files.map((f) => asObject(f.src.value)?.stack).find((s): s is string => typeof s === 'string');
  if (stack) desired.stack = stack;
  for (const file of files) {
    const root = asObject(file.src.value) ?? {};
    desired.sources.push({ path: file.src.file, sha256: file.sha256 });
    if (typeof root.prune === 'boolean' && !pruneDeclared) {
      desired.prune = root.prune;
      pruneDeclared = true;
    }
    const registry = asObject(root.registry);
    if (registry) mergeRegistry(desired.registry, file, registry);
    for (const name of Object.keys(asObject(root.repositories) ?? {})) {
      desired.repositories[name] = buildRepository(file, name, files, registryDefaults, stack);
    }
  }
  return desired;
}
