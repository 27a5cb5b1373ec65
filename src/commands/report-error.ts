import { ConfigError, EcrformError, formatDiagnostic, PlanTimeError } from '../errors.js';
import { annotationLines } from '../github/annotations.js';
import type { Io } from './io.js';
import { callSiteOf } from '../ecr/name-failures.js';
import { networkCodeOf } from '../run/run-error.js';

/**
 * An error ECR itself sent: modelled (a named exception with a fault) or a
 * throttling or server error with a JSON body. An HTML page or an empty 404
 * from something else fails to parse and carries neither.
 */
function isEcrError(e: { name?: string; $fault?: string; $metadata?: { httpStatusCode?: number } }): boolean {
  if (!e.$fault) return false;
  return typeof e.name === 'string' && /(Exception|Error)$/.test(e.name) && e.name !== 'UnknownError' && e.name !== 'SyntaxError';
}

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
    // A pin that cannot be met is a line of the pull request too: annotate it there.
    io.stderr(annotationLines(err.diagnostics, io.env));
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
  const e = err as { name?: string; message?: string; $metadata?: { httpStatusCode?: number }; $fault?: string; stack?: string };
  const site = callSiteOf(err);
  const network = networkCodeOf(err);
  if (network) {
    const where = site ? ` at ${site.endpoint} (${site.operation})` : '';
    io.stderr(`error: could not reach ECR${where}: ${network}; check --endpoint, the region and the network\n`);
    return 1;
  }
  if (site && e.$metadata !== undefined && !isEcrError(e)) {
    const status = e.$metadata.httpStatusCode ? `HTTP ${e.$metadata.httpStatusCode}` : (e.name ?? 'no answer');
    io.stderr(`error: ${site.endpoint} did not answer ${site.operation} as ECR does (${status}); is --endpoint an ECR endpoint?\n`);
    return 1;
  }
  if (e && e.$metadata !== undefined) {
    io.stderr(`error: AWS call failed${site ? ` (${site.operation})` : ''}: ${e.name}: ${e.message}\n`);
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
