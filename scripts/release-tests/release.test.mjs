// The release as a stranger would use it, never the workspace (issue 18):
// - two release builds from the same tree are byte-identical;
// - the npm tarballs install into a scratch project (no workspace links), type-check,
//   import in Node, run their commands, render on the server, and bundle with Vite
//   into a page where Chromium upgrades every widget;
// - the self-hosting zip, unpacked into a static folder, serves a page with the two
//   documented lines where every widget upgrades, with every file matching
//   integrity.json and no request to another host.
// Runs after `npm run build` and `node scripts/release.mjs` (scripts/test.mjs does both).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, findBrowsers } from '../browsers.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const release = join(root, 'release');
const version = JSON.parse(readFileSync(join(root, 'packages/widgets/package.json'), 'utf8')).version;
const scratch = mkdtempSync(join(tmpdir(), 'ww-release-'));
const tarballs = readdirSync(release).filter((file) => file.endsWith('.tgz'));
const packageNames = tarballs.map((file) => `@wegweiser/${file.replace(/^wegweiser-/, '').replace(`-${version}.tgz`, '')}`);

// The visitor widgets, each written as a site would paste it (fictional data).
const widgetMarkup = `
  <ww-quick-exit><a href="https://de.wikipedia.org/">Seite verlassen</a></ww-quick-exit>
  <ww-hours-badge hours="Mo-Fr 10:00-18:00" region="DE-RP">Mo–Fr 10–18 Uhr</ww-hours-badge>
  <ww-service-finder><script type="application/json">{"version":1,"fictional":true,"centres":[{"id":"a","name":"Beratung A (fiktiv)","address":{"city":"Mainz"},"land":"DE-RP","topics":["job"],"lastChecked":"2026-11-01","fictional":true}]}</script><p>Unsere Liste</p></ww-service-finder>
  <ww-stabilisation-checklist></ww-stabilisation-checklist>
  <ww-pictogram-card pictogram="money"><div lang="de"><h3>Kostenlos</h3><p>Die Beratung kostet nichts.</p></div></ww-pictogram-card>
  <ww-contact-form relay="/relay" public-key="wwk1.invalid"><p>Telefon: 0381 000000 (Beispiel)</p></ww-contact-form>
  <ww-contact-replies relay="/relay" public-key="wwk1.invalid"><p>Telefon: 0381 000000 (Beispiel)</p></ww-contact-replies>`;
// The consumer's own @types/node, of the Node line the relay supports.
const nodeTypesVersion = JSON.parse(readFileSync(join(root, 'node_modules/@types/node/package.json'), 'utf8')).version;
const widgetTags = [...widgetMarkup.matchAll(/<(ww-[a-z-]+)/g)].map((m) => m[1]);

