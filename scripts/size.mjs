// Checks every budget in size-budgets.json: each file or bundle, gzip level 9,
// against its limit in kB. Prints a table and the Lit floor; exits non-zero
// when anything is over. `--json FILE` writes the results for docs/benchmarks.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import { mangleInternalProperties } from './browser-bundle.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const budgetsAt = process.argv.indexOf('--budgets');
const budgetFile = budgetsAt > 0 ? process.argv[budgetsAt + 1] : 'size-budgets.json';
const budgets = JSON.parse(readFileSync(join(root, budgetFile), 'utf8'));
const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
const kB = (n) => (n / 1000).toFixed(2);

async function bundle(entry, { own = false, external = [] } = {}) {
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    splitting: true,
    outdir: '/virtual',
    // Production builds of Lit: no development condition.
    conditions: ['browser', 'import', 'default'],
    metafile: true,
    // A module measured on its own leaves out Lit, which the page has loaded already.
    // An entry's own `external` list leaves out what the site brings anyway (React for @wegweiser/react).
    external: [...(own ? ['lit', 'lit/*', '@lit/*'] : []), ...external],
    logLevel: 'silent',
    // As every bundle that ships.
    ...mangleInternalProperties,
  });
  // What loads first: the entry chunk and every chunk it imports statically
  // (such as Lit, when a locale module shares it). Chunks loaded on demand
  // (locales) are not counted.
  const outputs = result.metafile.outputs;
  const entryPath = Object.keys(outputs).find((path) => outputs[path].entryPoint && join(root, outputs[path].entryPoint) === join(root, entry));
  const load = new Set();
  const visit = (path) => {
    if (load.has(path)) return;
    load.add(path);
    if (own) return;
    for (const imported of outputs[path].imports) if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
  };
  visit(entryPath);
  const names = new Set([...load].map((path) => basename(path)));
  const files = result.outputFiles.filter((file) => names.has(basename(file.path)));
  return Buffer.concat(files.map((file) => file.contents));
}

const floor = gzip(await bundle(budgets.litFloorFixture));
const results = [];
for (const entry of budgets.entries) {
  if (entry.locales) {
    // Every locale module of every catalogue, each measured alone: one line
    // with the largest, and one line for each that is over.
    const files = readdirSync(join(root, 'packages'), { recursive: true })
      .map(String)
      .filter((f) => /^[^/]+\/dist\/generated\/(?:[a-z-]+\/)?locales\/[a-z-]+\.js$/.test(f))
      .filter((f) => (entry.packages ?? [f.split('/')[0]]).includes(f.split('/')[0]) && !(entry.exclude ?? []).includes(f.split('/')[0]));
    const sizes = [];
    for (const file of files) sizes.push({ file, size: gzip(await bundle(join('packages', file), { own: true })) });
    sizes.sort((a, b) => b.size - a.size);
    const limit = entry.limit * 1000;
    for (const { file, size } of sizes.filter((s) => s.size > limit)) results.push({ name: `${entry.name}: ${file}`, gzip: size, limit, ok: false });
    const top = sizes[0];
    if (top) results.push({ name: `${entry.name} (${sizes.length} modules; largest ${top.file})`, gzip: top.size, limit, ok: top.size <= limit });
    continue;
  }
  const bytes = entry.file ? readFileSync(join(root, entry.file)) : await bundle(entry.bundle, { own: entry.own, external: entry.external });
  const size = gzip(bytes);
  results.push({ name: entry.name, gzip: size, limit: entry.limit * 1000, ok: size <= entry.limit * 1000 });
}

const width = Math.max(...results.map((r) => r.name.length));
for (const r of results) {
  console.log(`${r.ok ? 'ok  ' : 'OVER'}  ${r.name.padEnd(width)}  ${kB(r.gzip).padStart(6)} kB of ${kB(r.limit)} kB`);
}
console.log(`Lit floor (a minimal Lit element, minified, gzip -9): ${kB(floor)} kB`);

const jsonAt = process.argv.indexOf('--json');
if (jsonAt > 0) writeFileSync(process.argv[jsonAt + 1], JSON.stringify({ litFloor: floor, results }, null, 2));
const over = results.filter((r) => !r.ok);
console.log(`size: ${results.length - over.length} within budget, ${over.length} over`);
process.exitCode = over.length ? 1 : 0;
