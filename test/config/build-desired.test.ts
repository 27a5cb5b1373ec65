import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { load, loadYaml, tree } from './helpers.js';

const DIGEST = `sha256:${'ab'.repeat(32)}`;

describe('buildDesired', () => {
  it('fills in ECR defaults for what a repository leaves out', async () => {
    const desired = await loadYaml('version: 1\nrepositories:\n  app:\n');
    expect(desired).toEqual({
      registry: {},
      prune: false,
      repositories: {
        app: {
          name: 'app',
          imageTagMutability: 'MUTABLE',
          imageTagMutabilityExclusionFilters: [],
          scanOnPush: false,
          encryption: { type: 'AES256' },
          tags: {},
          policy: null,
          lifecyclePolicy: null,
          images: {},
          ignore: [],
          source: { file: expect.stringMatching(/registry\.yaml$/), line: 3, col: 3 },
        },
      },
      sources: [{ path: expect.stringMatching(/registry\.yaml$/), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }],
      inputs: [expect.stringMatching(/registry\.yaml$/)],
    });
  });

  it('keeps declared values: sorted exclusion filters, KMS key, pins, ignore', async () => {
    const desired = await loadYaml(
      [
        'version: 1',
        'repositories:',
        '  team-a/api:',
        '    imageTagMutability: IMMUTABLE_WITH_EXCLUSION',
        '    imageTagMutabilityExclusionFilters: [latest, dev-*, "*-rc"]',
        '    scanOnPush: true',
        '    encryption: { type: KMS, kmsKey: arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab }',
        '    tags: { team: a, cost-center: "42" }',
        `    images: { prod: "${DIGEST}", stable: { tag: v1.4.2 } }`,
        '    ignore: [policy, lifecyclePolicy]',
        '',
      ].join('\n'),
    );
    expect(desired.repositories['team-a/api']).toMatchObject({
      imageTagMutabilityExclusionFilters: ['*-rc', 'dev-*', 'latest'],
      scanOnPush: true,
      encryption: { type: 'KMS', kmsKey: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
      tags: { team: 'a', 'cost-center': '42' },
      images: { prod: { digest: DIGEST }, stable: { tag: 'v1.4.2' } },
      ignore: ['policy', 'lifecyclePolicy'],
    });
  });

  it('lists and policies from defaults replace whole; encryption too', async () => {
    const policy = (sid: string): string =>
      `{ Version: "2012-10-17", Statement: { Sid: ${sid}, Effect: Allow, Principal: "*", Action: "ecr:BatchGetImage" } }`;
    const desired = await loadYaml(
      [
        'version: 1',
        'defaults:',
        `  policy: ${policy('fromdefaults')}`,
        '  encryption: { type: KMS, kmsKey: arn:aws:kms:eu-west-1:123456789012:key/mrk-0123456789abcdef0123456789abcdef }',
        'repositories:',
        '  own:',
        '    policyFile: p.yaml',
        '    encryption: { type: AES256 }',
        '  inherits: {}',
        '',
      ].join('\n'),
      { 'p.yaml': policy('fromfile') },
    );
    expect(desired.repositories.own.policy).toMatchObject({ Statement: { Sid: 'fromfile' } });
    expect(desired.repositories.own.encryption).toEqual({ type: 'AES256' });
    expect(desired.repositories.inherits.policy).toMatchObject({ Statement: { Sid: 'fromdefaults' } });
    expect(desired.repositories.inherits.encryption).toEqual({ type: 'KMS', kmsKey: 'arn:aws:kms:eu-west-1:123456789012:key/mrk-0123456789abcdef0123456789abcdef' });
    // Each repository owns its copy: changing one must not change the other.
    expect(desired.repositories.inherits.policy).not.toBe(desired.repositories.own.policy);
  });

  it('leaves registry keys undefined when absent and fills defaults of declared ones', async () => {
    const desired = await loadYaml(
      [
        'version: 1',
        'registry:',
        '  pullThroughCache:',
        '    ecr-public: { upstreamRegistryUrl: public.ecr.aws }',
        '  creationTemplates:',
        '    ROOT: { appliedFor: [CREATE_ON_PUSH] }',
        '',
      ].join('\n'),
    );
    expect(Object.keys(desired.registry).sort()).toEqual(['creationTemplates', 'pullThroughCache']);
    expect(desired.registry.pullThroughCache?.['ecr-public']).toEqual({
      upstreamRegistryUrl: 'public.ecr.aws',
      source: { file: expect.stringMatching(/registry\.yaml$/), line: 4, col: 5 },
    });
    expect(desired.registry.creationTemplates?.ROOT).toEqual({
      appliedFor: ['CREATE_ON_PUSH'],
      imageTagMutability: 'MUTABLE',
      imageTagMutabilityExclusionFilters: [],
      encryption: { type: 'AES256' },
      resourceTags: {},
      repositoryPolicy: null,
      lifecyclePolicy: null,
      source: { file: expect.stringMatching(/registry\.yaml$/), line: 6, col: 5 },
    });
  });

  it('reads registry.policy: null as "no registry policy", and an absent key as unmanaged', async () => {
    expect((await loadYaml('version: 1\nregistry:\n  policy: null\n')).registry).toEqual({ policy: null });
    expect((await loadYaml('version: 1\nregistry:\n  region: us-east-1\n')).registry).toEqual({ region: 'us-east-1' });
  });

  it('records each file with the sha256 of its bytes, in order', async () => {
    const dir = await tree({ 'b.yaml': 'version: 1\n# b\n', 'a.yaml': 'version: 1\n# a\n' });
    const desired = await load(dir, ['b.yaml', 'a.yaml']);
    const hash = async (name: string): Promise<string> => createHash('sha256').update(await readFile(path.join(dir, name))).digest('hex');
    expect(desired.sources).toEqual([
      { path: path.join(dir, 'b.yaml'), sha256: await hash('b.yaml') },
      { path: path.join(dir, 'a.yaml'), sha256: await hash('a.yaml') },
    ]);
  });
});
