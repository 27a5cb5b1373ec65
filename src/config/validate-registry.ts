import type { Diagnostic } from '../errors.js';
import type { Located } from './merge.js';
import type { Path } from './path.js';
import { diagnosticAt, type DocSource } from './source.js';
import { checkEncryption, checkMutability } from './validate-repository.js';
import { checkTags, locateTags } from './validate-tags.js';
import { asArray, asObject, has } from './values.js';

function located(obj: Record<string, unknown>, at: Path, key: string): Located | undefined {
  return has(obj, key) ? { value: obj[key], path: [...at, key] } : undefined;
}

/** BASIC scanning (ECR's own) scans on push or manually; continuous scanning needs ENHANCED (Inspector). */
function checkScanning(src: DocSource, registry: Record<string, unknown>): Diagnostic[] {
  const scanning = asObject(registry.scanning);
  if (!scanning || scanning.scanType !== 'BASIC') return [];
  const out: Diagnostic[] = [];
  (asArray(scanning.rules) ?? []).forEach((rule, i) => {
    if (asObject(rule)?.scanFrequency === 'CONTINUOUS_SCAN') {
      out.push(
        diagnosticAt(
          src,
          ['registry', 'scanning', 'rules', i, 'scanFrequency'],
          'scanFrequency CONTINUOUS_SCAN needs scanType ENHANCED; with BASIC use SCAN_ON_PUSH or MANUAL',
        ),
      );
    }
  });
  return out;
}

/** Creation templates take a repository's settings, so the same pairing rules hold; their tags carry no ownership tag. */
function checkTemplates(src: DocSource, registry: Record<string, unknown>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [prefix, body] of Object.entries(asObject(registry.creationTemplates) ?? {})) {
    const template = asObject(body);
    if (!template) continue;
    const at = ['registry', 'creationTemplates', prefix];
    const label = `creation template "${prefix}"`;
    out.push(...checkMutability(src, located(template, at, 'imageTagMutability'), located(template, at, 'imageTagMutabilityExclusionFilters'), at, label));
    out.push(...checkEncryption(src, located(template, at, 'encryption')));
    const tagsAt = [...at, 'resourceTags'];
    out.push(...checkTags(src, locateTags(template.resourceTags, tagsAt), tagsAt, label, false));
  }
  return out;
}

/** Registry-level rules the schema cannot express. */
export function validateRegistry(src: DocSource): Diagnostic[] {
  const registry = asObject(asObject(src.value)?.registry);
  if (!registry) return [];
  return [...checkScanning(src, registry), ...checkTemplates(src, registry)];
}
