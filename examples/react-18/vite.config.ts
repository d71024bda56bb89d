import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  oxc: { jsx: { runtime: 'automatic' } },
  // This monorepo has React 19 at its root and React 18 only here: one copy,
  // this app's, also for @wegweiser/react. (An app outside the monorepo has only one.)
  resolve: { dedupe: ['react', 'react-dom'] },
});
