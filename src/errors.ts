/** A problem in a user's file: where it is and what to change. */
export interface Diagnostic {
  file: string;
  line: number;
  col: number;
  /** JSON pointer-ish path of the offending node, e.g. /repositories/team-a~1api/tags. */
  path: string;
  message: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.col}: ${d.message}`;
}

/** Stable error codes a user (or CI) can rely on. */
export type ErrorCode =
  | 'INVALID_CONFIG'
  | 'INVALID_ARGUMENT'
  | 'ACCOUNT_MISMATCH'
  | 'REGION_MISMATCH'
  | 'LIVE_READ_FAILED'
  | 'ASSUME_ROLE_FAILED'
  | 'PLAN_REFUSED'
  | 'STALE_PLAN'
  | 'APPLY_FAILED';

/** The one error base: a user-facing failure with a stable code and no stack trace shown. */
export class EcrformError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly diagnostics: Diagnostic[] = [],
  ) {
    super(message);
    this.name = 'EcrformError';
  }
}

/**
 * Problems found when planning (a repository of another stack, a replace ecrform
 * may not make, a tag pin ECR would refuse): every one of them, each at the line of
 * the key at fault. The message lists them for callers; the CLI prints each once.
 */
export class PlanTimeError extends EcrformError {
  constructor(diagnostics: Diagnostic[]) {
    super('PLAN_REFUSED', diagnostics.map((d) => d.message).join('\n'), diagnostics);
  }
}

/** Thrown when the user's files are invalid: carries every diagnostic found. */
export class ConfigError extends EcrformError {
  constructor(diagnostics: Diagnostic[]) {
    super('INVALID_CONFIG', `${diagnostics.length} problem(s) in the desired-state files`, diagnostics);
  }
}
