import type { ReadScope } from '../ecr/read-scope.js';
import type { JsonObject } from '../model/json.js';
import type { Live } from '../model/live.js';
import { creationTemplateDocument, pullThroughCacheDocument, registryPolicyDocument, replicationDocument, scanningDocument } from '../normalize/registry-settings.js';
import { signingDocument } from '../normalize/signing.js';
import { partitionOf } from '../normalize/partition.js';

/**
 * What `import --registry-settings` reads: every registry-wide setting but the
 * account settings (GetAccountSetting takes one name, and a name ecrform
 * guesses is a setting it would start managing).
 */
export const IMPORTED_REGISTRY_SETTINGS: ReadScope['registry'] = {
  policy: true,
  scanning: true,
  replication: true,
  pullThroughCache: true,
  creationTemplates: true,
  accountSettings: [],
  signing: true,
  pullTimeUpdateExclusions: true,
};

type Entry = JsonObject;

/** A copy without the members a file would leave out: empty lists and maps, null, and the named defaults. */
function withoutDefaults(doc: JsonObject, defaults: Record<string, unknown> = {}): Entry {
  const out: Entry = {};
  for (const [key, value] of Object.entries(doc)) {
    if (value === null || (Array.isArray(value) && value.length === 0)) continue;
    if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) continue;
    if (key in defaults && JSON.stringify(defaults[key]) === JSON.stringify(value)) continue;
    out[key] = value;
  }
  return out;
}

function mapEntries<T>(record: Record<string, T> | undefined, entry: (value: T) => Entry): Entry {
  return Object.fromEntries(Object.entries(record ?? {}).map(([key, value]) => [key, entry(value)]));
}

/**
 * The registry-wide settings as the format writes them, normalized as the
 * plan compares them, and only those that differ from a registry never
 * configured: a setting at ECR's default is left out (not managed), so
 * importing never makes ecrform take over, say, the absence of a registry
 * policy. `plan` on the written file then shows no change for any of them.
 */
export function registrySettingsEntries(live: Live): Entry {
  const r = live.registry;
  const out: Entry = {};
  const partition = partitionOf(live.region);
  const policy = registryPolicyDocument(r.policy, partition);
  if (policy) out.policy = policy;
  const scanning = r.scanning ? scanningDocument(r.scanning) : null;
  if (scanning && (scanning.scanType !== 'BASIC' || (scanning.rules as unknown[]).length > 0)) out.scanning = { scanType: scanning.scanType, rules: scanning.rules };
  const replication = r.replication ? replicationDocument(r.replication, live.registryId) : null;
  if (replication && (replication.rules as unknown[]).length > 0) {
    out.replication = {
      rules: (replication.rules as JsonObject[]).map((rule) =>
        withoutDefaults({
          // A destination in the own account needs no registryId in the file.
          destinations: (rule.destinations as JsonObject[]).map((d) => (d.registryId === live.registryId ? { region: d.region } : d)),
          repositoryFilters: rule.repositoryFilters,
        }),
      ),
    };
  }
  if (r.pullThroughCache && Object.keys(r.pullThroughCache).length) out.pullThroughCache = mapEntries(r.pullThroughCache, pullThroughCacheDocument);
  if (r.creationTemplates && Object.keys(r.creationTemplates).length) {
    out.creationTemplates = mapEntries(r.creationTemplates, (t) =>
      withoutDefaults(creationTemplateDocument(t, partition), { imageTagMutability: 'MUTABLE', encryption: { type: 'AES256' } }),
    );
  }
  const signing = signingDocument(r.signing);
  if (signing) out.signing = { rules: (signing.rules as JsonObject[]).map((rule) => withoutDefaults(rule)) };
  if (r.pullTimeUpdateExclusions?.length) out.pullTimeUpdateExclusions = [...r.pullTimeUpdateExclusions];
  return out;
}
