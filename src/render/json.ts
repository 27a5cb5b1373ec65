import type { Plan } from '../model/plan.js';
import type { DriftReport } from '../drift/classify-drift.js';

/** The plan document of cli.md, as `plan --format json` prints it and `plan --out` writes it. */
export function renderPlanJson(plan: Plan): string {
  return JSON.stringify(plan, null, 2) + '\n';
}

/** The drift report of cli.md, as `drift --format json` prints it. */
export function renderDriftJson(report: DriftReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
