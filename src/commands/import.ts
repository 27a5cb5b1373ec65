import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { EcrformError } from '../errors.js';
import { schemaPath } from '../config/validate-schema.js';
import { fetchLive } from '../ecr/fetch-live.js';
import { importDocument, matchesPrefixes } from '../import/import-document.js';
import { IMPORTED_REGISTRY_SETTINGS } from '../import/import-registry.js';
import { connect, type ConnectionOptions } from './connect.js';
import type { Io } from './io.js';

export interface ImportCommandOptions extends ConnectionOptions {
  prefixes: string[];
  out?: string;
  /** Also read and write the registry-wide settings. */
  registrySettings?: boolean;
  /** Overwrite an existing --out file. */
  force?: boolean;
}

const NO_REGISTRY_SETTINGS = { policy: false, scanning: false, replication: false, pullThroughCache: false, creationTemplates: false, accountSettings: [] };

/** The folder of the project the file is written into: the nearest one holding .git or package.json. */
function projectRoot(dir: string): string | null {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, '.git')) || existsSync(join(at, 'package.json'))) return at;
    if (dirname(at) === at) return null;
  }
}

/**
 * The schema reference for the file's first line, relative to where it is
 * written, only when the schema lies inside the same project (ecrform
 * installed in its node_modules, say): a path into a global install or
 * another checkout would be true on this machine only. Otherwise none.
 */
export function schemaReference(outFile: string, schema: string = schemaPath()): string | undefined {
  const dir = dirname(resolve(outFile));
  const root = projectRoot(dir);
  if (!root || !resolve(schema).startsWith(root + sep)) return undefined;
  return relative(dir, schema).split(sep).join('/');
}

/** `ecrform import`: the live repositories as a desired-state file, on stdout or in --out. */
export async function runImport(options: ImportCommandOptions, io: Io): Promise<number> {
  if (options.out && !options.force && existsSync(options.out)) {
    throw new EcrformError('INVALID_ARGUMENT', `--out ${options.out} exists; import does not overwrite a file without --force (it may be your own desired-state file)`);
  }
  const { port, region } = await connect(options, undefined, (l) => io.stderr(l + '\n'));
  const selected = (name: string) => matchesPrefixes(name, options.prefixes);
  const registry = options.registrySettings ? IMPORTED_REGISTRY_SETTINGS : NO_REGISTRY_SETTINGS;
  const live = await fetchLive(port, { repositories: { has: selected }, registry }, { region });
  const names = Object.keys(live.repositories).filter(selected);
  // A --prefix that matches nothing is a typo far more often than an intent: say so rather than write less.
  const unmatched = options.prefixes.filter((p) => !names.some((n) => n.startsWith(p)));
  if (unmatched.length) {
    const list = unmatched.map((p) => JSON.stringify(p)).join(', ');
    throw new EcrformError(
      'INVALID_ARGUMENT',
      `--prefix ${list} matches no repository in registry ${live.registryId} (${region}); nothing was written. Check the prefix (names are case-sensitive).`,
    );
  }
  const text = importDocument(live, options.prefixes, schemaReference(options.out ?? 'registry.yaml'), { registrySettings: options.registrySettings });
  const count = names.length;
  if (options.out) {
    await writeFile(options.out, text);
    io.stderr(`Wrote ${count} repositor${count === 1 ? 'y' : 'ies'} to ${options.out}\n`);
  } else {
    io.stdout(text);
  }
  return 0;
}
