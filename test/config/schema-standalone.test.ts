import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createSchemaAjv, schemaPath } from '../../src/config/validate-schema.js';
import generated from '../../src/config/registry-schema-validator.js';
import { schemaValidatorCode } from '../../scripts/schema-validator-code.js';

/*
 * `npm run build` compiles the schema once, with ajv's standalone code
 * (scripts/compile-schema.ts), into src/config/registry-schema-validator.ts; the
 * CLI loads that instead of compiling on every run. It must be made from today's
 * schema, and judge every document exactly as a validator compiled at run time:
 * same verdict, same errors (messages are made from them).
 */

const DOCUMENTS: Record<string, unknown> = {
  example: parse(readFileSync(new URL('../../examples/registry.yaml', import.meta.url), 'utf8')),
  full: parse(readFileSync(new URL('../../examples/full-registry.yaml', import.meta.url), 'utf8')),
  'unknown key and bad enum': { version: 1, repositories: { app: { scanOnPsh: true, imageTagMutability: 'SOMETIMES' } } },
  'wrong types': { version: '1', registry: { region: 12, accountId: 123456789012 }, repositories: { app: { tags: { a: [] } } } },
  'bad pattern': { version: 1, repositories: { app: { images: { latest: 'sha256:xyz' } } } },
};

describe('the schema validator compiled at build time', () => {
  it('is made from the schema as it is now (after a schema change: npm run build, then commit it)', async () => {
    const file = readFileSync(new URL('../../src/config/registry-schema-validator.ts', import.meta.url), 'utf8');
    expect(file === (await schemaValidatorCode())).toBe(true);
  });

  it.each(Object.keys(DOCUMENTS))('%s: same verdict and errors as compiling at run time', async (name) => {
    const compiled = (await createSchemaAjv()).compile(JSON.parse(readFileSync(schemaPath(), 'utf8')) as object);
    const doc = DOCUMENTS[name];
    const validate = generated as unknown as ((v: unknown) => boolean) & { errors?: unknown };
    expect(validate(doc)).toBe(compiled(doc));
    expect(validate.errors ?? null).toEqual(compiled.errors ?? null);
  });
});
