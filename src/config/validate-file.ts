import type { Diagnostic } from '../errors.js';
import { collectDocuments, type DocumentMap, type PolicyFileCache } from './collect-documents.js';
import type { YamlSource } from './load-yaml.js';
import { effectiveRepository } from './merge.js';
import { checkRepositoryPrefixes } from './validate-prefixes.js';
import { validateRegistry } from './validate-registry.js';
import { validateRepository } from './validate-repository.js';
import { validateSchema } from './validate-schema.js';
import { asObject } from './values.js';

/**
 * Every check on one desired-state file: the schema, the policies it declares (inline
 * or in files), its repositories with its defaults merged in, and its registry settings.
 * The rule checks run even when the schema fails, so one run reports every problem;
 * they guard each value's type themselves.
 */
export async function validateFile(
  src: YamlSource,
  cache: PolicyFileCache = new Map(),
  checked: Set<string> = new Set(),
): Promise<{ documents: DocumentMap; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [...validateSchema(src)];
  const { documents, diagnostics: policyProblems } = await collectDocuments(src, cache, checked);
  diagnostics.push(...policyProblems);
  const root = asObject(src.value) ?? {};
  for (const name of Object.keys(asObject(root.repositories) ?? {})) {
    diagnostics.push(...validateRepository(src, effectiveRepository(root, name)));
  }
  diagnostics.push(...checkRepositoryPrefixes(src));
  diagnostics.push(...validateRegistry(src));
  return { documents, diagnostics };
}
