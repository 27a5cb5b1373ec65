import { describe, expect, it } from 'vitest';
import { diagnoseYaml, only, pos } from './helpers.js';

const V = 'version: 1\n';

/** [case, file text, text the diagnostic must point at (and which occurrence), message fragment] */
const cases: Array<[string, string, string, number, string]> = [
  ['unknown repository key, with a suggestion', `${V}repositories:\n  team-a/api:\n    scanonpush: true\n`, 'scanonpush', 1,
    'unknown key "scanonpush" under repositories.team-a/api; did you mean "scanOnPush"?'],
  ['unknown top-level key', `${V}repository:\n  app: {}\n`, 'repository', 1, 'unknown key "repository" at the top level; did you mean "repositories"?'],
  ['unknown key without a close match lists the allowed keys', `${V}registry:\n  colour: blue\n`, 'colour', 1,
    'unknown key "colour" under registry; expected one of: region, accountId, policy, policyFile, scanning'],
  ['a YAML merge key', `${V}repositories:\n  app: &base { scanOnPush: true }\n  web:\n    <<: *base\n`, '<<', 1,
    'YAML merge keys ("<<") are not supported; put shared settings under "defaults"'],
  ['images is not a default', `${V}defaults:\n  images: {}\n`, 'images', 1, 'unknown key "images" under defaults'],
  ['ignore is not a default', `${V}defaults:\n  ignore: [tags]\n`, 'ignore', 1, 'unknown key "ignore" under defaults'],
  ['mutability enum', `${V}repositories:\n  app:\n    imageTagMutability: mutable\n`, 'mutable', 1,
    'repositories.app.imageTagMutability must be one of MUTABLE, IMMUTABLE, MUTABLE_WITH_EXCLUSION, IMMUTABLE_WITH_EXCLUSION, not the string "mutable"; did you mean "MUTABLE"?'],
  ['encryption type enum', `${V}repositories:\n  app:\n    encryption: { type: SSE }\n`, 'SSE', 1, 'must be one of AES256, KMS, KMS_DSSE'],
  ['scanType enum', `${V}registry:\n  scanning: { scanType: basic }\n`, 'basic', 1, 'must be one of BASIC, ENHANCED, not the string "basic"; did you mean "BASIC"?'],
  ['scanFrequency enum', `${V}registry:\n  scanning:\n    scanType: BASIC\n    rules: [{ scanFrequency: ON_PUSH, repositoryFilters: ["*"] }]\n`, 'ON_PUSH', 1,
    'must be one of SCAN_ON_PUSH, CONTINUOUS_SCAN, MANUAL'],
  ['appliedFor enum', `${V}registry:\n  creationTemplates:\n    ROOT: { appliedFor: [PULL] }\n`, 'PULL]', 1,
    'registry.creationTemplates.ROOT.appliedFor[0] must be one of PULL_THROUGH_CACHE, REPLICATION, CREATE_ON_PUSH'],
  ['upstreamRegistry enum', `${V}registry:\n  pullThroughCache:\n    hub: { upstreamRegistryUrl: registry-1.docker.io, upstreamRegistry: dockerhub }\n`, 'dockerhub', 1,
    'did you mean "docker-hub"?'],
  ['ignore enum', `${V}repositories:\n  app:\n    ignore: [tags, policies]\n`, 'policies', 1,
    'must be one of policy, lifecyclePolicy, tags, imageTagMutability, scanOnPush, not the string "policies"'],
  ['ignore duplicates', `${V}repositories:\n  app:\n    ignore: [tags, tags]\n`, 'tags', 2, 'repositories.app.ignore lists "tags" twice; remove one'],
  ['version other than 1', 'version: 2\n', '2', 1, 'version must be 1, not the number 2'],
  ['missing version, at the mapping that lacks it', 'repositories:\n  app:\n', 'repositories', 1, 'missing required key "version" in the file'],
  ['encryption without type', `${V}repositories:\n  app:\n    encryption: { kmsKey: arn:aws:kms:eu-west-1:123456789012:key/x }\n`, '{ kmsKey', 1,
    'missing required key "type" in repositories.app.encryption'],
  ['pull-through cache rule without upstreamRegistryUrl', `${V}registry:\n  pullThroughCache:\n    quay:\n      upstreamRegistry: quay\n`, 'upstreamRegistry:', 1,
    'missing required key "upstreamRegistryUrl" in registry.pullThroughCache.quay'],
  ['creation template without appliedFor', `${V}registry:\n  creationTemplates:\n    ROOT:\n      imageTagMutability: IMMUTABLE\n`, 'imageTagMutability', 1,
    'missing required key "appliedFor" in registry.creationTemplates.ROOT'],
  ['replication rule without destinations', `${V}registry:\n  replication:\n    rules:\n      - repositoryFilters: ["team-a/"]\n`, 'repositoryFilters', 1,
    'missing required key "destinations" in registry.replication.rules[0]'],
  ['replication rule with no destination', `${V}registry:\n  replication:\n    rules:\n      - destinations: []\n`, '[]', 1,
    'registry.replication.rules[0].destinations must have at least 1 item(s) (it has 0)'],
  ['scanOnPush: yes is not a boolean', `${V}repositories:\n  app:\n    scanOnPush: yes\n`, 'yes', 1,
    'repositories.app.scanOnPush must be true or false, not the string "yes"'],
  ['tag value written as a number', `${V}repositories:\n  app:\n    tags: { cost-center: 42 }\n`, '42', 1,
    'repositories.app.tags.cost-center must be a string: quote it, "42"'],
  ['registryId written as a number', `${V}registry:\n  replication:\n    rules:\n      - destinations: [{ region: us-west-2, registryId: 012345678901 }]\n`, '012345678901', 1,
    'registry.replication.rules[0].destinations[0].registryId must be a string: quote it, "012345678901"'],
  ['account setting value written as a number', `${V}registry:\n  accountSettings:\n    SOME_SETTING: 2\n`, '2\n', 1, 'must be a string: quote it, "2"'],
  ['region', `${V}registry:\n  region: europe\n`, 'europe', 1, 'registry.region must be an AWS region such as eu-west-1, not the string "europe"'],
  ['repository name', `${V}repositories:\n  Team-A/api: {}\n`, 'Team-A/api', 1, 'invalid repository name "Team-A/api" under repositories. A repository name: 2 to 256'],
  ['repository name too short (one diagnostic)', `${V}repositories:\n  a: {}\n`, 'a: {}', 1, 'invalid repository name "a"'],
  ['repository name with a double separator', `${V}repositories:\n  team--a: {}\n`, 'team--a', 1, 'invalid repository name "team--a"'],
  ['pull-through cache prefix too short', `${V}registry:\n  pullThroughCache:\n    q: { upstreamRegistryUrl: quay.io }\n`, 'q:', 1,
    'invalid pull-through cache prefix "q" under registry.pullThroughCache. A pull-through cache prefix: 2 to 30 characters'],
  ['pull-through cache prefix too long', `${V}registry:\n  pullThroughCache:\n    ${'a'.repeat(31)}: { upstreamRegistryUrl: quay.io }\n`, 'a'.repeat(31), 1,
    'invalid pull-through cache prefix'],
  ['creation template prefix', `${V}registry:\n  creationTemplates:\n    Prod: { appliedFor: [REPLICATION] }\n`, 'Prod', 1, 'invalid creation template prefix "Prod"'],
  ['exclusion filter characters', `${V}repositories:\n  app:\n    imageTagMutability: MUTABLE_WITH_EXCLUSION\n    imageTagMutabilityExclusionFilters: ["dev build"]\n`, '"dev build"', 1,
    "repositories.app.imageTagMutabilityExclusionFilters[0] must be 1 to 128 of letters, digits, '.', '_', '-' and '*'"],
  ['more than 5 exclusion filters', `${V}repositories:\n  app:\n    imageTagMutability: MUTABLE_WITH_EXCLUSION\n    imageTagMutabilityExclusionFilters: [a, b, c, d, e, f]\n`, '[a,', 1,
    'must have at most 5 item(s) (it has 6)'],
  ['image pin digest', `${V}repositories:\n  app:\n    images:\n      prod: sha256:5f0b\n`, 'sha256:5f0b', 1,
    'repositories.app.images.prod must be a digest: sha256: followed by 64 lowercase hex digits, not the string "sha256:5f0b"'],
  ['image pin of the wrong shape', `${V}repositories:\n  app:\n    images:\n      prod: [v1]\n`, '[v1]', 1,
    'repositories.app.images.prod must be a digest (sha256: followed by 64 lowercase hex digits) or { tag: OTHER_TAG }, not a list'],
  ['image pin by tag with an unknown key', `${V}repositories:\n  app:\n    images:\n      prod: { tag: v1, digest: x }\n`, 'digest', 1,
    'unknown key "digest" under repositories.app.images.prod; expected one of: tag'],
  ['image tag name', `${V}repositories:\n  app:\n    images:\n      -bad: { tag: v1 }\n`, '-bad', 1, 'invalid image tag "-bad"'],
  ['more than 2 scanning rules', `${V}registry:\n  scanning:\n    scanType: ENHANCED\n    rules:\n      - { scanFrequency: SCAN_ON_PUSH, repositoryFilters: ["*"] }\n      - { scanFrequency: SCAN_ON_PUSH, repositoryFilters: ["*"] }\n      - { scanFrequency: SCAN_ON_PUSH, repositoryFilters: ["*"] }\n`, '- {', 1,
    'registry.scanning.rules must have at most 2 item(s) (it has 3)'],
  ['credentialArn', `${V}registry:\n  pullThroughCache:\n    hub: { upstreamRegistryUrl: registry-1.docker.io, credentialArn: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:hub" }\n`, '"arn:aws:secretsmanager', 1,
    'must be a Secrets Manager secret ARN whose name starts with ecr-pullthroughcache/'],
  ['inline policy that is not a mapping', `${V}repositories:\n  app:\n    policy: "{}"\n`, '"{}"', 1, 'repositories.app.policy must be a mapping, not the string "{}"'],
  ['repository body that is a list', `${V}repositories:\n  app: [x]\n`, '[x]', 1, 'repositories.app must be a mapping or empty, not a list'],
  ['empty file', '', '', 1, 'the file is empty'],
];

