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
  // A desired-state file given where a plan goes: say how to apply it, never suggest overwriting it.
  if (/\.ya?ml$/i.test(path) || /^\s*version\s*:/m.test(text)) {
    throw new EcrformError('INVALID_ARGUMENT', `${path} is a desired-state file, not a plan; apply it with: ecrform apply -f ${path}`);
  }
  let plan: Plan;
  try {
    plan = JSON.parse(text) as Plan;
  } catch {
    throw new EcrformError('INVALID_ARGUMENT', `${path}: not a plan file (not JSON); a plan is what ecrform plan --out plan.json writes`);
  }
  if (plan?.formatVersion !== 1 || !Array.isArray(plan.changes) || !plan.registry?.accountId) {
    throw new EcrformError('INVALID_ARGUMENT', `${path}: not an ecrform plan (formatVersion 1); a plan is what ecrform plan --out plan.json writes`);
  }
  return plan;
}
