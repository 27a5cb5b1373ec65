import { describe, expect, it } from 'vitest';
import type { RepositoryCreationTemplate } from '@aws-sdk/client-ecr';
import { apply } from '../../src/apply/apply.js';
import type { EcrPort } from '../../src/ecr/port.js';
import { toLiveCreationTemplate } from '../../src/ecr/read-registry.js';
import type { CreationTemplate } from '../../src/model/desired.js';
import type { JsonObject } from '../../src/model/json.js';
import { plan } from '../../src/plan/plan.js';
import { ACCOUNT, desiredState, liveState, planOptions } from '../helpers/builders.js';
import { asEcrStoresLifecycle, asEcrStoresPolicy } from '../helpers/ecr-shaped.js';
import { template } from '../registry/registry-builders.js';

/*
 * The requests apply sends for repository creation templates: policies as
 * the files write them (issue 8, bug 5: normalizing is for comparing only),
 * only the fields an update changes, and the empty values that clear a field.
 * The live side is read from templates shaped as ECR returns them.
 */

function recordingPort() {
  const sent: Array<[string, unknown]> = [];
  const port = new Proxy({} as EcrPort, {
    get: (_t, op: string) => async (input: unknown) => {
      sent.push([op, input]);
      return { $metadata: {} };
    },
  });
  return { port, sent };
}

/** Written with an account id, one statement as an object and one action as a string: normalized, all three change. */
const POLICY = { Version: '2012-10-17', Statement: { Sid: 'pull', Effect: 'Allow', Principal: { AWS: '210987654321' }, Action: 'ecr:BatchGetImage' } };
/** Rules written out of priority order, keys in the author's order. */
const LIFECYCLE = {
  rules: [
    { rulePriority: 2, selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 50 }, action: { type: 'expire' } },
    { rulePriority: 1, selection: { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 1 }, action: { type: 'expire' } },
  ],
};
const ROLE = `arn:aws:iam::${ACCOUNT}:role/ecr-template`;

/** A live template as DescribeRepositoryCreationTemplates returns it, read as ecrform reads it. */
function ecrTemplate(prefix: string, t: Partial<RepositoryCreationTemplate>) {
  return toLiveCreationTemplate({ prefix, appliedFor: ['CREATE_ON_PUSH'], imageTagMutability: 'MUTABLE', encryptionConfiguration: { encryptionType: 'AES256' }, createdAt: new Date(), ...t }, prefix);
}

async function applied(templates: Record<string, CreationTemplate>, live: Record<string, ReturnType<typeof ecrTemplate>> = {}) {
  const thePlan = plan(desiredState([], { registry: { creationTemplates: templates } }), liveState([], { registry: { creationTemplates: live } }), planOptions());
  const { port, sent } = recordingPort();
  const result = await apply(thePlan, port, { concurrency: 1 });
  expect(result.ok).toBe(true);
  return { thePlan, sent };
}

