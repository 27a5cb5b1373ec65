import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { EcrformError } from '../errors.js';
import { schemaPath } from '../config/validate-schema.js';
import { fetchLive } from '../ecr/fetch-live.js';
import { importDocument, matchesPrefixes } from '../import/import-document.js';
import { IMPORTED_REGISTRY_SETTINGS } from '../import/import-registry.js';
import { registryConnector } from '../run/connect-registry.js';
import { checkOutCanBeWritten, writeOut } from './check-out.js';
import { connect, type ConnectionOptions } from './connect.js';
import type { Io } from './io.js';

export interface ImportCommandOptions extends ConnectionOptions {
  prefixes: string[];
  out?: string;
  /** Also read and write the registry-wide settings. */
  registrySettings?: boolean;
  /** Overwrite an existing --out file. */
  force?: boolean;
  /** --registry ACCOUNT/REGION: one registry of an organization, checked against the credentials. */
  registry?: string;
  /** --role ARN: reach it by assuming this role (written into the file as registry.roleArn). */
  role?: string;
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

/** `--registry ACCOUNT/REGION`, and a --role that can reach it. */
function parseRegistry(options: ImportCommandOptions): { accountId?: string; region?: string } {
  if (!options.registry) return {};
  const m = /^([0-9]{12})\/([a-z]{2,}(?:-[a-z]+)+-[0-9]+)$/.exec(options.registry);
  if (!m) throw new EcrformError('INVALID_ARGUMENT', `--registry ${options.registry}: write ACCOUNT/REGION, e.g. 111111111111/us-east-1`);
  if (options.region && options.region !== m[2]) {
    throw new EcrformError('REGION_MISMATCH', `--region ${options.region} differs from --registry ${options.registry}; give one`);
  }
  const roleAccount = options.role ? /^arn:[^:]+:iam::([0-9]{12}):role\//.exec(options.role)?.[1] : undefined;
  if (options.role && roleAccount !== m[1]) {
    throw new EcrformError('INVALID_ARGUMENT', `--role ${options.role} is not a role in account ${m[1]}: an assumed role reaches its own account's registry`);
  }
  return { accountId: m[1], region: m[2] };
}

/**
 * `ecrform import`: the live repositories as a desired-state file, on stdout
 * or in --out. With --registry ACCOUNT/REGION (and --role ARN), one
 * registry of an organization: the file names its account, region and role,
 * so it drops into that registry's folder of the tree.
 */
export async function runImport(options: ImportCommandOptions, io: Io): Promise<number> {
  // Before any AWS call: a directory or a missing folder is refused whatever --force says.
  checkOutCanBeWritten(options.out, 'registry.yaml');
  if (options.out && !options.force && existsSync(options.out)) {
    throw new EcrformError('INVALID_ARGUMENT', `--out ${options.out} exists; import does not overwrite a file without --force (it may be your own desired-state file)`);
  }
  const wanted = parseRegistry(options);
  if (options.role && !options.registry) throw new EcrformError('INVALID_ARGUMENT', '--role goes with --registry ACCOUNT/REGION');
  const debugLine = (l: string) => io.stderr(l + '\n');
  const { port, region } = options.registry
    ? await registryConnector(options, { debugLine }, false)({ id: options.registry, region: wanted.region, roleArn: options.role })
    : await connect(options, undefined, debugLine);
  const selected = (name: string) => matchesPrefixes(name, options.prefixes);
  const registry = options.registrySettings ? IMPORTED_REGISTRY_SETTINGS : NO_REGISTRY_SETTINGS;
  const live = await fetchLive(port, { repositories: { has: selected }, registry }, { region });
  if (wanted.accountId && live.registryId !== wanted.accountId) {
    throw new EcrformError('ACCOUNT_MISMATCH', `--registry ${options.registry}: the credentials reach account ${live.registryId}; pass --role with a role in ${wanted.accountId}`);
  }
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
  const text = importDocument(live, options.prefixes, schemaReference(options.out ?? 'registry.yaml'), { registrySettings: options.registrySettings, roleArn: options.role });
  const count = names.length;
  if (options.out) {
    await writeOut(options.out, text, 'desired-state file');
    io.stderr(`Wrote ${count} repositor${count === 1 ? 'y' : 'ies'} to ${options.out}\n`);
  } else {
    io.stdout(text);
  }
  return 0;
}
