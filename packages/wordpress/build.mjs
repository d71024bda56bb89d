// Builds the WordPress plugin from plugin/ (PHP, block.json, translations),
// editor/ (the blocks' edit views) and the self-hosted files of
// @wegweiser/widgets, into dist/wegweiser/ and dist/wegweiser-<version>.zip.
// scripts/build.mjs runs it after the widgets are built.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogue } from '../pictogram-card/pictograms/catalogue.mjs';
import { extractMessages, parsePo, writeMo, writePot, scriptTranslations } from './i18n.mjs';
import { writeZip } from './zip.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const packages = join(here, '..');
const { version } = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'));
const dist = join(here, 'dist');
const plugin = join(dist, 'wegweiser');

const widgets = join(packages, 'widgets', 'dist');
if (!existsSync(join(widgets, 'wegweiser-loader.js')) || !existsSync(join(widgets, 'wegweiser.css'))) {
  throw new Error('packages/widgets/dist is missing or incomplete: build the widgets first (npm run build).');
}

rmSync(dist, { recursive: true, force: true });
cpSync(join(here, 'plugin'), plugin, { recursive: true });

// One version, from package.json (changesets bumps it there).
for (const [file, pattern, replacement] of [
  ['wegweiser.php', /^( \* Version:\s+).*$/m, `$1${version}`],
  ['wegweiser.php', /define\( 'WEGWEISER_VERSION', '[^']*' \);/, `define( 'WEGWEISER_VERSION', '${version}' );`],
  ['readme.txt', /^Stable tag: .*$/m, `Stable tag: ${version}`],
]) {
  const path = join(plugin, file);
  const before = readFileSync(path, 'utf8');
  if (!pattern.test(before)) throw new Error(`${file}: no ${pattern} to set the version in`);
  writeFileSync(path, before.replace(pattern, replacement));
}

// The widget files, exactly as @wegweiser/widgets ships them.
cpSync(widgets, join(plugin, 'assets'), { recursive: true });
// The widgets' own schemas: WordPress checks centres and checklist content against the same files.
cpSync(join(packages, 'service-finder', 'schema', 'directory.schema.json'), join(plugin, 'includes', 'directory.schema.json'));
cpSync(join(packages, 'checklist', 'schema', 'checklist-content.schema.json'), join(plugin, 'includes', 'checklist-content.schema.json'));

// The pictogram catalogue for the picker: ids, English and German names, search words.
const germanNames = Object.fromEntries(
  [...readFileSync(join(packages, 'pictogram-card', 'xliff', 'de.xlf'), 'utf8').matchAll(/<trans-unit id="pictogram-([a-z0-9-]+)">[\s\S]*?<target[^>]*>([^<]*)<\/target>/g)].map(
    ([, id, name]) => [id, name],
  ),
);
const pictograms = catalogue.map(({ id, label, keywords, keywordsDe }) => ({ id, label, labelDe: germanNames[id] ?? label, keywords, keywordsDe }));

// The editor scripts: the blocks' edit views, and the centre form's hours check.
const scripts = { editor: ['wp-block-editor', 'wp-blocks', 'wp-components', 'wp-element', 'wp-i18n'], admin: ['wp-i18n'] };
// The source files whose strings each script carries (admin.js only imports the others).
const scriptSources = { editor: ['editor/editor.js'], admin: ['editor/centre-form.js', 'editor/centres-import.js'] };
await build({
  entryPoints: Object.fromEntries(Object.keys(scripts).map((name) => [name, join(here, 'editor', `${name}.js`)])),
  outdir: join(plugin, 'build'),
  bundle: true,
  format: 'iife',
  target: 'es2020',
  minify: true,
  legalComments: 'none',
  conditions: ['browser', 'import', 'default'],
  logLevel: 'warning',
  plugins: [
    {
      name: 'pictogram-catalogue',
      setup(build) {
        build.onResolve({ filter: /generated\/pictograms\.json$/ }, () => ({ path: 'pictograms.json', namespace: 'catalogue' }));
        build.onLoad({ filter: /.*/, namespace: 'catalogue' }, () => ({ contents: JSON.stringify(pictograms), loader: 'json' }));
      },
    },
  ],
});
// WordPress reads a script's dependencies and version from this file (the @wordpress/scripts convention).
for (const [name, dependencies] of Object.entries(scripts)) {
  const hash = createHash('sha256').update(readFileSync(join(plugin, 'build', `${name}.js`))).digest('hex').slice(0, 20);
  writeFileSync(
    join(plugin, 'build', `${name}.asset.php`),
    `<?php return array( 'dependencies' => array( ${dependencies.map((d) => `'${d}'`).join(', ')} ), 'version' => '${hash}' );\n`,
  );
}

// Translations: the .pot from every string in the PHP, the editor script and
// the block.json files; German .mo and the editor's JSON from the .po.
const phpFiles = readdirSync(plugin, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.php') && !f.startsWith('assets') && !f.startsWith('build'));
const blockJsons = readdirSync(join(plugin, 'blocks'), { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('block.json'))
  .map((f) => join('blocks', f));
const messages = extractMessages({
  php: phpFiles.map((f) => ({ file: f, source: readFileSync(join(plugin, f), 'utf8') })),
  js: Object.values(scriptSources)
    .flat()
    .map((file) => ({ file, source: readFileSync(join(here, file), 'utf8') })),
  blockJson: blockJsons.map((f) => ({ file: f, json: JSON.parse(readFileSync(join(plugin, f), 'utf8')) })),
});
const languages = join(plugin, 'languages');
mkdirSync(languages, { recursive: true });
writeFileSync(join(languages, 'wegweiser.pot'), writePot(messages, version));
for (const po of readdirSync(join(here, 'plugin', 'languages')).filter((f) => f.endsWith('.po'))) {
  const locale = po.slice('wegweiser-'.length, -3);
  const translations = parsePo(readFileSync(join(here, 'plugin', 'languages', po), 'utf8'));
  // Block keywords stay as written in every language (German and English words both find the block).
  const missing = messages.filter((m) => m.context !== 'block keyword' && !translations.has(m.key));
  if (missing.length) {
    throw new Error(`${po}: ${missing.length} string(s) without a translation, e.g. ${missing.slice(0, 5).map((m) => JSON.stringify(m.msgid)).join(', ')}`);
  }
  writeFileSync(join(languages, `wegweiser-${locale}.mo`), writeMo(translations));
  // Each script's strings, in the file name WordPress looks for first: <domain>-<locale>-<handle>.json.
  for (const [name, sources] of Object.entries(scriptSources)) {
    writeFileSync(join(languages, `wegweiser-${locale}-wegweiser-${name}.json`), scriptTranslations(messages, translations, locale, sources));
  }
}

const zipFile = join(dist, `wegweiser-${version}.zip`);
writeZip(
  zipFile,
  dist,
  readdirSync(plugin, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dist, join(entry.parentPath ?? entry.path, entry.name)))
    .sort(),
);
console.log(`@wegweiser/wordpress: ${relative(join(packages, '..'), zipFile)} (${(readFileSync(zipFile).length / 1024).toFixed(0)} kB)`);
