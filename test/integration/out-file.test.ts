import { existsSync } from 'node:fs';
import { link, mkdir, readFile, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registryEnv, type RegistryEnv } from '../helpers/registry-env.js';

/*
 * Through the built CLI against moto: where `plan --out` and `import --out`
 * may write. A file the run reads is refused however it is reached (a
 * symbolic or a hard link to it), and an --out that cannot be written is one
 * line naming it: before any AWS call where that can be known (a directory, a
 * folder that does not exist), and at the end otherwise, never "a bug".
 */

let env: RegistryEnv;
beforeEach(async () => {
  env = await registryEnv();
});
afterEach(async () => {
  await env.close();
});

const REGISTRY = 'version: 1\nrepositories:\n  app: {}\n';
const lines = (text: string) => text.trim().split('\n');

describe('plan --out never writes over a file the run reads, through a link either', () => {
  it.each([
    ['a symbolic link', (target: string, path: string) => symlink(target, path)],
    ['a hard link', (target: string, path: string) => link(join(env.dir, target), path)],
  ])('%s to registry.yaml is refused before any AWS call; registry.yaml is untouched', async (_kind, makeLink) => {
    await env.write('registry.yaml', REGISTRY);
    await makeLink('registry.yaml', join(env.dir, 'link.out'));
    const result = await env.cli(['plan', '--out', 'link.out']);
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toEqual(['error: --out link.out is a file this run reads (registry.yaml); write the plan to another file, e.g. --out plan.json']);
    expect(env.proxy.calls).toEqual([]);
    expect(await readFile(join(env.dir, 'registry.yaml'), 'utf8')).toBe(REGISTRY);
  });
});

describe('an --out that cannot be written is refused before any AWS call', () => {
  beforeEach(async () => {
    await env.write('registry.yaml', REGISTRY);
    await mkdir(join(env.dir, 'plans'));
    await env.write('a-file', 'not a folder\n');
  });

  it.each([
    [['plan', '--out', 'plans'], 'error: --out plans is a directory; give a file in it, e.g. --out plans/plan.json'],
    [['plan', '--out', 'missing/plan.json'], 'error: --out missing/plan.json: the folder missing does not exist; create it first (mkdir -p missing) or write the file elsewhere'],
    [['plan', '--out', 'a-file/plan.json'], 'error: --out a-file/plan.json: a-file is a file, not a folder; write the file elsewhere'],
    [['import', '--out', 'plans'], 'error: --out plans is a directory; give a file in it, e.g. --out plans/registry.yaml'],
    [['import', '--out', 'plans', '--force'], 'error: --out plans is a directory; give a file in it, e.g. --out plans/registry.yaml'],
    [['import', '--out', 'missing/x.yaml'], 'error: --out missing/x.yaml: the folder missing does not exist; create it first (mkdir -p missing) or write the file elsewhere'],
    [['import', '--out', 'missing/x.yaml', '--force'], 'error: --out missing/x.yaml: the folder missing does not exist; create it first (mkdir -p missing) or write the file elsewhere'],
  ])('%j: one line, exit 1', async (args, message) => {
    const result = await env.cli(args);
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toEqual([message]);
    expect(env.proxy.calls).toEqual([]);
    expect(existsSync(join(env.dir, 'missing'))).toBe(false);
  });
});

// /dev/full takes no write (ENOSPC) on Linux: a failure no early check can foresee, as permission denied is for a user who is not root.
describe.skipIf(!existsSync('/dev/full'))('a write that fails at the end is one line, never "a bug"', () => {
  it('plan --out /dev/full: the plan is shown, then the file and the reason, exit 1', async () => {
    await env.write('registry.yaml', REGISTRY);
    const result = await env.cli(['plan', '--out', '/dev/full']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('app');
    expect(lines(result.stderr)).toEqual(['error: --out /dev/full: cannot write the plan: no space left on the device']);
    expect(env.proxy.calls.length).toBeGreaterThan(0);
  });

  it('import --out /dev/full --force: the file and the reason, exit 1', async () => {
    const result = await env.cli(['import', '--out', '/dev/full', '--force']);
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toEqual(['error: --out /dev/full: cannot write the desired-state file: no space left on the device']);
  });
});
