import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tree } from '../config/helpers.js';

// Counts what a run costs per file: reads from disk, and uses of the slow,
// position-keeping `yaml` parser (which only a message with a line needs).
const reads = vi.hoisted(() => ({ files: [] as string[], positionParses: 0 }));
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>();
  const readFile = ((file: Parameters<typeof fs.readFile>[0], ...rest: unknown[]) => {
    if (typeof file === 'string' && file.endsWith('.yaml')) reads.files.push(file);
    return (fs.readFile as (...a: unknown[]) => unknown)(file, ...rest);
  }) as typeof fs.readFile;
  return { ...fs, readFile, default: { ...fs, readFile } };
});
vi.mock('../../src/config/yaml-library.js', async (original) => {
  const real = await original<typeof import('../../src/config/yaml-library.js')>();
  return {
    yamlLibrary: () => {
      reads.positionParses++;
      return real.yamlLibrary();
    },
  };
});

const { loadRegistries } = await import('../../src/run/load-registries.js');

const registryFile = (accountId: string, region: string) =>
  `version: 1\nregistry:\n  accountId: "${accountId}"\n  region: ${region}\nrepositories:\n  base-${region}:\n`;

describe('loading several registries: what each file costs', () => {
  beforeEach(() => {
    reads.files = [];
    reads.positionParses = 0;
  });

  it('reads each file once, assigning and loading sharing the read, and never parses a valid file for positions', async () => {
    const dir = await tree({
      'prod/registry.yaml': registryFile('111111111111', 'us-east-1'),
      'prod/team-a.yaml': 'version: 1\nrepositories:\n  team-a/api:\n',
      'dev/registry.yaml': registryFile('222222222222', 'eu-west-1'),
    });
    const registries = await loadRegistries([`${dir}/prod`, `${dir}/dev`]);
    expect(registries.map((r) => [r.id, Object.keys(r.desired.repositories).sort()])).toEqual([
      ['111111111111/us-east-1', ['base-us-east-1', 'team-a/api']],
      ['222222222222/eu-west-1', ['base-eu-west-1']],
    ]);
    expect(reads.files.map((f) => f.slice(dir.length + 1)).sort()).toEqual(['dev/registry.yaml', 'prod/registry.yaml', 'prod/team-a.yaml']);
    expect(reads.positionParses).toBe(0);
  });

  it('still places an assignment problem at the registry key, parsing positions only then', async () => {
    const dir = await tree({
      'mixed/a.yaml': registryFile('111111111111', 'us-east-1'),
      'mixed/b.yaml': registryFile('222222222222', 'us-east-1'),
      'mixed/c.yaml': 'version: 1\n# names a region only\nregistry:\n  region: us-east-1\nrepositories:\n  lost:\n',
    });
    const error = await loadRegistries([`${dir}/mixed`]).catch((e: unknown) => e);
    const diagnostics = (error as { diagnostics?: { file: string; line: number; col: number; message: string }[] }).diagnostics ?? [];
    expect(diagnostics.map((d) => `${d.file.slice(dir.length + 1)}:${d.line}:${d.col}`)).toEqual(['mixed/c.yaml:3:1']);
    expect(diagnostics[0].message).toMatch(/could belong to 2 registries/);
    expect(reads.positionParses).toBeGreaterThan(0);
  });
});
