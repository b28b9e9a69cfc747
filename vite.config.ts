import { defineConfig } from 'vitest/config';

const external = [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\//, /^ky($|\/)/, /^react-hook-form($|\/)/, /^msw($|\/)/];

export default defineConfig({
  build: {
    lib: {
      entry: { index: 'src/index.ts', core: 'src/core/index.ts', msw: 'src/msw/index.ts' },
      formats: ['es'],
    },
    target: 'es2022',
    minify: false,
    sourcemap: true,
    rollupOptions: { external },
  },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    globals: true,
    setupFiles: ['test/setup.ts'],
  },
});
