import { assignFiles } from '../run/load-registries.js';
import { selectRegistries, type Selection } from '../run/select-registries.js';
import type { Io } from './io.js';

export interface RegistriesCommandOptions extends Selection {
  files: string[];
  format: 'text' | 'json';
}

/**
 * `ecrform registries`: the registries the files name, with their files,
 * offline. `--format json` feeds a CI matrix:
 * `[{"id": "ACCOUNT/REGION", "accountId", "region", "files": [...]}]`; a part
 * the files leave to the credentials or the SDK's chain is null (and `?` in the id).
 */
export async function runRegistries(options: RegistriesCommandOptions, io: Io): Promise<number> {
  const registries = selectRegistries(await assignFiles(options.files), options);
  if (options.format === 'json') {
    const doc = registries.map((r) => ({ id: r.id, accountId: r.accountId ?? null, region: r.region ?? null, files: r.files }));
    io.stdout(JSON.stringify(doc, null, 2) + '\n');
    return 0;
  }
  const lines = registries.flatMap((r) => [r.id, ...r.files.map((f) => `  ${f}`)]);
  if (!registries.length) lines.push('No registry in this selection.');
  io.stdout(lines.join('\n') + '\n');
  return 0;
}
