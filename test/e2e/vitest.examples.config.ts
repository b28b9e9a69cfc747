import { defineConfig } from 'vitest/config';

// The example apps in Debian's Chromium (npm run test:examples: scripts/examples.sh builds them first).
export default defineConfig({
  test: {
    root: '.',
    include: ['test/e2e/examples.e2e.ts'],
    environment: 'node',
    globals: true,
    globalSetup: ['test/e2e/examples-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest-examples.json' },
  },
});
