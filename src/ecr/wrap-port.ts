import pLimit from 'p-limit';
import { PORT_OPERATIONS, type EcrPort } from './port.js';

type AnyCall = (input: unknown) => Promise<unknown>;

/** Builds a port whose every operation goes through `around(name, input, call)`. */
function wrapPort(
  port: EcrPort,
  around: (operation: string, input: unknown, call: () => Promise<unknown>) => Promise<unknown>,
): EcrPort {
  const wrapped: Record<string, AnyCall> = {};
  for (const name of PORT_OPERATIONS) {
    const call = (port[name] as AnyCall).bind(port);
    wrapped[name] = (input) => around(name, input, () => call(input));
  }
  return wrapped as unknown as EcrPort;
}

/** Every call through one bounded pool: at most `concurrency` in flight. */
export function limitPort(port: EcrPort, concurrency: number): EcrPort {
  const limit = pLimit(concurrency);
  return wrapPort(port, (_op, _input, call) => limit(call));
}

/** The resource a call is about, for the debug log: never a credential. */
function describeTarget(input: unknown): string {
  if (!input || typeof input !== 'object') return '-';
  const i = input as Record<string, unknown>;
  const key = i.repositoryName ?? i.ecrRepositoryPrefix ?? i.prefix ?? i.name ?? i.resourceArn ?? i.principalArn;
  return typeof key === 'string' ? key : '-';
}

const operationName = (method: string) => method[0].toUpperCase() + method.slice(1);

/**
 * `--debug`: one line per API call on stderr: operation, target, duration,
 * outcome (ok or the AWS error code). Inputs are not printed: they never hold
 * credentials, but policies can be long and tags can be sensitive.
 */
export function debugPort(port: EcrPort, write: (line: string) => void): EcrPort {
  return wrapPort(port, async (op, input, call) => {
    const started = Date.now();
    try {
      const result = await call();
      write(`[debug] ${operationName(op)} ${describeTarget(input)} ${Date.now() - started}ms ok`);
      return result;
    } catch (err) {
      const code = (err as { name?: string }).name ?? 'Error';
      write(`[debug] ${operationName(op)} ${describeTarget(input)} ${Date.now() - started}ms ${code}`);
      throw err;
    }
  });
}
