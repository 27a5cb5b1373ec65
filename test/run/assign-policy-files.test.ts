import { describe, expect, it } from 'vitest';
import { assignFiles, loadRegistries } from '../../src/run/load-registries.js';
import { tree } from '../config/helpers.js';

const registryFile = (accountId: string, body = 'repositories:\n  base:\n') =>
  `version: 1\nregistry:\n  accountId: "${accountId}"\n  region: us-east-1\n${body}`;

/** The project root (a folder holding .git): policy files may be anywhere inside it. */
const PROJECT = { '.git/HEAD': 'ref: refs/heads/main\n' };

const KEEP_30 = 'rules:\n  - rulePriority: 1\n    description: keep 30\n    selection: { tagStatus: any, countType: imageCountMoreThan, countNumber: 30 }\n    action: { type: expire }\n';

describe('policy files in a tree of several registries', () => {
  it('a YAML policy file in a shared policies/ folder belongs to no registry: it is a policy, not a file "of no registry"', async () => {
    const dir = await tree({
      ...PROJECT,
      'org/policies/keep-30.yaml': KEEP_30,
      'org/prod/registry.yaml': registryFile('111111111111'),
      // A file with no registry key, in prod's folder, names the shared policy.
      'org/prod/team-a.yaml': 'version: 1\nrepositories:\n  team-a/api:\n    lifecyclePolicyFile: ../policies/keep-30.yaml\n',
      'org/dev/registry.yaml': registryFile('222222222222'),
    });
    const assigned = await assignFiles([`${dir}/org`]);
    expect(assigned.map((r) => [r.id, r.files.map((f) => f.slice(dir.length + 1))])).toEqual([
      ['222222222222/us-east-1', ['org/dev/registry.yaml']],
      ['111111111111/us-east-1', ['org/prod/registry.yaml', 'org/prod/team-a.yaml']],
    ]);
    const [dev, prod] = await loadRegistries([`${dir}/org`]);
    expect(prod.desired.repositories['team-a/api'].lifecyclePolicy).toMatchObject({ rules: [{ rulePriority: 1, description: 'keep 30' }] });
    expect(dev.desired.repositories).not.toHaveProperty('team-a/api');
  });

  it("a YAML policy file inside one registry's folder, named by another registry's file, is not taken for a file of the first", async () => {
    const dir = await tree({
      ...PROJECT,
      'org/prod/registry.yaml': registryFile('111111111111'),
      'org/prod/keep-30.yaml': KEEP_30,
      'org/dev/registry.yaml': registryFile('222222222222', 'repositories:\n  base:\n    lifecyclePolicyFile: ../prod/keep-30.yaml\n'),
    });
    const [dev, prod] = await loadRegistries([`${dir}/org`]);
    expect(prod.files.map((f) => f.slice(dir.length + 1))).toEqual(['org/prod/registry.yaml']);
    expect(dev.desired.repositories.base.lifecyclePolicy).toMatchObject({ rules: [{ description: 'keep 30' }] });
  });

  it('a stray YAML file that no file names is still an error naming it', async () => {
    const dir = await tree({
      ...PROJECT,
      'org/policies/unused.yaml': KEEP_30,
      'org/prod/registry.yaml': registryFile('111111111111'),
      'org/dev/registry.yaml': registryFile('222222222222'),
    });
    const error = (await assignFiles([`${dir}/org`]).catch((e: unknown) => e)) as { diagnostics?: Array<{ file: string; message: string }> };
    expect(error.diagnostics?.map((d) => d.file.slice(dir.length + 1))).toEqual(['org/policies/unused.yaml']);
    expect(error.diagnostics?.[0].message).toMatch(/belongs to none of the registries in play/);
  });
});
