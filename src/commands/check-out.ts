import { realpathSync } from 'node:fs';
import path from 'node:path';
import { EcrformError } from '../errors.js';

function realOrResolved(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/**
 * `--out` never overwrites a file the run reads (a desired-state or a policy
 * file): `plan --out registry/base.yaml` would destroy the user's own file.
 */
export function checkOutIsNotAnInput(out: string | undefined, inputs: readonly string[]): void {
  if (!out) return;
  const target = realOrResolved(out);
  const hit = inputs.find((input) => realOrResolved(input) === target);
  if (hit) {
    throw new EcrformError('INVALID_ARGUMENT', `--out ${out} is a file this run reads (${hit}); write the plan to another file, e.g. --out plan.json`);
  }
}
