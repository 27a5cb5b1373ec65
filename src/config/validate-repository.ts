import type { Diagnostic } from '../errors.js';
import type { Located, RepoDecl } from './merge.js';
import { describePath, type Path } from './path.js';
import { diagnosticAt, placeOf, type DocSource } from './source.js';
import { checkTags } from './validate-tags.js';
import { asArray, asObject, has } from './values.js';

const WITH_EXCLUSION = ['MUTABLE_WITH_EXCLUSION', 'IMMUTABLE_WITH_EXCLUSION'];
const MUTABILITIES = ['MUTABLE', 'IMMUTABLE', ...WITH_EXCLUSION];

/**
 * Keys of a repository body that each `ignore` entry stands for. A Map, not an object
 * literal: an entry such as "constructor" (a schema error) must find nothing, not a function.
 */
const IGNORED_KEYS = new Map<unknown, string[]>([
  ['policy', ['policy', 'policyFile']],
  ['lifecyclePolicy', ['lifecyclePolicy', 'lifecyclePolicyFile']],
  ['tags', ['tags']],
  ['imageTagMutability', ['imageTagMutability']],
  ['scanOnPush', ['scanOnPush']],
]);

function isDefault(path: Path): boolean {
  return path[0] === 'defaults';
}

/**
 * Exclusion filters go with the *_WITH_EXCLUSION mutabilities and those need them.
 * `owner` is where to report a problem that comes from combining two places.
 */
export function checkMutability(src: DocSource, mutability: Located | undefined, filters: Located | undefined, owner: Path, label: string): Diagnostic[] {
  const value = typeof mutability?.value === 'string' ? mutability.value : 'MUTABLE';
  // An unknown mutability is a schema error already; pairing rules on it would only add noise.
  if (!MUTABILITIES.includes(value)) return [];
  const exclusion = WITH_EXCLUSION.includes(value);
  if (filters && !exclusion) {
    const from = mutability ? `imageTagMutability is ${value} (${placeOf(src, mutability.path, 'value')})` : 'imageTagMutability is MUTABLE when left out';
    return [
      diagnosticAt(src, filters.path, `imageTagMutabilityExclusionFilters only go with MUTABLE_WITH_EXCLUSION or IMMUTABLE_WITH_EXCLUSION; ${from}`, 'key'),
    ];
  }
  if (exclusion && !filters && mutability) {
    const inherited = isDefault(mutability.path) && !isDefault(owner);
    const at = inherited ? owner : mutability.path;
    const subject = inherited ? `${label} inherits imageTagMutability ${value} from defaults (${placeOf(src, mutability.path, 'value')}) and` : `imageTagMutability ${value}`;
    return [diagnosticAt(src, at, `${subject} needs imageTagMutabilityExclusionFilters (1 to 5 tag filters)`, inherited ? 'key' : 'value')];
  }
  return [];
}

/** kmsKey names a KMS key, so it only goes with the KMS encryption types. */
export function checkEncryption(src: DocSource, encryption: Located | undefined): Diagnostic[] {
  const value = asObject(encryption?.value);
  if (!encryption || !value || !has(value, 'kmsKey')) return [];
  // A missing or unknown type is a schema error already.
  if (value.type !== 'AES256') return [];
  return [diagnosticAt(src, [...encryption.path, 'kmsKey'], 'kmsKey goes only with type KMS or KMS_DSSE (type is AES256)', 'key')];
}

function checkPins(src: DocSource, images: Located | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [tag, pin] of Object.entries(asObject(images?.value) ?? {})) {
    if (asObject(pin)?.tag === tag) {
      out.push(diagnosticAt(src, [...images!.path, tag, 'tag'], `tag "${tag}" cannot be pinned to itself; give a digest or another tag`));
    }
  }
  return out;
}

/** A field both declared in the repository's own body and ignored says two opposite things. */
function checkIgnore(src: DocSource, decl: RepoDecl): Diagnostic[] {
  const out: Diagnostic[] = [];
  const own = asObject(asObject(asObject(src.value)?.repositories)?.[decl.name]) ?? {};
  (asArray(decl.ignore?.value) ?? []).forEach((field, i) => {
    const declared = (IGNORED_KEYS.get(field) ?? []).find((key) => has(own, key));
    if (declared) {
      out.push(
        diagnosticAt(
          src,
          [...decl.ignore!.path, i],
          `"${String(field)}" is in ignore, so ecrform leaves it as it is live, but ${describePath([...decl.path, declared])} also declares it; remove one`,
        ),
      );
    }
  });
  return out;
}

/** The rules on a repository that depend on its effective values (its own merged with the file's defaults). */
export function validateRepository(src: DocSource, decl: RepoDecl): Diagnostic[] {
  const label = `repository "${decl.name}"`;
  const ownTags = [...decl.tags.values()].some((t) => !isDefault(t.path));
  const tagsAt = ownTags ? [...decl.path, 'tags'] : ['defaults', 'tags'];
  return [
    ...checkMutability(src, decl.imageTagMutability, decl.imageTagMutabilityExclusionFilters, decl.path, label),
    ...checkEncryption(src, decl.encryption),
    ...checkTags(src, decl.tags, tagsAt, ownTags ? label : 'defaults.tags', true),
    ...checkPins(src, decl.images),
    ...checkIgnore(src, decl),
  ];
}
