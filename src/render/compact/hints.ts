import { address } from '../../model/address.js';
import type { Desired } from '../../model/desired.js';
import type { Json } from '../../model/json.js';

/** What the files say about one document that the normalized plan no longer does. */
export interface DocumentHint {
  /** The document as written: its key order is the order the plan shows it in. */
  written?: Json;
  /** The policy file it came from, as the YAML names it (`policies/keep-last-30.json`). */
  file?: string;
}

/**
 * Presentation hints from the desired state, kept beside the plan rather than
 * in it: the plan JSON stays exactly as it is, and a plan read back from a
 * file (`apply PLAN`) renders without them, in a fixed conventional order.
 */
export interface RenderHints {
  documents: Record<string, DocumentHint>;
}

export const NO_HINTS: RenderHints = { documents: {} };

function hint(written: Json | null | undefined, file: string | undefined): DocumentHint {
  const out: DocumentHint = {};
  if (written !== null && written !== undefined) out.written = written;
  if (file) out.file = file;
  return out;
}

/** The hints for every policy and lifecycle policy the files declare. */
export function hintsFromDesired(desired: Desired): RenderHints {
  const documents: Record<string, DocumentHint> = {};
  if (desired.registry.policy) documents[address.registryPolicy()] = hint(desired.registry.policy, desired.registry.policyFile);
  for (const repo of Object.values(desired.repositories)) {
    if (repo.policy) documents[address.policy(repo.name)] = hint(repo.policy, repo.policyFile);
    if (repo.lifecyclePolicy) documents[address.lifecyclePolicy(repo.name)] = hint(repo.lifecyclePolicy, repo.lifecyclePolicyFile);
  }
  return { documents };
}
