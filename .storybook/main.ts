import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions, type UserConfig } from 'vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  // No network here, and the counselling services we build for ask that nothing phones home.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  features: {
    // The theme toolbar paints the canvas with --ww-color-surface; a second background switch would
    // only disagree with it.
    backgrounds: false,
    // Storybook's own "get started" checklist is noise for designers and reviewers.
    sidebarOnboardingChecklist: false,
    menuOnboardingChecklist: false,
  },
  async viteFinal(viteConfig): Promise<UserConfig> {
    return {
      ...viteConfig,
      resolve: {
        ...viteConfig.resolve,
        // The packages' `source` export condition points at src/*.ts, so stories show the code as
        // it is being edited, without a rebuild of dist/. It must come before the defaults.
        conditions: ['source', ...(viteConfig.resolve?.conditions ?? defaultClientConditions)],
      },
      oxc: {
        ...(viteConfig.oxc || {}),
        // The widgets use TypeScript's legacy decorators (see tsconfig.json). Oxc reads tsconfig.json
        // too, but say it here as well so a file outside the tsconfig's `include` cannot fall back to
        // standard decorators, which Chromium cannot parse yet.
        decorator: { legacy: true },
        typescript: {
          ...(viteConfig.oxc ? viteConfig.oxc.typescript : {}),
          // useDefineForClassFields: false. A [[Define]] class field would shadow Lit's reactive accessor.
          removeClassFieldsWithoutInitializer: true,
        },
        assumptions: { ...(viteConfig.oxc ? viteConfig.oxc.assumptions : {}), setPublicClassFields: true },
      },
      // Storybook's own manager and axe bundles are large; the widgets' budgets are checked elsewhere.
      build: { ...viteConfig.build, chunkSizeWarningLimit: 1500 },
    };
  },
};

export default config;
