/**
 * `npm run demo`: starts moto on a free loopback port, then runs ecrform as a
 * user would: plan, apply --auto-approve, plan again (which must show nothing
 * left to do), against examples/registry.yaml. Stops moto at the end.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { startMoto } from './moto-server.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'dist', 'src', 'cli.js');
const example = join('examples', 'registry.yaml');

async function main(): Promise<number> {
  if (spawnSync('python3', ['-c', 'import moto'], { stdio: 'ignore' }).status !== 0) {
    console.error('The demo needs moto: python3 -c "import moto" failed. Install it with: pip install "moto[server]"');
    return 1;
  }
  const moto = await startMoto();
  const endpoint = moto.endpoint;
  try {
    console.log(`moto (a local ECR-compatible server) is listening on ${endpoint}\n`);
    // moto accepts any credentials; these fake ones keep the SDK from looking for real ones.
    const env = { ...process.env, AWS_ACCESS_KEY_ID: 'demo', AWS_SECRET_ACCESS_KEY: 'demo', AWS_REGION: 'us-east-1' };
    const steps: Array<[string, string[], number[]]> = [
      ['validate the files (offline)', ['validate', '-f', example], [0]],
      ['plan: what apply would do', ['plan', '-f', example, '--endpoint', endpoint], [0]],
      ['apply it', ['apply', '-f', example, '--endpoint', endpoint, '--auto-approve'], [0]],
      ['plan again: nothing is left to do (exit 0 with --detailed-exitcode)', ['plan', '-f', example, '--endpoint', endpoint, '--detailed-exitcode'], [0]],
    ];
    for (const [title, args, okCodes] of steps) {
      console.log(`\n=== ${title}\n$ ecrform ${args.join(' ')}\n`);
      const run = spawnSync(process.execPath, [cli, ...args], { cwd: root, env, stdio: 'inherit' });
      console.log(`(exit code ${run.status})`);
      if (!okCodes.includes(run.status ?? -1)) {
        console.error(`\nThe demo stopped: "ecrform ${args[0]}" exited with ${run.status}.`);
        return 1;
      }
    }
    console.log('\nDone: the registry matches examples/registry.yaml.');
    return 0;
  } finally {
    await moto.stop();
  }
}

process.exitCode = await main();
