import { describe, expect, it } from 'vitest';
import { diagnoseYaml } from './helpers.js';

/*
 * The rule checks run even when the schema fails (one run reports every problem), so they
 * must stay quiet, and not crash, on the values the schema already refuses: each of these
 * files gets the schema's messages and nothing else.
 */

const V = 'version: 1\n';

const cases: Array<[string, string, string[]]> = [
  ['an unknown scanType with rules', `${V}registry:\n  scanning:\n    scanType: FULL\n    rules: [{ scanFrequency: MANUAL, repositoryFilters: ["*"] }]\n`,
    ['registry.yaml:4:15: registry.scanning.scanType must be one of BASIC, ENHANCED, not the string "FULL"']],
  ['scanType "constructor" (a name every JavaScript object has)', `${V}registry:\n  scanning:\n    scanType: constructor\n    rules: [{ repositoryFilters: ["*"] }]\n`,
    ['registry.yaml:4:15: registry.scanning.scanType must be one of BASIC, ENHANCED, not the string "constructor"',
      'registry.yaml:5:13: missing required key "scanFrequency" in registry.scanning.rules[0]']],
  ['a scanning rule that is not a mapping', `${V}registry:\n  scanning:\n    scanType: BASIC\n    rules: [CONTINUOUS_SCAN]\n`,
    ['registry.yaml:5:13: registry.scanning.rules[0] must be a mapping, not the string "CONTINUOUS_SCAN"']],
  ['an empty creation template', `${V}registry:\n  creationTemplates:\n    ROOT: null\n`,
    ['registry.yaml:4:11: registry.creationTemplates.ROOT must be a mapping, not empty']],
  ['a destination without region in a file without registry.region', `${V}registry:\n  replication:\n    rules:\n      - destinations: [{}]\n`,
    ['registry.yaml:5:24: missing required key "region" in registry.replication.rules[0].destinations[0]']],
  ['a replication rule that is not a mapping', `${V}registry:\n  region: eu-west-1\n  replication:\n    rules: [eu-west-1]\n`,
    ['registry.yaml:5:13: registry.replication.rules[0] must be a mapping, not the string "eu-west-1"']],
  ['a ROOT cache rule without upstreamRegistryUrl', `${V}registry:\n  pullThroughCache:\n    ROOT: { upstreamRegistry: docker-hub }\n`,
    ['registry.yaml:4:11: missing required key "upstreamRegistryUrl" in registry.pullThroughCache.ROOT']],
  ['a roleArn given as a list', `${V}registry:\n  accountId: "111111111111"\n  roleArn: [arn:aws:iam::222222222222:role/ecr]\n`,
    ['registry.yaml:4:12: registry.roleArn must be a string, not a list']],
  ['unquoted account ids in a replication to the own region', `${V}registry:\n  region: eu-west-1\n  accountId: 123456789012\n  replication:\n    rules:\n      - destinations: [{ region: eu-west-1, registryId: 123456789012 }]\n`,
    ['registry.yaml:4:14: registry.accountId must be a quoted string: write accountId: "123456789012" (account ids are 12 digits and may start with 0, which an unquoted number loses)',
      'registry.yaml:7:57: registry.replication.rules[0].destinations[0].registryId must be a string: quote it, "123456789012"']],
  ['an unknown mutability with exclusion filters', `${V}repositories:\n  app:\n    imageTagMutability: FROZEN\n    imageTagMutabilityExclusionFilters: [latest]\n`,
    ['registry.yaml:4:25: repositories.app.imageTagMutability must be one of MUTABLE, IMMUTABLE, MUTABLE_WITH_EXCLUSION, IMMUTABLE_WITH_EXCLUSION, not the string "FROZEN"']],
  ['encryption as a string', `${V}repositories:\n  app:\n    encryption: AES256\n`,
    ['registry.yaml:4:17: repositories.app.encryption must be a mapping, not the string "AES256"']],
];

describe('rule checks on values the schema refuses', () => {
  it.each(cases)('%s', async (_name, text, expected) => {
    expect(await diagnoseYaml(text)).toEqual(expected);
  });

  it('ignore: [constructor] is a schema error, not a crash', async () => {
    const lines = await diagnoseYaml(`${V}repositories:\n  app:\n    scanOnPush: true\n    ignore: [constructor, toString]\n`);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.startsWith('registry.yaml:5:'))).toBe(true);
    expect(lines.join('\n')).not.toContain('is in ignore');
  });
});
