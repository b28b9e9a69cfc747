import { defineConfig } from 'vitest/config';

// The suites Stryker runs against each mutant of src/react (MUTATION_AREA=react, npm run test:mutation):
// the React, reliability and component tests once (no StrictMode re-run), without the bench, package and
// stories checks, which test the build and the docs rather than this code.
export default defineConfig({
  test: {
    root: '.',
    include: ['test/{react,reliability,components}/**/*.test.{ts,tsx}'],
    environment: 'node',
    globals: true,
    // Instrumented code on a shared machine: the 100,000-nonce test needs more than the default 5 s.
    testTimeout: 60_000,
    setupFiles: ['test/mutation/setup.ts'],
  },
});
