import { loadDesired, resolveInputPaths } from '../config/index.js';
import { assignRegistries, type FileIdentity, type RegistryFiles } from '../config/assign-registries.js';
import { referencedPolicyFiles } from '../config/collect-documents.js';
import { loadYamlFile, type LoadedFile } from '../config/load-yaml.js';
import path from 'node:path';
import { sortDiagnostics } from '../config/source.js';
import { asObject } from '../config/values.js';
import { ConfigError, type Diagnostic } from '../errors.js';
import type { Desired } from '../model/desired.js';

/** One registry of a run as the files describe it, checked and merged. */
export interface RegistryInput extends RegistryFiles {
  desired: Desired;
}

/** The registry a file names itself; a file that does not parse names none (its own errors come later). */
async function identityOf(file: string, read: (file: string) => Promise<LoadedFile>): Promise<FileIdentity> {
  const { source } = await read(file);
  const registry = asObject(asObject(source?.value)?.registry);
  // A position costs the slow, position-keeping parse of the whole file: work it
  // out only when an assignment problem is reported, never on the way to a plan.
  let at: { line: number; col: number } | undefined;
  const where = () => (at ??= registry && source ? source.locate(['registry'], 'key') : { line: 1, col: 1 });
  return {
    file,
    accountId: typeof registry?.accountId === 'string' ? registry.accountId : undefined,
    region: typeof registry?.region === 'string' ? registry.region : undefined,
    get line() {
      return where().line;
    },
    get col() {
      return where().col;
    },
  };
}

/** The files of -f, each assigned to its registry (no file is read beyond what that needs). */
export async function assignFiles(paths: string[], read: (file: string) => Promise<LoadedFile> = loadYamlFile): Promise<RegistryFiles[]> {
  const files = await resolveInputPaths(paths);
  const loaded = await Promise.all(files.map(read));
  // A YAML file that a file of the tree names as a policy file is a policy document, not a desired-state
  // file: it belongs to no registry (a shared policies/ folder beside the registry folders, format.md).
  const policyFiles = new Set(loaded.flatMap((l) => (l.source ? referencedPolicyFiles(l.source).map((f) => path.resolve(f)) : [])));
  const desiredFiles = files.filter((file) => !policyFiles.has(path.resolve(file)));
  const { registries, diagnostics } = assignRegistries(await Promise.all(desiredFiles.map((file) => identityOf(file, read))));
  if (diagnostics.length) throw new ConfigError(sortDiagnostics(diagnostics));
  return registries;
}

/**
 * Reads, checks and merges the files of every registry: the merge rules apply
 * within each registry, and registries never merge. Every problem of every
 * registry is reported together, before any AWS call.
 */
export async function loadRegistries(paths: string[]): Promise<RegistryInput[]> {
  // Each file is read and parsed once in a run: assigning it to its registry and
  // loading it share the one read (parsing is most of a large file's validate).
  const reads = new Map<string, Promise<LoadedFile>>();
  const readOnce = (file: string) => {
    const key = path.resolve(file);
    let read = reads.get(key);
    if (!read) reads.set(key, (read = loadYamlFile(file)));
    return read;
  };
  const groups = await assignFiles(paths, readOnce);
  const diagnostics: Diagnostic[] = [];
  const loaded = await Promise.all(
    groups.map(async (group) => {
      try {
        return { ...group, desired: await loadDesired(group.files, readOnce) };
      } catch (err) {
        if (!(err instanceof ConfigError)) throw err;
        diagnostics.push(...err.diagnostics);
        return undefined;
      }
    }),
  );
  if (diagnostics.length) throw new ConfigError(sortDiagnostics(diagnostics));
  return loaded.filter((r): r is RegistryInput => r !== undefined);
}
