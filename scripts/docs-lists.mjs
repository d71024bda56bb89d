// Lists in the docs that name packages or widgets are made from the workspace,
// so they cannot go stale:
// - the README's package table (between `<!-- packages:start -->` and
//   `<!-- packages:end -->`), from each package's name, description and privacy;
// - the "where to find each widget" table in docs/contributing.md (between
//   `<!-- widgets:start -->` and `<!-- widgets:end -->`), from the define files,
//   the test files and the stories that name each tag.
// `node scripts/docs-lists.mjs` rewrites both; scripts/test/docs-lists.test.mjs
// fails when one is stale.
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

/** Every custom element the packages define: its tag, class, package and the files a newcomer looks for. */
export function widgets() {
  const stories = readdirSync(join(root, 'stories')).filter((file) => file.endsWith('.stories.ts'));
  const found = [];
  for (const { folder, manifest } of workspacePackages()) {
    const src = join(root, 'packages', folder, 'src');
    if (!existsSync(src)) continue;
    for (const file of readdirSync(src).filter((name) => /^define.*\.ts$/.test(name)).sort()) {
      // defineElement('ww-…', Class) from core; a plain customElements.define('ww-…', Class) is read too.
      const match = /(?:defineElement|customElements\.define)\('(ww-[a-z-]+)', (\w+)\)/.exec(readFileSync(join(src, file), 'utf8'));
      if (!match) continue;
      const [, tag, className] = match;
      const testDir = join(root, 'packages', folder, 'test');
      const tests = existsSync(testDir)
        ? readdirSync(testDir)
            .filter((name) => name.endsWith('.test.ts') && !name.endsWith('.node.test.ts'))
            .filter((name) => readFileSync(join(testDir, name), 'utf8').includes(`<${tag}`))
            .sort()
        : [];
      const storyFiles = stories.filter((name) => readFileSync(join(root, 'stories', name), 'utf8').includes(`component: '${tag}'`));
      // Files follow the tag (docs/contributing.md, "Where to find each widget"): src/<name>.styles.ts and
      // test/<name>.test.ts (or <name>.zones.test.ts, run again in other time zones), <name> the tag without ww-.
      const name = tag.replace(/^ww-/, '');
      const mainTest = [`${name}.test.ts`, `${name}.zones.test.ts`].find((candidate) => tests.includes(candidate));
      const styles = [`${name}.styles.ts`, 'styles.ts'].find((candidate) => existsSync(join(src, candidate)));
      found.push({ tag, className, folder, name: manifest.name, define: file, tests, mainTest, styles, stories: storyFiles });
    }
  }
  return found.sort((a, b) => a.tag.localeCompare(b.tag));
}

export function widgetTable() {
  const rows = widgets().map((widget) => {
    const pkg = `packages/${widget.folder}`;
    const stories = widget.stories.map((name) => `[${name}](../stories/${name})`).join(', ');
    const styles = widget.styles ? `[${widget.styles}](../${pkg}/src/${widget.styles})` : `in ${widget.className}.ts`;
    const tests = [...(widget.mainTest ? [`[${widget.mainTest}](../${pkg}/test/${widget.mainTest})`] : []), `[test/](../${pkg}/test)`].join(', ');
    return `| \`<${widget.tag}>\` | [\`${widget.name}\`](../${pkg}) | [${widget.className}.ts](../${pkg}/src/${widget.className}.ts), [${widget.define}](../${pkg}/src/${widget.define}) | ${styles} | ${tests} | ${stories} |`;
  });
  return ['| Tag | Package | Class, registration | Styles | Tests | Stories |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** `text` with the part between `<!-- name:start -->` and `<!-- name:end -->` replaced by `table`. */
function withTable(text, name, table, file) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file} needs the markers ${start} and ${end}`);
  return `${text.slice(0, from + start.length)}\n${table}\n${text.slice(to)}`;
}

export const withPackageTable = (text, table = packageTable()) => withTable(text, 'packages', table, 'README.md');
export const withWidgetTable = (text, table = widgetTable()) => withTable(text, 'widgets', table, 'docs/contributing.md');

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readme = join(root, 'README.md');
  writeFileSync(readme, withPackageTable(readFileSync(readme, 'utf8')));
  const contributing = join(root, 'docs/contributing.md');
  writeFileSync(contributing, withWidgetTable(readFileSync(contributing, 'utf8')));
  console.log('README.md: package table written; docs/contributing.md: widget table written');
}
