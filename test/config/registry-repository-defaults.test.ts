import { describe, expect, it } from 'vitest';
import { diagnoseYaml, loadYaml, only, pos } from './helpers.js';

/* registry.repositoryDefaults on its own, in a file without repositories: the same pairing and tag rules as a repository. */

const V = 'version: 1\n';
const KMS_ARN = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

function tagLines(count: number): string {
  return Array.from({ length: count }, (_, i) => `      k${i}: v${i}\n`).join('');
}

describe('registry.repositoryDefaults', () => {
  it('exclusion filters with IMMUTABLE: refused at the filters, naming where the mutability is', async () => {
    const text = `${V}registry:\n  repositoryDefaults:\n    scanOnPush: true\n    imageTagMutability: IMMUTABLE\n    imageTagMutabilityExclusionFilters: [latest]\n`;
    expect(only(await diagnoseYaml(text))).toBe(
      `registry.yaml:${pos(text, 'imageTagMutabilityExclusionFilters')}: imageTagMutabilityExclusionFilters only go with MUTABLE_WITH_EXCLUSION or IMMUTABLE_WITH_EXCLUSION; imageTagMutability is IMMUTABLE (registry.yaml:${pos(text, 'IMMUTABLE\n')})`,
    );
  });

  it('IMMUTABLE_WITH_EXCLUSION without filters: refused at the value', async () => {
    const text = `${V}registry:\n  repositoryDefaults:\n    scanOnPush: true\n    imageTagMutability: IMMUTABLE_WITH_EXCLUSION\n`;
    expect(only(await diagnoseYaml(text))).toBe(
      `registry.yaml:${pos(text, 'IMMUTABLE_WITH_EXCLUSION')}: imageTagMutability IMMUTABLE_WITH_EXCLUSION needs imageTagMutabilityExclusionFilters (1 to 5 tag filters)`,
    );
  });

  it('kmsKey with AES256: refused at the kmsKey', async () => {
    const text = `${V}registry:\n  repositoryDefaults:\n    scanOnPush: true\n    encryption: { type: AES256, kmsKey: ${KMS_ARN} }\n`;
    expect(only(await diagnoseYaml(text))).toBe(`registry.yaml:${pos(text, 'kmsKey')}: kmsKey goes only with type KMS or KMS_DSSE (type is AES256)`);
  });

  it('50 tags: the ownership tag makes 51, refused at the tags key', async () => {
    const text = `${V}registry:\n  repositoryDefaults:\n    scanOnPush: true\n    tags:\n${tagLines(50)}`;
    expect(only(await diagnoseYaml(text))).toBe(
      `registry.yaml:${pos(text, 'tags')}: registry.repositoryDefaults has 50 tags plus managed-by: ecrform make 51; ECR allows 50, so declare at most 49`,
    );
  });

  it('managed-by with another value: refused, as on a repository', async () => {
    const text = `${V}registry:\n  repositoryDefaults:\n    tags: { team: a, managed-by: terraform }\n`;
    expect(only(await diagnoseYaml(text))).toContain(`registry.yaml:${pos(text, 'terraform')}: the "managed-by" tag marks what ecrform manages`);
  });

  it('49 tags, filters with an exclusion mutability, kmsKey with KMS: accepted', async () => {
    const text = `${V}registry:\n  repositoryDefaults:\n    imageTagMutability: MUTABLE_WITH_EXCLUSION\n    imageTagMutabilityExclusionFilters: [latest]\n    encryption: { type: KMS, kmsKey: ${KMS_ARN} }\n    tags:\n${tagLines(49)}`;
    expect(await diagnoseYaml(text)).toEqual([]);
    // and every repository of the file takes them
    const desired = await loadYaml(`${text}repositories:\n  app: {}\n`);
    expect(desired.repositories.app).toMatchObject({ imageTagMutability: 'MUTABLE_WITH_EXCLUSION', imageTagMutabilityExclusionFilters: ['latest'], encryption: { type: 'KMS', kmsKey: KMS_ARN } });
    expect(Object.keys(desired.repositories.app.tags)).toHaveLength(49);
  });
});
