import { EcrformError, formatDiagnostic } from '../errors.js';
import type { RunError } from '../model/run.js';

const NETWORK = ['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE'];

/** The network error code of a failure, where the SDK keeps it (on the error or its cause). */
export function networkCodeOf(err: unknown): string | undefined {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && NETWORK.includes(e.code)) return e.code;
  }
  return undefined;
}

/**
 * One registry's failure as the report shows it: the AWS error code where AWS
 * answered, ecrform's code for its own refusals. Never a credential: AWS
 * error messages name principals and resources, not keys.
 */
export function runErrorOf(err: unknown): RunError {
  if (err instanceof EcrformError) {
    const details = err.diagnostics.map(formatDiagnostic);
    return { code: err.code, message: [...details, err.message].join('\n') };
  }
  const e = (err ?? {}) as { name?: string; Code?: string; code?: string; message?: string; $metadata?: unknown };
  if (e.code && NETWORK.includes(e.code)) return { code: e.code, message: `could not reach AWS (${e.code}); check --endpoint, the region and the network` };
  if (e.$metadata !== undefined || e.name === 'CredentialsProviderError') return { code: e.Code ?? e.name ?? 'Error', message: e.message ?? String(err) };
  return { code: e.name ?? 'Error', message: e.message ?? String(err) };
}
