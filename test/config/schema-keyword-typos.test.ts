import { describe, expect, it } from 'vitest';
import { createSchemaAjv } from '../../src/config/validate-schema.js';

/*
 * The build compiles schema/registry.schema.json with createSchemaAjv. A misspelt
 * keyword must stop the build: ignored, it would silently drop the limit it meant
 * to set, and files breaking that limit would pass validate and fail at ECR.
 */
describe('compiling the schema', () => {
  it('refuses a misspelt keyword instead of ignoring the limit', async () => {
    const ajv = await createSchemaAjv();
    expect(() => ajv.compile({ type: 'object', properties: { name: { type: 'string', maxLenght: 256 } } })).toThrow(/unknown keyword: "maxLenght"/);
  });
});
