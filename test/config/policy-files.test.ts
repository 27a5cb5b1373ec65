import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose, diagnoseYaml, load, only, pos, tree } from './helpers.js';

const LIFECYCLE = {
  rules: [{ rulePriority: 1, description: 'keep 30', selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 30 }, action: { type: 'expire' } }],
};
const POLICY_YAML = [
  'Version: "2012-10-17"',
  'Statement:',
  '  - Sid: ci-pull',
  '    Effect: Allow',
  '    Principal: { AWS: "arn:aws:iam::210987654321:root" }',
  '    Action: [ecr:BatchGetImage]',
  '',
].join('\n');

function repoWith(key: string, ref: string): string {
  return `version: 1\nrepositories:\n  app:\n    ${key}: ${ref}\n`;
}

describe('policy files', () => {
  it('reads a JSON lifecycle policy and a YAML repository policy, relative to the file naming them', async () => {
    const dir = await tree({
      'teams/a.yaml': 'version: 1\nrepositories:\n  app:\n    lifecyclePolicyFile: policies/keep.json\n    policyFile: ./policies/pull.yml\n',
      'teams/policies/keep.json': JSON.stringify(LIFECYCLE, null, 2),
      'teams/policies/pull.yml': POLICY_YAML,
    });
    const desired = await load(dir, ['teams/a.yaml']);
    expect(desired.repositories.app.lifecyclePolicy).toEqual(LIFECYCLE);
    expect(desired.repositories.app.policy).toEqual({
      Version: '2012-10-17',
      Statement: [{ Sid: 'ci-pull', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::210987654321:root' }, Action: ['ecr:BatchGetImage'] }],
    });
  });

  it('reads registry and template policy files', async () => {
    const dir = await tree({
      'r.yaml':
        'version: 1\nregistry:\n  policyFile: pull.yaml\n  creationTemplates:\n    ROOT:\n      appliedFor: [REPLICATION]\n      repositoryPolicyFile: pull.yaml\n      lifecyclePolicyFile: keep.json\n',
      'pull.yaml': POLICY_YAML,
      'keep.json': JSON.stringify(LIFECYCLE),
    });
    const desired = await load(dir, ['r.yaml']);
    expect(desired.registry.policy?.Version).toBe('2012-10-17');
    expect(desired.registry.creationTemplates?.ROOT.repositoryPolicy).toEqual(desired.registry.policy);
    expect(desired.registry.creationTemplates?.ROOT.lifecyclePolicy).toEqual(LIFECYCLE);
  });

  it.each([
    ['absolute', '/etc/ecr/policy.json', 'policyFile: "/etc/ecr/policy.json" is an absolute path; write it relative to registry.yaml'],
    ['with another extension', 'policy.txt', 'policyFile: "policy.txt" must end in .json (JSON) or .yaml / .yml (YAML)'],
    ['missing', 'nope.json', 'policyFile: "nope.json" does not exist (looked for nope.json)'],
  ])('refuses a path %s, at the value naming it', async (_name, ref, message) => {
    const text = repoWith('policyFile', ref);
    expect(await diagnoseYaml(text)).toEqual([`registry.yaml:${pos(text, ref)}: ${message}`]);
  });

  it('a problem inside a JSON file names that file, line and column', async () => {
    const json = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Permit", "Principal": "*", "Action": "ecr:*" }\n  ]\n}\n';
    const text = repoWith('policyFile', 'p.json');
    expect(await diagnoseYaml(text, { 'p.json': json })).toEqual([
      `p.json:${pos(json, '"Permit"')}: Effect must be exactly Allow or Deny, not "Permit"`,
    ]);
  });

  it('a problem inside a YAML file names that file, line and column', async () => {
    const yaml = POLICY_YAML.replace('    Action: [ecr:BatchGetImage]\n', '');
    const text = repoWith('policyFile', 'policies/p.yaml');
    const line = only(await diagnoseYaml(text, { 'policies/p.yaml': yaml }));
    expect(line).toBe(`${path.join('policies', 'p.yaml')}:${pos(yaml, 'Sid')}: the Statement needs "Action" (or "NotAction"), e.g. Action: [ecr:BatchGetImage]`);
  });

  it('invalid JSON is reported where the parser stopped', async () => {
    const json = '{\n  "rules": [\n    { "rulePriority": 1, }\n  ]\n}\n';
    const text = repoWith('lifecyclePolicyFile', 'lc.json');
    const line = only(await diagnoseYaml(text, { 'lc.json': json }));
    // The reason is V8's own wording; the position is ours.
    expect(line.startsWith(`lc.json:${pos(json, '}')}: invalid JSON: `)).toBe(true);
  });

  it('a YAML syntax error in a policy file names that file', async () => {
    const text = repoWith('lifecyclePolicyFile', 'lc.yaml');
    const lines = await diagnoseYaml(text, { 'lc.yaml': 'rules:\n  - rulePriority: 1\n   bad: [\n' });
    expect(lines[0]).toBe('lc.yaml:3:1: YAML syntax error: Sequence item without - indicator');
    expect(lines.every((l) => l.startsWith('lc.yaml:'))).toBe(true);
  });

  it('a duplicate key in a JSON file is an error, naming the key and the line of the first', async () => {
    const json = '{"Version": "2012-10-17", "Version": "2008-10-17", "Statement": {"Effect": "Allow", "Principal": "*", "Action": "ecr:*"}}';
    const text = repoWith('policyFile', 'p.json');
    expect(only(await diagnoseYaml(text, { 'p.json': json }))).toBe(
      `p.json:${pos(json, '"Version"', 2)}: duplicate key "Version": already set earlier in the same object (line 1); keep one`,
    );
  });

  it('a file shared by several repositories is reported once', async () => {
    const json = JSON.stringify({ rules: [{ ...LIFECYCLE.rules[0], rulePriority: 0 }] });
    const dir = await tree({
      'r.yaml': 'version: 1\nrepositories:\n  a1:\n    lifecyclePolicyFile: lc.json\n  a2:\n    lifecyclePolicyFile: lc.json\n',
      'lc.json': json,
    });
    expect(await diagnose(dir, ['r.yaml'])).toEqual([
      `lc.json:${pos(json, '0,')}: rulePriority must be a whole number of at least 1, not 0`,
    ]);
  });

  it('a lifecycle file that is not a mapping', async () => {
    const text = repoWith('lifecyclePolicyFile', 'lc.json');
    expect(await diagnoseYaml(text, { 'lc.json': '[1, 2]' })).toEqual(['lc.json:1:1: a lifecycle policy must be a mapping with a "rules" list']);
  });
});
