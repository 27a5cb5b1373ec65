import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DescribeImagesCommand } from '@aws-sdk/client-ecr';
import { registryEnv, type RegistryEnv } from '../helpers/registry-env.js';
import { pushImage } from '../helpers/push-image.js';

let env: RegistryEnv;
beforeEach(async () => {
  env = await registryEnv();
});
afterEach(async () => {
  await env.close();
});

const tagsByDigest = async (repositoryName: string) => {
  const out = await env.ecr.send(new DescribeImagesCommand({ repositoryName }));
  return Object.fromEntries((out.imageDetails ?? []).map((d) => [d.imageDigest, [...(d.imageTags ?? [])].sort()]));
};

describe('tag pins against moto', () => {
  it('points a tag at a digest and at the image another tag points at, then plans empty', async () => {
    await env.write('registry.yaml', 'version: 1\nrepositories:\n  team-a/api: {}\n');
    expect((await env.cli(['apply', '--auto-approve'])).code).toBe(0);
    const v1 = await pushImage(env.ecr, 'team-a/api', 'v1', 'one');
    const v2 = await pushImage(env.ecr, 'team-a/api', 'v2', 'two');
    await env.write('registry.yaml', `version: 1\nrepositories:\n  team-a/api:\n    images:\n      prod: ${v1}\n      stable: { tag: v2 }\n`);
    const planned = JSON.parse((await env.cli(['plan', '--format', 'json'])).stdout);
    expect(planned.changes.map((c: { address: string; action: string }) => [c.address, c.action])).toEqual([
      ['repository["team-a/api"].image["prod"]', 'create'],
      ['repository["team-a/api"].image["stable"]', 'create'],
    ]);
    const applied = await env.cli(['apply', '--auto-approve']);
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
    expect(await tagsByDigest('team-a/api')).toEqual({ [v1]: ['prod', 'v1'], [v2]: ['stable', 'v2'] });
    expect((await env.cli(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it('refuses at plan time to move a tag on an IMMUTABLE repository, naming the file and line', async () => {
    await env.write('registry.yaml', 'version: 1\nrepositories:\n  team-a/api:\n    imageTagMutability: IMMUTABLE\n');
    expect((await env.cli(['apply', '--auto-approve'])).code).toBe(0);
    const v1 = await pushImage(env.ecr, 'team-a/api', 'v1', 'one');
    await pushImage(env.ecr, 'team-a/api', 'prod', 'two');
    await env.write('registry.yaml', `version: 1\nrepositories:\n  team-a/api:\n    imageTagMutability: IMMUTABLE\n    images:\n      prod: ${v1}\n`);
    const result = await env.cli(['plan']);
    expect(result.code).toBe(1);
    // At the pin's own line, once.
    expect(result.stderr).toMatch(/registry\.yaml:6:7: .*IMMUTABLE: image\["prod"\] would move tag "prod"/);
    expect(result.stderr.match(/would move tag/g)).toHaveLength(1);
  });
});
