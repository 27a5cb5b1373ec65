import { describe, expect, it } from 'vitest';
import { importDocument } from '../../src/import/import-document.js';
import { plan } from '../../src/plan/plan.js';
import { liveRepo, liveState, planOptions } from '../helpers/builders.js';
import { diagnoseYaml, loadYaml } from './helpers.js';

/*
 * `import` then `validate` then `plan` (issue 8, bug 4): every CloudFormation- or
 * CDK-made repository carries `aws:` tags, which the format refuses.
 */
describe('import writes a file that validates and plans only adoptions', () => {
  const live = liveState([
    liveRepo('cdk/app', {
      tags: { 'aws:cloudformation:stack-name': 'App', 'aws:cloudformation:logical-id': 'Repo', team: 'a' },
      imageTagMutability: 'IMMUTABLE',
      scanOnPush: true,
      // As ECR returns it: the account id as a root ARN.
      details: {
        policy: { Version: '2012-10-17', Statement: [{ Sid: 'pull', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::210987654321:root' }, Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'] }] },
        lifecyclePolicy: null,
      },
    }),
  ]);

  it('leaves out the aws: tags', async () => {
    const text = importDocument(live, [], 'registry.schema.json');
    expect(text).not.toContain('aws:cloudformation');
    expect(await diagnoseYaml(text)).toEqual([]);
  });

  it('plans only the adoption', async () => {
    const desired = await loadYaml(importDocument(live, [], 'registry.schema.json'));
    const changes = plan(desired, live, planOptions()).changes;
    expect(changes.map((c) => [c.address, c.reason, c.patch])).toEqual([
      ['repository["cdk/app"].tags', 'adopt', [{ op: 'add', path: '/managed-by', value: 'ecrform' }]],
    ]);
  });
});
