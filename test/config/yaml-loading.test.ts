import { describe, expect, it } from 'vitest';
import { LineCounter, parse, parseDocument } from 'yaml';
import { parseYamlText } from '../../src/config/load-yaml.js';
import { fastParse } from '../../src/config/fast-yaml.js';
import { countValues, expansionLimit, MIN_EXPANDED_VALUES } from '../../src/config/expanded-size.js';
import { diagnoseYaml, loadYaml, only, pos } from './helpers.js';

/*
 * Loading is linear: a fast parse (js-yaml) for the value, the position-keeping
 * `yaml` parse only when a message needs a place, duplicate keys found with a
 * set. These tests hold the fast path to the `yaml` library's values and the
 * set-based duplicate check to the library's own positions.
 */

const POLICY = `
      Version: "2012-10-17"
      Statement:
        - Sid: pull
          Effect: Allow
          Principal: { AWS: "arn:aws:iam::111122223333:root" }
          Action: [ecr:BatchGetImage, ecr:GetDownloadUrlForLayer]`;

describe('anchors and aliases', () => {
  it('a policy anchored once and aliased by 1,000 repositories is accepted', async () => {
    const lines = ['version: 1', 'repositories:', `  r-0:\n    policy: &pull${POLICY}`];
    for (let i = 1; i < 1000; i++) lines.push(`  r-${i}:\n    policy: *pull`);
    const desired = await loadYaml(lines.join('\n') + '\n');
    expect(Object.keys(desired.repositories)).toHaveLength(1000);
    expect(desired.repositories['r-999'].policy).toEqual(desired.repositories['r-0'].policy);
    expect((desired.repositories['r-999'].policy as { Statement: { Sid: string }[] }).Statement[0].Sid).toBe('pull');
  });

  const bomb = (header = '') => {
    const levels = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]'];
    for (let i = 1; i < 9; i++) levels.push(`${'b'.repeat(i)}: &${'b'.repeat(i)} [${Array(10).fill(`*${i === 1 ? 'a' : 'b'.repeat(i - 1)}`).join(', ')}]`);
    return `${header}version: 1\n${levels.join('\n')}\n`;
  };

  it('a real expansion bomb is refused by its expanded size, on the fast path', async () => {
    const text = bomb();
    expect(fastParse(text)).toBeDefined();
    expect(only(await diagnoseYaml(text))).toMatch(new RegExp(`^registry\\.yaml:${pos(text, '*a')}: refused: aliases expand to too many nodes \\(1234567901 values`));
  });

  it('and on the `yaml` path (a directive sends the file there)', async () => {
    const text = bomb('%YAML 1.2\n---\n');
    expect(fastParse(text)).toBeUndefined();
    expect(only(await diagnoseYaml(text))).toMatch(new RegExp(`^registry\\.yaml:${pos(text, '*a')}: refused: aliases expand to too many nodes`));
  });

  it('bounds the expansion at 1,000,000 values, or 10 times what is written when that is more', () => {
    expect(MIN_EXPANDED_VALUES).toBe(1_000_000);
    expect(expansionLimit(1_000)).toBe(1_000_000);
    expect(expansionLimit(250_000)).toBe(2_500_000);
  });

  // Levels of ten aliases each: with `depth` levels above `a`, the file expands to about 1.23 x 10^depth values.
  const ladder = (depth: number) => bomb().split('\n').slice(0, depth + 2).join('\n') + '\n';
  it('refuses a ladder just past the bound (about 1.2 million values) and accepts one ten times smaller', async () => {
    expect(countValues(fastParse(ladder(5))).expanded).toBeGreaterThan(1_000_000);
    expect(countValues(fastParse(ladder(4))).expanded).toBeLessThan(1_000_000);
    expect((await diagnoseYaml(ladder(5))).join('\n')).toMatch(/refused: aliases expand to too many nodes/);
    expect((await diagnoseYaml(ladder(4))).join('\n')).not.toMatch(/refused: aliases/);
  });

  it('counts shared values once as written and every time as expanded', () => {
    const shared = { a: 1, b: [2, 3] };
    expect(countValues({ x: shared, y: shared })).toEqual({ written: 6, expanded: 11, nullKey: false });
  });
});