describe('schema diagnostics', () => {
  it.each(cases)('%s', async (_name, text, needle, nth, fragment) => {
    const line = only(await diagnoseYaml(text));
    const at = needle === '' ? '1:1' : pos(text, needle, nth);
    expect(line.slice(0, `registry.yaml:${at}: `.length)).toBe(`registry.yaml:${at}: `);
    expect(line).toContain(fragment);
  });
});

describe('schema: what is valid', () => {
  it.each([
    ['a repository with no body', `${V}repositories:\n  team-a/api:\n`],
    ['ROOT as a pull-through cache prefix for an ECR upstream', `${V}registry:\n  pullThroughCache:\n    ROOT: { upstreamRegistryUrl: 210987654321.dkr.ecr.us-east-1.amazonaws.com }\n`],
    ['a 30-character prefix', `${V}registry:\n  pullThroughCache:\n    ${'a'.repeat(30)}: { upstreamRegistryUrl: public.ecr.aws }\n`],
    ['a 256-character repository name', `${V}repositories:\n  ${'a'.repeat(256)}:\n`],
    ['a pin by tag', `${V}repositories:\n  app:\n    images: { stable: { tag: v1.4.2 } }\n`],
    ['replication: { rules: [] }', `${V}registry:\n  replication: { rules: [] }\n`],
  ])('accepts %s', async (_name, text) => {
    expect(await diagnoseYaml(text)).toEqual([]);
  });

  it('refuses a 257-character repository name', async () => {
    const text = `${V}repositories:\n  ${'a'.repeat(257)}:\n`;
    expect(only(await diagnoseYaml(text))).toContain('invalid repository name');
  });
});
