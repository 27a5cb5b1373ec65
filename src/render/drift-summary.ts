import type { DriftReport } from '../drift/classify-drift.js';

/** The drift categories in the order every renderer lists them, with what each means. */
export const DRIFT_SECTIONS = [
  { key: 'modified', title: 'modified', meaning: 'changed outside ecrform' },
  { key: 'missing', title: 'missing', meaning: 'declared, but not in the registry' },
  { key: 'orphaned', title: 'orphaned', meaning: 'managed by ecrform, but no file declares it' },
] as const;

/** Drift reads the plan's way round: from the live value to the declared one. */
export const DIRECTION_NOTE = 'Each change reads from the live value to the declared one: what apply would do to undo the drift.';

export const UNMANAGED_MEANING = 'no ownership tag and not declared; listed only, never drift';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Drift found: 1 modified, 1 missing, 0 orphaned." or "In sync: the registry matches the files." */
export function driftHeadline(report: DriftReport): string {
  if (report.inSync) return 'In sync: the registry matches the files.';
  return `Drift found: ${report.modified.length} modified, ${report.missing.length} missing, ${report.orphaned.length} orphaned.`;
}

/** "The files manage 2 of 4 live repositories (50%); 1 unmanaged." (no share of nothing when there are none). */
export function coverageLine(report: DriftReport): string {
  const { managed, live } = report.coverage;
  if (live === 0) return 'Coverage: no live repositories to manage.';
  const share = Math.floor((managed / live) * 100);
  const unmanaged = report.unmanaged.length ? `; ${plural(report.unmanaged.length, 'unmanaged repository', 'unmanaged repositories')}` : '';
  return `Coverage: the files manage ${managed} of ${plural(live, 'live repository', 'live repositories')} (${share}%)${unmanaged}.`;
}
