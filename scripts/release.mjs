// `npm run release` (and `npm test`, after the build): what a release offers
// for download, built into release/ from the built workspace:
// - wegweiser-widgets-<version>.zip: the self-hosting folder of @wegweiser/widgets
//   (loader, one-file bundle, on-demand parts, stylesheets, integrity.json) with
//   LICENSE, THIRD-PARTY-NOTICES.md and a short README.txt;
// - wegweiser-wordpress-<version>.zip: the WordPress plugin (packages/wordpress);
// - one `npm pack` tarball per public package;
// - SHA256SUMS.
// Two runs from the same commit give byte-identical files (fixed timestamps,
// sorted entries, no absolute paths); scripts/test/release.test.mjs proves it.
//
// `node scripts/release.mjs --out DIR` writes elsewhere (the test builds twice).
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
// The plugin's zip writer (Node's zlib only, fixed timestamps), shared with the release.
import { writeZip } from '../packages/wordpress/zip.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outAt = process.argv.indexOf('--out');
const out = outAt > 0 ? process.argv[outAt + 1] : join(root, 'release');

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const version = readJson(join(root, 'packages/widgets/package.json')).version;

/** Every workspace package that is published to npm, in the order of the workspace list. */
function publicPackages() {
  return readdirSync(join(root, 'packages'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, 'packages', entry.name, 'package.json')))
    .map((entry) => ({ dir: join(root, 'packages', entry.name), manifest: readJson(join(root, 'packages', entry.name, 'package.json')) }))
    .filter((pkg) => pkg.manifest.private !== true)
    .sort((a, b) => a.manifest.name.localeCompare(b.manifest.name));
}

/** Every file below `dir`, relative to `base`, sorted (so the zip's order never depends on the file system). */
function filesBelow(dir, base) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(base, join(entry.parentPath ?? entry.path, entry.name)))
    .sort();
}

function fail(message) {
  console.error(`release: ${message}`);
  process.exit(1);
}

function selfHostingZip(staging) {
  const widgetsDist = join(root, 'packages/widgets/dist');
  if (!existsSync(join(widgetsDist, 'wegweiser.js'))) fail('packages/widgets/dist is missing: run `npm run build` first.');
  const folderName = `wegweiser-widgets-${version}`;
  const folder = join(staging, folderName);
  cpSync(widgetsDist, folder, { recursive: true });
  copyFileSync(join(root, 'LICENSE'), join(folder, 'LICENSE'));
  copyFileSync(join(root, 'THIRD-PARTY-NOTICES.md'), join(folder, 'THIRD-PARTY-NOTICES.md'));
  writeFileSync(join(folder, 'README.txt'), readmeText(folderName));
  const zipFile = join(out, `${folderName}.zip`);
  writeZip(zipFile, staging, filesBelow(folder, staging));
  return zipFile;
}

function readmeText(folderName) {
  return `Wegweiser widgets ${version}
${'='.repeat(`Wegweiser widgets ${version}`.length)}

Accessible, private, multilingual widgets for counselling services: a quick
exit, opening hours, a finder for counselling centres, a stabilisation
checklist, pictogram cards, an encrypted anonymous contact form and answers
by code.

1. Copy this whole folder to your own web server, for example as
   /wegweiser/${version}/ (keep every file: the widgets load parts of
   themselves from the same folder when a visitor needs them).

2. Put these two lines into the <head> of your pages:

   <link rel="stylesheet" href="/wegweiser/${version}/tokens.css">
   <script type="module" src="/wegweiser/${version}/wegweiser-loader.js"></script>

   (wegweiser.css gives the widgets their place before the script runs, so
   the page does not jump: add it as a third line. The loader fetches only the
   widgets a page uses; wegweiser.js instead loads all of them at once.)

3. Paste a widget where you want it, for example the quick exit:

   <ww-quick-exit><a href="https://de.wikipedia.org/">Seite verlassen</a></ww-quick-exit>

Nothing is loaded from any other server, no cookies are set, nothing is
stored in the visitor's browser unless the visitor chooses so.

Read on: https://github.com/wegweiser/wegweiser (docs/embedding.md for every
widget's HTML, docs/embedding-wordpress.md for WordPress, docs/privacy.md for
your privacy notice). integrity.json lists a Subresource Integrity hash for
every file. Licence: MIT (LICENSE); third-party parts: THIRD-PARTY-NOTICES.md.
Folder: ${folderName}
`;
}

function wordpressZip() {
  const built = join(root, 'packages/wordpress/dist', `wegweiser-${version}.zip`);
  if (!existsSync(built)) fail(`${relative(root, built)} is missing: run \`npm run build\` first.`);
  const zipFile = join(out, `wegweiser-wordpress-${version}.zip`);
  copyFileSync(built, zipFile);
  return zipFile;
}

function tarballs() {
  const files = [];
  for (const pkg of publicPackages()) {
    // npm pack gives every entry the same fixed time and a sorted order, so the tarball is reproducible.
    const result = spawnSync('npm', ['pack', '--pack-destination', out, '--json', '--ignore-scripts'], { cwd: pkg.dir, encoding: 'utf8' });
    if (result.status !== 0) fail(`npm pack ${pkg.manifest.name} failed:\n${result.stderr}`);
    const [packed] = JSON.parse(result.stdout);
    files.push(join(out, packed.filename));
  }
  return files;
}

function checksums(files) {
  const lines = files
    .map((file) => `${createHash('sha256').update(readFileSync(file)).digest('hex')}  ${relative(out, file)}`)
    .sort((a, b) => a.slice(66).localeCompare(b.slice(66)));
  writeFileSync(join(out, 'SHA256SUMS'), `${lines.join('\n')}\n`);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const staging = join(out, '.staging');
mkdirSync(staging);
const files = [selfHostingZip(staging), wordpressZip(), ...tarballs()];
rmSync(staging, { recursive: true, force: true });
checksums(files);
for (const file of files) console.log(`release: ${relative(root, file)} (${(readFileSync(file).length / 1024).toFixed(0)} kB)`);
console.log(`release: ${relative(root, join(out, 'SHA256SUMS'))}`);
