import { describe, expect, it } from 'vitest';
import { apply } from '../../src/apply/apply.js';
import type { EcrPort } from '../../src/ecr/port.js';
import type { Change, ChangeKind } from '../../src/model/plan.js';
import { plan } from '../../src/plan/plan.js';
import { desiredState, liveState, planOptions } from '../helpers/builders.js';

/*
 * `apply PLAN` reads a JSON file a person may have edited. A change whose
 * `kind` does not fit its `address` (or whose address is no address at all)
 * must stop the apply before any call, never send a request built from
 * whatever the address happens to hold.
 */

/** A port that records every call and answers each with an empty success. */
function recordingPort() {
  const sent: string[] = [];
  const port = new Proxy({} as EcrPort, {
    get: (_t, op: string) => async () => {
      sent.push(op);
      return { $metadata: {} };
    },
  });
  return { port, sent };
}

function planWith(change: Partial<Change> & Pick<Change, 'kind' | 'address'>) {
  const thePlan = plan(desiredState([]), liveState([]), planOptions());
  thePlan.changes.push({
    action: 'create',
    reason: null,
    before: null,
    after: { value: 'x', digest: `sha256:${'1'.repeat(64)}` },
    patch: [],
    liveFingerprint: null,
    calls: [],
    warnings: [],
    ...change,
  });
  return thePlan;
}

describe('apply refuses a change whose kind does not fit its address, before any call', () => {
  const cases: Array<[ChangeKind, RegExp]> = [
    ['repository', /is not a repository address/],
    ['tags', /is not a repository address/],
    ['policy', /is not a repository address/],
    ['lifecyclePolicy', /is not a repository address/],
    ['image', /is not an image address/],
    ['pullThroughCache', /is not a pull-through cache address/],
    ['creationTemplate', /is not a creation template address/],
    ['accountSetting', /is not an account setting address/],
    ['pullTimeUpdateExclusion', /is not a pull-time update exclusion address/],
  ];

  it.each(cases)('kind %s at an address of another kind', async (kind, message) => {
    // registry.scanning is no repository, image, prefix, setting or principal address.
    const { port, sent } = recordingPort();
    await expect(apply(planWith({ kind, address: 'registry.scanning' }), port, { concurrency: 1 })).rejects.toThrow(message);
    expect(sent).toEqual([]);
  });

  it.each(cases)('kind %s at something that is no address', async (kind, message) => {
    const { port, sent } = recordingPort();
    await expect(apply(planWith({ kind, address: 'repository[app]' }), port, { concurrency: 1 })).rejects.toThrow(message);
    expect(sent).toEqual([]);
  });

  it('an image pin at the repository address itself', async () => {
    const { port, sent } = recordingPort();
    await expect(apply(planWith({ kind: 'image', address: 'repository["app"]' }), port, { concurrency: 1 })).rejects.toThrow(
      'bug: repository["app"] is not an image address',
    );
    expect(sent).toEqual([]);
  });

  it('a creation template naming a field ECR has none of', async () => {
    const { port, sent } = recordingPort();
    const thePlan = planWith({ kind: 'creationTemplate', address: 'creationTemplate["cache"]', after: { appliedFor: ['PULL_THROUGH_CACHE'], imageTagMutability: 'MUTABLE', colour: 'red' } });
    await expect(apply(thePlan, port, { concurrency: 1 })).rejects.toThrow('bug: unknown creation template field colour');
    expect(sent).toEqual([]);
  });
});
