// The proof-of-work worker ships self-contained (altcha-lib inside): build
// tools that see `new URL('./pow.worker.js', import.meta.url)` copy the file
// as it is (Vite, webpack), and a module worker cannot resolve bare imports.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const file = fileURLToPath(new URL('./dist/pow.worker.js', import.meta.url));
await build({
  entryPoints: [file],
  outfile: file,
  allowOverwrite: true,
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: false,
  conditions: ['browser', 'import', 'default'],
  legalComments: 'inline',
  logLevel: 'warning',
});
