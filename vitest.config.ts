import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // A few files at a time keep memory and CPU in check on 2 cores.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
