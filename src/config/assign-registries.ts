import path from 'node:path';
import type { Diagnostic } from '../errors.js';

/** What one desired-state file says about its registry: its own `registry.accountId` and `registry.region`. */
export interface FileIdentity {
  file: string;
  accountId?: string;
  region?: string;
  /** Where the file names its registry (the `registry` key), else 1:1: where a diagnostic about it stands. */
  line: number;
  col: number;
}

/**
 * One registry of a run and the files that describe it, in the order given.
 * accountId and region are what the files name; either may be unknown offline
 * (one registry only: the region then comes from --region or the SDK's chain,
 * the account from the credentials).
 */
export interface RegistryFiles {
  id: string;
  accountId?: string;
  region?: string;
  files: string[];
}

/** "ACCOUNT/REGION"; a part the files leave to the credentials or the SDK's chain is `?`. */
export function registryId(accountId: string | undefined, region: string | undefined): string {
  return `${accountId ?? '?'}/${region ?? '?'}`;
}

const distinct = (values: Array<string | undefined>) => [...new Set(values.filter((v): v is string => v !== undefined))];

/** A registry a file could belong to: every part the file names agrees. */
const fits = (file: FileIdentity, r: { accountId: string; region: string }) =>
  (file.accountId === undefined || file.accountId === r.accountId) && (file.region === undefined || file.region === r.region);

/**
 * format.md "Several registries": which registry each file belongs to.
 *
 * When the files name at most one account and one region, they are one
 * registry, exactly as with a single registry before (a file naming one part
 * and another naming the other still merge). Otherwise every file that names
 * both parts belongs to that registry; a file that names one or neither
 * belongs to the registry of the files in its own folder, else of the nearest
 * folder above that has one, among the registries its named part fits. A file
 * that could belong to two registries, or to none, is a Diagnostic naming it.
 * Pure: the files' identities in, the registries out, in order of first file.
 */
export function assignRegistries(files: readonly FileIdentity[]): { registries: RegistryFiles[]; diagnostics: Diagnostic[] } {
  const accounts = distinct(files.map((f) => f.accountId));
  const regions = distinct(files.map((f) => f.region));
  if (accounts.length <= 1 && regions.length <= 1) {
    if (files.length === 0) return { registries: [], diagnostics: [] };
    const [accountId, region] = [accounts[0], regions[0]];
    return { registries: [{ id: registryId(accountId, region), accountId, region, files: files.map((f) => f.file) }], diagnostics: [] };
  }

  const byId = new Map<string, RegistryFiles & { accountId: string; region: string }>();
  /** Folder -> ids of the registries its files name in full. */
  const folders = new Map<string, Set<string>>();
  for (const f of files) {
    if (f.accountId === undefined || f.region === undefined) continue;
    const id = registryId(f.accountId, f.region);
    if (!byId.has(id)) byId.set(id, { id, accountId: f.accountId, region: f.region, files: [] });
    const folder = path.dirname(path.resolve(f.file));
    if (!folders.has(folder)) folders.set(folder, new Set());
    folders.get(folder)!.add(id);
  }

  const diagnostics: Diagnostic[] = [];
  const problem = (f: FileIdentity, message: string) => diagnostics.push({ file: f.file, line: f.line, col: f.col, path: '/registry', message });
  const owner = new Map<string, string>();
  for (const f of files) {
    if (f.accountId !== undefined && f.region !== undefined) {
      owner.set(f.file, registryId(f.accountId, f.region));
      continue;
    }
    let candidates: string[] = [];
    let folder = path.dirname(path.resolve(f.file));
    for (;;) {
      candidates = [...(folders.get(folder) ?? [])].filter((id) => fits(f, byId.get(id)!));
      const parent = path.dirname(folder);
      if (candidates.length > 0 || parent === folder) break;
      folder = parent;
    }
    const names = f.accountId ? `registry.accountId ${f.accountId}` : f.region ? `registry.region ${f.region}` : 'no registry';
    if (candidates.length === 1) owner.set(f.file, candidates[0]);
    else if (candidates.length === 0) {
      problem(
        f,
        `this file names ${names} and belongs to none of the registries in play (${[...byId.keys()].join(', ')}): give it registry.accountId and registry.region, or move it into the folder of its registry's files`,
      );
    } else {
      problem(
        f,
        `this file names ${names} and could belong to ${candidates.length} registries (${candidates.join(', ')}, from the files in ${path.relative(process.cwd(), folder) || '.'}): give it registry.accountId and registry.region, or keep one registry per folder`,
      );
    }
  }
  for (const f of files) {
    const id = owner.get(f.file);
    if (id) byId.get(id)!.files.push(f.file);
  }
  const order = [...new Set(files.map((f) => owner.get(f.file)).filter((id): id is string => id !== undefined))];
  return { registries: order.map((id) => byId.get(id)!), diagnostics };
}
