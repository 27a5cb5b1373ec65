import type { Diagnostic } from '../errors.js';
import type { JsonObject } from '../model/json.js';
import path from 'node:path';
import { loadPolicyFile, resolvePolicyRef } from './load-policy-file.js';
import { isInside, projectExplained, projectOf, realPathOf } from './project-root.js';
import type { YamlSource } from './load-yaml.js';
import { toPointer, type Path } from './path.js';
import { diagnosticAt, type DocSource } from './source.js';
import { validateIamPolicy } from './validate-iam-policy.js';
import { validateLifecyclePolicy } from './validate-lifecycle-policy.js';
import { asObject, has, isObject } from './values.js';

type Kind = 'iam' | 'lifecycle';

/** A place where a policy may be declared: inline under `inlineKey`, or in a file under `fileKey`. */
interface Slot {
  container: Path;
  inlineKey: string;
  fileKey: string;
  kind: Kind;
  what: string;
}

/** Policy documents by the pointer of the key that declares them (`.../policy` or `.../policyFile`). */
export type DocumentMap = Map<string, JsonObject>;

/** Policy files already read, by file and kind, so a shared file is read and checked once. */
export type PolicyFileCache = Map<string, Promise<{ source?: DocSource; diagnostics: Diagnostic[]; missing?: boolean }>>;

function slotsOf(value: unknown): Slot[] {
  const root = asObject(value) ?? {};
  const slots: Slot[] = [{ container: ['registry'], inlineKey: 'policy', fileKey: 'policyFile', kind: 'iam', what: 'registry policy' }];
  const repoSlots = (container: Path): Slot[] => [
    { container, inlineKey: 'policy', fileKey: 'policyFile', kind: 'iam', what: 'repository policy' },
    { container, inlineKey: 'lifecyclePolicy', fileKey: 'lifecyclePolicyFile', kind: 'lifecycle', what: 'lifecycle policy' },
  ];
  slots.push(...repoSlots(['defaults']));
  slots.push(...repoSlots(['registry', 'repositoryDefaults']));
  for (const name of Object.keys(asObject(root.repositories) ?? {})) slots.push(...repoSlots(['repositories', name]));
  const templates = asObject(asObject(root.registry)?.creationTemplates) ?? {};
  for (const prefix of Object.keys(templates)) {
    const container = ['registry', 'creationTemplates', prefix];
    slots.push({ container, inlineKey: 'repositoryPolicy', fileKey: 'repositoryPolicyFile', kind: 'iam', what: 'template repository policy' });
    slots.push({ container, inlineKey: 'lifecyclePolicy', fileKey: 'lifecyclePolicyFile', kind: 'lifecycle', what: 'lifecycle policy' });
  }
  return slots;
}

function check(kind: Kind, src: DocSource, base: Path, doc: unknown, what: string): Diagnostic[] {
  return kind === 'iam' ? validateIamPolicy(src, base, doc, what) : validateLifecyclePolicy(src, base, doc);
}

async function readReferenced(
  src: YamlSource,
  slot: Slot,
  ref: string,
  cache: PolicyFileCache,
  checked: Set<string>,
): Promise<{ doc?: JsonObject; diagnostics: Diagnostic[] }> {
  const at = [...slot.container, slot.fileKey];
  const resolved = resolvePolicyRef(src.file, ref);
  if (!resolved.ok) return { diagnostics: [diagnosticAt(src, at, `${slot.fileKey}: ${resolved.message}`)] };
  const project = projectOf(src.file);
  const real = realPathOf(resolved.file);
  if (!isInside(real ?? path.resolve(resolved.file), project.root)) {
    const how = real && real !== path.resolve(resolved.file) ? ` (it leads to ${real} through a symbolic link)` : '';
    const { why, wayOut } = projectExplained(project);
    const message = `${slot.fileKey}: "${ref}" is outside the project${how}; policy files must be inside it. The project is ${why}${wayOut}`;
    return { diagnostics: [diagnosticAt(src, at, message)] };
  }
  const cacheKey = `${resolved.format}\0${resolved.file}`;
  if (!cache.has(cacheKey)) cache.set(cacheKey, loadPolicyFile(resolved.file, resolved.format));
  const loaded = await cache.get(cacheKey)!;
  if (loaded.missing) {
    return { diagnostics: [diagnosticAt(src, at, `${slot.fileKey}: "${ref}" does not exist (looked for ${resolved.file})`)] };
  }
  // Problems inside the file are reported once, in that file, however many keys name it.
  const checkKey = `${slot.kind}\0${cacheKey}`;
  const first = !checked.has(checkKey);
  checked.add(checkKey);
  if (!loaded.source) return { diagnostics: first ? loaded.diagnostics : [] };
  const diagnostics = first ? [...loaded.diagnostics, ...check(slot.kind, loaded.source, [], loaded.source.value, slot.what)] : [];
  return { doc: asObject(loaded.source.value) as JsonObject | undefined, diagnostics };
}

/**
 * The policy files a desired-state file names (resolved paths, as given to the
 * file system), so that a folder walk can tell them from desired-state files.
 */
export function referencedPolicyFiles(src: YamlSource): string[] {
  const root = asObject(src.value) ?? {};
  const out: string[] = [];
  for (const slot of slotsOf(root)) {
    let container: unknown = root;
    for (const seg of slot.container) container = asObject(container)?.[String(seg)];
    const ref = asObject(container)?.[slot.fileKey];
    if (typeof ref !== 'string' || ref.length === 0) continue;
    const resolved = resolvePolicyRef(src.file, ref);
    if (resolved.ok) out.push(resolved.file);
  }
  return out;
}

/**
 * Finds every policy a file declares, inline or by file, checks each one (IAM or
 * lifecycle rules) and returns the documents for building the desired state.
 */
export async function collectDocuments(
  src: YamlSource,
  cache: PolicyFileCache,
  checked: Set<string> = new Set(),
): Promise<{ documents: DocumentMap; diagnostics: Diagnostic[] }> {
  const documents: DocumentMap = new Map();
  const diagnostics: Diagnostic[] = [];
  const root = asObject(src.value) ?? {};
  for (const slot of slotsOf(root)) {
    let container: unknown = root;
    for (const seg of slot.container) container = asObject(container)?.[String(seg)];
    if (!isObject(container)) continue;
    if (has(container, slot.inlineKey) && has(container, slot.fileKey)) {
      diagnostics.push(
        diagnosticAt(src, [...slot.container, slot.fileKey], `${slot.inlineKey} and ${slot.fileKey} exclude each other; keep one`, 'key'),
      );
    }
    const inline = container[slot.inlineKey];
    // A non-mapping inline policy is already a schema error; checking it again would repeat it.
    if (isObject(inline)) {
      const at = [...slot.container, slot.inlineKey];
      diagnostics.push(...check(slot.kind, src, at, inline, slot.what));
      documents.set(toPointer(at), inline as JsonObject);
    }
    const ref = container[slot.fileKey];
    if (typeof ref === 'string' && ref.length > 0) {
      const read = await readReferenced(src, slot, ref, cache, checked);
      diagnostics.push(...read.diagnostics);
      if (read.doc) documents.set(toPointer([...slot.container, slot.fileKey]), read.doc);
    }
  }
  return { documents, diagnostics };
}
