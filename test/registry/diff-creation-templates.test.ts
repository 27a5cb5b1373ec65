import { describe, expect, it } from 'vitest';
import { diffRegistry } from '../../src/plan/diff-registry.js';
import type { CreationTemplate } from '../../src/model/desired.js';
import type { JsonObject } from '../../src/model/json.js';
import type { LiveCreationTemplate } from '../../src/model/live.js';
import type { Change } from '../../src/model/plan.js';
import { liveWith, staleCheckDocuments, template } from './registry-builders.js';

const brief = (changes: Change[]) => changes.map((c) => [c.address, c.action, c.reason, c.calls.join('+')]);

const REPO_POLICY: JsonObject = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'pull', Effect: 'Allow', Principal: { AWS: ['210987654321'] }, Action: ['ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'] }],
};
const REPO_POLICY_LIVE: JsonObject = {
  Version: '2012-10-17',
  Statement: { Sid: 'pull', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::210987654321:root' }, Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'] },
};
const rule = (priority: number, tags: string[]) => ({
  rulePriority: priority,
  selection: { tagStatus: 'tagged', tagPrefixList: tags, countType: 'imageCountMoreThan', countNumber: 30 },
  action: { type: 'expire' },
});
const LIFECYCLE: JsonObject = { rules: [rule(1, ['v', 'release']), rule(2, ['dev'])] };
const LIFECYCLE_LIVE: JsonObject = { rules: [rule(2, ['dev']), rule(1, ['release', 'v'])] };

const live = (t: Partial<LiveCreationTemplate> = {}): LiveCreationTemplate => {
  const { source: _source, ...rest } = template(t as Partial<CreationTemplate>);
  return rest;
};

interface Row {
  name: string;
  desired: Record<string, CreationTemplate> | undefined;
  live: Record<string, LiveCreationTemplate>;
  expected: Array<[string, string, string | null, string]>;
}

const rows: Row[] = [
  {
    name: 'equal after normalization: policies, lifecycle rule order, sets and tag order',
    desired: {
      ROOT: template({
        appliedFor: ['REPLICATION', 'PULL_THROUGH_CACHE'],
        imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
        imageTagMutabilityExclusionFilters: ['latest', 'dev-*'],
        resourceTags: { team: 'platform', cost: '42' },
        repositoryPolicy: REPO_POLICY,
        lifecyclePolicy: LIFECYCLE,
      }),
    },
    live: {
      ROOT: live({
        appliedFor: ['PULL_THROUGH_CACHE', 'REPLICATION'],
        imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
        imageTagMutabilityExclusionFilters: ['dev-*', 'latest'],
        resourceTags: { cost: '42', team: 'platform' },
        repositoryPolicy: REPO_POLICY_LIVE,
        lifecyclePolicy: LIFECYCLE_LIVE,
      }),
    },
    expected: [],
  },
  { name: 'an empty description equals none', desired: { prod: template({ description: '' }) }, live: { prod: live() }, expected: [] },
  {
    name: 'a declared template that does not exist is a create',
    desired: { prod: template() },
    live: {},
    expected: [['creationTemplate["prod"]', 'create', null, 'CreateRepositoryCreationTemplate']],
  },
  {
    name: 'a lifecycle policy that differs is an update',
    desired: { prod: template({ lifecyclePolicy: { rules: [rule(1, ['v'])] } }) },
    live: { prod: live({ lifecyclePolicy: LIFECYCLE }) },
    expected: [['creationTemplate["prod"]', 'update', null, 'UpdateRepositoryCreationTemplate']],
  },
  {
    name: 'encryption changes in place (it only applies to repositories created later)',
    desired: { prod: template({ encryption: { type: 'KMS' } }) },
    live: { prod: live() },
    expected: [['creationTemplate["prod"]', 'update', null, 'UpdateRepositoryCreationTemplate']],
  },
  {
    name: 'a live template no file declares is deleted when the key is managed',
    desired: { prod: template() },
    live: { prod: live(), old: live() },
    expected: [['creationTemplate["old"]', 'delete', null, 'DeleteRepositoryCreationTemplate']],
  },
  { name: 'live templates are left alone when the key is absent', desired: undefined, live: { old: live() }, expected: [] },
];

describe('diffRegistry: repository creation templates', () => {
  it.each(rows)('$name', ({ desired, live: liveTemplates, expected }) => {
    const state = liveWith({ creationTemplates: liveTemplates });
    const { changes } = diffRegistry({ creationTemplates: desired }, state);
    expect(brief(changes)).toEqual(expected);
    for (const doc of staleCheckDocuments(changes, state)) expect(doc.now).toEqual(doc.before);
  });

  it('an update patches only the fields that differ', () => {
    const state = liveWith({ creationTemplates: { prod: live({ description: 'old', resourceTags: { team: 'a' } }) } });
    const [change] = diffRegistry({ creationTemplates: { prod: template({ description: 'new', resourceTags: { team: 'a' } }) } }, state).changes;
    expect(change.patch).toEqual([{ op: 'replace', path: '/description', value: 'new' }]);
  });
});