/** The demo relay's public key (fictional centre; packages/contact-relay/demo), so the contact form in the picture is ready to write. */
function demoPublicKey() {
  return /wwk1\.demo-beratungsstelle\.[\w-]+\.[\w-]+/.exec(readFileSync(join(root, 'packages/contact-relay/demo/README.md'), 'utf8'))[0];
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

function sha256(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

const contentTypes = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };

/** A static file server for `folder` on a free port; records every path asked for. */
async function serve(folder) {
  const asked = [];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    asked.push(path);
    const file = normalize(join(folder, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(folder + sep)) return response.writeHead(403).end();
    try {
      if (!statSync(file).isFile()) throw new Error('not a file');
      response.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, asked, close: () => new Promise((resolve) => server.close(resolve)) };
}

let browser;
before(async () => {
  const { chromium } = findBrowsers();
  assert.ok(chromium, 'Chromium is needed (CHROME_PATH or apt-get install chromium)');
  browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: chromiumArgs });
});
after(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** Opens `url`, blocks and records requests to other hosts, and says which widgets upgraded. */
async function upgradedWidgets(url) {
  const page = await browser.newPage();
  const offsite = [];
  const errors = [];
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (new URL(request.url()).host !== new URL(url).host && !request.url().startsWith('data:')) {
      offsite.push(request.url());
      void request.abort();
    } else void request.continue();
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(url, { waitUntil: 'load' });
  const upgraded = await page.waitForFunction(
    (tags) => {
      const done = tags.filter((tag) => {
        const element = document.querySelector(tag);
        return element && customElements.get(tag) && element.shadowRoot && element.shadowRoot.textContent.trim() !== '';
      });
      return done.length === tags.length ? done : false;
    },
    { timeout: 30000 },
    widgetTags,
  ).then((handle) => handle.jsonValue(), () => page.evaluate((tags) => tags.filter((tag) => document.querySelector(tag)?.shadowRoot?.textContent.trim()), widgetTags));
  await page.close();
  return { upgraded, offsite, errors };
}

describe('release files', () => {
  it('a second release build from the same tree is byte-identical', () => {
    const second = join(scratch, 'second');
    const result = run(process.execPath, [join(root, 'scripts/release.mjs'), '--out', second]);
    assert.equal(result.status, 0, result.output);
    assert.equal(readFileSync(join(second, 'SHA256SUMS'), 'utf8'), readFileSync(join(release, 'SHA256SUMS'), 'utf8'));
  });

  it('SHA256SUMS lists every file with its hash', () => {
    const lines = readFileSync(join(release, 'SHA256SUMS'), 'utf8').trim().split('\n');
    const files = readdirSync(release).filter((file) => file !== 'SHA256SUMS').sort();
    assert.deepEqual(lines.map((line) => line.slice(66)).sort(), files);
    for (const line of lines) assert.equal(sha256(join(release, line.slice(66))), line.slice(0, 64), line);
  });

  it('holds the self-hosting zip, the WordPress plugin and a tarball per public package', () => {
    assert.ok(readdirSync(release).includes(`wegweiser-widgets-${version}.zip`));
    assert.ok(readdirSync(release).includes(`wegweiser-wordpress-${version}.zip`));
    for (const name of ['core', 'tokens', 'quick-exit', 'hours', 'service-finder', 'checklist', 'pictogram-card', 'contact-form', 'contact-inbox', 'contact-relay', 'ssr', 'react', 'widgets']) {
      assert.ok(tarballs.includes(`wegweiser-${name}-${version}.tgz`), name);
    }
  });
});

describe('the npm tarballs, installed into a project outside the workspace', () => {
  const project = join(scratch, 'project');

  before(() => {
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'stranger', private: true, type: 'module' }));
    // Only the tarballs and what they declare; the npm cache of the machine may answer for the registry.
    const install = run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', ...tarballs.map((file) => join(release, file))], { cwd: project });
    assert.equal(install.status, 0, install.output);
    // What any TypeScript project on Node has: the relay's and the server renderer's types name Node's modules.
    const nodeTypes = run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--save-dev', `@types/node@${nodeTypesVersion}`], { cwd: project });
    assert.equal(nodeTypes.status, 0, nodeTypes.output);
  });

  /** Every public entry of every package: the `exports` keys that are code. */
  function codeEntries() {
    return packageNames.flatMap((name) => {
      const manifest = JSON.parse(readFileSync(join(project, 'node_modules', name, 'package.json'), 'utf8'));
      return Object.keys(manifest.exports ?? {})
        .filter((key) => !/\.(css|json)$/.test(key) && !key.includes('*') && key !== './package.json')
        .map((key) => (key === '.' ? name : `${name}/${key.slice(2)}`));
    });
  }

  it('installs with workspace links nowhere: every package is a real folder', () => {
    for (const name of packageNames) {
      assert.ok(lstatSync(join(project, 'node_modules', name)).isDirectory(), `${name} is a folder, not a link`);
    }
    assert.ok(!readFileSync(join(project, 'package-lock.json'), 'utf8').includes('"link": true'), 'no links in the lock file');
  });

  it('type-checks a file that imports every public entry', () => {
    const entries = codeEntries().filter((entry) => !/\/jsx-(react|vue)$/.test(entry));
    writeFileSync(join(project, 'check.ts'), entries.map((entry, i) => `import * as entry${i} from '${entry}';\nvoid entry${i};\n`).join(''));
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2023', 'dom', 'dom.iterable'], noEmit: true, skipLibCheck: false, types: ['node'] }, files: ['check.ts'] }),
    );
    const tsc = run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', project]);
    assert.equal(tsc.status, 0, tsc.output);
  });

  it('imports every entry meant for Node (the server packages and the pure logic)', () => {
    const nodeEntries = codeEntries().filter((entry) => !/\/(define|replies|jsx-react|jsx-vue)$/.test(entry) && !/^@wegweiser\/(react|widgets)/.test(entry));
    writeFileSync(join(project, 'import-all.mjs'), `${nodeEntries.map((entry) => `await import('${entry}');`).join('\n')}\nconsole.log('imported ${nodeEntries.length}');\n`);
    const node = run(process.execPath, ['import-all.mjs'], { cwd: project });
    assert.equal(node.status, 0, node.output);
    assert.match(node.output, new RegExp(`imported ${nodeEntries.length}`));
  });

  it('runs wegweiser-relay --help and wegweiser-directory validate on a broken file (exit 1)', () => {
    const help = run('npx', ['--no-install', 'wegweiser-relay', '--help'], { cwd: project });
    assert.equal(help.status, 0, help.output);
    assert.match(help.output, /wegweiser-relay/);
    writeFileSync(join(project, 'broken.json'), JSON.stringify({ version: 1, centres: [{ id: 'x', name: '' }] }));
    const validate = run('npx', ['--no-install', 'wegweiser-directory', 'validate', 'broken.json'], { cwd: project });
    assert.equal(validate.status, 1, validate.output);
    assert.match(validate.output, /\$\.centres\[0\]/);
  });

  it('renders a page on the server with @wegweiser/ssr', () => {
    writeFileSync(
      join(project, 'render.mjs'),
      `import { renderWidgets } from '@wegweiser/ssr';
const html = await renderWidgets('<html lang="de"><body><ww-hours-badge hours="Mo-Fr 10:00-18:00" region="DE-RP">Mo–Fr</ww-hours-badge></body></html>', { locale: 'de', now: Date.parse('2026-12-07T11:00:00+01:00') });
console.log(html);`,
    );
    const ssr = run(process.execPath, ['render.mjs'], { cwd: project });
    assert.equal(ssr.status, 0, ssr.output);
    assert.match(ssr.output, /<template shadowroot(mode)?="open"/);
  });

  it('bundles with Vite into a page where Chromium upgrades every widget, with no request to another host', async () => {
    const defines = ['quick-exit/define', 'hours/define', 'service-finder/define', 'checklist/define', 'pictogram-card/define', 'contact-form/define', 'contact-form/replies'];
    writeFileSync(join(project, 'main.js'), `import '@wegweiser/tokens/tokens.css';\n${defines.map((entry) => `import '@wegweiser/${entry}';`).join('\n')}\n`);
    writeFileSync(join(project, 'index.html'), `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Test</title><script type="module" src="/main.js"></script></head><body>${widgetMarkup}</body></html>`);
    const vite = run(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '--outDir', 'dist'], { cwd: project });
    assert.equal(vite.status, 0, vite.output);
    const server = await serve(join(project, 'dist'));
    try {
      const { upgraded, offsite, errors } = await upgradedWidgets(`${server.url}/index.html`);
      assert.deepEqual(upgraded, widgetTags);
      assert.deepEqual(offsite, []);
      assert.deepEqual(errors, []);
    } finally {
      await server.close();
    }
  });
});

