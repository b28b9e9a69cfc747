import { defineConfig } from 'vitest/config';

// The suites Stryker runs against each mutant of src/react (MUTATION_AREA=react, npm run test:mutation):
// the React layer's own suites once (no StrictMode re-run). The component suites also cover it, but
// running each React mutant through every form's suite takes hours on 2 cores: a mutant they alone
// would kill counts as surviving here (a missing React-level test).
export default defineConfig({
  test: {
    root: '.',
    include: ['test/react/**/*.test.{ts,tsx}', 'test/reliability/secrets.test.tsx'],
    environment: 'node',
    globals: true,
    // Instrumented code on a shared machine: the 100,000-nonce test needs more than the default 5 s.
    testTimeout: 60_000,
    setupFiles: ['test/setup.ts'],
  },
});
