import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose, load, only, pos, tree } from './helpers.js';

const TEAM_A = [
  'version: 1',
  'registry:',
  '  replication:',
  '    rules:',
  '      - destinations: [{ region: us-west-2 }]',
  '        repositoryFilters: ["team-a/"]',
  'defaults:',
  '  imageTagMutability: IMMUTABLE',
  '  tags: { owner: team-a, tier: gold }',
  'repositories:',
  '  team-a/api:',
  '    tags: { tier: silver }',
  '',
].join('\n');

const TEAM_B = [
  'version: 1',
  'registry:',
  '  replication:',
  '    rules:',
  '      - destinations: [{ region: eu-central-1, registryId: "345678901234" }]',
  '        repositoryFilters: ["team-b/"]',
  'repositories:',
  '  team-b/api:',
  '',
].join('\n');

describe('several files', () => {
  it('concatenates replication rules in file order and merges repositories by name', async () => {
    const dir = await tree({ 'teams/a.yaml': TEAM_A, 'teams/b.yaml': TEAM_B });
    const desired = await load(dir, ['teams']);
    expect(desired.registry.replication).toEqual({
      rules: [
        // Each rule remembers where it is declared: the checks across registries point at it.
        { destinations: [{ region: 'us-west-2' }], repositoryFilters: ['team-a/'], source: expect.objectContaining({ file: expect.stringMatching(/a\.yaml$/) }) },
        { destinations: [{ region: 'eu-central-1', registryId: '345678901234' }], repositoryFilters: ['team-b/'], source: expect.objectContaining({ file: expect.stringMatching(/b\.yaml$/) }) },
      ],
    });
    expect(Object.keys(desired.repositories).sort()).toEqual(['team-a/api', 'team-b/api']);
    expect(desired.sources.map((s) => path.relative(dir, s.path))).toEqual([path.join('teams', 'a.yaml'), path.join('teams', 'b.yaml')]);
  });

  it('applies defaults only to the repositories of the file that declares them; tags merge key by key', async () => {
    const dir = await tree({ 'a.yaml': TEAM_A, 'b.yaml': TEAM_B });
    const desired = await load(dir, ['a.yaml', 'b.yaml']);
    expect(desired.repositories['team-a/api']).toMatchObject({ imageTagMutability: 'IMMUTABLE', tags: { owner: 'team-a', tier: 'silver' } });
    expect(desired.repositories['team-b/api']).toMatchObject({ imageTagMutability: 'MUTABLE', tags: {} });
  });

  it('the same repository in two files names both files and lines, at the second declaration', async () => {
    const other = 'version: 1\nrepositories:\n  team-a/api:\n    scanOnPush: true\n';
    const dir = await tree({ 'a.yaml': TEAM_A, 'b.yaml': other });
    expect(await diagnose(dir, ['a.yaml', 'b.yaml'])).toEqual([
      `b.yaml:${pos(other, 'team-a/api')}: repository "team-a/api" is also declared at a.yaml:${pos(TEAM_A, 'team-a/api:')}`,
    ]);
  });

  it.each([
    ['the same pull-through cache prefix', 'registry:\n  pullThroughCache:\n    quay: { upstreamRegistryUrl: quay.io }\n', 'quay:', 'pull-through cache rule "quay" is also declared at a.yaml:'],
    ['the same creation template', 'registry:\n  creationTemplates:\n    ROOT: { appliedFor: [REPLICATION] }\n', 'ROOT', 'creation template "ROOT" is also declared at a.yaml:'],
    ['the same account setting', 'registry:\n  accountSettings:\n    BASIC_SCAN_TYPE_VERSION: AWS_NATIVE\n', 'BASIC_SCAN_TYPE_VERSION', 'account setting "BASIC_SCAN_TYPE_VERSION" is also declared at a.yaml:'],
    ['the registry policy (once inline, once by file)', null, 'policyFile', 'registry.policy is also declared at a.yaml:'],
    ['registry.scanning', 'registry:\n  scanning: { scanType: BASIC }\n', 'scanning', 'registry.scanning is also declared at a.yaml:'],
  ])('%s in two files is an error', async (_name, body, needle, message) => {
    const policy = '{ Version: "2012-10-17", Statement: { Effect: Allow, Principal: "*", Action: "ecr:BatchGetImage" } }';
    const first = body === null ? `version: 1\nregistry:\n  policy: ${policy}\n` : `version: 1\n${body}`;
    const second = body === null ? 'version: 1\nregistry:\n  policyFile: p.yaml\n' : `version: 1\n${body}`;
    const dir = await tree({ 'a.yaml': first, 'b.yaml': second, 'p.yaml': policy });
    const firstNeedle = body === null ? 'policy' : needle;
    expect(only(await diagnose(dir, ['a.yaml', 'b.yaml']))).toBe(
      `b.yaml:${pos(second, needle)}: ${message}${pos(first, firstNeedle)}`,
    );
  });

  it.each([
    ['registry.region', 'registry:\n  region: eu-west-1\n', 'registry:\n  region: us-east-1\n', 'eu-west-1', 'us-east-1',
      'registry.region is "us-east-1" here but "eu-west-1" at a.yaml:'],
    ['registry.accountId', 'registry:\n  accountId: "111111111111"\n', 'registry:\n  accountId: "222222222222"\n', '"111111111111"', '"222222222222"',
      'registry.accountId is "222222222222" here but "111111111111" at a.yaml:'],
    ['prune', 'prune: true\n', 'prune: false\n', 'true', 'false', 'prune is false here but true at a.yaml:'],
  ])('%s differing between files names both', async (_name, a, b, aNeedle, bNeedle, message) => {
    const first = `version: 1\n${a}`;
    const second = `version: 1\n${b}`;
    const dir = await tree({ 'a.yaml': first, 'b.yaml': second });
    expect(only(await diagnose(dir, ['a.yaml', 'b.yaml']))).toBe(
      `b.yaml:${pos(second, bNeedle)}: ${message}${pos(first, aNeedle)}; every file must give the same value (or leave it out)`,
    );
  });

  it('the same region, account id and prune in two files are fine; other registry keys merge by key', async () => {
    const first = 'version: 1\nprune: true\nregistry:\n  region: eu-west-1\n  accountSettings: { BASIC_SCAN_TYPE_VERSION: AWS_NATIVE }\n';
    const second = 'version: 1\nprune: true\nregistry:\n  region: eu-west-1\n  accountSettings: { REGISTRY_POLICY_SCOPE: V2 }\n  scanning: { scanType: BASIC }\n';
    const dir = await tree({ 'a.yaml': first, 'b.yaml': second });
    const desired = await load(dir, ['a.yaml', 'b.yaml']);
    expect(desired.prune).toBe(true);
    expect(desired.registry).toEqual({
      region: 'eu-west-1',
      accountSettings: { BASIC_SCAN_TYPE_VERSION: 'AWS_NATIVE', REGISTRY_POLICY_SCOPE: 'V2' },
      scanning: { scanType: 'BASIC', rules: [] },
    });
  });

  it('counts replication destinations across files', async () => {
    const dests = (n: number): string => Array.from({ length: n }, () => '          - region: us-west-2\n').join('');
    const first = `version: 1\nregistry:\n  replication:\n    rules:\n      - destinations:\n${dests(20)}`;
    const second = `version: 1\nregistry:\n  replication:\n    rules:\n      - destinations:\n${dests(6)}`;
    const dir = await tree({ 'a.yaml': first, 'b.yaml': second });
    const expectedLine = 6 + 5; // the sixth destination of b.yaml
    expect(only(await diagnose(dir, ['a.yaml', 'b.yaml']))).toBe(
      `b.yaml:${expectedLine}:13: this is replication destination 26; ECR allows at most 25 in all, across every rule and file`,
    );
  });

  it('reports problems of every file together, sorted by file and line', async () => {
    const dir = await tree({
      'b.yaml': 'version: 1\nrepositories:\n  x1: { scanOnPush: maybe }\n',
      'a.yaml': 'version: 1\nrepositories:\n  y1: { colour: red }\n  y2: { scanOnPush: 1 }\n',
    });
    const lines = await diagnose(dir, ['b.yaml', 'a.yaml']);
    expect(lines.map((l) => l.split(': ')[0])).toEqual(['a.yaml:3:9', 'a.yaml:4:21', 'b.yaml:3:21']);
  });
});
