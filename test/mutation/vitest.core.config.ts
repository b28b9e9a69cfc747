import { defineConfig } from 'vitest/config';

// The suites Stryker runs against each mutant of src/core (MUTATION_AREA=core): the core's own tests, in
// Node, and the fault and hostile-input suites that drive the client against the mock service.
export default defineConfig({
  test: {
    root: '.',
    include: ['test/{client,errors,signer,wire,account}.test.ts', 'test/core/**/*.test.ts', 'test/reliability/{faults,input}.test.ts'],
    environment: 'node',
    globals: true,
    testTimeout: 60_000,
    setupFiles: ['test/setup.ts'],
  },
});
