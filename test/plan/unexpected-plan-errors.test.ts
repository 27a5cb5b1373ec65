import { describe, expect, it } from 'vitest';
import { plan } from '../../src/plan/plan.js';
import { EcrformError } from '../../src/errors.js';
import { OWNED, desiredRepo, desiredState, liveRepo, liveState, planOptions } from '../helpers/builders.js';

/*
 * Planning collects the refusals it can place at a file line (each a finding);
 * an error it did not expect is a bug and must surface as itself, never be
 * turned into a finding or lost.
 */

const LIFECYCLE = { rules: [{ rulePriority: 1, selection: { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 1 }, action: { type: 'expire' } }] };

describe('an unexpected error while planning a repository', () => {
  it('propagates as itself, not as a plan refusal', () => {
    // An image whose push time cannot be read: the lifecycle preview stops on it (a bug in the read, never ECR's answer).
    const live = liveState([liveRepo('app', { tags: OWNED, images: [{ digest: `sha256:${'1'.repeat(64)}`, tags: [], pushedAt: 'yesterday', sizeBytes: 1 }] })]);
    const run = () => plan(desiredState([desiredRepo('app', { lifecyclePolicy: LIFECYCLE })]), live, planOptions());
    expect(run).toThrow(/unreadable pushedAt: "yesterday"/);
    let caught: unknown;
    try {
      run();
    } catch (err) {
      caught = err;
    }
    expect(caught).not.toBeInstanceOf(EcrformError);
  });
});
