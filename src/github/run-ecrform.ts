import { spawn } from 'node:child_process';

export interface EcrformRun {
  code: number;
  /** The one document of --format markdown. */
  stdout: string;
  /** Errors and progress; also passed through to the job log as they come. */
  stderr: string;
}

/** Runs the ecrform bin with node, stdout kept, stderr shown in the log (annotations included) and kept. */
export function runEcrform(bin: string, args: string[], options: { env: NodeJS.ProcessEnv; cwd?: string; log: (text: string) => void }): Promise<EcrformRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: options.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
      options.log(c.toString());
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal === 'SIGINT' ? 130 : 1), stdout, stderr }));
  });
}