describe('duplicate keys, found with a set', () => {
  // The `yaml` library's own quadratic check is the oracle for where each duplicate is reported.
  const libraryPlaces = (text: string) => {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
    return doc.errors.filter((e) => e.code === 'DUPLICATE_KEY').map((e) => {
      const { line, col } = lineCounter.linePos(e.pos[0]);
      return `${line}:${col}`;
    });
  };

  it.each([
    ['block mapping', 'version: 1\nrepositories:\n  app: {}\n  other: {}\n  app: {}\n'],
    ['flow mapping', 'version: 1\nrepositories: { app: {}, "app": {} }\n'],
    ['quoted and plain keys of the same text', "version: 1\nrepositories:\n  'app': {}\n  app: {}\n"],
    ['anchored key', 'version: 1\nrepositories:\n  app: {}\n  &k app: {}\n'],
    ['explicit key', 'version: 1\nrepositories:\n  app: {}\n  ? app\n  : {}\n'],
    ['three times, nested', 'version: 1\nrepositories:\n  app:\n    tags: { a: "1", a: "2", a: "3" }\n'],
  ])('%s: at the place the library reports', async (_name, text) => {
    const expected = libraryPlaces(text);
    expect(expected.length).toBeGreaterThan(0);
    const lines = await diagnoseYaml(text);
    expect(lines.filter((l) => l.includes('duplicate key')).map((l) => l.split(':').slice(1, 3).join(':'))).toEqual(expected);
  });

  it('1 and "1" are different keys, as in the library', async () => {
    expect(libraryPlaces('a:\n  1: x\n  "1": y\n')).toEqual([]);
    expect(parseYamlText('x.yaml', 'a:\n  1: x\n  "1": y\n').diagnostics).toEqual([]);
  });
});

describe('the fast parse gives the values `yaml` gives', () => {
  it.each([
    ['core schema scalars', 'a: [1_000, 0o17, 017, 0x1F, +12, 1e3, .5, yes, no, on, True, tRue, ~, Null, 2020-01-01, 0b101, 12:30, 123456789012, 1.0]'],
    ['quoted and block scalars', 'a: "\\u00e9\\x41"\nb: \'it\'\'s\'\nc: |\n  text\n  more\nd: >-\n  folded\n  text\n'],
    ['keys that are not strings', '1: a\ntrue: b\n2.0: c\n0x1F: d\n.inf: e\n'],
    ['aliases', 'a: &x { y: [1, 2] }\nb: *x\n'],
    ['__proto__ and <<', '__proto__: { x: 1 }\n<<: { a: 1 }\n'],
  ])('%s', (_name, text) => {
    const fast = fastParse(text);
    expect(fast).toBeDefined();
    expect(fast?.value).toEqual(parse(text));
  });

  it.each([
    ['a null key ("" in `yaml`)', 'null: c\n~: d\n'],
    ['a directive', '%YAML 1.1\n---\na: yes\n'],
    ['an unknown tag', 'a: !Ref x\n'],
    ['a complex key', '? [a, b]\n: 1\n'],
    ['an empty file', ''],
    ['two documents', 'a: 1\n---\nb: 2\n'],
  ])('declines (the `yaml` parse decides) for %s', (_name, text) => {
    expect(fastParse(text)).toBeUndefined();
  });

  it('positions are found after a fast parse', () => {
    const text = 'version: 1\nrepositories:\n  app:\n    tags: { team: a }\n';
    const { source } = parseYamlText('x.yaml', text);
    expect(source?.locate(['repositories', 'app', 'tags', 'team'])).toEqual({ line: 4, col: 19 });
    expect(source?.locate(['repositories', 'app'], 'key')).toEqual({ line: 3, col: 3 });
  });
});
