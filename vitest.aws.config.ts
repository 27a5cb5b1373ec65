import { defineConfig } from 'vitest/config';

/** The opt-in acceptance suite against a real AWS account (`npm run test:aws`); never part of `npm test`. */
export default defineConfig({
  test: {
    include: ['test/aws/**/*.aws.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
