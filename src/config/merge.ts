import type { Diagnostic } from '../errors.js';
import type { YamlSource } from './load-yaml.js';
import type { Path } from './path.js';
import { diagnosticAt, placeOf } from './source.js';
import { asArray, asObject, has } from './values.js';

/**
 * A value as declared, with where it is declared: under the repository or `defaults`
 * of its own file, or (with `src`) under `registry.repositoryDefaults` of another file.
 */
export interface Located {
  value: unknown;
  path: Path;
  src?: YamlSource;
}

/** `registry.repositoryDefaults` as declared once per registry, in whichever file declares it. */
export interface RegistryDefaults {
  src: YamlSource;
  value: Record<string, unknown>;
}

/**
 * One repository of one file with that file's defaults merged in; each field remembers
 * where it came from, so a problem is reported at the line that causes it.
 */
export interface RepoDecl {
  name: string;
  path: Path;
  imageTagMutability?: Located;
  imageTagMutabilityExclusionFilters?: Located;
  scanOnPush?: Located;
  encryption?: Located;
  /** The merged tags: each value with the path of its own declaration. */
  tags: Map<string, Located>;
  /** `policy` or `policyFile`: path is the declaring key, value the inline document or the file name. */
  policy?: Located;
  lifecyclePolicy?: Located;
  images?: Located;
  ignore?: Located;
}

export const MAX_REPLICATION_DESTINATIONS = 25;

const REGISTRY_DEFAULTS: Path = ['registry', 'repositoryDefaults'];

/** The layers of one repository's values, strongest first: its own body, its file's defaults, the registry's. */
interface Layer {
  obj: Record<string, unknown>;
  path: Path;
  src?: YamlSource;
}

function pick(layers: Layer[], key: string): Located | undefined {
  const layer = layers.find((l) => has(l.obj, key));
  return layer && { value: layer.obj[key], path: [...layer.path, key], ...(layer.src ? { src: layer.src } : {}) };
}

/** A policy and its file form are one setting: the strongest layer with either form wins whole. */
function pickPolicy(layers: Layer[], inline: string, file: string): Located | undefined {
  for (const layer of layers) {
    const key = has(layer.obj, inline) ? inline : has(layer.obj, file) ? file : undefined;
    if (key) return { value: layer.obj[key], path: [...layer.path, key], ...(layer.src ? { src: layer.src } : {}) };
  }
  return undefined;
}

/**
 * Applies a file's `defaults`, then `registry.repositoryDefaults` (from any file),
 * to one of its repositories. tags merge key by key (the stronger layer's value wins;
 * null removes a weaker layer's tag); lists, encryption and policies replace whole.
 * Exclusion filters come with the mutability they belong to: a layer that sets
 * MUTABLE or IMMUTABLE does not inherit the filters of a weaker layer, which would
 * make the repository invalid.
 */
export function effectiveRepository(root: Record<string, unknown>, name: string, registryDefaults?: RegistryDefaults): RepoDecl {
  const path = ['repositories', name];
  const own = asObject(asObject(root.repositories)?.[name]) ?? {};
  const layers: Layer[] = [
    { obj: own, path },
    { obj: asObject(root.defaults) ?? {}, path: ['defaults'] },
  ];
  if (registryDefaults) {
    const sameFile = registryDefaults.src.value === root;
    layers.push({ obj: registryDefaults.value, path: REGISTRY_DEFAULTS, ...(sameFile ? {} : { src: registryDefaults.src }) });
  }
  const decl: RepoDecl = { name, path, tags: new Map() };
  decl.imageTagMutability = pick(layers, 'imageTagMutability');
  const mutabilityLayer = layers.findIndex((l) => has(l.obj, 'imageTagMutability'));
  const filtersLayer = layers.findIndex((l) => has(l.obj, 'imageTagMutabilityExclusionFilters'));
  const takesNoFilters = mutabilityLayer >= 0 && !String(layers[mutabilityLayer].obj.imageTagMutability).endsWith('_WITH_EXCLUSION');
  decl.imageTagMutabilityExclusionFilters = takesNoFilters && filtersLayer > mutabilityLayer ? undefined : pick(layers, 'imageTagMutabilityExclusionFilters');
  decl.scanOnPush = pick(layers, 'scanOnPush');
  decl.encryption = pick(layers, 'encryption');
  for (const layer of [...layers].reverse()) {
    for (const [key, value] of Object.entries(asObject(layer.obj.tags) ?? {})) {
      decl.tags.set(key, { value, path: [...layer.path, 'tags', key], ...(layer.src ? { src: layer.src } : {}) });
    }
  }
  decl.policy = pickPolicy(layers, 'policy', 'policyFile');
  decl.lifecyclePolicy = pickPolicy(layers, 'lifecyclePolicy', 'lifecyclePolicyFile');
  if (has(own, 'images')) decl.images = { value: own.images, path: [...path, 'images'] };
  if (has(own, 'ignore')) decl.ignore = { value: own.ignore, path: [...path, 'ignore'] };
  return decl;
}

