import type { DesiredRegistry } from '../model/desired.js';
import type { Live } from '../model/live.js';
import type { Change } from '../model/plan.js';
import { address } from '../model/address.js';
import { compareStrings } from '../normalize/canonical-json.js';
import { pullTimeUpdateExclusionDocument, signingDocument } from '../normalize/signing.js';
import type { DiffResult } from './diff-repository.js';
import { makeChange, sameDocument } from './make-change.js';
import { liveSigningDocument } from './registry-documents.js';

const NOTHING: DiffResult = { changes: [], unchanged: 0 };

/**
 * Managed signing (`registry.signing`). Managed only when the key is present;
 * `signing: null` and `rules: []` both mean "no signing configuration" and
 * delete a live one. Rules compare as a set (normalize/signing.ts).
 */
export function diffSigning(desired: DesiredRegistry, live: Live): DiffResult {
  if (desired.signing === undefined) return NOTHING;
  const before = liveSigningDocument(live);
  const after = signingDocument(desired.signing);
  // Both absent, or the same document (sameDocument compares null too).
  if (sameDocument(before, after)) return { changes: [], unchanged: 1 };
  const action = before === null ? 'create' : after === null ? 'delete' : 'update';
  const calls = [after === null ? 'DeleteSigningConfiguration' : 'PutSigningConfiguration'];
  return { changes: [makeChange({ address: address.signing(), kind: 'signing', action, before, after, calls })], unchanged: 0 };
}

/**
 * Pull-time update exclusions: a set of IAM principals, each its own address
 * (`registry.pullTimeUpdateExclusion["ARN"]`), registered or deregistered one
 * by one. A declared list is the whole truth: a live principal it does not
 * name is deregistered. Principal ARNs compare exactly, as ECR stores them.
 */
export function diffPullTimeUpdateExclusions(desired: DesiredRegistry, live: Live): DiffResult {
  if (desired.pullTimeUpdateExclusions === undefined) return NOTHING;
  const wanted = new Set(desired.pullTimeUpdateExclusions);
  const present = new Set(live.registry.pullTimeUpdateExclusions ?? []);
  const changes: Change[] = [];
  let unchanged = 0;
  for (const arn of [...new Set([...wanted, ...present])].sort(compareStrings)) {
    const addr = address.pullTimeUpdateExclusion(arn);
    const kind = 'pullTimeUpdateExclusion' as const;
    if (wanted.has(arn) && present.has(arn)) unchanged += 1;
    else if (wanted.has(arn)) {
      changes.push(makeChange({ address: addr, kind, action: 'create', before: null, after: pullTimeUpdateExclusionDocument(arn), calls: ['RegisterPullTimeUpdateExclusion'] }));
    } else {
      changes.push(makeChange({ address: addr, kind, action: 'delete', before: pullTimeUpdateExclusionDocument(arn), after: null, calls: ['DeregisterPullTimeUpdateExclusion'] }));
    }
  }
  return { changes, unchanged };
}
