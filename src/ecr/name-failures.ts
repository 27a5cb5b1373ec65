import { PORT_OPERATIONS, type EcrPort } from './port.js';

type AnyCall = (input: unknown) => Promise<unknown>;

/** Where a failed call went: the operation and the endpoint, for a message that names them. */
export interface CallSite {
  operation: string;
  endpoint: string;
}

const SITE = Symbol.for('ecrform.callSite');

/** The operation and endpoint of a failed call, when it went through namePortFailures. */
export function callSiteOf(err: unknown): CallSite | undefined {
  return err && typeof err === 'object' ? (err as { [SITE]?: CallSite })[SITE] : undefined;
}

/**
 * Marks every error a call throws with its operation and endpoint, so an
 * unreachable or non-ECR endpoint is reported in one line naming both, not as
 * an unexplained failure.
 */
export function namePortFailures(port: EcrPort, endpoint: string): EcrPort {
  const wrapped: Record<string, AnyCall> = {};
  for (const name of PORT_OPERATIONS) {
    const call = (port[name] as AnyCall).bind(port);
    const operation = name[0].toUpperCase() + name.slice(1);
    wrapped[name] = async (input) => {
      try {
        return await call(input);
      } catch (err) {
        if (err && typeof err === 'object' && !(SITE in err)) {
          Object.defineProperty(err, SITE, { value: { operation, endpoint }, enumerable: false });
        }
        throw err;
      }
    };
  }
  return wrapped as unknown as EcrPort;
}
