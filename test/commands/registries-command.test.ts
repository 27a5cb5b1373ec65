import { describe, expect, it } from 'vitest';
import { tree } from '../config/helpers.js';
import { runCli } from '../helpers/run-cli.js';

const registryFile = (accountId: string, region: string, extra = '') =>
  `version: 1\nregistry:\n  accountId: "${accountId}"\n  region: ${region}\n${extra}repositories:\n  base-${region}:\n`;

/** An organization's tree: two accounts, two regions, team files inheriting their folder's registry. */
const ORG = {
  'prod-use1/registry.yaml': registryFile('111111111111', 'us-east-1', '  roleArn: arn:aws:iam::111111111111:role/ecrform\n'),
  'prod-use1/team-a.yaml': 'version: 1\nrepositories:\n  team-a/api:\n',
  'prod-euw1/registry.yaml': registryFile('111111111111', 'eu-west-1'),
  'dev-use1/registry.yaml': registryFile('222222222222', 'us-east-1'),
  'dev-use1/team-a.yaml': 'version: 1\nrepositories:\n  team-a/api:\n',
};

const folders = ['-f', 'prod-use1', '-f', 'prod-euw1', '-f', 'dev-use1'];

describe('ecrform registries / validate with several registries (built CLI, offline)', () => {
  it('lists each registry with its files; --format json feeds a matrix', async () => {
    const dir = await tree(ORG);
    const json = await runCli(['registries', ...folders, '--format', 'json'], { cwd: dir });
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual([
      { id: '111111111111/us-east-1', accountId: '111111111111', region: 'us-east-1', files: ['prod-use1/registry.yaml', 'prod-use1/team-a.yaml'] },
      { id: '111111111111/eu-west-1', accountId: '111111111111', region: 'eu-west-1', files: ['prod-euw1/registry.yaml'] },
      { id: '222222222222/us-east-1', accountId: '222222222222', region: 'us-east-1', files: ['dev-use1/registry.yaml', 'dev-use1/team-a.yaml'] },
    ]);
    const text = await runCli(['registries', ...folders, '--registry', '222222222222/us-east-1'], { cwd: dir });
    expect(text.stdout).toBe('222222222222/us-east-1\n  dev-use1/registry.yaml\n  dev-use1/team-a.yaml\n');
  });

  it('validates each registry on its own: the same repository in two registries is no conflict', async () => {
    const dir = await tree(ORG);
    const result = await runCli(['validate', ...folders], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('222222222222/us-east-1: dev-use1/registry.yaml, dev-use1/team-a.yaml: valid (2 repositories)');
    expect(result.stdout).toContain('3 registries valid.');
  });

  it('a file that could belong to two registries is an error naming it, exit 1, nothing sent', async () => {
    const dir = await tree({
      'mixed/a.yaml': registryFile('111111111111', 'us-east-1'),
      'mixed/b.yaml': registryFile('222222222222', 'us-east-1'),
      'mixed/shared.yaml': 'version: 1\nrepositories:\n  lost:\n',
    });
    for (const command of ['registries', 'validate']) {
      const result = await runCli([command, '-f', 'mixed'], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^mixed\/shared\.yaml:1:1: this file names no registry and could belong to 2 registries \(111111111111\/us-east-1, 222222222222\/us-east-1/);
      expect(result.stdout).toBe('');
    }
  });

  it('a role in another account than registry.accountId is an error at its line', async () => {
    const dir = await tree({ 'r.yaml': registryFile('111111111111', 'us-east-1', '  roleArn: arn:aws:iam::333333333333:role/ecrform\n') });
    const result = await runCli(['validate', '-f', 'r.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('r.yaml:5:12: roleArn is a role in account 333333333333, but registry.accountId is 111111111111');
  });
});
