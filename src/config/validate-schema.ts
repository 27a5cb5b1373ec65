import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Ajv2020, ValidateFunction } from 'ajv/dist/2020.js';
import type { Diagnostic } from '../errors.js';
import type { YamlSource } from './load-yaml.js';
import { translateSchemaErrors } from './schema-messages.js';
import generatedValidator from './registry-schema-validator.js';

/** The schema sits at the package root: ../../schema from src/config, ../../../schema from dist/src/config. */
const SCHEMA_CANDIDATES = ['../../schema/registry.schema.json', '../../../schema/registry.schema.json'];

export function schemaPath(): string {
  for (const candidate of SCHEMA_CANDIDATES) {
    const file = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(file)) return file;
  }
  throw new Error(`bug: schema/registry.schema.json not found next to ${fileURLToPath(import.meta.url)}`);
}

/** The one ajv configuration, for the build-time compile (scripts/schema-validator-code.ts) and tests. */
export async function createSchemaAjv(code?: { source: boolean; esm: boolean }): Promise<Ajv2020> {
  const { Ajv2020 } = await import('ajv/dist/2020.js');
  // verbose: errors carry their schema, so messages can name allowed keys and enum values.
  // strict: a misspelt keyword (or a union type beyond X-or-null) fails the build instead of being ignored.
  return new Ajv2020({ allErrors: true, verbose: true, strict: true, ...(code ? { code } : {}) });
}

// Compiled at build time (scripts/compile-schema.ts): no schema compile, and no ajv compiler, at run time.
const validate = generatedValidator as unknown as ValidateFunction;

/** Checks one desired-state file against schema/registry.schema.json. */
export function validateSchema(src: YamlSource): Diagnostic[] {
  if (validate(src.value)) return [];
  return translateSchemaErrors(src, validate.errors ?? []);
}
