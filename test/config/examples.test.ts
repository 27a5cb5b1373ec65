import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadDesired } from '../../src/config/index.js';
import { schemaPath } from '../../src/config/validate-schema.js';

type SchemaNode = Record<string, unknown>;

/** Every `properties` entry anywhere in the schema, with its JSON path. */
function propertiesOf(node: unknown, at: string, out: Array<[string, SchemaNode]>): Array<[string, SchemaNode]> {
  if (Array.isArray(node)) node.forEach((item, i) => propertiesOf(item, `${at}/${i}`, out));
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties') for (const [name, prop] of Object.entries(value as SchemaNode)) out.push([`${at}/properties/${name}`, prop as SchemaNode]);
      propertiesOf(value, `${at}/${key}`, out);
    }
  }
  return out;
}

describe('examples', () => {
  it('examples/registry.yaml validates and keeps to what the moto demo supports', async () => {
    const desired = await loadDesired(['examples/registry.yaml']);
    expect(Object.keys(desired.repositories).length).toBeGreaterThanOrEqual(5);
    expect(desired.prune).toBe(true);
    // Only the registry-wide settings moto implements: no pull-through cache, templates or account settings.
    expect(Object.keys(desired.registry).sort()).toEqual(['policy', 'region', 'replication', 'scanning']);
    expect(desired.registry.scanning).toEqual({ scanType: 'BASIC', rules: [{ scanFrequency: 'SCAN_ON_PUSH', repositoryFilters: ['*'] }] });
    expect(desired.registry.replication).toEqual({
      rules: [{ destinations: [{ region: 'us-west-2' }], repositoryFilters: ['payments/'], source: expect.objectContaining({ file: 'examples/registry.yaml' }) }],
    });
    const repos = Object.values(desired.repositories);
    expect(repos.some((r) => r.imageTagMutability === 'IMMUTABLE_WITH_EXCLUSION' && r.imageTagMutabilityExclusionFilters.length > 0)).toBe(true);
    expect(repos.filter((r) => r.lifecyclePolicy?.rules && (r.lifecyclePolicy.rules as unknown[]).length === 1).length).toBeGreaterThanOrEqual(2);
    expect(repos.some((r) => r.policy !== null)).toBe(true);
    expect(repos.every((r) => r.encryption.type === 'AES256' && Object.keys(r.images).length === 0)).toBe(true);
    const text = await readFile('examples/registry.yaml', 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/registry.schema.json');
  });

  it('examples/full-registry.yaml validates and uses every top-level and registry key', async () => {
    const desired = await loadDesired(['examples/full-registry.yaml']);
    expect(Object.keys(desired.registry).sort()).toEqual(
      ['accountId', 'accountSettings', 'creationTemplates', 'externalId', 'policy', 'pullThroughCache', 'pullTimeUpdateExclusions', 'region', 'replication', 'roleArn', 'scanning', 'signing'].sort(),
    );
    const repos = Object.values(desired.repositories);
    expect(repos.some((r) => Object.keys(r.images).length > 0)).toBe(true);
    expect(repos.some((r) => r.ignore.length > 0)).toBe(true);
    expect(repos.some((r) => r.encryption.type === 'KMS')).toBe(true);
  });

  it('examples/full-registry.yaml writes every property the schema knows', async () => {
    const schema = JSON.parse(await readFile(schemaPath(), 'utf8')) as SchemaNode;
    const text = await readFile('examples/full-registry.yaml', 'utf8');
    const names = new Set(propertiesOf(schema, '#', []).map(([p]) => p.split('/').pop()!));
    const missing = [...names].filter((name) => !new RegExp(`(^|[\\s{,])${name}:`, 'm').test(text));
    expect(missing).toEqual([]);
  });
});

describe('schema', () => {
  it('has a description on every property', async () => {
    const schema = JSON.parse(await readFile(schemaPath(), 'utf8')) as SchemaNode;
    const props = propertiesOf(schema, '#', []);
    expect(props.length).toBeGreaterThan(50);
    const undescribed = props.filter(([, prop]) => typeof prop.description !== 'string' || prop.description.length < 10).map(([p]) => p);
    expect(undescribed).toEqual([]);
  });

  it('is draft 2020-12 and closed: additionalProperties false on every object with properties', async () => {
    const schema = JSON.parse(await readFile(schemaPath(), 'utf8')) as SchemaNode;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const open: string[] = [];
    const walk = (node: unknown, at: string): void => {
      if (node === null || typeof node !== 'object') return;
      const obj = node as SchemaNode;
      if (obj.properties && obj.additionalProperties !== false) open.push(at);
      for (const [key, value] of Object.entries(obj)) walk(value, `${at}/${key}`);
    };
    walk(schema, '#');
    expect(open).toEqual([]);
  });
});
