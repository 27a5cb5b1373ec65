import { inject } from 'vitest';
import { ECRClient } from '@aws-sdk/client-ecr';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { randomAccountId, startRegistryProxy, type RegistryProxy } from './registry-proxy.js';
import { runCli, type CliResult } from './run-cli.js';

/** One registry of an organization's test tree: its folder, account, region and role. */
export interface OrgRegistry {
  folder: string;
  accountId: string;
  region: string;
  roleArn: string;
  id: string;
}

export interface OrgEnv {
  proxy: RegistryProxy;
  dir: string;
  /** Two accounts, two regions: a1/us-east-1, a1/eu-west-1, a2/us-east-1. */
  registries: [OrgRegistry, OrgRegistry, OrgRegistry];
  write(path: string, text: string): Promise<void>;
  /** An SDK client reaching one registry the way ecrform does (its role assumed through moto's STS). */
  ecr(registry: OrgRegistry): ECRClient;
  /** The built CLI, with AWS_ENDPOINT_URL at the proxy: STS and ECR both reach moto, accounts by the assumed role. */
  cli(args: string[], env?: Record<string, string>): Promise<CliResult>;
  close(): Promise<void>;
}

/**
 * An organization in moto: fresh random accounts (so tests never see each
 * other), each reached by assuming arn:aws:iam::ACCOUNT:role/ecrform, which
 * moto's STS answers with credentials of that account.
 */
export async function orgEnv(): Promise<OrgEnv> {
  const proxy = await startRegistryProxy(inject('motoEndpoint'), undefined, { accountFromCredentials: true });
  const dir = await mkdtemp(join(tmpdir(), 'ecrform-org-'));
  const [a1, a2] = [randomAccountId(), randomAccountId()];
  const reg = (folder: string, accountId: string, region: string): OrgRegistry => ({
    folder,
    accountId,
    region,
    roleArn: `arn:aws:iam::${accountId}:role/ecrform`,
    id: `${accountId}/${region}`,
  });
  const registries: OrgEnv['registries'] = [reg('prod-use1', a1, 'us-east-1'), reg('prod-euw1', a1, 'eu-west-1'), reg('dev-use1', a2, 'us-east-1')];
  const clients: ECRClient[] = [];
  const base = { accessKeyId: 'test', secretAccessKey: 'test' };
  return {
    proxy,
    dir,
    registries,
    async write(path, text) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    },
    ecr(r) {
      const client = new ECRClient({
        region: r.region,
        endpoint: proxy.endpoint,
        credentials: fromTemporaryCredentials({
          masterCredentials: base,
          params: { RoleArn: r.roleArn, RoleSessionName: 'test' },
          clientConfig: { region: r.region, endpoint: proxy.endpoint },
        }),
      });
      clients.push(client);
      return client;
    },
    cli(args, env = {}) {
      return runCli(args, { cwd: dir, env: { AWS_ENDPOINT_URL: proxy.endpoint, ...env } });
    },
    async close() {
      for (const c of clients) c.destroy();
      await proxy.close();
    },
  };
}

/** A registry's own file: its account, region and role, and the repositories given. */
export function registryYaml(r: OrgRegistry, body: string): string {
  return `version: 1\nregistry:\n  accountId: "${r.accountId}"\n  region: ${r.region}\n  roleArn: ${r.roleArn}\n${body}`;
}
