import { describe, expect, it } from 'vitest';
import { diagnoseYaml, pos } from './helpers.js';

/*
 * A key set twice is reported at the repeat (FILE:LINE:COL), naming the key and
 * the line that set it first: in a long mapping "this key" alone meant a search.
 */

const repoWith = (key: string, ref: string) => `version: 1\nrepositories:\n  app:\n    ${key}: ${ref}\n`;

describe('duplicate keys are named', () => {
  it('a key set three times in a nested mapping: both repeats, each naming the first', async () => {
    const text = 'version: 1\nrepositories:\n  app:\n    tags:\n      team: a\n      owner: b\n      team: c\n      team: d\n';
    expect(await diagnoseYaml(text)).toEqual([
      `registry.yaml:${pos(text, 'team', 2)}: duplicate key "team": already set earlier in the same mapping (line 5); keep one`,
      `registry.yaml:${pos(text, 'team', 3)}: duplicate key "team": already set earlier in the same mapping (line 5); keep one`,
    ]);
  });

  it('a quoted key repeating a plain one is named by its value', async () => {
    const text = "version: 1\nrepositories:\n  app: {}\n  'app': {}\n";
    expect(await diagnoseYaml(text)).toEqual([`registry.yaml:${pos(text, "'app'")}: duplicate key "app": already set earlier in the same mapping (line 3); keep one`]);
  });

  it('in a YAML policy file, that file and its lines', async () => {
    const lc = 'rules:\n  - rulePriority: 1\n    description: one\n    description: two\n    selection: { tagStatus: untagged, countType: imageCountMoreThan, countNumber: 1 }\n    action: { type: expire }\n';
    const lines = await diagnoseYaml(repoWith('lifecyclePolicyFile', 'lc.yaml'), { 'lc.yaml': lc });
    expect(lines).toContain(`lc.yaml:${pos(lc, 'description', 2)}: duplicate key "description": already set earlier in the same mapping (line 3); keep one`);
  });

  it('in a JSON policy file written over several lines', async () => {
    const json = '{\n  "Version": "2012-10-17",\n  "Statement": {"Effect": "Allow", "Principal": "*", "Action": "ecr:*"},\n  "Version": "2008-10-17"\n}\n';
    const lines = await diagnoseYaml(repoWith('policyFile', 'p.json'), { 'p.json': json });
    expect(lines).toEqual([`p.json:${pos(json, '"Version"', 2)}: duplicate key "Version": already set earlier in the same object (line 2); keep one`]);
  });
});
