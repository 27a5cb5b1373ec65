import { inject } from 'vitest';
import { ECRClient } from '@aws-sdk/client-ecr';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startRegistryProxy, type RegistryProxy } from './registry-proxy.js';
import { runCli, type CliResult } from './run-cli.js';

export interface RegistryEnv {
  proxy: RegistryProxy;
  /** An SDK client on this test's own account, for changes made "by hand". */
  ecr: ECRClient;
  dir: string;
  write(path: string, text: string): Promise<string>;
  /** Runs ecrform against this test's registry (adds --endpoint for commands that talk to AWS). */
  cli(args: string[]): Promise<CliResult>;
  close(): Promise<void>;
}

/** A fresh, empty registry (its own moto account) and a temp folder for this test's files. */
export async function registryEnv(): Promise<RegistryEnv> {
  const proxy = await startRegistryProxy(inject('motoEndpoint'));
  const dir = await mkdtemp(join(tmpdir(), 'ecrform-test-'));
  const ecr = new ECRClient({
    region: 'us-east-1',
    endpoint: proxy.endpoint,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  return {
    proxy,
    ecr,
    dir,
    async write(path, text) {
      const full = join(dir, path);
      await mkdir(dirname(full), { recursive: true });
      await writeFile(full, text);
      return full;
    },
    cli(args) {
      const talks = ['plan', 'apply', 'drift', 'import'].includes(args[0]);
      return runCli(talks ? [...args, '--endpoint', proxy.endpoint] : args, { cwd: dir });
    },
    async close() {
      ecr.destroy();
      await proxy.close();
      // A request ECR would refuse fails the tests that sent it (ecr-model.ts), even where the answer was not checked.
      if (proxy.violations.length) throw new Error(`requests that break ECR's published model:\n${proxy.violations.join('\n')}`);
    },
  };
}
