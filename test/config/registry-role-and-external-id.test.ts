import { describe, expect, it } from 'vitest';
import { diagnoseYaml, only, pos } from './helpers.js';

/* registry.roleArn / externalId / accountId: what validate refuses before any STS or ECR call. */

const V = 'version: 1\n';

describe('a roleArn in another account than registry.accountId', () => {
  it.each([
    ['aws', 'arn:aws:iam::222222222222:role/ecr'],
    ['aws-us-gov', 'arn:aws-us-gov:iam::222222222222:role/ecr'],
  ])('is refused at the roleArn, naming both accounts (partition %s)', async (_partition, arn) => {
    const text = `${V}registry:\n  accountId: "111111111111"\n  roleArn: ${arn}\n`;
    expect(only(await diagnoseYaml(text))).toBe(
      `registry.yaml:${pos(text, arn)}: roleArn is a role in account 222222222222, but registry.accountId is 111111111111: an assumed role reaches its own account's registry; use a role in 111111111111`,
    );
  });

  it('is fine when the role is in the registry account, or when no accountId is given', async () => {
    expect(await diagnoseYaml(`${V}registry:\n  accountId: "111111111111"\n  roleArn: arn:aws:iam::111111111111:role/ecr\n  externalId: ext-1\n`)).toEqual([]);
    expect(await diagnoseYaml(`${V}registry:\n  roleArn: arn:aws-cn:iam::222222222222:role/ecr\n`)).toEqual([]);
  });

  it('an unquoted accountId equal to the role account gets the quoting message alone, not a false mismatch', async () => {
    const text = `${V}registry:\n  accountId: 111111111111\n  roleArn: arn:aws:iam::111111111111:role/ecr\n`;
    expect(only(await diagnoseYaml(text))).toContain(`registry.yaml:${pos(text, '111111111111')}: registry.accountId must be a quoted string`);
  });

  it('a malformed roleArn gets the schema message alone (no account read out of it, no crash)', async () => {
    for (const arn of ['role:arn:aws:iam::222222222222:role/ecr', 'arn:aws:iam::2222:role/ecr']) {
      const text = `${V}registry:\n  accountId: "111111111111"\n  roleArn: "${arn}"\n`;
      expect(only(await diagnoseYaml(text))).toBe(
        `registry.yaml:${pos(text, `"${arn}"`)}: registry.roleArn must be an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME), not the string "${arn}"`,
      );
    }
  });
});

describe('externalId', () => {
  it('without roleArn is refused at its key', async () => {
    const text = `${V}registry:\n  region: eu-west-1\n  externalId: ext-1\n`;
    expect(only(await diagnoseYaml(text))).toBe(`registry.yaml:${pos(text, 'externalId')}: externalId only goes with roleArn: add registry.roleArn or remove externalId`);
  });
});
