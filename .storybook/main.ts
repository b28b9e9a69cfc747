import type { StorybookConfig } from '@storybook/react-vite';

const config: StorybookConfig = {
  // The MDX pages document the hooks by group; the components get autodocs pages (tags in preview.tsx).
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.tsx'],
  addons: ['@storybook/addon-docs'],
  framework: {
    name: '@storybook/react-vite',
    // The package's vite.config.ts builds a library; the stories need a plain app build.
    options: { builder: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  // MSW's service worker (public/mockServiceWorker.js) is served from the root.
  staticDirs: ['../public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // No "Get started" checklist in the sidebar, nor the onboarding guide in the menu (they only show in `storybook dev`).
  features: { sidebarOnboardingChecklist: false, menuOnboardingChecklist: false },
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite');
    return mergeConfig(viteConfig, {
      build: {
        // One preview bundle for a demo: its size is no concern.
        chunkSizeWarningLimit: 4000,
        rolldownOptions: {
          onwarn(warning: { code?: string }, warn: (warning: { code?: string }) => void) {
            // TanStack Query's "use client" directives mean nothing in a client-only bundle.
            if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
            warn(warning);
          },
        },
      },
    });
  },
};
export default config;
