import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

/*
 * Through the built CLI, without a registry: a saved plan or report that
 * cannot be read is named with the reason (exit 1, no stack trace), and
 * --help shows no "(default: [])" for the repeatable options.
 */

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ecrform-saved-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a saved file that cannot be read', () => {
  it.each([
    ['report', 'missing.json', 'error: missing.json: cannot read the JSON report: no such file'],
    ['apply', 'missing.json', 'error: missing.json: cannot read the plan file: no such file'],
  ])('%s %s: the file and the reason, exit 1', async (command, file, message) => {
    const result = await runCli([command, file], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(message);
    expect(result.stdout).toBe('');
  });

  it('a directory given as the report', async () => {
    const result = await runCli(['report', '.'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('error: .: cannot read the JSON report: it is a directory, not a file');
  });
});

describe('--help', () => {
  it.each([
    ['plan', '--file'],
    ['apply', '--file'],
    ['drift', '--file'],
    ['validate', '--file'],
    ['registries', '--registry'],
    ['import', '--prefix'],
  ])('%s: no empty-list default on %s', async (command, option) => {
    const result = await runCli([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(option);
    expect(result.stdout).not.toContain('(default: [])');
  });

  it('plan: the defaults that are values still show', async () => {
    const help = (await runCli(['plan', '--help'])).stdout;
    expect(help).toMatch(/--concurrency <n>\s+API calls in flight at once \(default: 16\)/);
    expect(help).toMatch(/--target <address>\s+only this address or address prefix\s+\(repeatable\)\n/);
  });
});
