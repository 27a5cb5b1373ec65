import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveInputPaths } from '../../src/config/index.js';
import { parseYamlText } from '../../src/config/load-yaml.js';
import { MIN_EXPANDED_VALUES } from '../../src/config/expanded-size.js';
import { ConfigError } from '../../src/errors.js';
import { diagnose, diagnoseYaml, loadYaml, only, pos, tree } from './helpers.js';

describe('YAML parsing', () => {
  it('reports a syntax error at its position', async () => {
    const text = 'version: 1\nrepositories:\n  app: { tags: [a, b }\n';
    const lines = await diagnoseYaml(text);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0]).toMatch(/^registry\.yaml:3:\d+: YAML syntax error: /);
  });

  it('reports a duplicate key at the second occurrence, by name, with the line of the first', async () => {
    const text = 'version: 1\nrepositories:\n  app: {}\n  other: {}\n  app: {}\n';
    expect(only(await diagnoseYaml(text))).toBe(
      `registry.yaml:${pos(text, 'app', 2)}: duplicate key "app": already set earlier in the same mapping (line 3); keep one`,
    );
  });

  it('refuses an alias bomb at the first alias', async () => {
    const levels = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]'];
    for (let i = 1; i < 8; i++) levels.push(`${'b'.repeat(i)}: &${'b'.repeat(i)} [${Array(10).fill(`*${i === 1 ? 'a' : 'b'.repeat(i - 1)}`).join(', ')}]`);
    const text = `version: 1\n${levels.join('\n')}\n`;
    const line = only(await diagnoseYaml(text));
    expect(line).toContain(`registry.yaml:${pos(text, '*a')}: refused: aliases expand to too many nodes (123456790 values written out, more than the ${MIN_EXPANDED_VALUES} allowed)`);
  });

  it('accepts a few aliases', async () => {
    const text = 'version: 1\nrepositories:\n  app:\n    tags: &t { team: a }\n  web:\n    tags: *t\n';
    const desired = await loadYaml(text);
    expect(desired.repositories.web.tags).toEqual({ team: 'a' });
  });

  it('refuses several documents in one file', async () => {
    const text = 'version: 1\n---\nversion: 1\n';
    expect(only(await diagnoseYaml(text))).toContain('registry.yaml:2:1: a desired-state file holds one YAML document');
  });

  it('parses a text without a file', () => {
    const { source, diagnostics } = parseYamlText('x.yaml', 'a:\n  b: [1, 2]\n');
    expect(diagnostics).toEqual([]);
    expect(source?.locate(['a', 'b', 1])).toEqual({ line: 2, col: 10 });
    expect(source?.locate(['a', 'b'], 'key')).toEqual({ line: 2, col: 3 });
  });
});

describe('registry.accountId', () => {
  it.each([
    ['with a leading zero', '012345678901', '"012345678901"'],
    ['without a leading zero', '123456789012', '"123456789012"'],
  ])('unquoted, %s: says to quote it, once', async (_name, written, quoted) => {
    const text = `version: 1\nregistry:\n  accountId: ${written}\n`;
    expect(only(await diagnoseYaml(text))).toBe(
      `registry.yaml:${pos(text, written)}: registry.accountId must be a quoted string: write accountId: ${quoted} (account ids are 12 digits and may start with 0, which an unquoted number loses)`,
    );
  });

  it.each([`"012345678901"`, `'012345678901'`])('quoted (%s) is accepted as written', async (written) => {
    const desired = await loadYaml(`version: 1\nregistry:\n  accountId: ${written}\n`);
    expect(desired.registry.accountId).toBe('012345678901');
  });

  it('a quoted string of the wrong length says what it must be', async () => {
    const text = 'version: 1\nregistry:\n  accountId: "12345"\n';
    expect(only(await diagnoseYaml(text))).toBe(
      `registry.yaml:${pos(text, '"12345"')}: registry.accountId must be a quoted string of 12 digits, not the string "12345"`,
    );
  });
});

describe('input paths', () => {
  it('a missing file is a diagnostic at 1:1 saying it does not exist', async () => {
    const dir = await tree({});
    expect(await diagnose(dir, ['nope.yaml'])).toEqual(['nope.yaml:1:1: file does not exist']);
  });

  it('no path means registry.yaml', async () => {
    const error = await resolveInputPaths([]).catch((e: unknown) => e);
    // The test runs in the project folder, which has no registry.yaml.
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).diagnostics[0]).toMatchObject({ file: 'registry.yaml', line: 1, col: 1 });
  });

  it('a folder gives every *.yaml and *.yml file under it, subfolders too, sorted by path; dot folders and node_modules skipped', async () => {
    const dir = await tree({
      'b.yml': 'version: 1\n',
      'a.yaml': 'version: 1\n',
      'c.json': '{}',
      'notes.txt': '',
      'sub/d.yaml': 'version: 1\n',
      'sub/deeper/e.yaml': 'version: 1\n',
      'a-sub/f.yaml': 'version: 1\n',
      '.github/workflows/ci.yml': 'on: push\n',
      'node_modules/pkg/x.yaml': 'x: 1\n',
    });
    expect(await resolveInputPaths([dir])).toEqual(
      ['a-sub/f.yaml', 'a.yaml', 'b.yml', 'sub/d.yaml', 'sub/deeper/e.yaml'].map((f) => path.join(dir, f)),
    );
  });

  it('a folder without YAML files is an error', async () => {
    const dir = await tree({ 'x.txt': '' });
    await expect(resolveInputPaths([dir])).rejects.toMatchObject({ diagnostics: [{ file: dir, message: 'folder holds no .yaml or .yml file' }] });
  });

  it('the same file named twice is read once', async () => {
    const dir = await tree({ 'a.yaml': 'version: 1\n' });
    expect(await resolveInputPaths([path.join(dir, 'a.yaml'), dir])).toEqual([path.join(dir, 'a.yaml')]);
  });
});
