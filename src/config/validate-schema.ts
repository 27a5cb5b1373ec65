import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { Diagnostic } from '../errors.js';
import type { YamlSource } from './load-yaml.js';
import { translateSchemaErrors } from './schema-messages.js';

/** The schema sits at the package root: ../../schema from src/config, ../../../schema from dist/src/config. */
const SCHEMA_CANDIDATES = ['../../schema/registry.schema.json', '../../../schema/registry.schema.json'];

export function schemaPath(): string {
  for (const candidate of SCHEMA_CANDIDATES) {
    const file = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(file)) return file;
  }
  throw new Error(`bug: schema/registry.schema.json not found next to ${fileURLToPath(import.meta.url)}`);
}

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (!compiled) {
    const schema = JSON.parse(readFileSync(schemaPath(), 'utf8')) as object;
    // verbose: errors carry their schema, so messages can name allowed keys and enum values.
    const ajv = new Ajv2020({ allErrors: true, verbose: true, allowUnionTypes: true, strict: true });
    compiled = ajv.compile(schema);
  }
  return compiled;
}

/** Checks one desired-state file against schema/registry.schema.json. */
export function validateSchema(src: YamlSource): Diagnostic[] {
  const validate = validator();
  if (validate(src.value)) return [];
  return translateSchemaErrors(src, validate.errors ?? []);
}
