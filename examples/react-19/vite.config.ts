import { defineConfig } from 'vite';

// No React plugin needed for a production build: Vite compiles JSX itself.
// Relative base: the built app works from any folder.
export default defineConfig({
  base: './',
  oxc: { jsx: { runtime: 'automatic' } },
});