/** The registry's repositoryDefaults, from the first file that declares them (a second is a merge conflict). */
export function findRegistryDefaults(files: readonly YamlSource[]): RegistryDefaults | undefined {
  for (const src of files) {
    const value = asObject(asObject(asObject(src.value)?.registry)?.repositoryDefaults);
    if (value) return { src, value };
  }
  return undefined;
}

type Claim = { src: YamlSource; path: Path };

/**
 * What several files may not both declare (format.md "Several files"): the same
 * repository, registry setting, prefix or name; and version, region, accountId and
 * prune must agree. The diagnostic stands at the second declaration and names the first.
 */
export function findMergeConflicts(files: readonly YamlSource[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const claims = new Map<string, Claim>();
  const agreed = new Map<string, Claim & { value: unknown }>();
  const claim = (id: string, label: string, src: YamlSource, path: Path): void => {
    const first = claims.get(id);
    if (!first) claims.set(id, { src, path });
    else out.push(diagnosticAt(src, path, `${label} is also declared at ${placeOf(first.src, first.path)}`, 'key'));
  };
  const agree = (id: string, src: YamlSource, path: Path, value: unknown): void => {
    const first = agreed.get(id);
    if (!first) agreed.set(id, { src, path, value });
    else if (JSON.stringify(first.value) !== JSON.stringify(value)) {
      out.push(
        diagnosticAt(
          src,
          path,
          `${id} is ${JSON.stringify(value)} here but ${JSON.stringify(first.value)} at ${placeOf(first.src, first.path, 'value')}; every file must give the same value (or leave it out)`,
        ),
      );
    }
  };
  for (const src of files) {
    const root = asObject(src.value) ?? {};
    const registry = asObject(root.registry) ?? {};
    if (has(root, 'version')) agree('version', src, ['version'], root.version);
    if (has(root, 'prune')) agree('prune', src, ['prune'], root.prune);
    if (has(root, 'stack')) agree('stack', src, ['stack'], root.stack);
    if (has(registry, 'repositoryDefaults')) claim('registry.repositoryDefaults', 'registry.repositoryDefaults', src, ['registry', 'repositoryDefaults']);
    if (has(registry, 'region')) agree('registry.region', src, ['registry', 'region'], registry.region);
    if (has(registry, 'accountId')) agree('registry.accountId', src, ['registry', 'accountId'], registry.accountId);
    if (has(registry, 'roleArn')) agree('registry.roleArn', src, ['registry', 'roleArn'], registry.roleArn);
    if (has(registry, 'externalId')) agree('registry.externalId', src, ['registry', 'externalId'], registry.externalId);
    const policyKey = ['policy', 'policyFile'].find((key) => has(registry, key));
    if (policyKey) claim('registry.policy', 'registry.policy', src, ['registry', policyKey]);
    if (has(registry, 'scanning')) claim('registry.scanning', 'registry.scanning', src, ['registry', 'scanning']);
    if (has(registry, 'signing')) claim('registry.signing', 'registry.signing', src, ['registry', 'signing']);
    // Exclusions are a set joined across files; one principal listed in two files is a mistake
    // (twice in one file is the schema's uniqueItems error, so only its first entry claims).
    const principals = asArray(registry.pullTimeUpdateExclusions) ?? [];
    principals.forEach((arn, i) => {
      if (typeof arn !== 'string' || principals.indexOf(arn) !== i) return;
      claim(`pullTimeUpdateExclusions\0${arn}`, `pull-time update exclusion "${arn}"`, src, ['registry', 'pullTimeUpdateExclusions', i]);
    });
    const keyed: Array<[string, string]> = [
      ['pullThroughCache', 'pull-through cache rule'],
      ['creationTemplates', 'creation template'],
      ['accountSettings', 'account setting'],
    ];
    for (const [key, label] of keyed) {
      for (const name of Object.keys(asObject(registry[key]) ?? {})) {
        claim(`${key}\0${name}`, `${label} "${name}"`, src, ['registry', key, name]);
      }
    }
    for (const name of Object.keys(asObject(root.repositories) ?? {})) {
      claim(`repository\0${name}`, `repository "${name}"`, src, ['repositories', name]);
    }
  }
  return out;
}

/** Replication rules concatenate across files; ECR allows 25 destinations in all. */
export function checkReplicationTotal(files: readonly YamlSource[]): Diagnostic[] {
  let count = 0;
  for (const src of files) {
    const rules = asArray(asObject(asObject(asObject(src.value)?.registry)?.replication)?.rules) ?? [];
    for (const [r, rule] of rules.entries()) {
      for (const [d] of (asArray(asObject(rule)?.destinations) ?? []).entries()) {
        count += 1;
        if (count === MAX_REPLICATION_DESTINATIONS + 1) {
          return [
            diagnosticAt(
              src,
              ['registry', 'replication', 'rules', r, 'destinations', d],
              `this is replication destination ${count}; ECR allows at most ${MAX_REPLICATION_DESTINATIONS} in all, across every rule and file`,
            ),
          ];
        }
      }
    }
  }
  return [];
}
