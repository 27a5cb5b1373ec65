import { describe, expect, it } from 'vitest';
import { modelViolations } from '../helpers/ecr-model.js';

/* The model check the moto proxy applies to every request: it refuses what ECR refuses. */
describe("ECR's published model as a request check", () => {
  it('accepts a valid request', () => {
    expect(modelViolations('CreateRepository', { repositoryName: 'team-a/api', imageTagMutability: 'IMMUTABLE', tags: [{ Key: 'managed-by', Value: 'ecrform' }] })).toEqual([]);
  });

  it.each([
    ['a missing required member', 'CreateRepository', {}, 'CreateRepository.repositoryName: required member missing'],
    ['an unknown member', 'CreateRepository', { repositoryName: 'a1', force: true }, 'CreateRepository.force: not a member'],
    ['an enum', 'CreateRepository', { repositoryName: 'a1', imageTagMutability: 'LOCKED' }, '"LOCKED" is not one of'],
    ['a length', 'CreateRepository', { repositoryName: 'a' }, 'length 1 is below the minimum 2'],
    ['a pattern', 'PutImageTagMutability', { repositoryName: 'a1', imageTagMutability: 'MUTABLE_WITH_EXCLUSION', imageTagMutabilityExclusionFilters: [{ filterType: 'WILDCARD', filter: 'no spaces' }] }, 'does not match'],
    ['a range', 'DescribeRepositories', { maxResults: 5000 }, 'value 5000 is above the maximum 1000'],
    ['a type', 'PutImageScanningConfiguration', { repositoryName: 'a1', imageScanningConfiguration: { scanOnPush: 'yes' } }, 'must be a boolean'],
    ['a list size', 'BatchGetImage', { repositoryName: 'a1', imageIds: [{ imageTag: 'x' }], acceptedMediaTypes: [] }, 'length 0 is below the minimum 1'],
  ])('refuses %s', (_what, operation, body, message) => {
    expect(modelViolations(operation, body).join('\n')).toContain(message);
  });
});
