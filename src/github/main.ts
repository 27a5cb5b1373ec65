#!/usr/bin/env node
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runAction } from './action.js';

/**
 * The entry point action.yml runs: the ecrform bin sits beside this file in
 * the bundle (dist/bin); ECRFORM_BIN overrides it (the tests run dist/src).
 */
const bin = process.env.ECRFORM_BIN ?? join(dirname(fileURLToPath(import.meta.url)), 'ecrform.js');
try {
  process.exitCode = await runAction({ env: process.env, bin, log: (t) => void process.stdout.write(t) });
} catch (err) {
  process.stdout.write(`::error::ecrform action: ${(err as Error).message}\n`);
  process.exitCode = 1;
}
