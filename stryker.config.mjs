// Mutation testing of src/core and src/react (npm run test:mutation); scripts/mutation-report.mjs
// turns the JSON report into test/MUTATION.md.
// MUTATION_AREA=core|react (scripts/mutation.mjs runs one after the other): each area against the
// suites that test it, so a core mutant is not run through every React and component suite that
// happens to cover it (that made one run of both areas take hours on 2 cores).
const area = process.env.MUTATION_AREA ?? 'core';
const areas = {
  core: { mutate: ['src/core/**/*.ts', '!src/core/index.ts', '!src/core/types.ts'], configFile: 'test/mutation/vitest.core.config.ts' },
  react: { mutate: ['src/react/**/*.{ts,tsx}', '!src/react/index.ts'], configFile: 'test/mutation/vitest.config.ts' },
};

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: areas[area].configFile, related: false },
  mutate: areas[area].mutate,
  coverageAnalysis: 'perTest',
  // A static mutant (code run when a module loads, e.g. the error classes' names) needs every test run
  // against it: over two minutes each on this machine. They are left out and counted in test/MUTATION.md.
  ignoreStatic: true,
  // The machine is shared; two sandboxes at most.
  concurrency: 2,
  // A re-run tests only the mutants whose code or covering tests changed. The file is a local
  // cache (gitignored, like .bench-cache/): test/MUTATION.md is the record.
  incremental: true,
  incrementalFile: `.stryker-cache/incremental-${area}.json`,
  tempDirName: `.stryker-cache/tmp-${area}`,
  cleanTempDir: 'always',
  ignorePatterns: ['.stryker-cache', 'dist', 'storybook-static', 'test-results', '.bench-cache', 'bench', 'stories', 'docs', 'public', 'test/e2e', 'examples'],
  reporters: ['json', 'progress', 'clear-text'],
  jsonReporter: { fileName: `.stryker-cache/mutation-${area}.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  thresholds: { high: 85, low: 70, break: null },
  timeoutMS: 10_000,
};
