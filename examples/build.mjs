// Builds every example app into examples/<name>/dist with Vite (Angular: AOT
// with ngc first), after a type check. `node examples/build.mjs [name…]`; scripts/test.mjs runs
// it before the browser tests. Needs the packages built (npm run build).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, createLogger } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const bin = (name) => join(here, '..', 'node_modules', '.bin', name);
// The framework examples (other folders here, such as the demo site, have their own builds).
const all = ['plain', 'react-19', 'react-18', 'vue', 'svelte', 'angular'].filter((name) => existsSync(join(here, name, 'vite.config.ts')));
const only = process.argv.slice(2);
const names = only.length ? all.filter((name) => only.includes(name)) : all;
if (only.some((name) => !all.includes(name))) throw new Error(`Unknown example; there are: ${all.join(', ')}`);

// Two warnings every app gets, both harmless (docs/frameworks.md): the HPKE library's Node
// fallback `import("crypto")`, never reached in a browser, and the service finder's lazy import
// of the hours badge that the app also imports itself. Dropped so that a new warning stands out.
const known = [/Module "crypto" has been externalized/, /INEFFECTIVE_DYNAMIC_IMPORT.*hours\/dist\/define\.js/s];
const logger = createLogger('warn');
const warn = logger.warn.bind(logger);
logger.warn = (message, options) => {
  if (!known.some((pattern) => pattern.test(message))) warn(message, options);
};

// The shared demo data, the plain example and the tests.
if (!only.length) execFileSync(bin('tsc'), ['-p', 'tsconfig.json', '--noEmit'], { cwd: here, stdio: 'inherit' });

for (const name of names) {
  const root = join(here, name);
  const started = Date.now();
  // Vite only strips types: check them first (tsc; Angular's ngc checks while it compiles
  // the templates ahead of time, and Vite then bundles ngc's output).
  if (existsSync(join(root, 'tsconfig.json'))) execFileSync(bin('tsc'), ['-p', 'tsconfig.json', '--noEmit'], { cwd: root, stdio: 'inherit' });
  if (existsSync(join(root, 'tsconfig.ngc.json'))) execFileSync(bin('ngc'), ['-p', 'tsconfig.ngc.json'], { cwd: root, stdio: 'inherit' });
  await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'warn', customLogger: logger, build: { emptyOutDir: true } });
  console.log(`example ${name}: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
