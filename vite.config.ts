import { defineConfig } from 'vitest/config';

const external = [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\//, /^ky($|\/)/, /^react-hook-form($|\/)/, /^lean-qr($|\/)/, /^msw($|\/)/];

export default defineConfig({
  build: {
    lib: {
      entry: {
        index: 'src/index.ts',
        core: 'src/core/index.ts',
        msw: 'src/msw/index.ts',
        // One module per language, so that an app's bundle holds only the one it imports.
        'locales/nl': 'src/locales/nl.ts',
        'locales/fr': 'src/locales/fr.ts',
        'locales/de': 'src/locales/de.ts',
        'locales/es': 'src/locales/es.ts',
      },
      formats: ['es'],
    },
    target: 'es2022',
    minify: false,
    sourcemap: true,
    rollupOptions: {
      external,
      // Next.js App Router: the hooks' and components' entry is a client module. The bundler drops module-level
      // directives, so it is written here; core and msw stay usable from server code.
      output: { banner: (chunk) => (chunk.isEntry && chunk.name === 'index' ? "'use client';" : '') },
    },
  },
  test: {
    environment: 'node',
    globals: true,
    // Two cores run both projects' workers at once: an axe pass over a large form can take seconds.
    testTimeout: 20_000,
    projects: [
      { extends: true, test: { name: 'default', include: ['test/**/*.test.{ts,tsx}'], setupFiles: ['test/setup.ts'] } },
      // The React layer's and the components' suites again, inside React.StrictMode.
      {
        extends: true,
        test: {
          name: 'strict',
          include: ['test/{react,components}/**/*.test.{ts,tsx}'],
          env: { EXH_STRICT: '1' },
          setupFiles: ['test/setup.ts', 'test/strict.setup.ts'],
        },
      },
    ],
    // .ci/run reads the counts from the JSON report.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
