import { defineConfig } from 'vitest/config';

/**
 * The unit tests alone: the pure core and everything run in-process, without
 * moto, the built CLI or a terminal. `npm run mutate` runs Stryker on these;
 * `npm test` runs everything (vitest.config.ts).
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: [
      'test/integration/**',
      'test/e2e/**',
      'test/package/**',
      'test/commands/commands-moto.test.ts',
      'test/registry/registry-moto.test.ts',
      // The GitHub Action against moto and a fake GitHub: they need the global setup's moto.
      'test/github/action.test.ts',
      'test/github/action-yml.test.ts',
      'node_modules/**',
    ],
    // FC_NUM_RUNS (set by npm run mutate) lowers the fast-check runs of every property.
    setupFiles: ['test/helpers/property-runs.ts'],
    testTimeout: 60_000,
    // The SDK clients made inside the tests would warn on Node 20 that its releases after January 2027 need Node 22; the CLI turns that off itself (src/cli.ts).
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
