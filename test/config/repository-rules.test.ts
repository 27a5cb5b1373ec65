import { describe, expect, it } from 'vitest';
import { diagnoseYaml, loadYaml, only, pos } from './helpers.js';

const V = 'version: 1\n';
const KMS_ARN = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const NOT_ARN = "must be the key's full ARN (arn:aws:kms:REGION:ACCOUNT:key/ID), not the string";
const EVERY_PLAN = 'ECR returns the ARN, so an alias or key id would show a change (a replace of the repository) on every plan';

function tagLines(count: number, indent = '      '): string {
  return Array.from({ length: count }, (_, i) => `${indent}k${i}: v${i}\n`).join('');
}

/** [case, file text, where the diagnostic points (text, occurrence), message fragment] */
const cases: Array<[string, string, string, number, string]> = [
  ['50 declared tags (51 with the ownership tag)', `${V}repositories:\n  app:\n    tags:\n${tagLines(50)}`, 'tags', 1,
    'repository "app" has 50 tags plus managed-by: ecrform make 51; ECR allows 50, so declare at most 49'],
  ['too many tags once defaults are merged in', `${V}defaults:\n  tags:\n${tagLines(30, '    ')}repositories:\n  app:\n    tags:\n${tagLines(20).replace(/k(\d+)/g, 'own$1')}`, 'tags', 2,
    'repository "app" has 50 tags plus managed-by: ecrform make 51'],
  ['tag key over 128 characters', `${V}repositories:\n  app:\n    tags: { ${'k'.repeat(129)}: v }\n`, 'k'.repeat(129), 1,
    'tag key "kkkk'],
  ['tag key starting with aws:', `${V}repositories:\n  app:\n    tags: { "AWS:cloudformation": x }\n`, '"AWS:cloudformation"', 1,
    'tag key "AWS:cloudformation" starts with "aws:", which AWS reserves for its own tags; rename it'],
  ['tag value over 256 characters', `${V}repositories:\n  app:\n    tags: { note: ${'v'.repeat(257)} }\n`, 'v'.repeat(257), 1,
    'repositories.app.tags.note must be at most 256 characters long (it is 257)'],
  ['managed-by with another value', `${V}repositories:\n  app:\n    tags: { managed-by: terraform }\n`, 'terraform', 1,
    'the "managed-by" tag marks what ecrform manages and ecrform sets it ("ecrform", or "ecrform:NAME" with stack: NAME); remove it or use another key'],
  ['exclusion filters with a mutability that takes none', `${V}repositories:\n  app:\n    imageTagMutability: IMMUTABLE\n    imageTagMutabilityExclusionFilters: [latest]\n`, 'imageTagMutabilityExclusionFilters', 1,
    `imageTagMutabilityExclusionFilters only go with MUTABLE_WITH_EXCLUSION or IMMUTABLE_WITH_EXCLUSION; imageTagMutability is IMMUTABLE (registry.yaml:4:25)`],
  ['exclusion filters with mutability left out', `${V}repositories:\n  app:\n    imageTagMutabilityExclusionFilters: [latest]\n`, 'imageTagMutabilityExclusionFilters', 1,
    'imageTagMutability is MUTABLE when left out'],
  ['a *_WITH_EXCLUSION mutability without filters', `${V}repositories:\n  app:\n    imageTagMutability: IMMUTABLE_WITH_EXCLUSION\n`, 'IMMUTABLE_WITH_EXCLUSION', 1,
    'imageTagMutability IMMUTABLE_WITH_EXCLUSION needs imageTagMutabilityExclusionFilters (1 to 5 tag filters)'],
  ['a *_WITH_EXCLUSION mutability inherited without filters', `${V}defaults:\n  imageTagMutability: MUTABLE_WITH_EXCLUSION\nrepositories:\n  app: {}\n`, 'app', 1,
    'repository "app" inherits imageTagMutability MUTABLE_WITH_EXCLUSION from defaults (registry.yaml:3:23) and needs imageTagMutabilityExclusionFilters'],
  ['kmsKey with AES256', `${V}repositories:\n  app:\n    encryption: { type: AES256, kmsKey: ${KMS_ARN} }\n`, 'kmsKey', 1,
    'kmsKey goes only with type KMS or KMS_DSSE (type is AES256)'],
  ['kmsKey as an alias', `${V}repositories:\n  app:\n    encryption: { type: KMS, kmsKey: alias/ecr }\n`, 'alias/ecr', 1,
    `repositories.app.encryption.kmsKey ${NOT_ARN} "alias/ecr": ${EVERY_PLAN}`],
  ['kmsKey as a key id', `${V}repositories:\n  app:\n    encryption:\n      type: KMS_DSSE\n      kmsKey: 1234abcd-12ab-34cd-56ef-1234567890ab\n`, '1234abcd', 1,
    `repositories.app.encryption.kmsKey ${NOT_ARN} "1234abcd-12ab-34cd-56ef-1234567890ab": ${EVERY_PLAN}`],
  ['kmsKey as an alias ARN', `${V}repositories:\n  app:\n    encryption: { type: KMS, kmsKey: "arn:aws:kms:eu-west-1:123456789012:alias/ecr" }\n`, '"arn:aws:kms', 1,
    `repositories.app.encryption.kmsKey ${NOT_ARN} "arn:aws:kms:eu-west-1:123456789012:alias/ecr"`],
  ['kmsKey in defaults as an alias (reported once, not per repository)', `${V}defaults:\n  encryption: { type: KMS, kmsKey: alias/ecr }\nrepositories:\n  app: {}\n  web: {}\n`, 'alias/ecr', 1,
    `defaults.encryption.kmsKey ${NOT_ARN} "alias/ecr": ${EVERY_PLAN}`],
  ['template kmsKey as an alias', `${V}registry:\n  creationTemplates:\n    ROOT:\n      appliedFor: [REPLICATION]\n      encryption: { type: KMS, kmsKey: alias/ecr }\n`, 'alias/ecr', 1,
    `registry.creationTemplates.ROOT.encryption.kmsKey ${NOT_ARN} "alias/ecr": ${EVERY_PLAN}`],
  ['policy and policyFile together', `${V}repositories:\n  app:\n    policy: { Version: "2012-10-17", Statement: { Effect: Allow, Principal: "*", Action: "ecr:BatchGetImage" } }\n    policyFile: p.json\n`, 'policyFile', 1,
    'policy and policyFile exclude each other; keep one'],
  ['lifecyclePolicy and lifecyclePolicyFile together', `${V}defaults:\n  lifecyclePolicyFile: lc.json\n  lifecyclePolicy: ${JSON.stringify({ rules: [{ rulePriority: 1, selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 5 }, action: { type: 'expire' } }] })}\n`, 'lifecyclePolicyFile', 1,
    'lifecyclePolicy and lifecyclePolicyFile exclude each other; keep one'],
  ['template repositoryPolicy and repositoryPolicyFile together', `${V}registry:\n  creationTemplates:\n    ROOT:\n      appliedFor: [REPLICATION]\n      repositoryPolicyFile: p.json\n      repositoryPolicy: { Version: "2012-10-17", Statement: { Effect: Allow, Principal: "*", Action: "ecr:BatchGetImage" } }\n`, 'repositoryPolicyFile', 1,
    'repositoryPolicy and repositoryPolicyFile exclude each other; keep one'],
  ['a field both ignored and declared', `${V}repositories:\n  app:\n    scanOnPush: true\n    ignore: [scanOnPush]\n`, 'scanOnPush]', 1,
    '"scanOnPush" is in ignore, so ecrform leaves it as it is live, but repositories.app.scanOnPush also declares it; remove one'],
  ['a tag pinned to itself', `${V}repositories:\n  app:\n    images: { prod: { tag: prod } }\n`, 'prod }', 1,
    'tag "prod" cannot be pinned to itself'],
  ['continuous scanning with BASIC', `${V}registry:\n  scanning:\n    scanType: BASIC\n    rules: [{ scanFrequency: CONTINUOUS_SCAN, repositoryFilters: ["*"] }]\n`, 'CONTINUOUS_SCAN', 1,
    'scanFrequency CONTINUOUS_SCAN needs scanType ENHANCED'],
  ['MANUAL scanning with ENHANCED', `${V}registry:\n  scanning:\n    scanType: ENHANCED\n    rules:\n      - scanFrequency: CONTINUOUS_SCAN\n        repositoryFilters: ["prod/*"]\n      - scanFrequency: MANUAL\n        repositoryFilters: ["*"]\n`, 'MANUAL', 1,
    'scanFrequency MANUAL needs scanType BASIC; with ENHANCED use SCAN_ON_PUSH or CONTINUOUS_SCAN'],
  ['template filters without an exclusion mutability', `${V}registry:\n  creationTemplates:\n    ROOT:\n      appliedFor: [REPLICATION]\n      imageTagMutabilityExclusionFilters: [v1]\n`, 'imageTagMutabilityExclusionFilters', 1,
    'imageTagMutabilityExclusionFilters only go with MUTABLE_WITH_EXCLUSION or IMMUTABLE_WITH_EXCLUSION'],
  ['template with 51 resource tags', `${V}registry:\n  creationTemplates:\n    ROOT:\n      appliedFor: [REPLICATION]\n      resourceTags:\n${tagLines(51, '        ')}`, 'resourceTags', 1,
    'creation template "ROOT" has 51 tags; ECR allows at most 50'],
  ['template resourceTags with managed-by: ecrform', `${V}registry:\n  creationTemplates:\n    team-a/:\n      appliedFor: [CREATE_ON_PUSH]\n      resourceTags: { team: a, managed-by: ecrform }\n`, 'managed-by', 1,
    'creation template "team-a/" must not set the "managed-by" tag: every repository ECR creates from the template would carry it, so ecrform would take it for its own and delete it with prune: true; remove the tag or use another key'],
  ['template resourceTags with managed-by and another value', `${V}registry:\n  creationTemplates:\n    ROOT:\n      appliedFor: [REPLICATION]\n      resourceTags:\n        managed-by: terraform\n`, 'managed-by', 1,
    'creation template "ROOT" must not set the "managed-by" tag'],
  ['26 replication destinations', `${V}registry:\n  replication:\n    rules:\n      - destinations:\n${Array.from({ length: 25 }, () => '          - region: us-west-2\n').join('')}      - destinations:\n          - region: eu-north-1\n`, '- region: eu-north-1', 1,
    'this is replication destination 26; ECR allows at most 25 in all, across every rule and file'],
];

