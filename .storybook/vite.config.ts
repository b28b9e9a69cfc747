import { defineConfig } from 'vite';

// The stories' Vite config (the package's vite.config.ts builds a library). Storybook keeps only
// `build.target` of a config file's `build`: build options are set in main.ts's viteFinal.
export default defineConfig({});
