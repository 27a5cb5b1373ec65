import { EcrformError, formatDiagnostic } from '../errors.js';
import type { RunError } from '../model/run.js';

const NETWORK = ['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN'];

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