describe('the self-hosting zip, unpacked into a static folder', () => {
  const site = join(scratch, 'site');
  const folder = join(site, 'wegweiser', version);

  before(() => {
    mkdirSync(join(site, 'wegweiser'), { recursive: true });
    // Python's zipfile, so the test reads the zip with another implementation than the one that wrote it.
    const unzip = run('python3', ['-m', 'zipfile', '-e', join(release, `wegweiser-widgets-${version}.zip`), join(site, 'wegweiser')]);
    assert.equal(unzip.status, 0, unzip.output);
    renameSync(join(site, 'wegweiser', `wegweiser-widgets-${version}`), folder);
  });

  it('carries the licence, the notices and a README that names the two lines', () => {
    for (const file of ['LICENSE', 'THIRD-PARTY-NOTICES.md', 'README.txt', 'wegweiser.js', 'wegweiser-loader.js', 'tokens.css', 'integrity.json']) {
      assert.ok(statSync(join(folder, file)).isFile(), file);
    }
    const readme = readFileSync(join(folder, 'README.txt'), 'utf8');
    assert.match(readme, /tokens\.css/);
    assert.match(readme, /wegweiser-loader\.js/);
  });

  it('every file matches its hash in integrity.json', () => {
    const integrity = JSON.parse(readFileSync(join(folder, 'integrity.json'), 'utf8'));
    const listed = Object.keys(integrity);
    assert.ok(listed.length > 10);
    for (const file of listed) {
      const hash = `sha384-${createHash('sha384').update(readFileSync(join(folder, file))).digest('base64')}`;
      assert.equal(hash, integrity[file], file);
    }
  });

  // The README's picture: `WW_UPDATE_SCREENSHOTS=1` writes docs/screenshots/widgets.png from the unpacked zip.
  it('the README picture (written only with WW_UPDATE_SCREENSHOTS=1)', { skip: !process.env.WW_UPDATE_SCREENSHOTS }, async () => {
    writeFileSync(
      join(site, 'picture.html'),
      `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Wegweiser</title>
<link rel="stylesheet" href="/wegweiser/${version}/tokens.css"><link rel="stylesheet" href="/wegweiser/${version}/wegweiser.css">
<script type="module" src="/wegweiser/${version}/wegweiser.js"></script>
<style>body{margin:0;padding:24px;font-family:system-ui,sans-serif;background:#fff}main{display:grid;grid-template-columns:1fr 1fr;gap:24px;align-items:start}section{display:grid;gap:24px}</style></head>
<body><main><section>${['quick-exit', 'hours-badge', 'pictogram-card', 'service-finder'].map((tag) => widgetMarkup.split('\n').find((line) => line.includes(`<ww-${tag}`))).join('\n')}</section>
<section>${widgetMarkup.split('\n').filter((line) => /ww-contact-form/.test(line)).join('\n').replace('public-key="wwk1.invalid"', `public-key="${demoPublicKey()}"`)}</section></main></body></html>`,
    );
    const server = await serve(site);
    const page = await browser.newPage();
    try {
      await page.setViewport({ width: 1100, height: 900 });
      await page.goto(`${server.url}/picture.html`, { waitUntil: 'load' });
      await page.waitForFunction(() => [...document.querySelectorAll('main *')].filter((e) => e.localName.startsWith('ww-')).every((e) => e.shadowRoot?.textContent.trim()));
      await new Promise((resolve) => setTimeout(resolve, 500));
      await page.screenshot({ path: join(root, 'docs/screenshots/widgets.png') });
    } finally {
      await page.close();
      await server.close();
    }
  });

  for (const script of ['wegweiser-loader.js', 'wegweiser.js']) {
    it(`a page with the two documented lines (${script}) upgrades every widget and asks no other host`, async () => {
      writeFileSync(
        join(site, `page-${script}.html`),
        `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Test</title>
<link rel="stylesheet" href="/wegweiser/${version}/tokens.css">
<script type="module" src="/wegweiser/${version}/${script}"></script></head><body>${widgetMarkup}</body></html>`,
      );
      const server = await serve(site);
      try {
        const { upgraded, offsite, errors } = await upgradedWidgets(`${server.url}/page-${script}.html`);
        assert.deepEqual(upgraded, widgetTags);
        assert.deepEqual(offsite, []);
        assert.deepEqual(errors, []);
        // The browser asks for /favicon.ico by itself.
        const ownFiles = (path) => path.startsWith(`/wegweiser/${version}/`) || path.startsWith('/page-') || path === '/favicon.ico';
        assert.deepEqual(server.asked.filter((path) => !ownFiles(path)), []);
      } finally {
        await server.close();
      }
    });
  }
});
