import jsonPatch from 'fast-json-patch';
import type { Json } from '../model/json.js';
import type { Action, Change, ChangeKind, Expiry, Reason } from '../model/plan.js';
import { fingerprint } from '../normalize/canonical-json.js';

export interface ChangeInput {
  address: string;
  kind: ChangeKind;
  action: Action;
  reason?: Reason;
  before: Json;
  after: Json;
  /** The document as written, when it is sent as such (see Change.written). */
  written?: Json;
  calls: string[];
  expires?: Expiry;
  archives?: Expiry;
  blocked?: string;
  warnings?: string[];
}

/**
 * Builds a Change: the patch from before to after (only for update and
 * replace, where both exist) and the fingerprint of the live document.
 */
export function makeChange(input: ChangeInput): Change {
  const bothSides = input.before !== null && input.after !== null;
  const change: Change = {
    address: input.address,
    kind: input.kind,
    action: input.action,
    reason: input.reason ?? null,
    before: input.before,
    after: input.after,
    patch: bothSides ? jsonPatch.compare(input.before as object, input.after as object) : [],
    liveFingerprint: input.before === null ? null : fingerprint(input.before),
    calls: input.calls,
    warnings: input.warnings ?? [],
  };
  if (input.written !== undefined && input.written !== null) change.written = input.written;
  if (input.expires) change.expires = input.expires;
  if (input.archives) change.archives = input.archives;
  if (input.blocked) change.blocked = input.blocked;
  return change;
}

/** Deep equality of two JSON documents, after normalization. */
export function sameDocument(a: Json, b: Json): boolean {
  return jsonPatch.compare({ v: a } as object, { v: b } as object).length === 0;
}
