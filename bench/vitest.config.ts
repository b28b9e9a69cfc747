// `npm run bench` runs the render and round-trip figures through this config (jsdom, msw/node).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['bench/**/*.bench-run.{ts,tsx}'],
    environment: 'jsdom',
    globals: true,
    reporters: ['dot'],
  },
});
