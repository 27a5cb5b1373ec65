import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose, load, pos, tree } from './helpers.js';

const LIFECYCLE = JSON.stringify({
  rules: [{ rulePriority: 1, description: 'keep 30', selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 30 }, action: { type: 'expire' } }],
});

describe('file tree rules', () => {
  it('reads a folder recursively: a file moved into a subfolder still declares its repositories', async () => {
    const dir = await tree({
      'registry.yaml': 'version: 1\nprune: true\nrepositories:\n  platform/base: {}\n',
      'teams/b/team-b.yaml': 'version: 1\nrepositories:\n  team-b/api: {}\n',
    });
    const desired = await load(dir, ['.']);
    expect(Object.keys(desired.repositories).sort()).toEqual(['platform/base', 'team-b/api']);
  });

  it('a YAML file that is neither a desired-state file nor a named policy file is an error naming it', async () => {
    const dir = await tree({
      'registry.yaml': 'version: 1\nrepositories:\n  app:\n    lifecyclePolicyFile: policies/keep.yaml\n',
      'policies/keep.yaml': LIFECYCLE,
      'policies/stray.yaml': 'Version: "2012-10-17"\nStatement: []\n',
    });
    const lines = await diagnose(dir, ['.']);
    expect(lines).toEqual([expect.stringMatching(/^policies\/stray\.yaml:1:1: not a desired-state file .* no desired-state file names it as a policy file/)]);
  });

  it('policy files anywhere inside the project (the folder holding .git), not only beside the file', async () => {
    const dir = await tree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'registries/prod/registry.yaml': 'version: 1\nrepositories:\n  app:\n    lifecyclePolicyFile: ../../policies/keep.json\n',
      'policies/keep.json': LIFECYCLE,
    });
    const desired = await load(dir, ['registries/prod/registry.yaml']);
    expect(desired.repositories.app.lifecyclePolicy).toEqual(JSON.parse(LIFECYCLE));
  });

  it('a policy path that leaves the project is an error at the key line', async () => {
    const dir = await tree({ 'outside.json': LIFECYCLE });
    const text = 'version: 1\nrepositories:\n  app:\n    lifecyclePolicyFile: ../outside.json\n';
    await mkdir(path.join(dir, 'proj/.git'), { recursive: true });
    await writeFile(path.join(dir, 'proj/registry.yaml'), text);
    const [line, ...rest] = await diagnose(dir, ['proj/registry.yaml']);
    expect(rest).toEqual([]);
    expect(line).toMatch(new RegExp(`^proj/registry\\.yaml:${pos(text, '../outside.json')}: lifecyclePolicyFile: "\\.\\./outside\\.json" is outside the project`));
  });

  it('a symbolic link inside the project that leads outside it is an error at the key line', async () => {
    const dir = await tree({ 'secret.json': LIFECYCLE });
    const text = 'version: 1\nrepositories:\n  app:\n    lifecyclePolicyFile: keep.json\n';
    await mkdir(path.join(dir, 'proj/.git'), { recursive: true });
    await writeFile(path.join(dir, 'proj/registry.yaml'), text);
    await symlink(path.join(dir, 'secret.json'), path.join(dir, 'proj/keep.json'));
    const lines = await diagnose(dir, ['proj/registry.yaml']);
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^proj/registry\\.yaml:${pos(text, 'keep.json')}: .*outside the project.*symbolic link`))]);
  });

  it('repositoryPrefixes: a name outside them is an error at its line', async () => {
    const text = 'version: 1\nrepositoryPrefixes: [team-a/]\nrepositories:\n  team-a/api: {}\n  team-b/api: {}\n';
    const dir = await tree({ 'team-a.yaml': text });
    expect(await diagnose(dir, ['team-a.yaml'])).toEqual([
      `team-a.yaml:${pos(text, 'team-b/api')}: repository "team-b/api" does not start with a prefix this file may declare (repositoryPrefixes: "team-a/"); declare it in the file that owns its prefix, or add the prefix`,
    ]);
  });

  it('registry.repositoryDefaults apply to every file; a file default and the repository own value win; null opts out', async () => {
    const dir = await tree({
      'registry.yaml': [
        'version: 1',
        'registry:',
        '  repositoryDefaults:',
        '    scanOnPush: true',
        '    imageTagMutability: IMMUTABLE',
        '    tags: { cost-center: shared, owner: platform }',
        '    lifecyclePolicyFile: keep.json',
        'repositories:',
        '  base: {}',
        '',
      ].join('\n'),
      'keep.json': LIFECYCLE,
      'teams/a.yaml': [
        'version: 1',
        'defaults:',
        '  imageTagMutability: MUTABLE',
        '  tags: { owner: team-a }',
        'repositories:',
        '  team-a/api:',
        '    tags: { cost-center: null }',
        '    lifecyclePolicy: null',
        '  team-a/web: {}',
        '',
      ].join('\n'),
    });
    const desired = await load(dir, ['.']);
    const { base, 'team-a/api': api, 'team-a/web': web } = desired.repositories;
    expect([base.scanOnPush, base.imageTagMutability, base.tags, base.lifecyclePolicy]).toEqual([
      true,
      'IMMUTABLE',
      { 'cost-center': 'shared', owner: 'platform' },
      JSON.parse(LIFECYCLE),
    ]);
    expect([api.scanOnPush, api.imageTagMutability, api.tags, api.lifecyclePolicy]).toEqual([true, 'MUTABLE', { owner: 'team-a' }, null]);
    expect([web.tags, web.lifecyclePolicy]).toEqual([{ 'cost-center': 'shared', owner: 'team-a' }, JSON.parse(LIFECYCLE)]);
  });

  it('policy: null in a repository means none, whatever the defaults say', async () => {
    const dir = await tree({
      'r.yaml': 'version: 1\ndefaults:\n  policyFile: p.json\nrepositories:\n  open: {}\n  closed:\n    policy: null\n',
      'p.json': JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'ecr:BatchGetImage' }] }),
    });
    const desired = await load(dir, ['r.yaml']);
    expect(desired.repositories.open.policy).not.toBeNull();
    expect(desired.repositories.closed.policy).toBeNull();
  });

  it('registry.repositoryDefaults declared in two files is an error naming both', async () => {
    const text = 'version: 1\nregistry:\n  repositoryDefaults: { scanOnPush: true }\n';
    const dir = await tree({ 'a.yaml': text, 'b.yaml': text });
    expect(await diagnose(dir, ['.'])).toEqual([`b.yaml:${pos(text, 'repositoryDefaults')}: registry.repositoryDefaults is also declared at a.yaml:${pos(text, 'repositoryDefaults')}`]);
  });
});

describe('stacks', () => {
  it('stack: NAME is the same in every file of a registry', async () => {
    const dir = await tree({ 'a.yaml': 'version: 1\nstack: team-a\n', 'b.yaml': 'version: 1\nstack: team-b\n' });
    const [line] = await diagnose(dir, ['.']);
    expect(line).toMatch(/^b\.yaml:2:8: stack is "team-b" here but "team-a" at a\.yaml:2:8/);
  });

  it('the stack goes into every repository (its ownership tag value)', async () => {
    const dir = await tree({ 'a.yaml': 'version: 1\nstack: team-a\nrepositories:\n  xx: {}\n', 'b.yaml': 'version: 1\nrepositories:\n  yy: {}\n' });
    const desired = await load(dir, ['.']);
    expect([desired.stack, desired.repositories.xx.stack, desired.repositories.yy.stack]).toEqual(['team-a', 'team-a', 'team-a']);
  });

  it('a stack name follows ^[a-z0-9][a-z0-9-]{0,62}$', async () => {
    const dir = await tree({ 'a.yaml': 'version: 1\nstack: Team_A\n' });
    expect((await diagnose(dir, ['a.yaml']))[0]).toMatch(/^a\.yaml:2:8: stack/);
  });
});
