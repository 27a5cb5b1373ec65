import type { Json, JsonObject } from '../model/json.js';
import type { Live } from '../model/live.js';
import type { Change, Plan } from '../model/plan.js';
import { parseAddress } from '../model/address.js';
import { partitionOf } from '../normalize/partition.js';
import { fingerprint } from '../normalize/canonical-json.js';
import { lifecycleDocument, liveTagsDocument, policyDocument, replacedDocument } from '../plan/repository-documents.js';
import { liveRegistryDocument } from '../plan/registry-documents.js';

/**
 * The live repository document cut to the keys the plan's `before` has: an
 * update's `before` leaves out ignored fields, and its encryption leaves out
 * the live key when the files name none. Only those two cuts: a tag added
 * since the plan (inside `tags`) is a move.
 */
function projectOnto(doc: JsonObject, shape: Json): JsonObject {
  if (!shape || typeof shape !== 'object' || Array.isArray(shape)) return doc;
  const out: JsonObject = {};
  for (const key of Object.keys(shape)) {
    if (!(key in doc)) continue;
    const value = doc[key];
    const cut = shape[key];
    const isEncryption = key === 'encryption' && value && cut && typeof value === 'object' && typeof cut === 'object' && !Array.isArray(value) && !Array.isArray(cut);
    out[key] = isEncryption ? Object.fromEntries(Object.entries(value).filter(([k]) => k in cut)) : value;
  }
  return out;
}

function repositoryOf(change: Change): string | undefined {
  const parsed = parseAddress(change.address);
  return parsed && 'repository' in parsed ? parsed.repository : undefined;
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
      // An update's `before` holds the settings, a delete's the tags too, a replace's the policies as well.
      return projectOnto(replacedDocument(repo, partitionOf(live.region)), change.before);
    case 'tags':
      return liveTagsDocument(repo);
    case 'policy':
      return policyDocument(repo.details?.policy, partitionOf(live.region));
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
  // A replaced repository's policies are recreated from nothing: the replace's
  // own `before` holds the live ones and covers them (see replacedDocument).
  const replaced = new Set(plan.changes.filter((c) => c.kind === 'repository' && c.action === 'replace').map((c) => repositoryOf(c)));
  return plan.changes
    .filter((change) => change.kind === 'repository' || !replaced.has(repositoryOf(change)))
    .filter((change) => {
      const now = currentLiveDocument(change, live);
      const fp = now === null ? null : fingerprint(now);
      return fp !== change.liveFingerprint;
    })
    .map((c) => c.address);
}
