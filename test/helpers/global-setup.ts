import type { TestProject } from 'vitest/node';
import { startMoto, type MotoServer } from '../../scripts/moto-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    motoEndpoint: string;
  }
}

let moto: MotoServer | undefined;

/** One moto server for the whole run; tests isolate themselves by account (see registry-proxy.ts). */
export async function setup(project: TestProject): Promise<void> {
  moto = await startMoto();
  project.provide('motoEndpoint', moto.endpoint);
}

export async function teardown(): Promise<void> {
  await moto?.stop();
}
