import { PHASES } from '../../src/apply/step.js';
import { describe, expect, it } from 'vitest';
import { buildSteps } from '../../src/apply/build-steps.js';
import { diffRegistry } from '../../src/plan/diff-registry.js';
import type { DesiredRegistry } from '../../src/model/desired.js';
import type { JsonObject } from '../../src/model/json.js';
import type { LiveRegistrySettings } from '../../src/model/live.js';
import { ACCOUNT } from '../helpers/builders.js';
import { liveWith, ptcRule, template } from './registry-builders.js';

const { source: _source, ...liveTemplate } = template();
const POLICY: JsonObject = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: 'ecr:ReplicateImage', Resource: '*' }] };

describe('registry steps: apply phases (semantics.md "Ordering apply")', () => {
  it.each<{ name: string; desired: DesiredRegistry; live: LiveRegistrySettings; phase: number }>([
    { name: 'account setting update', desired: { accountSettings: { BLOB_MOUNTING: 'ENABLED' } }, live: { accountSettings: { BLOB_MOUNTING: 'DISABLED' } }, phase: PHASES.accountSettings },
    { name: 'registry policy put', desired: { policy: POLICY }, live: { policy: null }, phase: PHASES.registry },
    { name: 'registry policy delete', desired: { policy: null }, live: { policy: POLICY }, phase: PHASES.removals },
    { name: 'scanning update', desired: { scanning: { scanType: 'ENHANCED', rules: [] } }, live: {}, phase: PHASES.registry },
    { name: 'creation template create', desired: { creationTemplates: { prod: template() } }, live: { creationTemplates: {} }, phase: PHASES.registry },
    { name: 'creation template delete', desired: { creationTemplates: {} }, live: { creationTemplates: { prod: liveTemplate } }, phase: PHASES.removals },
    { name: 'pull-through cache create', desired: { pullThroughCache: { quay: ptcRule('quay.io') } }, live: { pullThroughCache: {} }, phase: PHASES.registry },
    { name: 'pull-through cache replace', desired: { pullThroughCache: { quay: ptcRule('ghcr.io') } }, live: { pullThroughCache: { quay: { upstreamRegistryUrl: 'quay.io' } } }, phase: PHASES.registry },
    { name: 'pull-through cache delete', desired: { pullThroughCache: {} }, live: { pullThroughCache: { quay: { upstreamRegistryUrl: 'quay.io' } } }, phase: PHASES.removals },
    { name: 'replication update', desired: { replication: { rules: [{ destinations: [{ region: 'us-west-2' }], repositoryFilters: [] }] } }, live: {}, phase: PHASES.replication },
  ])('$name runs in phase $phase, as one step with the planned calls', ({ desired, live, phase }) => {
    const { changes } = diffRegistry(desired, liveWith(live));
    expect(changes).toHaveLength(1);
    const steps = buildSteps(changes);
    expect(steps.map((s) => [s.address, s.phase, s.calls])).toEqual([[changes[0].address, phase, changes[0].calls]]);
  });
});
