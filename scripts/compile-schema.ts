/**
 * Build step (`npm run build`, after tsc): compiles schema/registry.schema.json
 * once, with ajv's standalone code, into src/config/registry-schema-validator.ts
 * (kept in git, so tests and the bundle have it without a build) and its copy in
 * dist. The CLI then neither loads ajv's compiler nor compiles the schema on every
 * run (a fifth of a small `validate`). After a schema change, run the build and
 * commit the file; test/config/schema-standalone.test.ts fails until then.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { schemaValidatorCode } from './schema-validator-code.js';

const code = await schemaValidatorCode();
// Run as dist/scripts/compile-schema.js: ../../src is the source, ../src the build.
for (const target of ['../../src/config/registry-schema-validator.ts', '../src/config/registry-schema-validator.js']) {
  const file = fileURLToPath(new URL(target, import.meta.url));
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // not written yet
  }
  if (current !== code) {
    writeFileSync(file, code);
    console.log(`compiled the schema into ${file}`);
  }
}
