import { defineConfig, type Plugin } from 'vite';
import { transformAsync } from '@babel/core';
import linkerPlugin from '@angular/compiler-cli/linker/babel';

/**
 * Angular's own packages ship partially compiled (`ɵɵngDeclare…`); the Angular
 * CLI links them at build time so that no JIT compiler is needed in the
 * browser. Without the CLI, the linker's Babel plugin does the same here.
 */
function angularLinker(): Plugin {
  return {
    name: 'angular-linker',
    async transform(code, id) {
      if (!/node_modules[\\/]@angular[\\/]/.test(id) || !code.includes('ɵɵngDeclare')) return null;
      const result = await transformAsync(code, { filename: id, configFile: false, babelrc: false, compact: false, sourceMaps: true, plugins: [linkerPlugin] });
      return result?.code ? { code: result.code, map: result.map } : null;
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [angularLinker()],
  // What the Angular CLI sets for production: drops dev-mode checks and JIT code.
  define: { ngDevMode: 'false', ngJitMode: 'false', ngI18nClosureMode: 'false' },
  // Linking takes most of the build; that is expected, no need to report it.
  build: { rolldownOptions: { checks: { pluginTimings: false } } },
});
