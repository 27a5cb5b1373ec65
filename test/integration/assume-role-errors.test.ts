import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { orgEnv, registryYaml, type OrgEnv } from '../helpers/org-env.js';

let env: OrgEnv;
beforeEach(async () => {
  env = await orgEnv();
  for (const r of env.registries) await env.write(`${r.folder}/registry.yaml`, registryYaml(r, 'repositories:\n  team-a/api: {}\n'));
});
afterEach(() => env.close());

/** A loopback port nothing listens on: STS "unreachable" while ECR (the proxy) answers. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('a role that cannot be assumed is named as such, not blamed on ECR', () => {
  it('STS unreachable, ECR reachable: one registry says which role, where STS was asked, and how to point it elsewhere', async () => {
    const sts = `http://127.0.0.1:${await closedPort()}`;
    const [prod] = env.registries;
    const result = await env.cli(['plan', '-f', prod.folder], { AWS_ENDPOINT_URL_STS: sts });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`error: could not assume role ${prod.roleArn}: STS did not answer at ${sts} (ECONNREFUSED); --endpoint is ECR's alone: set AWS_ENDPOINT_URL_STS`);
    expect(result.stderr).not.toContain('could not reach ECR');
    expect(result.stderr).not.toContain('looks like a bug');
  });

  it('several registries: each failed registry names its role', async () => {
    const sts = `http://127.0.0.1:${await closedPort()}`;
    const result = await env.cli(['plan', ...env.registries.flatMap((r) => ['-f', r.folder])], { AWS_ENDPOINT_URL_STS: sts });
    expect(result.code).toBe(1);
    for (const r of env.registries) expect(result.stdout + result.stderr).toContain(`could not assume role ${r.roleArn}: STS did not answer at ${sts} (ECONNREFUSED)`);
  });
});
