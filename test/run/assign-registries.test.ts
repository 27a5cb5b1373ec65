import { describe, expect, it } from 'vitest';
import { assignRegistries, type FileIdentity } from '../../src/config/assign-registries.js';

const f = (file: string, accountId?: string, region?: string): FileIdentity => ({ file: `/org/${file}`, accountId, region, line: 2, col: 1 });
const ids = (files: FileIdentity[]) => assignRegistries(files).registries.map((r) => [r.id, r.files.map((p) => p.replace('/org/', ''))]);

describe('assignRegistries (format.md "Several registries")', () => {
  it.each([
    ['no file names a registry', [f('a.yaml'), f('b.yaml')], [['?/?', ['a.yaml', 'b.yaml']]]],
    ['one names the account, another the region: still one registry, as before', [f('a.yaml', '111111111111'), f('b.yaml', undefined, 'eu-west-1')], [['111111111111/eu-west-1', ['a.yaml', 'b.yaml']]]],
    [
      'files inherit the registry of their own folder',
      [f('prod/registry.yaml', '111111111111', 'us-east-1'), f('prod/team-a.yaml'), f('dev/registry.yaml', '222222222222', 'us-east-1'), f('dev/team-b.yaml')],
      [
        ['111111111111/us-east-1', ['prod/registry.yaml', 'prod/team-a.yaml']],
        ['222222222222/us-east-1', ['dev/registry.yaml', 'dev/team-b.yaml']],
      ],
    ],
    [
      'else of the nearest folder above that has one',
      [f('prod/registry.yaml', '111111111111', 'us-east-1'), f('prod/teams/a/repos.yaml'), f('dev/registry.yaml', '222222222222', 'eu-west-1')],
      [
        ['111111111111/us-east-1', ['prod/registry.yaml', 'prod/teams/a/repos.yaml']],
        ['222222222222/eu-west-1', ['dev/registry.yaml']],
      ],
    ],
    [
      'a file naming only its region picks the registry of that region in its folder',
      [f('p/use1.yaml', '111111111111', 'us-east-1'), f('p/euw1.yaml', '111111111111', 'eu-west-1'), f('p/extra.yaml', undefined, 'eu-west-1')],
      [
        ['111111111111/us-east-1', ['p/use1.yaml']],
        ['111111111111/eu-west-1', ['p/euw1.yaml', 'p/extra.yaml']],
      ],
    ],
  ])('%s', (_name, files, expected) => {
    expect(assignRegistries(files).diagnostics).toEqual([]);
    expect(ids(files)).toEqual(expected);
  });

  it('a file in a folder of two registries could belong to both: an error naming it and both', () => {
    const { diagnostics } = assignRegistries([f('x/a.yaml', '111111111111', 'us-east-1'), f('x/b.yaml', '222222222222', 'us-east-1'), f('x/repos.yaml')]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: '/org/x/repos.yaml', line: 2, col: 1 });
    expect(diagnostics[0].message).toContain('could belong to 2 registries (111111111111/us-east-1, 222222222222/us-east-1');
  });

  it('a file with no registry above it while several are in play belongs to none: an error naming it', () => {
    const { diagnostics } = assignRegistries([f('prod/r.yaml', '111111111111', 'us-east-1'), f('dev/r.yaml', '222222222222', 'us-east-1'), f('loose.yaml')]);
    expect(diagnostics.map((d) => d.file)).toEqual(['/org/loose.yaml']);
    expect(diagnostics[0].message).toContain('belongs to none of the registries in play');
  });

  it('a file whose named region fits no registry of its folder belongs to none', () => {
    const { diagnostics } = assignRegistries([f('p/a.yaml', '111111111111', 'us-east-1'), f('q/b.yaml', '222222222222', 'us-east-1'), f('p/c.yaml', undefined, 'eu-west-1')]);
    expect(diagnostics.map((d) => d.file)).toEqual(['/org/p/c.yaml']);
  });
});