describe('repository and registry rules', () => {
  it.each(cases)('%s', async (_name, text, needle, nth, fragment) => {
    const line = only(await diagnoseYaml(text, { 'p.json': '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"ecr:BatchGetImage"}}', 'lc.json': JSON.stringify({ rules: [{ rulePriority: 1, selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 5 }, action: { type: 'expire' } }] }) }));
    const at = needle.startsWith('- ') ? pos(text, needle.slice(2), nth) : pos(text, needle, nth);
    expect(line.slice(0, `registry.yaml:${at}: `.length)).toBe(`registry.yaml:${at}: `);
    expect(line).toContain(fragment);
  });
});

describe('what the rules accept', () => {
  it('49 declared tags (50 with the ownership tag)', async () => {
    const desired = await loadYaml(`${V}repositories:\n  app:\n    tags:\n${tagLines(49)}`);
    expect(Object.keys(desired.repositories.app.tags)).toHaveLength(49);
  });

  it('a declared managed-by: ecrform is accepted, not counted twice, and left out of tags', async () => {
    const desired = await loadYaml(`${V}repositories:\n  app:\n    tags:\n      managed-by: ecrform\n${tagLines(49)}`);
    expect(desired.repositories.app.tags['managed-by']).toBeUndefined();
    expect(Object.keys(desired.repositories.app.tags)).toHaveLength(49);
  });

  it('default exclusion filters are inherited only where the mutability takes them', async () => {
    const desired = await loadYaml(
      `${V}defaults:\n  imageTagMutability: IMMUTABLE_WITH_EXCLUSION\n  imageTagMutabilityExclusionFilters: [latest]\nrepositories:\n  app:\n    imageTagMutability: IMMUTABLE\n  web: {}\n  dev:\n    imageTagMutability: MUTABLE_WITH_EXCLUSION\n`,
    );
    expect(desired.repositories.app).toMatchObject({ imageTagMutability: 'IMMUTABLE', imageTagMutabilityExclusionFilters: [] });
    expect(desired.repositories.web).toMatchObject({ imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION', imageTagMutabilityExclusionFilters: ['latest'] });
    expect(desired.repositories.dev).toMatchObject({ imageTagMutability: 'MUTABLE_WITH_EXCLUSION', imageTagMutabilityExclusionFilters: ['latest'] });
  });

  it('ignoring a field that only the defaults declare is fine', async () => {
    const desired = await loadYaml(`${V}defaults:\n  scanOnPush: true\nrepositories:\n  app:\n    ignore: [scanOnPush]\n`);
    expect(desired.repositories.app.ignore).toEqual(['scanOnPush']);
  });

  it('kmsKey as a full key ARN, in any partition, and no kmsKey for the AWS managed key', async () => {
    const desired = await loadYaml(
      `${V}defaults:\n  encryption: { type: KMS, kmsKey: ${KMS_ARN} }\nrepositories:\n  app: {}\n  cn:\n    encryption: { type: KMS_DSSE, kmsKey: "arn:aws-cn:kms:cn-north-1:123456789012:key/mrk-1234abcd" }\n  managed:\n    encryption: { type: KMS }\nregistry:\n  creationTemplates:\n    ROOT:\n      appliedFor: [REPLICATION]\n      encryption: { type: KMS, kmsKey: "arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/1234abcd" }\n`,
    );
    expect(desired.repositories.app.encryption).toEqual({ type: 'KMS', kmsKey: KMS_ARN });
    expect(desired.repositories.cn.encryption.kmsKey).toBe('arn:aws-cn:kms:cn-north-1:123456789012:key/mrk-1234abcd');
    expect(desired.repositories.managed.encryption).toEqual({ type: 'KMS' });
  });

  it('ENHANCED with SCAN_ON_PUSH and CONTINUOUS_SCAN, BASIC with MANUAL', async () => {
    const rules = (a: string, b: string): string => `    rules:\n      - { scanFrequency: ${a}, repositoryFilters: ["prod/*"] }\n      - { scanFrequency: ${b}, repositoryFilters: ["*"] }\n`;
    const enhanced = await loadYaml(`${V}registry:\n  scanning:\n    scanType: ENHANCED\n${rules('CONTINUOUS_SCAN', 'SCAN_ON_PUSH')}`);
    expect(enhanced.registry.scanning?.rules.map((r) => r.scanFrequency)).toEqual(['CONTINUOUS_SCAN', 'SCAN_ON_PUSH']);
    const basic = await loadYaml(`${V}registry:\n  scanning:\n    scanType: BASIC\n${rules('SCAN_ON_PUSH', 'MANUAL')}`);
    expect(basic.registry.scanning?.rules.map((r) => r.scanFrequency)).toEqual(['SCAN_ON_PUSH', 'MANUAL']);
  });

  it('template resourceTags with other keys, managed-by-team included', async () => {
    const desired = await loadYaml(`${V}registry:\n  creationTemplates:\n    ROOT:\n      appliedFor: [REPLICATION]\n      resourceTags: { managed-by-team: platform, owner: a }\n`);
    expect(desired.registry.creationTemplates?.ROOT).toMatchObject({ resourceTags: { 'managed-by-team': 'platform', owner: 'a' } });
  });

  it('25 replication destinations', async () => {
    const dests = Array.from({ length: 25 }, () => '          - region: us-west-2\n').join('');
    const desired = await loadYaml(`${V}registry:\n  replication:\n    rules:\n      - destinations:\n${dests}`);
    expect(desired.registry.replication?.rules[0].destinations).toHaveLength(25);
  });
});
