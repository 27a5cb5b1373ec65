import { PORT_OPERATIONS, type EcrPort } from '../ecr/port.js';

type AnyCall = (input: unknown) => Promise<unknown>;

/**
 * A port that reports each call's start (+1) and end (-1), so the terminal
 * view can show calls in flight. Wrapped inside the concurrency limit, so it
 * counts calls really on the wire, not queued ones.
 */
export function countCalls(port: EcrPort, onCall: (delta: 1 | -1) => void): EcrPort {
  const wrapped: Record<string, AnyCall> = {};
  for (const name of PORT_OPERATIONS) {
    const call = (port[name] as AnyCall).bind(port);
    wrapped[name] = async (input) => {
      onCall(1);
      try {
        return await call(input);
      } finally {
        onCall(-1);
      }
    };
  }
  return wrapped as unknown as EcrPort;
}
