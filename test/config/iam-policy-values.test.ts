import { describe, expect, it } from 'vitest';
import { MAX_POLICY_CHARS } from '../../src/config/validate-iam-policy.js';
import { diagnoseYaml, loadYaml, pos } from './helpers.js';

/*
 * What IAM accepts in each value of a resource policy (repository, registry and
 * template policies), and where ecrform points when a value is refused: the whole
 * message and its line:col, since that is what the user reads.
 */

const PRINCIPAL = 'Principal: { AWS: "arn:aws:iam::210987654321:root" }';
const ACTION = 'Action: [ecr:BatchGetImage]';

/** A repository policy whose one statement has these lines (its keys, one per line). */
function repoPolicy(...lines: string[]): string {
  return `version: 1\nrepositories:\n  app:\n    policy:\n      Version: "2012-10-17"\n      Statement:\n        - ${lines.join('\n          ')}\n`;
}

/** A registry policy whose one statement has these lines. */
function registryPolicy(...lines: string[]): string {
  return `version: 1\nregistry:\n  policy:\n    Version: "2012-10-17"\n    Statement:\n      - ${lines.join('\n        ')}\n`;
}

/** A creation template's repository policy whose one statement has these lines. */
function templatePolicy(...lines: string[]): string {
  return (
    'version: 1\nregistry:\n  creationTemplates:\n    ROOT:\n      appliedFor: [REPLICATION]\n      repositoryPolicy:\n' +
    `        Version: "2012-10-17"\n        Statement:\n          - ${lines.join('\n            ')}\n`
  );
}

const STATEMENT_KEYS = 'Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource, Condition';
const NOT_A_PRINCIPAL = 'must be "*" or a mapping such as { AWS: "arn:aws:iam::123456789012:root" }';
const CONDITION = 'Condition must map operators to mappings, e.g. { StringEquals: { "aws:PrincipalOrgID": o-123 } }';
const REFUSED_RESOURCE = 'it applies to its own repository, and ECR refuses the policy ("Invalid repository policy provided"); remove the key';

/** [case, file text, text the diagnostic points at, its occurrence, the whole message] */
const refused: Array<[string, string, string, number, string]> = [
  ['an unknown statement key, not close to any', repoPolicy('Effect: Allow', PRINCIPAL, ACTION, 'Comment: pull only'), 'Comment', 1,
    `unknown key "Comment" in a Statement of the repository policy; expected one of: ${STATEMENT_KEYS}`],
  ['an unknown top-level key, not close to any',
    'version: 1\nrepositories:\n  app:\n    policy:\n      Version: "2012-10-17"\n      Comment: pull only\n      Statement: { Effect: Allow, Principal: "*", Action: "ecr:BatchGetImage" }\n',
    'Comment', 1, 'unknown key "Comment" in the repository policy; expected one of: Version, Id, Statement'],
  ['an Id that is not a string',
    'version: 1\nrepositories:\n  app:\n    policy:\n      Version: "2012-10-17"\n      Id: 42\n      Statement: { Effect: Allow, Principal: "*", Action: "ecr:BatchGetImage" }\n',
    '42', 1, 'Id must be a string'],
  ['a statement that is not a mapping',
    'version: 1\nrepositories:\n  app:\n    policy:\n      Version: "2012-10-17"\n      Statement:\n        - ecr:BatchGetImage\n',
    'ecr:BatchGetImage', 1, 'each Statement of the repository policy must be a mapping'],
  ['a Sid that is not a string', repoPolicy('Sid: 700', 'Effect: Allow', PRINCIPAL, ACTION), '700', 1, 'Sid must be a string'],
  ['an Effect that is not a string', repoPolicy('Effect: 2', PRINCIPAL, ACTION), '2\n', 1, 'Effect must be exactly Allow or Deny, not 2'],
  ['Deny in capitals', repoPolicy('Effect: DENY', PRINCIPAL, ACTION), 'DENY', 1,
    'Effect must be exactly Allow or Deny, not "DENY"; did you mean "Deny"?'],
  ['an Effect close to neither', repoPolicy('Effect: Permit', PRINCIPAL, ACTION), 'Permit', 1,
    'Effect must be exactly Allow or Deny, not "Permit"'],
  ['a Principal given as a list', repoPolicy('Effect: Allow', 'Principal: ["arn:aws:iam::210987654321:root"]', ACTION), '["arn', 1,
    `Principal ${NOT_A_PRINCIPAL}`],
  ['an account id as NotPrincipal', repoPolicy('Effect: Deny', 'NotPrincipal: "210987654321"', ACTION), '"210987654321"', 1,
    `NotPrincipal ${NOT_A_PRINCIPAL}`],
  ['an empty Principal mapping', repoPolicy('Effect: Allow', 'Principal: {}', ACTION), '{}', 1, 'Principal must name at least one principal'],
  ['an empty list of AWS principals', repoPolicy('Effect: Allow', 'Principal: { AWS: [] }', ACTION), '[]', 1, 'Principal.AWS must not be an empty list'],
  ['a number as Action', repoPolicy('Effect: Allow', PRINCIPAL, 'Action: 5'), '5\n', 1, 'Action must be a string or a list of strings'],
  ['a number among the actions', repoPolicy('Effect: Allow', PRINCIPAL, 'Action: [ecr:BatchGetImage, 5]'), '5]', 1, 'Action entries must be strings'],
  ['an empty NotAction list', repoPolicy('Effect: Deny', PRINCIPAL, 'NotAction: []'), '[]', 1, 'NotAction must not be an empty list'],
  ['NotResource in a repository policy', repoPolicy('Effect: Allow', PRINCIPAL, ACTION, 'NotResource: "*"'), 'NotResource', 1,
    `a repository policy must not have "NotResource": ${REFUSED_RESOURCE}`],
  ['Resource in a creation template\'s repository policy', templatePolicy('Effect: Allow', PRINCIPAL, ACTION, 'Resource: "*"'), 'Resource', 1,
    `a template repository policy must not have "Resource": ${REFUSED_RESOURCE}`],
  ['Resource and NotResource in a registry policy', registryPolicy('Effect: Allow', PRINCIPAL, 'Action: ecr:ReplicateImage', 'Resource: "*"', 'NotResource: "*"'),
    'NotResource', 1, 'a Statement has Resource or NotResource, not both'],
  ['an empty Resource list in a registry policy', registryPolicy('Effect: Allow', PRINCIPAL, 'Action: ecr:ReplicateImage', 'Resource: []'), '[]', 1,
    'Resource must not be an empty list'],
  ['a number as NotResource in a registry policy', registryPolicy('Effect: Allow', PRINCIPAL, 'Action: ecr:ReplicateImage', 'NotResource: 3'), '3\n', 1,
    'NotResource must be a string or a list of strings'],
  ['a Condition that is not a mapping', repoPolicy('Effect: Allow', PRINCIPAL, ACTION, 'Condition: aws:SecureTransport'), 'aws:SecureTransport', 1, CONDITION],
  ['a Condition operator whose value is not a mapping',
    repoPolicy('Effect: Allow', PRINCIPAL, ACTION, 'Condition: { Bool: { "aws:SecureTransport": "true" }, StringEquals: o-123 }'), '{ Bool', 1, CONDITION],
];

