// Builds the files a site without a build step copies to its server, after
// the widget packages are built: dist/wegweiser.js (every widget),
// dist/wegweiser-loader.js (only the widgets on the page, on demand), the
// tokens' CSS, the page stylesheet (wegweiser.css), the pictogram page stylesheet, and the chunks both share, in
// one flat folder. dist/integrity.json lists an SRI hash for each file.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mangleInternalProperties, noNodeBuiltins } from '../../scripts/browser-bundle.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const packages = join(here, '..');
const outdir = join(here, 'dist');
rmSync(outdir, { recursive: true, force: true });

const options = {
  bundle: true,
  splitting: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  outdir,
  // Lit's production build.
  conditions: ['browser', 'import', 'default'],
  legalComments: 'linked',
  logLevel: 'warning',
  plugins: [noNodeBuiltins],
  ...mangleInternalProperties,
};
// Two builds into one folder. wegweiser.js on its own, so that everything a
// page needs at once is in that one file (one request); only the parts loaded
// on demand are separate. The loader on its own, so that each widget is one
// chunk that the loader fetches when the page has that widget.
await build({ ...options, entryPoints: { wegweiser: join(here, 'src', 'all.ts') }, chunkNames: 'ww-[name]-[hash]' });
await build({ ...options, entryPoints: { 'wegweiser-loader': join(here, 'src', 'loader.ts') }, chunkNames: 'ww-loaded-[name]-[hash]' });
// Workers keep their name: the contact form loads `./pow.worker.js` relative
// to its own chunk, and every chunk sits in this one folder.
await build({ ...options, splitting: false, entryPoints: { 'pow.worker': join(packages, 'contact-form', 'dist', 'pow.worker.js') } });
copyFileSync(join(packages, 'tokens', 'dist', 'css', 'tokens.css'), join(outdir, 'tokens.css'));
copyFileSync(join(packages, 'pictogram-card', 'dist', 'pictogram-card.css'), join(outdir, 'pictogram-card.css'));
// The page stylesheet for a calm first render: the quick exit's fallback rules, then every widget's.
writeFileSync(
  join(outdir, 'wegweiser.css'),
  `${readFileSync(join(packages, 'quick-exit', 'dist', 'quick-exit.css'), 'utf8')}\n${readFileSync(join(here, 'src', 'calm.css'), 'utf8')}`,
);

const integrity = {};
for (const file of readdirSync(outdir).sort()) {
  integrity[file] = `sha384-${createHash('sha384').update(readFileSync(join(outdir, file))).digest('base64')}`;
}
writeFileSync(join(outdir, 'integrity.json'), `${JSON.stringify(integrity, null, 2)}\n`);
