// Builds every package in dependency order: tokens, localisation modules,
// JavaScript and types, custom-elements manifests. Storybook and the tests
// both start from here, so a fresh clone needs nothing else.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { cpSync, rmSync } from 'node:fs';
import { build } from 'esbuild';
import { packages as allPackages } from './packages.mjs';
import { buildMessages, localizeConfigs } from './localize.mjs';
import { minifyCssLiteralsIn } from './minify-css-literals.mjs';
import { mangleInternalProperties, noNodeBuiltins } from './browser-bundle.mjs';

// `node scripts/build.mjs contact-form contact-relay` builds only those (they must be in order; for quick rebuilds).
const only = process.argv.slice(2);
const packages = only.length ? allPackages.filter((p) => only.includes(p)) : allPackages;

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (cmd, args, cwd = root) => execFileSync(cmd, args, { cwd, stdio: 'inherit' });

if (!only.length || only.includes('tokens')) run(process.execPath, ['packages/tokens/build.mjs']);
for (const pkg of packages) {
  const dir = join(root, 'packages', pkg);
  // Generated sources (data tables, icon modules) come first: a package's
  // prebuild.mjs writes them into its src/generated/.
  if (existsSync(join(dir, 'prebuild.mjs'))) run(process.execPath, ['prebuild.mjs'], dir);
  if (localizeConfigs(dir).length && !buildMessages(dir).ok) throw new Error(`lit-localize build failed in ${pkg}`);
  if (existsSync(join(dir, 'tsconfig.build.json'))) {
    run(bin('tsc'), ['-p', 'tsconfig.build.json'], dir);
    // Stylesheets in css`…` would ship as written; every consumer gets them minified.
    minifyCssLiteralsIn(join(dir, 'dist'));
    // Stylesheets beside the sources ship as they are.
    for (const file of readdirSync(join(dir, 'src')).filter((f) => f.endsWith('.css'))) cpSync(join(dir, 'src', file), join(dir, 'dist', file));
  }
  if (existsSync(join(dir, 'custom-elements-manifest.config.mjs'))) run(bin('cem'), ['analyze', '--quiet'], dir);
}

// Editor hints (VS Code custom data, web-types) and JSX typings for React and
// Vue, generated from the manifests into each widget package's dist/.
run(process.execPath, ['scripts/ide-data.mjs', ...only]);

// Ready-to-serve files for sites without a build step: one module per widget
// (Lit and core included) plus its on-demand locale chunks, and the tokens' CSS,
// in dist/browser/. Copy the folder to your server (docs/embedding.md).
for (const pkg of packages) {
  const define = join(root, 'packages', pkg, 'dist', 'define.js');
  if (!existsSync(define)) continue;
  const outdir = join(root, 'packages', pkg, 'dist', 'browser');
  rmSync(outdir, { recursive: true, force: true });
  // Module workers (`*.worker.js`) keep their names: widgets load them with
  // `new URL('./x.worker.js', import.meta.url)` (no blob: URLs, CSP-friendly).
  const files = readdirSync(join(root, 'packages', pkg, 'dist'));
  const workers = files.filter((f) => f.endsWith('.worker.js'));
  // A package with a second element has a second define file: `define-replies.js` → `<pkg>-replies.js`.
  const more = files.filter((f) => /^define-[a-z-]+\.js$/.test(f));
  await build({
    entryPoints: {
      [pkg]: define,
      ...Object.fromEntries(more.map((f) => [`${pkg}-${f.slice(7, -3)}`, join(root, 'packages', pkg, 'dist', f)])),
      ...Object.fromEntries(workers.map((f) => [f.slice(0, -3), join(root, 'packages', pkg, 'dist', f)])),
    },
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    outdir,
    chunkNames: `${pkg}-[name]-[hash]`,
    conditions: ['browser', 'import', 'default'],
    legalComments: 'linked',
    logLevel: 'warning',
    plugins: [noNodeBuiltins],
    ...mangleInternalProperties,
  });
  cpSync(join(root, 'packages', 'tokens', 'dist', 'css', 'tokens.css'), join(outdir, 'tokens.css'));
  for (const file of readdirSync(join(root, 'packages', pkg, 'dist')).filter((f) => f.endsWith('.css'))) {
    cpSync(join(root, 'packages', pkg, 'dist', file), join(outdir, file));
  }
}

// Packages built from the others' output (the one-file bundle for sites
// without a build step) run their postbuild.mjs last.
for (const pkg of packages) {
  const dir = join(root, 'packages', pkg);
  if (existsSync(join(dir, 'postbuild.mjs'))) run(process.execPath, ['postbuild.mjs'], dir);
}

// The WordPress plugin (folder and zip) is made from the widgets' self-hosted
// files, so it comes after everything above.
if (!only.length || only.includes('wordpress')) run(process.execPath, ['packages/wordpress/build.mjs']);
