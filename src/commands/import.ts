import { writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { schemaPath } from '../config/validate-schema.js';
import { fetchLive } from '../ecr/fetch-live.js';
import { importDocument, matchesPrefixes } from '../import/import-document.js';
import { connect, type ConnectionOptions } from './connect.js';
import type { Io } from './io.js';

export interface ImportCommandOptions extends ConnectionOptions {
  prefixes: string[];
  out?: string;
}

const NO_REGISTRY_SETTINGS = { policy: false, scanning: false, replication: false, pullThroughCache: false, creationTemplates: false, accountSettings: [] };

/** `ecrform import`: the live repositories as a desired-state file, on stdout or in --out. */
export async function runImport(options: ImportCommandOptions, io: Io): Promise<number> {
  const { port, region } = await connect(options, undefined, (l) => io.stderr(l + '\n'));
  const selected = (name: string) => matchesPrefixes(name, options.prefixes);
  const live = await fetchLive(port, { repositories: { has: selected }, registry: NO_REGISTRY_SETTINGS }, { region });
  const count = Object.keys(live.repositories).filter(selected).length;
  // The schema reference is relative to where the file is written, so editors find it.
  const schemaRef = relative(dirname(resolve(options.out ?? 'registry.yaml')), schemaPath());
  const text = importDocument(live, options.prefixes, schemaRef);
  if (options.out) {
    await writeFile(options.out, text);
    io.stderr(`Wrote ${count} repositor${count === 1 ? 'y' : 'ies'} to ${options.out}\n`);
  } else {
    io.stdout(text);
  }
  return 0;
}
