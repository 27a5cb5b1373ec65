import { spawnSync } from 'node:child_process';

/*
 * `npm run test:aws`: the acceptance suite against a real AWS account
 * (test/aws). Without ECRFORM_ACCEPTANCE=1 it says it is skipped and exits 0.
 * `npm run test:aws -- --cleanup` removes what a killed run left behind:
 * everything under the `ecrform-acc-` prefix that ecrform owns.
 */

const cleanupMode = process.argv.includes('--cleanup');
if (process.env.ECRFORM_ACCEPTANCE !== '1') {
  console.log('ecrform acceptance suite skipped: set ECRFORM_ACCEPTANCE=1 and AWS credentials (e.g. AWS_PROFILE=sandbox) to run it against a real account');
  process.exit(0);
}
// The suite's own file does the cleanup when asked (ECRFORM_ACCEPTANCE_CLEANUP=1): one place knows what it makes.
const env = { ...process.env, ...(cleanupMode ? { ECRFORM_ACCEPTANCE_CLEANUP: '1' } : {}) };
const result = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.aws.config.ts'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
