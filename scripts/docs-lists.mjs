// Lists in the docs that name the packages are made from the workspace, so
// they cannot go stale: the README's package table is written between
// `<!-- packages:start -->` and `<!-- packages:end -->` from each package's
// name, description and privacy. `node scripts/docs-lists.mjs` rewrites it;
// scripts/test/docs-lists.test.mjs fails when it is stale.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The workspace packages, in name order, with their manifests. */
export function workspacePackages() {
  return readdirSync(join(root, 'packages'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, 'packages', entry.name, 'package.json')))
    .map((entry) => ({ folder: entry.name, manifest: JSON.parse(readFileSync(join(root, 'packages', entry.name, 'package.json'), 'utf8')) }))
    .sort((a, b) => a.manifest.name.localeCompare(b.manifest.name));
}

/** A Markdown table cell: tags such as `<ww-x>` as code (not HTML), pipes escaped. */
function cell(text) {
  return text.replace(/\|/g, '\\|').replace(/<([a-z][^<>]*)>/g, '`<$1>`');
}

export function packageTable() {
  const rows = workspacePackages().map(({ folder, manifest }) => {
    const published = manifest.private === true ? ' (not on npm: built into the release as a zip)' : '';
    return `| [\`${manifest.name}\`](packages/${folder}) | ${cell(manifest.description ?? '')}${published} |`;
  });
  return ['| Package | What it is |', '| --- | --- |', ...rows].join('\n');
}

const start = '<!-- packages:start -->';
const end = '<!-- packages:end -->';

/** `text` with the part between the markers replaced by `table`. */
export function withPackageTable(text, table = packageTable()) {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md needs the markers ${start} and ${end}`);
  return `${text.slice(0, from + start.length)}\n${table}\n${text.slice(to)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readme = join(root, 'README.md');
  writeFileSync(readme, withPackageTable(readFileSync(readme, 'utf8')));
  console.log('README.md: package table written');
}
