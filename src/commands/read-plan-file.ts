import { readFile } from 'node:fs/promises';
import type { Plan } from '../model/plan.js';
import { EcrformError } from '../errors.js';

/** Reads a plan written by `plan --out`; anything else is refused with a clear message. */
export async function readPlanFile(path: string): Promise<Plan> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new EcrformError('INVALID_ARGUMENT', `${path}: cannot read the plan file`);
  }
  let plan: Plan;
  try {
    plan = JSON.parse(text) as Plan;
  } catch {
    throw new EcrformError('INVALID_ARGUMENT', `${path}: not a plan file (not JSON); write one with: ecrform plan --out ${path}`);
  }
  if (plan?.formatVersion !== 1 || !Array.isArray(plan.changes) || !plan.registry?.accountId) {
    throw new EcrformError('INVALID_ARGUMENT', `${path}: not an ecrform plan (formatVersion 1); write one with: ecrform plan --out ${path}`);
  }
  return plan;
}
