import { describe, expect, it } from 'vitest';
import { diagnose, diagnoseYaml, load, loadYaml, only, pos, tree } from './helpers.js';

const PROFILE = 'arn:aws:signer:eu-west-1:123456789012:/signing-profiles/ecr_signing';
const role = (name: string) => `arn:aws:iam::123456789012:role/${name}`;

describe('registry.signing in the files', () => {
  it('builds the rules; a rule without filters signs every repository', async () => {
    const desired = await loadYaml(
      `version: 1\nregistry:\n  signing:\n    rules:\n      - signingProfileArn: ${PROFILE}\n        repositoryFilters: ["prod/*", "*prod*"]\n      - signingProfileArn: ${PROFILE}\n`,
    );
    expect(desired.registry.signing).toEqual({
      rules: [
        { signingProfileArn: PROFILE, repositoryFilters: ['prod/*', '*prod*'] },
        { signingProfileArn: PROFILE, repositoryFilters: [] },
      ],
    });
  });

  it('null and rules: [] both mean "no signing"; an absent key is not managed', async () => {
    expect((await loadYaml('version: 1\nregistry:\n  signing: null\n')).registry.signing).toBeNull();
    expect((await loadYaml('version: 1\nregistry:\n  signing: { rules: [] }\n')).registry.signing).toEqual({ rules: [] });
    expect('signing' in (await loadYaml('version: 1\nregistry: {}\n')).registry).toBe(false);
  });

  it.each([
    ['more than 10 rules', `rules: [${Array(11).fill(`{ signingProfileArn: "${PROFILE}" }`).join(', ')}]`, 'registry.signing.rules must have at most 10 item(s) (it has 11)'],
    ['an empty filter list', `rules: [{ signingProfileArn: "${PROFILE}", repositoryFilters: [] }]`, 'registry.signing.rules[0].repositoryFilters must have at least 1 item(s) (it has 0)'],
    ['an unknown key', `rules: [{ signingProfileArn: "${PROFILE}", filterType: WILDCARD_MATCH }]`, 'unknown key "filterType" under registry.signing.rules[0]'],
    ['a profile name of one character', `rules: [{ signingProfileArn: "arn:aws:signer:eu-west-1:123456789012:/signing-profiles/x" }]`, 'must be a Signer signing profile ARN'],
  ])('refuses %s at its line and column', async (_name, body, message) => {
    const text = `version: 1\nregistry:\n  signing: { ${body} }\n`;
    const line = only(await diagnoseYaml(text));
    expect(line).toMatch(/^registry\.yaml:3:\d+: /);
    expect(line).toContain(message);
  });
});

describe('registry.pullTimeUpdateExclusions in the files', () => {
  it('joins the principals of several files', async () => {
    const dir = await tree({
      'a.yaml': `version: 1\nregistry:\n  pullTimeUpdateExclusions: [${role('scanner')}]\n`,
      'b.yaml': `version: 1\nregistry:\n  pullTimeUpdateExclusions: [${role('auditor')}]\n`,
    });
    expect((await load(dir, ['a.yaml', 'b.yaml'])).registry.pullTimeUpdateExclusions).toEqual([role('scanner'), role('auditor')]);
  });

  it('one principal in two files is an error at the second, naming the first', async () => {
    const b = `version: 1\nregistry:\n  pullTimeUpdateExclusions: [${role('auditor')}, ${role('scanner')}]\n`;
    const dir = await tree({ 'a.yaml': `version: 1\nregistry:\n  pullTimeUpdateExclusions: [${role('scanner')}]\n`, 'b.yaml': b });
    expect(only(await diagnose(dir, ['a.yaml', 'b.yaml']))).toBe(
      `b.yaml:${pos(b, role('scanner'))}: pull-time update exclusion "${role('scanner')}" is also declared at a.yaml:3:30`,
    );
  });

  it('refuses a group ARN and a principal listed twice in one file, once each', async () => {
    const text = `version: 1\nregistry:\n  pullTimeUpdateExclusions:\n    - arn:aws:iam::123456789012:group/devs\n    - ${role('scanner')}\n    - ${role('scanner')}\n`;
    expect(await diagnoseYaml(text)).toEqual([
      `registry.yaml:4:7: registry.pullTimeUpdateExclusions[0] must be an IAM role or user ARN (arn:aws:iam::ACCOUNT:role/NAME or arn:aws:iam::ACCOUNT:user/NAME), not the string "arn:aws:iam::123456789012:group/devs"`,
      `registry.yaml:6:7: registry.pullTimeUpdateExclusions lists "${role('scanner')}" twice; remove one`,
    ]);
  });
});
