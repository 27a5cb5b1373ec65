import { ConfigError, EcrformError, formatDiagnostic, PlanTimeError } from '../errors.js';
import { annotationLines } from '../github/annotations.js';
import type { Io } from './io.js';

/**
 * Turns a failure into what the user reads on stderr and the exit code (always 1).
 * A user's mistake never shows a stack trace; an AWS failure keeps its error code;
 * anything else is reported as a bug.
 */
export function reportError(err: unknown, io: Io, debug: boolean): number {
  if (err instanceof ConfigError) {
    for (const d of err.diagnostics) io.stderr(formatDiagnostic(d) + '\n');
    io.stderr(annotationLines(err.diagnostics, io.env));
    io.stderr(`${err.diagnostics.length} problem${err.diagnostics.length === 1 ? '' : 's'} found; nothing was sent to AWS.\n`);
    return 1;
  }
  if (err instanceof PlanTimeError) {
    for (const d of err.diagnostics) io.stderr(formatDiagnostic(d) + '\n');
    const n = err.diagnostics.length;
    io.stderr(`${n} problem${n === 1 ? '' : 's'} found when planning; nothing was changed.\n`);
    return 1;
  }
  if (err instanceof EcrformError) {
    for (const d of err.diagnostics) io.stderr(formatDiagnostic(d) + '\n');
    io.stderr(annotationLines(err.diagnostics, io.env));
    io.stderr(`error: ${err.message}\n`);
    return 1;
  }
  const e = err as { name?: string; message?: string; $metadata?: unknown; stack?: string };
  if (e && e.$metadata !== undefined) {
    io.stderr(`error: AWS call failed: ${e.name}: ${e.message}\n`);
    return 1;
  }
  const network = (err as { code?: string }).code;
  if (network && ['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN'].includes(network)) {
    io.stderr(`error: could not reach ECR (${network}); check --endpoint, the region and the network\n`);
    return 1;
  }
  if (e?.name === 'CredentialsProviderError') {
    io.stderr(`error: no AWS credentials: ${e.message}\n`);
    return 1;
  }
  io.stderr(`error: ${e?.message ?? String(err)}\n`);
  io.stderr(debug && e?.stack ? `${e.stack}\n` : 'This looks like a bug in ecrform; run again with --debug for details and report it.\n');
  return 1;
}
