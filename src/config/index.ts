import { ConfigError, type Diagnostic } from '../errors.js';
import type { Desired } from '../model/desired.js';
import { buildDesired, type ValidFile } from './build-desired.js';
import path from 'node:path';
import { referencedPolicyFiles, type PolicyFileCache } from './collect-documents.js';
import { resolveInputPaths } from './input-paths.js';
import { loadYamlFile, type LoadedFile, type YamlSource } from './load-yaml.js';
import { checkReplicationTotal, findMergeConflicts } from './merge.js';
import { sortDiagnostics } from './source.js';
import { validateFile } from './validate-file.js';
import { asObject, has } from './values.js';

export { resolveInputPaths } from './input-paths.js';

/** Top-level keys only a desired-state file has. */
const DESIRED_STATE_KEYS = ['version', 'stack', 'registry', 'defaults', 'prune', 'repositoryPrefixes', 'repositories'];

/**
 * A YAML file that is plainly not a desired-state file (a mapping with none of its
 * keys, or a list): a misplaced policy file, say. An empty file, or one that lacks
 * only `version`, gets the schema's own message.
 */
function isStray(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  const root = asObject(value);
  return !root || !DESIRED_STATE_KEYS.some((key) => has(root, key));
}

/**
 * Reads, checks and merges the desired-state files (file or folder arguments as given
 * to -f) into one Desired. Throws ConfigError carrying every problem found in every
 * file, sorted by file, line and column; nothing is returned from invalid files.
 * `readFile` lets a caller that has already read the files (to assign them to
 * registries) hand over what it read rather than parse each file twice.
 */
export async function loadDesired(paths: string[], readFile: (file: string) => Promise<LoadedFile> = loadYamlFile): Promise<Desired> {
  const files = await resolveInputPaths(paths);
  const all = await Promise.all(files.map((file) => readFile(file)));
  // A YAML file another file names as a policy file is a policy document, not a desired-state file.
  const policyFiles = new Set(all.flatMap((l) => (l.source ? referencedPolicyFiles(l.source).map((f) => path.resolve(f)) : [])));
  const loaded = all.filter((l, i) => !policyFiles.has(path.resolve(files[i])));
  const diagnostics: Diagnostic[] = [];
  for (const l of loaded) {
    diagnostics.push(...l.diagnostics);
    // Anything else must be a desired-state file: a misplaced file is never skipped in silence.
    if (l.source && isStray(l.source.value)) {
      diagnostics.push({
        file: l.source.file,
        line: 1,
        col: 1,
        path: '',
        message:
          'not a desired-state file (no `version: 1`, no `repositories`) and no desired-state file names it as a policy file; name it in a policyFile / lifecyclePolicyFile key, move it out of the folder, or make it a desired-state file',
      });
      l.source = undefined;
    }
  }
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
  const desired = buildDesired(valid);
  // Every file the run read, so that an output never overwrites one of them.
  desired.inputs = [...files, ...[...cache.keys()].map((key) => key.slice(key.indexOf('\0') + 1))];
  return desired;
}
