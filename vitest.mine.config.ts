import { defineConfig } from 'vitest/config';

/**
 * The unit tests alone: the pure core and everything run in-process, without
 * moto, the built CLI or a terminal. `npm run mutate` runs Stryker on these;
 * `npm test` runs everything (vitest.config.ts).
 */
export default defineConfig({
  test: {
    include: ["test/config/**/*.test.ts"],
    exclude: [
      'test/integration/**',
      'test/e2e/**',
      'test/package/**',
      'test/commands/commands-moto.test.ts',
      'test/registry/registry-moto.test.ts',
      'node_modules/**',
    ],
    // FC_NUM_RUNS (set by npm run mutate) lowers the fast-check runs of every property.
    setupFiles: ['test/helpers/property-runs.ts'],
    testTimeout: 60_000,
  },
});
