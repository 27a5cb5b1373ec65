import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { diagnose, load, tree } from './helpers.js';

const LIFECYCLE = JSON.stringify({
  rules: [{ rulePriority: 1, selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 30 }, action: { type: 'expire' } }],
});
/** Two registry folders and the policies they share, beside them: the layout format.md calls fine. */
const SHARED = {
  'prod/registry.yaml': 'version: 1\nrepositories:\n  app:\n    lifecyclePolicyFile: ../policies/keep.json\n',
  'policies/keep.json': LIFECYCLE,
};

const cwd = process.cwd();
// The working directory as ecrform sees it (process.chdir is not allowed in the worker threads Stryker runs tests in).
const runFrom = (dir: string) => vi.spyOn(process, 'cwd').mockReturnValue(dir);
afterEach(() => vi.restoreAllMocks());

describe('a policy file outside the project: the message says which folder is the project, and why', () => {
  it('outside the working directory and any git repository: the file\'s own folder, and the way out', async () => {
    const dir = await tree(SHARED);
    const [line] = await diagnose(dir, ['prod/registry.yaml']);
    expect(line).toContain('lifecyclePolicyFile: "../policies/keep.json" is outside the project; policy files must be inside it.');
    expect(line).toContain(`The project is prod, this file's own folder (no folder above it holds .git, and it is outside the working directory ${cwd})`);
    expect(line).toMatch(/run ecrform from a folder that holds both, or keep them in one git repository$/);
  });

  it('run from the folder holding both (as the way out says): the shared policies load', async () => {
    const dir = await tree(SHARED);
    runFrom(dir);
    expect((await load(dir, ['prod/registry.yaml'])).repositories.app.lifecyclePolicy).toEqual(JSON.parse(LIFECYCLE));
  });

  it('inside the working directory: the working directory is the project', async () => {
    const dir = await tree({ 'outside.json': LIFECYCLE, 'proj/registry.yaml': 'version: 1\nrepositories:\n  app:\n    lifecyclePolicyFile: ../outside.json\n' });
    runFrom(path.join(dir, 'proj'));
    const [line] = await diagnose(dir, ['proj/registry.yaml']);
    expect(line).toContain(`The project is proj, the working directory (no folder above this file holds .git); run ecrform from a folder`);
  });

  it('in a git repository: the folder holding .git, with no way out to offer', async () => {
    const dir = await tree({ 'outside.json': LIFECYCLE, 'proj/registry.yaml': 'version: 1\nrepositories:\n  app:\n    lifecyclePolicyFile: ../outside.json\n' });
    await mkdir(path.join(dir, 'proj/.git'));
    const [line] = await diagnose(dir, ['proj/registry.yaml']);
    expect(line).toMatch(/The project is proj, the nearest folder above this file holding \.git$/);
  });
});
