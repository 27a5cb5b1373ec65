import { describe, expect, it } from 'vitest';
import { plan } from '../../src/plan/plan.js';
import { checkTargets, knownAddresses } from '../../src/plan/targets.js';
import { EcrformError } from '../../src/errors.js';
import { OWNED, desiredRepo, desiredState, liveRepo, liveState, planOptions } from '../helpers/builders.js';

const ROLE = 'arn:aws:iam::123456789012:role/ci';
const PROFILE = 'arn:aws:signer:us-east-1:123456789012:/signing-profiles/p';

/** The INVALID_ARGUMENT message of a --target that selects nothing, or a failure when it was accepted. */
function targetError(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    if (err instanceof EcrformError && err.code === 'INVALID_ARGUMENT') return err.message;
    throw err;
  }
  throw new Error('the targets were accepted');
}

describe('--target: every address a plan can show may be targeted', () => {
  it('registry.signing and registry.pullTimeUpdateExclusion[...] are addresses a target selects', () => {
    const desired = desiredState([], { registry: { signing: { rules: [{ signingProfileArn: PROFILE, repositoryFilters: [] }] }, pullTimeUpdateExclusions: [ROLE] } });
    const result = plan(desired, liveState([]), planOptions({ targets: ['registry.signing'] }));
    expect(result.changes.map((c) => c.address)).toEqual(['registry.signing']);
    const exclusion = plan(desired, liveState([]), planOptions({ targets: [`registry.pullTimeUpdateExclusion["${ROLE}"]`] }));
    expect(exclusion.changes.map((c) => [c.address, c.action])).toEqual([[`registry.pullTimeUpdateExclusion["${ROLE}"]`, 'create']]);
  });

  it('a live signing configuration and live exclusions are known even when the files leave them alone', () => {
    const live = liveState([], { registry: { signing: { rules: [{ signingProfileArn: PROFILE, repositoryFilters: [] }] }, pullTimeUpdateExclusions: [ROLE] } });
    const known = knownAddresses(desiredState([]), live);
    expect(known).toContain('registry.signing');
    expect(known).toContain(`registry.pullTimeUpdateExclusion["${ROLE}"]`);
  });

  it('no signing anywhere: registry.signing is not an address', () => {
    expect(knownAddresses(desiredState([]), liveState([]))).not.toContain('registry.signing');
  });

  it('lists the repository addresses of declared and live repositories, the pins, and the registry keys either side has', () => {
    const desired = desiredState([desiredRepo('a', { images: { prod: { tag: 'v1' } } })], {
      registry: {
        policy: null,
        pullThroughCache: { hub: { upstreamRegistryUrl: 'registry-1.docker.io', source: { file: 'r.yaml', line: 1, col: 1 } } } as never,
        creationTemplates: { team: {} } as never,
        accountSettings: { BASIC_SCAN_TYPE_VERSION: 'CLAIR' },
      },
    });
    const live = liveState([liveRepo('b', { tags: OWNED })], {
      registry: { pullThroughCache: { quay: {} } as never, creationTemplates: { ROOT: {} } as never },
    });
    expect(knownAddresses(desired, live).sort()).toEqual(
      [
        'accountSetting["BASIC_SCAN_TYPE_VERSION"]',
        'creationTemplate["ROOT"]',
        'creationTemplate["team"]',
        'pullThroughCache["hub"]',
        'pullThroughCache["quay"]',
        'registry.policy',
        'registry.replication',
        'registry.scanning',
        'repository["a"]',
        'repository["a"].image["prod"]',
        'repository["a"].lifecyclePolicy',
        'repository["a"].policy',
        'repository["a"].tags',
        'repository["b"]',
        'repository["b"].lifecyclePolicy',
        'repository["b"].policy',
        'repository["b"].tags',
      ].sort(),
    );
  });

  it('a live registry policy makes registry.policy known; none on either side does not', () => {
    expect(knownAddresses(desiredState([]), liveState([], { registry: { policy: { Version: '2012-10-17', Statement: [] } } }))).toContain('registry.policy');
    expect(knownAddresses(desiredState([]), liveState([]))).not.toContain('registry.policy');
  });
});

describe('--target that selects nothing is an error naming each such target', () => {
  const desired = desiredState([desiredRepo('a')]);

  it('one unmatched target', () => {
    const message = targetError(() => checkTargets(['repository["a"]', 'repository["zz"]'], desired, liveState([])));
    expect(message).toMatch(/^this target matches no address of the files or the live registry:\n {2}--target repository\["zz"\]\n/);
    expect(message).not.toContain('--target repository["a"]');
    expect(message).toContain('a target is an address (repository["team-a/api"])');
  });

  it('several unmatched targets, one line each', () => {
    const message = targetError(() => checkTargets(['x', 'y'], desired, liveState([])));
    expect(message).toMatch(/^these targets match no address of the files or the live registry:\n {2}--target x\n {2}--target y\n/);
  });

  it('no targets, or targets that all match, pass', () => {
    expect(() => checkTargets([], desired, liveState([]))).not.toThrow();
    expect(() => checkTargets(['repository["a"].policy', 'repository["*"]'], desired, liveState([]))).not.toThrow();
  });
});
