import fc from 'fast-check';
import type {
  CreationTemplate,
  DesiredRegistry,
  PullThroughCacheRule,
  ReplicationConfiguration,
  ScanningConfiguration,
} from '../../src/model/desired.js';
import type { JsonObject } from '../../src/model/json.js';
import { OTHER_ACCOUNT } from './registry-builders.js';

/*
 * Registry settings as the config loader produces them: valid by the schema,
 * drawn from small alphabets so that generated values collide and differ in
 * the ways that matter (filter order, duplicates, optional fields).
 */

const SOURCE = { file: 'registry.yaml', line: 1, col: 1 };
const word = fc.constantFrom('prod', 'dev', 'team-a', 'team-b', 'base', 'ml');
const sub = <T>(items: readonly T[], min = 0) => fc.subarray([...items], { minLength: min });

const policyArb: fc.Arbitrary<JsonObject> = fc
  .record({
    sids: fc.uniqueArray(word, { minLength: 1, maxLength: 3 }),
    asAccountId: fc.boolean(),
    actions: sub(['ecr:ReplicateImage', 'ecr:CreateRepository', 'ecr:BatchImportUpstreamImage'], 1),
    singleObject: fc.boolean(),
  })
  .map(({ sids, asAccountId, actions, singleObject }) => {
    const statements = sids.map((sid) => ({
      Sid: sid,
      Effect: 'Allow',
      Principal: { AWS: asAccountId ? OTHER_ACCOUNT : `arn:aws:iam::${OTHER_ACCOUNT}:root` },
      Action: actions.length === 1 ? actions[0] : actions,
      Resource: '*',
    }));
    return { Version: '2012-10-17', Statement: singleObject && statements.length === 1 ? statements[0] : statements };
  });

const wildcard = fc.constantFrom('*', 'prod/*', 'dev*', 'team-a/*', 'base');
const scanningArb: fc.Arbitrary<ScanningConfiguration> = fc.record({
  scanType: fc.constantFrom('BASIC' as const, 'ENHANCED' as const),
  rules: fc.array(
    fc.record({
      scanFrequency: fc.constantFrom('SCAN_ON_PUSH' as const, 'CONTINUOUS_SCAN' as const, 'MANUAL' as const),
      repositoryFilters: fc.array(wildcard, { minLength: 1, maxLength: 3 }),
    }),
    { maxLength: 2 },
  ),
});

const replicationArb: fc.Arbitrary<ReplicationConfiguration> = fc.record({
  rules: fc.array(
    fc.record({
      destinations: fc.array(
        fc.record({ region: fc.constantFrom('us-west-2', 'eu-west-1', 'ap-south-1'), registryId: fc.option(fc.constant(OTHER_ACCOUNT), { nil: undefined }) }).map((d) =>
          d.registryId ? d : { region: d.region },
        ),
        { minLength: 1, maxLength: 2 },
      ),
      repositoryFilters: fc.array(fc.constantFrom('team-a/', 'team-b/', 'prod'), { maxLength: 3 }),
    }),
    { maxLength: 3 },
  ),
});

const SECRET = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:ecr-pullthroughcache/';
const ROLE = 'arn:aws:iam::123456789012:role/';
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const dropUndefined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const ptcArb: fc.Arbitrary<PullThroughCacheRule> = fc
  .record({
    upstreamRegistryUrl: fc.constantFrom('public.ecr.aws', 'quay.io', 'registry-1.docker.io', 'ghcr.io', '210987654321.dkr.ecr.eu-west-1.amazonaws.com'),
    upstreamRepositoryPrefix: optional(fc.constantFrom('ROOT', 'team-a', 'team-b')),
    credentialArn: optional(word.map((w) => SECRET + w)),
    customRoleArn: optional(word.map((w) => ROLE + w)),
  })
  .map((r) => dropUndefined({ ...r, source: SOURCE }));

const templateArb: fc.Arbitrary<CreationTemplate> = fc
  .record({
    appliedFor: sub(['PULL_THROUGH_CACHE', 'REPLICATION', 'CREATE_ON_PUSH'] as const, 1),
    description: optional(fc.constantFrom('', 'for prod', 'mirrors')),
    imageTagMutability: fc.constantFrom('MUTABLE' as const, 'IMMUTABLE' as const, 'IMMUTABLE_WITH_EXCLUSION' as const),
    filters: sub(['latest', 'dev-*', 'main'], 1),
    encryption: fc.constantFrom({ type: 'AES256' as const }, { type: 'KMS' as const }, { type: 'KMS' as const, kmsKey: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab' }),
    resourceTags: fc.dictionary(word, word, { maxKeys: 3 }),
    repositoryPolicy: fc.option(policyArb, { nil: null }),
    lifecycleCount: fc.option(fc.integer({ min: 1, max: 50 }), { nil: null }),
    customRoleArn: optional(word.map((w) => ROLE + w)),
  })
  .map(({ filters, lifecycleCount, ...t }) =>
    dropUndefined({
      ...t,
      appliedFor: [...t.appliedFor],
      imageTagMutabilityExclusionFilters: t.imageTagMutability === 'IMMUTABLE_WITH_EXCLUSION' ? filters : [],
      lifecyclePolicy:
        lifecycleCount === null
          ? null
          : { rules: [{ rulePriority: 1, selection: { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: lifecycleCount }, action: { type: 'expire' } }] },
      source: SOURCE,
    }),
  );

const prefixArb = fc.constantFrom('ecr-public', 'quay', 'hub', 'ghcr', 'mirror', 'ROOT');
const settingArb = fc.dictionary(fc.constantFrom('BASIC_SCAN_TYPE_VERSION', 'REGISTRY_POLICY_SCOPE', 'BLOB_MOUNTING'), fc.constantFrom('AWS_NATIVE', 'V2', 'ENABLED', 'DISABLED'), {
  maxKeys: 3,
});

/** A DesiredRegistry with every managed key optional (undefined means "not managed"). */
export const desiredRegistryArb: fc.Arbitrary<DesiredRegistry> = fc
  .record({
    policy: optional(policyArb),
    scanning: optional(scanningArb),
    replication: optional(replicationArb),
    pullThroughCache: optional(fc.dictionary(prefixArb, ptcArb, { maxKeys: 4 })),
    creationTemplates: optional(fc.dictionary(prefixArb, templateArb, { maxKeys: 3 })),
    accountSettings: optional(settingArb),
  })
  .map(dropUndefined);
