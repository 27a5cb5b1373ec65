import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { createFakeRegistry } from './fake-registry.js';
import { withFakeSigning } from './fake-signing.js';

/** The operations moto lacks that this endpoint answers itself. */
const ANSWERED = [
  'GetSigningConfiguration',
  'PutSigningConfiguration',
  'DeleteSigningConfiguration',
  'RegisterPullTimeUpdateExclusion',
  'DeregisterPullTimeUpdateExclusion',
  'ListPullTimeUpdateExclusions',
  'DescribePullThroughCacheRules',
  'DescribeRepositoryCreationTemplates',
] as const;

/** Dates as the AWS JSON protocol sends them: epoch seconds. */
const toWire = (value: unknown): string =>
  JSON.stringify(value, (key, v: unknown) => (key === '$metadata' ? undefined : v), 0).replace(/"(\d{4}-\d\d-\d\dT[^"]+Z)"/g, (_m, iso: string) => String(Date.parse(iso) / 1000));

/**
 * A loopback ECR endpoint for running the built CLI: managed signing and
 * pull-time update exclusions are served from the in-memory fake (checked
 * against ECR's model, as ECR would check them), and so are the describe
 * calls of pull-time cache rules and creation templates (for `import
 * --registry-settings`); every other call is passed on to `upstream` (a
 * test's moto proxy). moto has none of these operations.
 */
export async function startSigningEndpoint(upstream: string) {
  const registry = createFakeRegistry({ pageSize: 2 });
  const fake = withFakeSigning(registry.port, { pageSize: 2 });
  const target = new URL(upstream);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const operation = String(req.headers['x-amz-target'] ?? '').split('.').pop() ?? '';
      if (!(ANSWERED as readonly string[]).includes(operation)) {
        const up = request({ hostname: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...req.headers, host: target.host } }, (upRes) => {
          res.writeHead(upRes.statusCode ?? 502, upRes.headers);
          upRes.pipe(res);
        });
        up.on('error', () => res.destroy());
        up.end(body);
        return;
      }
      const method = (operation[0].toLowerCase() + operation.slice(1)) as (typeof ANSWERED)[number] extends infer O ? (O extends string ? Uncapitalize<O> : never) : never;
      const input = body.length ? (JSON.parse(body.toString()) as object) : {};
      (fake.port[method] as (i: object) => Promise<object>)(input).then(
        (out) => {
          res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
          res.end(toWire(out));
        },
        (err: Error) => {
          res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': err.name });
          res.end(JSON.stringify({ __type: err.name, message: err.message }));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    state: fake.state,
    /** The fake's pull-through cache rules and creation templates (moto has neither). */
    registryState: registry.state,
    calls: fake.calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
