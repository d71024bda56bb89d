import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  base: './',
  plugins: [
    vue({
      // Without this, Vue tries to resolve <ww-…> as Vue components and warns.
      template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('ww-') } },
    }),
  ],
});