describe('creation template requests', () => {
  it('a create sends every field set, policies as written, and no empty tag list', async () => {
    const { sent } = await applied({
      prod: template({
        appliedFor: ['REPLICATION', 'CREATE_ON_PUSH'],
        description: 'production',
        imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
        imageTagMutabilityExclusionFilters: ['latest', 'dev-*'],
        encryption: { type: 'KMS', kmsKey: `arn:aws:kms:us-east-1:${ACCOUNT}:key/abc` },
        repositoryPolicy: POLICY,
        lifecyclePolicy: LIFECYCLE,
        customRoleArn: ROLE,
      }),
    });
    expect(sent).toEqual([
      [
        'createRepositoryCreationTemplate',
        {
          prefix: 'prod',
          appliedFor: ['CREATE_ON_PUSH', 'REPLICATION'],
          customRoleArn: ROLE,
          description: 'production',
          encryptionConfiguration: { encryptionType: 'KMS', kmsKey: `arn:aws:kms:us-east-1:${ACCOUNT}:key/abc` },
          imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
          imageTagMutabilityExclusionFilters: [
            { filter: 'dev-*', filterType: 'WILDCARD' },
            { filter: 'latest', filterType: 'WILDCARD' },
          ],
          repositoryPolicy: JSON.stringify(POLICY),
          lifecyclePolicy: JSON.stringify(LIFECYCLE),
        },
      ],
    ]);
  });

  it('the plan carries the policies as written in `written`, and compares them normalized', async () => {
    const { thePlan } = await applied({ prod: template({ repositoryPolicy: POLICY }) });
    expect(thePlan.changes[0].written).toEqual({ repositoryPolicy: POLICY, lifecyclePolicy: null });
    expect((thePlan.changes[0].after as JsonObject).repositoryPolicy).not.toEqual(POLICY);
    const { thePlan: none } = await applied({ bare: template() });
    expect(none.changes[0].written).toBeUndefined();
  });

  it('an update sends only the changed fields; a changed policy as written', async () => {
    const live = {
      prod: ecrTemplate('prod', {
        repositoryPolicy: JSON.stringify(asEcrStoresPolicy({ ...POLICY, Statement: { ...POLICY.Statement, Action: 'ecr:GetDownloadUrlForLayer' } }), null, 2),
        lifecyclePolicy: JSON.stringify(asEcrStoresLifecycle(LIFECYCLE as unknown as JsonObject), null, 2),
      }),
    };
    const { sent } = await applied({ prod: template({ appliedFor: ['CREATE_ON_PUSH'], repositoryPolicy: POLICY, lifecyclePolicy: LIFECYCLE }) }, live);
    expect(sent).toEqual([['updateRepositoryCreationTemplate', { prefix: 'prod', repositoryPolicy: JSON.stringify(POLICY) }]]);
  });

  it('an update clears a removed role, description, policy and lifecycle policy with empty values', async () => {
    const live = {
      prod: ecrTemplate('prod', {
        customRoleArn: ROLE,
        description: 'old',
        repositoryPolicy: JSON.stringify(asEcrStoresPolicy(POLICY as unknown as JsonObject), null, 2),
        lifecyclePolicy: JSON.stringify(asEcrStoresLifecycle(LIFECYCLE as unknown as JsonObject), null, 2),
      }),
    };
    const { sent } = await applied({ prod: template({ appliedFor: ['CREATE_ON_PUSH'] }) }, live);
    expect(sent).toEqual([['updateRepositoryCreationTemplate', { prefix: 'prod', customRoleArn: '', description: '', repositoryPolicy: '', lifecyclePolicy: '' }]]);
  });

  it('an update of the exclusion filters sends them with the mutability; of the tags, the whole tag list', async () => {
    const live = {
      prod: ecrTemplate('prod', {
        imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
        imageTagMutabilityExclusionFilters: [{ filter: 'latest', filterType: 'WILDCARD' }],
        resourceTags: [{ Key: 'team', Value: 'a' }],
      }),
    };
    const { sent } = await applied(
      { prod: template({ appliedFor: ['CREATE_ON_PUSH'], imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION', imageTagMutabilityExclusionFilters: ['latest', 'dev-*'], resourceTags: { team: 'a', env: 'prod' } }) },
      live,
    );
    expect(sent).toEqual([
      [
        'updateRepositoryCreationTemplate',
        {
          prefix: 'prod',
          imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
          imageTagMutabilityExclusionFilters: [
            { filter: 'dev-*', filterType: 'WILDCARD' },
            { filter: 'latest', filterType: 'WILDCARD' },
          ],
          resourceTags: [{ Key: 'env', Value: 'prod' }, { Key: 'team', Value: 'a' }],
        },
      ],
    ]);
  });

  it('a plan file without `written` (older plans) sends the normalized policy', async () => {
    const thePlan = plan(desiredState([], { registry: { creationTemplates: { prod: template({ repositoryPolicy: POLICY }) } } }), liveState([]), planOptions());
    delete thePlan.changes[0].written;
    const { port, sent } = recordingPort();
    await apply(thePlan, port, { concurrency: 1 });
    expect((sent[0][1] as { repositoryPolicy: string }).repositoryPolicy).toBe(JSON.stringify((thePlan.changes[0].after as JsonObject).repositoryPolicy));
  });
});
