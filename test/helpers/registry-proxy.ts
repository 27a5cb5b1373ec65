import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomInt } from 'node:crypto';
import { modelViolations } from './ecr-model.js';

/** A fault the proxy injects for calls to one ECR operation. */
export interface Fault {
  /** ECR operation name, e.g. "SetRepositoryPolicy"; "*" for any. */
  operation: string;
  kind: 'throttle' | 'server-error' | 'drop' | 'delay' | 'error';
  /** How many matching calls to affect; Infinity for all. */
  times: number;
  /** For 'delay': milliseconds before forwarding. */
  delayMs?: number;
  /** For 'error': the AWS error code and message returned with HTTP 400. */
  code?: string;
  message?: string;
  /** Only calls signed for this region (one registry of a run that spans several). */
  region?: string;
}

export interface RecordedCall {
  operation: string;
  body: Record<string, unknown>;
  /** The region the call was signed for (from its SigV4 credential scope). */
  region: string;
}

export interface RegistryProxy {
  /** The endpoint to give ecrform (`--endpoint`) or an SDK client. */
  endpoint: string;
  accountId: string;
  calls: RecordedCall[];
  /** Requests that break ECR's published model (ecr-model.ts): each was answered as ECR would, with a ValidationException. */
  violations: string[];
  addFault(fault: Fault): void;
  clearFaults(): void;
  /**
   * Throttles as ECR does when an account asks too fast: at most `perSecond` calls
   * are forwarded in any one second, the rest answered with ThrottlingException
   * (counted in `throttled`). `undefined` lifts the limit.
   */
  limitRate(perSecond: number | undefined): void;
  throttled: number;
  close(): Promise<void>;
}

/**
 * A loopback HTTP proxy between a client and moto. It gives each test its own
 * AWS account (moto's `x-moto-account-id` header), so test files run in
 * parallel against one moto server without seeing each other, records every
 * ECR call, checks each against ECR's published model (a request ECR would
 * refuse is answered with ECR's ValidationException and listed in
 * `violations`), and injects faults (throttling as ECR sends it, 500s,
 * dropped connections, delay).
 */
export async function startRegistryProxy(
  motoEndpoint: string,
  accountId = randomAccountId(),
  options: { accountFromCredentials?: boolean } = {},
): Promise<RegistryProxy> {
  const upstream = new URL(motoEndpoint);
  const calls: RecordedCall[] = [];
  const violations: string[] = [];
  let faults: Fault[] = [];
  let perSecond: number | undefined;
  let forwardedAt: number[] = [];
  const overRate = (): boolean => {
    if (perSecond === undefined) return false;
    const now = Date.now();
    forwardedAt = forwardedAt.filter((t) => t > now - 1000);
    if (forwardedAt.length >= perSecond) return true;
    forwardedAt.push(now);
    return false;
  };

  const takeFault = (operation: string, region: string): Fault | undefined => {
    const fault = faults.find((f) => (f.operation === operation || f.operation === '*') && (!f.region || f.region === region) && f.times > 0);
    if (fault) fault.times -= 1;
    return fault;
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const target = String(req.headers['x-amz-target'] ?? '');
      const operation = target.split('.').pop() ?? '';
      let parsed: Record<string, unknown> = {};
      try {
        parsed = body.length ? (JSON.parse(body.toString()) as Record<string, unknown>) : {};
      } catch {
        // not JSON: recorded with an empty body
      }
      const region = /Credential=[^/]+\/[0-9]+\/([^/]+)\//.exec(String(req.headers.authorization ?? ''))?.[1] ?? '';
      if (operation) calls.push({ operation, body: parsed, region });
      // Real ECR validates every request against its model; moto does not. Answer as ECR would.
      const broken = operation ? modelViolations(operation, parsed) : [];
      violations.push(...broken);
      const limited = !broken.length && operation ? overRate() : false;
      if (limited) proxy.throttled += 1;
      const fault = broken.length
        ? ({ operation, kind: 'error', times: 1, code: 'ValidationException', message: `request breaks ECR's model: ${broken.join('; ')}` } as Fault)
        : limited
          ? ({ operation, kind: 'throttle', times: 1 } as Fault)
          : operation
            ? takeFault(operation, region)
            : undefined;
      const forward = () => {
        // With accountFromCredentials, moto picks the account from the credentials (an assumed role's account).
        const account = options.accountFromCredentials ? {} : { 'x-moto-account-id': accountId };
        const headers = { ...req.headers, ...account, host: upstream.host };
        const up = request(
          { hostname: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers },
          (upRes) => {
            res.writeHead(upRes.statusCode ?? 502, upRes.headers);
            upRes.pipe(res);
          },
        );
        up.on('error', () => res.destroy());
        up.end(body);
      };
      const awsError = (status: number, code: string, message: string) => {
        const payload = JSON.stringify({ __type: code, message });
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': code });
        res.end(payload);
      };
      if (!fault || fault.kind === 'delay') {
        setTimeout(forward, fault?.delayMs ?? 0);
      } else if (fault.kind === 'throttle') {
        awsError(400, 'ThrottlingException', 'Rate exceeded');
      } else if (fault.kind === 'server-error') {
        awsError(500, 'ServerException', 'Internal failure (injected by the test proxy)');
      } else if (fault.kind === 'error') {
        awsError(400, fault.code ?? 'InvalidParameterException', fault.message ?? 'injected by the test proxy');
      } else {
        req.socket.destroy();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const proxy: RegistryProxy = {
    endpoint: `http://127.0.0.1:${port}`,
    accountId,
    calls,
    violations,
    addFault: (fault) => faults.push({ ...fault }),
    clearFaults: () => {
      faults = [];
    },
    limitRate: (limit) => {
      perSecond = limit;
      forwardedAt = [];
    },
    throttled: 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return proxy;
}

/** A random 12-digit account id that starts with a non-zero digit. */
export function randomAccountId(): string {
  return String(randomInt(100_000_000_000, 999_999_999_999));
}
