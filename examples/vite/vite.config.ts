import { defineConfig } from 'vite';

// Vite 8 compiles JSX by itself (tsconfig's "jsx": "react-jsx"); add @vitejs/plugin-react for Fast Refresh in dev.
export default defineConfig({
  build: {
    rolldownOptions: {
      onwarn(warning, warn) {
        // The package's and TanStack Query's 'use client' directives are for React Server Components: nothing to
        // keep in a client-only bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