describe('IAM policy values refused, with the whole message at the value', () => {
  it.each(refused)('%s', async (_name, text, needle, nth, message) => {
    expect(await diagnoseYaml(text)).toEqual([`registry.yaml:${pos(text, needle, nth)}: ${message}`]);
  });

  it('a policy file that holds a list, not a policy document', async () => {
    const text = 'version: 1\nrepositories:\n  app:\n    policyFile: pull.json\n';
    expect(await diagnoseYaml(text, { 'pull.json': '[\n  { "Effect": "Allow" }\n]\n' })).toEqual([
      'pull.json:1:1: the repository policy must be a mapping (an IAM policy document with Version and Statement)',
    ]);
  });
});

describe('ECR\'s size limit on a policy', () => {
  /** A registry policy of exactly `size` characters as compact JSON (the text ecrform sends). */
  function policyOfSize(size: number): Record<string, unknown> {
    const doc = { Version: '2012-10-17', Statement: [{ Sid: '', Effect: 'Allow', Principal: '*', Action: 'ecr:ReplicateImage', Resource: '*' }] };
    doc.Statement[0].Sid = 's'.repeat(size - JSON.stringify(doc).length);
    expect(JSON.stringify(doc)).toHaveLength(size);
    return doc;
  }

  it(`accepts exactly ${MAX_POLICY_CHARS} characters (RegistryPolicyText and RepositoryPolicyText allow at most that)`, async () => {
    const doc = policyOfSize(MAX_POLICY_CHARS);
    const desired = await loadYaml(`version: 1\nregistry:\n  policy: ${JSON.stringify(doc)}\n`);
    expect(desired.registry.policy).toEqual(doc);
  });

  it('refuses one character more, at the policy', async () => {
    const text = `version: 1\nregistry:\n  policy: ${JSON.stringify(policyOfSize(MAX_POLICY_CHARS + 1))}\n`;
    expect(await diagnoseYaml(text)).toEqual([
      `registry.yaml:${pos(text, '{"Version"')}: the registry policy is ${MAX_POLICY_CHARS + 1} characters as compact JSON; ECR allows at most ${MAX_POLICY_CHARS}`,
    ]);
  });
});

describe('IAM policy values accepted', () => {
  it('a registry policy with lists of principals, actions and resources, and conditions', async () => {
    const statement = {
      Sid: 'replicate-from-prod',
      Effect: 'Allow',
      Principal: { AWS: ['arn:aws:iam::210987654321:root', 'arn:aws:iam::210987654322:root'], Service: 'ecr.amazonaws.com' },
      Action: ['ecr:CreateRepository', 'ecr:ReplicateImage'],
      Resource: ['arn:aws:ecr:eu-west-1:123456789012:repository/*'],
      Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-123' }, Bool: { 'aws:SecureTransport': 'true' } },
    };
    const desired = await loadYaml(registryPolicy(...Object.entries(statement).map(([k, v]) => `${k}: ${JSON.stringify(v)}`)));
    expect(desired.registry.policy).toEqual({ Version: '2012-10-17', Statement: [statement] });
  });

  it('a registry policy statement with NotResource', async () => {
    const desired = await loadYaml(registryPolicy('Effect: Deny', 'Principal: "*"', 'Action: ecr:ReplicateImage', 'NotResource: ["arn:aws:ecr:eu-west-1:123456789012:repository/prod/*"]'));
    expect(desired.registry.policy?.Statement).toEqual([
      { Effect: 'Deny', Principal: '*', Action: 'ecr:ReplicateImage', NotResource: ['arn:aws:ecr:eu-west-1:123456789012:repository/prod/*'] },
    ]);
  });
});
