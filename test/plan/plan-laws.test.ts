import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runs } from '../helpers/property-runs.js';
import jsonPatch from 'fast-json-patch';
import { plan } from '../../src/plan/plan.js';
import { staleAddresses } from '../../src/apply/check-stale.js';
import type { Desired, DesiredRepository, TagMutability } from '../../src/model/desired.js';
import type { Json, JsonObject } from '../../src/model/json.js';
import { desiredRepo, desiredState, planOptions } from '../helpers/builders.js';
import { ecrLiveFrom } from '../helpers/ecr-shaped.js';

/*
 * The plan laws, with the live side as ECR returns it (ecr-shaped.ts): a
 * desired state that was applied plans empty, in every partition. Each law
 * fails when policy, lifecycle, tag or filter normalization is removed.
 */

const OTHER = '210987654321';
const word = fc.constantFrom('pull', 'push', 'ci', 'ops');

const policyArb: fc.Arbitrary<JsonObject> = fc
  .record({
    sids: fc.uniqueArray(word, { minLength: 1, maxLength: 3 }),
    principal: fc.constantFrom('id', 'arn', 'list'),
    actions: fc.subarray(['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'], { minLength: 1 }),
    duplicate: fc.boolean(),
    single: fc.boolean(),
    condition: fc.boolean(),
  })
  .map(({ sids, principal, actions, duplicate, single, condition }) => {
    const statements = sids.map((Sid) => ({
      Sid,
      Effect: 'Allow',
      Principal: { AWS: principal === 'id' ? OTHER : principal === 'arn' ? `arn:aws:iam::${OTHER}:root` : [OTHER, '111122223333'] },
      Action: duplicate ? [...actions, actions[0]] : actions.length === 1 ? actions[0] : actions,
      ...(condition ? { Condition: { Bool: { 'aws:SecureTransport': true }, NumericLessThan: { 's3:max-keys': 10 } } } : {}),
    }));
    return { Version: '2012-10-17', Statement: single && statements.length === 1 ? statements[0] : statements } as JsonObject;
  });

const lifecycleArb: fc.Arbitrary<JsonObject> = fc
  .record({ prefixes: fc.subarray(['v', 'release-', 'rc'], { minLength: 1 }), count: fc.integer({ min: 1, max: 50 }), days: fc.integer({ min: 1, max: 90 }) })
  .map(({ prefixes, count, days }) => ({
    // Written in no particular order; ECR returns them its own way.
    rules: [
      { rulePriority: 3, selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: count + 100 }, action: { type: 'expire' } },
      { rulePriority: 1, description: 'untagged', selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: days }, action: { type: 'expire' } },
      { rulePriority: 2, selection: { tagStatus: 'tagged', tagPrefixList: prefixes, countType: 'imageCountMoreThan', countNumber: count }, action: { type: 'expire' } },
    ],
  }));

const mutabilityArb = fc.oneof(
  fc.record({ imageTagMutability: fc.constantFrom<TagMutability>('MUTABLE', 'IMMUTABLE'), imageTagMutabilityExclusionFilters: fc.constant([] as string[]) }),
  fc.record({
    imageTagMutability: fc.constantFrom<TagMutability>('MUTABLE_WITH_EXCLUSION', 'IMMUTABLE_WITH_EXCLUSION'),
    imageTagMutabilityExclusionFilters: fc.uniqueArray(fc.constantFrom('latest', 'dev-*', 'v*', 'nightly'), { minLength: 2, maxLength: 4 }),
  }),
);

const repoArb: fc.Arbitrary<DesiredRepository> = fc
  .record({
    name: fc.stringMatching(/^[a-z0-9]{2,6}(\/[a-z0-9]{2,6})?$/),
    mutability: mutabilityArb,
    scanOnPush: fc.boolean(),
    encryption: fc.constantFrom({ type: 'AES256' as const }, { type: 'KMS' as const }, { type: 'KMS_DSSE' as const }),
    tags: fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), fc.string({ maxLength: 6 }), { minKeys: 0, maxKeys: 4 }),
    policy: fc.option(policyArb, { nil: null }),
    lifecyclePolicy: fc.option(lifecycleArb, { nil: null }),
  })
  .map((r) => desiredRepo(r.name, { ...r.mutability, scanOnPush: r.scanOnPush, encryption: r.encryption, tags: r.tags, policy: r.policy, lifecyclePolicy: r.lifecyclePolicy }));

const desiredArb: fc.Arbitrary<Desired> = fc
  .record({
    repos: fc.uniqueArray(repoArb, { selector: (r) => r.name, maxLength: 5 }),
    prune: fc.boolean(),
    registryPolicy: fc.option(policyArb, { nil: undefined }),
    scanning: fc.option(
      fc.record({
        scanType: fc.constant('ENHANCED' as const),
        rules: fc.uniqueArray(
          fc.record({ scanFrequency: fc.constantFrom('SCAN_ON_PUSH' as const, 'CONTINUOUS_SCAN' as const), repositoryFilters: fc.uniqueArray(fc.constantFrom('*', 'prod/*', 'dev*'), { minLength: 1, maxLength: 3 }) }),
          { selector: (r) => r.scanFrequency, maxLength: 2 },
        ),
      }),
      { nil: undefined },
    ),
  })
  .map(({ repos, prune, registryPolicy, scanning }) =>
    desiredState(repos, { prune, registry: { ...(registryPolicy ? { policy: registryPolicy } : {}), ...(scanning ? { scanning } : {}) } }),
  );

const regionArb = fc.constantFrom('us-east-1', 'eu-west-1', 'cn-north-1', 'us-gov-west-1');

describe('plan laws, live side as ECR returns it', () => {
  it('plan(d, ecr(d)) is empty in every partition', () => {
    fc.assert(
      fc.property(desiredArb, regionArb, (desired, region) => {
        expect(plan(desired, ecrLiveFrom(desired, region), planOptions()).changes).toEqual([]);
      }),
      { numRuns: runs(200) },
    );
  });

  it("every change's patch turns before into after", () => {
    fc.assert(
      fc.property(desiredArb, desiredArb, (desired, other) => {
        // Live: `other` as ECR holds it; every repository of `desired` that `other` lacks is created.
        const changes = plan(desired, ecrLiveFrom(other), planOptions({ lifecyclePreview: false })).changes;
        for (const c of changes) {
          if (c.before === null || c.after === null) {
            expect(c.patch).toEqual([]);
            continue;
          }
          const patched = jsonPatch.applyPatch(structuredClone(c.before) as object, structuredClone(c.patch), true, false).newDocument as Json;
          expect(patched).toEqual(c.after);
        }
      }),
      { numRuns: runs(200) },
    );
  });

  it('a plan is never stale against the live state it was made from', () => {
    fc.assert(
      fc.property(desiredArb, desiredArb, (desired, other) => {
        const live = ecrLiveFrom(other);
        expect(staleAddresses(plan(desired, live, planOptions({ lifecyclePreview: false })), live)).toEqual([]);
      }),
      { numRuns: runs(200) },
    );
  });
});
