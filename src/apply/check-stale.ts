import type { Json, JsonObject } from '../model/json.js';
import type { Live } from '../model/live.js';
import type { Change, Plan } from '../model/plan.js';
import { parseAddress } from '../model/address.js';
import { fingerprint } from '../normalize/canonical-json.js';
import { lifecycleDocument, liveSettingsDocument, liveTagsDocument, policyDocument } from '../plan/repository-documents.js';
import { liveRegistryDocument } from '../plan/registry-documents.js';

/** Keeps only the keys `shape` has, recursively: the plan's `before` left out ignored fields. */
function projectOnto(doc: Json, shape: Json): Json {
  if (!doc || !shape || typeof doc !== 'object' || typeof shape !== 'object' || Array.isArray(doc) || Array.isArray(shape)) {
    return doc;
  }
  const out: JsonObject = {};
  for (const key of Object.keys(shape)) if (key in doc) out[key] = projectOnto(doc[key], shape[key]);
  return out;
}

/** The normalized live document at a change's address now, or null when it does not exist. */
export function currentLiveDocument(change: Change, live: Live): Json {
  const parsed = parseAddress(change.address);
  if (!parsed) throw new Error(`bug: unknown address ${change.address}`);
  if (!('repository' in parsed)) return liveRegistryDocument(parsed, live);
  const repo = live.repositories[parsed.repository];
  if (!repo) return null;
  switch (parsed.type) {
    case 'repository':
      return projectOnto({ ...liveSettingsDocument(repo), tags: liveTagsDocument(repo) }, change.before);
    case 'tags':
      return liveTagsDocument(repo);
    case 'policy':
      return policyDocument(repo.details?.policy);
    case 'lifecyclePolicy':
      return lifecycleDocument(repo.details?.lifecyclePolicy);
    case 'image': {
      const image = repo.images?.find((i) => i.tags.includes(parsed.tag));
      return image ? { digest: image.digest } : null;
    }
  }
}

/**
 * The addresses whose live state moved since the plan was made: `apply PLAN`
 * refuses the whole plan when there is any.
 */
export function staleAddresses(plan: Plan, live: Live): string[] {
  return plan.changes
    .filter((change) => {
      const now = currentLiveDocument(change, live);
      const fp = now === null ? null : fingerprint(now);
      return fp !== change.liveFingerprint;
    })
    .map((c) => c.address);
}
