import type { Diagnostic } from '../errors.js';
import { OWNERSHIP_TAG_KEY } from '../model/ownership.js';
import type { Located } from './merge.js';
import type { Path } from './path.js';
import { diagnosticAt, type DocSource } from './source.js';
import { checkEncryption, checkMutability } from './validate-repository.js';
import { checkTags, locateTags } from './validate-tags.js';
import { asArray, asObject, has } from './values.js';

function located(obj: Record<string, unknown>, at: Path, key: string): Located | undefined {
  return has(obj, key) ? { value: obj[key], path: [...at, key] } : undefined;
}

/**
 * BASIC scanning (ECR's own) scans on push or manually; ENHANCED (Inspector) scans on push or
 * continuously. Each scan type has one frequency the other does not take.
 */
const OTHER_TYPE_ONLY: Record<string, { frequency: string; needs: string; use: string }> = {
  BASIC: { frequency: 'CONTINUOUS_SCAN', needs: 'ENHANCED', use: 'SCAN_ON_PUSH or MANUAL' },
  ENHANCED: { frequency: 'MANUAL', needs: 'BASIC', use: 'SCAN_ON_PUSH or CONTINUOUS_SCAN' },
};

function checkScanning(src: DocSource, registry: Record<string, unknown>): Diagnostic[] {
  const scanning = asObject(registry.scanning);
  // A missing or unknown scanType is a schema error already.
  const rule = typeof scanning?.scanType === 'string' ? OTHER_TYPE_ONLY[scanning.scanType] : undefined;
  if (!scanning || !rule) return [];
  const out: Diagnostic[] = [];
  (asArray(scanning.rules) ?? []).forEach((r, i) => {
    if (asObject(r)?.scanFrequency === rule.frequency) {
      out.push(
        diagnosticAt(
          src,
          ['registry', 'scanning', 'rules', i, 'scanFrequency'],
          `scanFrequency ${rule.frequency} needs scanType ${rule.needs}; with ${String(scanning.scanType)} use ${rule.use}`,
        ),
      );
    }
  });
  return out;
}

/** Repositories ECR creates from a template carry its tags; with the ownership tag, prune would take them for ecrform's. */
function checkTemplateOwnership(src: DocSource, tags: Map<string, Located>, label: string): Diagnostic[] {
  const tag = tags.get(OWNERSHIP_TAG_KEY);
  if (!tag) return [];
  return [
    diagnosticAt(
      src,
      tag.path,
      `${label} must not set the "${OWNERSHIP_TAG_KEY}" tag: every repository ECR creates from the template would carry it, so ecrform would take it for its own and delete it with prune: true; remove the tag or use another key`,
      'key',
    ),
  ];
}

/** Creation templates take a repository's settings, so the same pairing rules hold; their tags must not hold the ownership tag. */
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
    const tags = locateTags(template.resourceTags, tagsAt);
    out.push(...checkTags(src, tags, tagsAt, label, false));
    out.push(...checkTemplateOwnership(src, tags, label));
  }
  return out;
}

/** Registry-level rules the schema cannot express. */
export function validateRegistry(src: DocSource): Diagnostic[] {
  const registry = asObject(asObject(src.value)?.registry);
  if (!registry) return [];
  return [...checkScanning(src, registry), ...checkTemplates(src, registry)];
}
