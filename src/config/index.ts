import { ConfigError, type Diagnostic } from '../errors.js';
import type { Desired } from '../model/desired.js';
import { buildDesired, type ValidFile } from './build-desired.js';
import type { PolicyFileCache } from './collect-documents.js';
import { resolveInputPaths } from './input-paths.js';
import { loadYamlFile, type YamlSource } from './load-yaml.js';
import { checkReplicationTotal, findMergeConflicts } from './merge.js';
import { sortDiagnostics } from './source.js';
import { validateFile } from './validate-file.js';

export { resolveInputPaths } from './input-paths.js';

/**
 * Reads, checks and merges the desired-state files (file or folder arguments as given
 * to -f) into one Desired. Throws ConfigError carrying every problem found in every
 * file, sorted by file, line and column; nothing is returned from invalid files.
 */
export async function loadDesired(paths: string[]): Promise<Desired> {
  const files = await resolveInputPaths(paths);
  const loaded = await Promise.all(files.map((file) => loadYamlFile(file)));
  const diagnostics: Diagnostic[] = loaded.flatMap((l) => l.diagnostics);
  const sources: YamlSource[] = [];
  const valid: ValidFile[] = [];
  const cache: PolicyFileCache = new Map();
  const checked = new Set<string>();
  for (const { source, sha256 } of loaded) {
    if (!source) continue;
    const result = await validateFile(source, cache, checked);
    diagnostics.push(...result.diagnostics);
    sources.push(source);
    valid.push({ src: source, sha256, documents: result.documents });
  }
  diagnostics.push(...findMergeConflicts(sources), ...checkReplicationTotal(sources));
  if (diagnostics.length > 0) throw new ConfigError(sortDiagnostics(diagnostics));
  return buildDesired(valid);
}
