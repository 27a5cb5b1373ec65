import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaReference } from '../../src/commands/import.js';

describe('the $schema reference import writes', () => {
  it('points into the project when ecrform is installed in it', async () => {
    const project = await mkdtemp(join(tmpdir(), 'ecrform-import-'));
    await writeFile(join(project, 'package.json'), '{}');
    const schema = join(project, 'node_modules', 'ecrform', 'schema', 'registry.schema.json');
    await mkdir(join(project, 'registry'), { recursive: true });
    expect(schemaReference(join(project, 'registry', 'registry.yaml'), schema)).toBe('../node_modules/ecrform/schema/registry.schema.json');
  });

  it('is left out when the schema lies outside the project (a global install, another checkout)', async () => {
    const project = await mkdtemp(join(tmpdir(), 'ecrform-import-'));
    await mkdir(join(project, '.git'));
    expect(schemaReference(join(project, 'registry.yaml'), '/usr/lib/node_modules/ecrform/schema/registry.schema.json')).toBeUndefined();
  });
});
