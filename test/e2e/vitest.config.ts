import { defineConfig } from 'vitest/config';

// Browser journeys in Debian's Chromium against the built Storybook (npm run test:e2e).
export default defineConfig({
  test: {
    root: '.',
    include: ['test/e2e/**/*.e2e.ts'],
    // The examples have a run of their own (npm run test:examples), after they are built.
    exclude: ['test/e2e/examples.e2e.ts'],
    environment: 'node',
    globals: true,
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest-e2e.json' },
  },
});
