import { describe, expect, it } from 'vitest';
import { diagnoseYaml, loadYaml, only, pos } from './helpers.js';

/** A repository policy written inline as YAML; `statement` is the YAML of the first statement's keys. */
function withStatement(statement: string, top = 'Version: "2012-10-17"'): string {
  return `version: 1\nrepositories:\n  app:\n    policy:\n      ${top}\n      Statement:\n        - ${statement.split('\n').join('\n          ')}\n`;
}

const GOOD = 'Effect: Allow\nPrincipal: { AWS: "arn:aws:iam::210987654321:root" }\nAction: [ecr:BatchGetImage]';

/** [case, file text, text to point at, occurrence, message fragment] */
const cases: Array<[string, string, string, number, string]> = [
  ['Effect in the wrong case', withStatement(GOOD.replace('Allow', 'allow')), 'allow', 1,
    'Effect must be exactly Allow or Deny, not "allow"; did you mean "Allow"?'],
  ['no Effect', withStatement(GOOD.replace('Effect: Allow\n', '')), 'Principal', 1, 'the Statement needs "Effect": Allow or Deny'],
  ['no Principal in a resource policy', withStatement(GOOD.replace(/Principal: .*\n/, '')), 'Effect', 1,
    'the Statement needs "Principal" (or "NotPrincipal"): a repository policy is a resource policy'],
  ['both Principal and NotPrincipal', withStatement(`${GOOD}\nNotPrincipal: "*"`), 'NotPrincipal', 1, 'a Statement has Principal or NotPrincipal, not both'],
  ['a principal that is neither "*" nor a mapping', withStatement(GOOD.replace(/Principal: .*\n/, 'Principal: "210987654321"\n')), '"210987654321"', 1,
    'Principal must be "*" or a mapping such as { AWS: "arn:aws:iam::123456789012:root" }'],
  ['no Action', withStatement(GOOD.replace(/\nAction: .*/, '')), 'Effect', 1, 'the Statement needs "Action" (or "NotAction")'],
  ['both Action and NotAction', withStatement(`${GOOD}\nNotAction: ecr:DeleteRepository`), 'NotAction', 1, 'a Statement has Action or NotAction, not both'],
  ['an empty Action list', withStatement(GOOD.replace('[ecr:BatchGetImage]', '[]')), '[]', 1, 'Action must not be an empty list'],
  ['an unknown statement key', withStatement(`${GOOD}\nActions: [ecr:PutImage]`), 'Actions', 1,
    'unknown key "Actions" in a Statement of the repository policy; did you mean "Action"?'],
  ['no Version', withStatement(GOOD, 'Id: x'), 'Id: x', 1, 'the repository policy needs "Version": "2012-10-17"'],
  ['a Version that is not a string', withStatement(GOOD, 'Version: 2012'), '2012', 1, 'Version must be a string: "2012-10-17"'],
  ['an unknown Version', withStatement(GOOD, 'Version: "2020-01-01"'), '"2020-01-01"', 1, 'Version must be "2012-10-17" or "2008-10-17", not "2020-01-01"'],
  ['no Statement', 'version: 1\nrepositories:\n  app:\n    policy:\n      Version: "2012-10-17"\n', 'Version', 1,
    'the repository policy needs "Statement": a statement or a list of them'],
  ['an empty Statement list', 'version: 1\nrepositories:\n  app:\n    policy: { Version: "2012-10-17", Statement: [] }\n', '[]', 1,
    'Statement must not be an empty list'],
  ['a registry policy without a principal', 'version: 1\nregistry:\n  policy:\n    Version: "2012-10-17"\n    Statement: { Effect: Allow, Action: "ecr:ReplicateImage", Resource: "*" }\n', '{ Effect', 1,
    'a registry policy is a resource policy and must name whom it applies to'],
  ['a policy over 10,240 characters', withStatement(`${GOOD}\nSid: ${'s'.repeat(10_300)}`), 'Version', 1,
    'characters as compact JSON; ECR allows at most 10240'],
];

describe('IAM policy structure', () => {
  it.each(cases)('%s', async (_name, text, needle, nth, fragment) => {
    const line = only(await diagnoseYaml(text));
    const at = `registry.yaml:${pos(text, needle, nth)}: `;
    expect(line.slice(0, at.length)).toBe(at);
    expect(line).toContain(fragment);
  });

  it('accepts a single Statement object, NotPrincipal with Deny and Condition', async () => {
    const text =
      'version: 1\nrepositories:\n  app:\n    policy:\n      Version: "2012-10-17"\n      Statement:\n' +
      '        Sid: deny-others\n        Effect: Deny\n        NotPrincipal: { AWS: ["arn:aws:iam::210987654321:root"] }\n' +
      '        NotAction: ecr:BatchGetImage\n        Condition: { Bool: { "aws:SecureTransport": false } }\n';
    const desired = await loadYaml(text);
    expect(desired.repositories.app.policy).toMatchObject({ Statement: { Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': false } } } });
  });
});
