import { defineConfig } from 'vite';

// Relative base: the built app works from any folder (the tests serve it from examples/plain/dist/).
export default defineConfig({ base: './' });
