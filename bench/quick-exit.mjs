// The quick exit's timings, part of `npm run bench` (bench/run.mjs).
// Measured in headless Chromium, on the self-hosting bundle (dist/browser):
// - boot: page start to the widget's first render, against a minimal Lit
//   element bundled the same way (the ratio is what our code adds);
// - cover: a click on the exit button to the first frame with the page covered;
// - shortcut: the third Shift key-up to the first frame with the page covered.
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { join, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, findBrowsers } from '../scripts/browsers.mjs';
import { stats } from './stats.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const browserDir = join(root, 'packages/quick-exit/dist/browser');

const pages = {
  '/widget.html': `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>bench</title>
<script type="module" src="/quick-exit.js"></script></head><body>
<ww-quick-exit><a href="https://de.wikipedia.org/">Seite verlassen</a></ww-quick-exit>
<script type="module">
  await customElements.whenDefined('ww-quick-exit');
  await document.querySelector('ww-quick-exit').updateComplete;
  window.bootMs = performance.now();
</script></body></html>`,
  '/floor.html': `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>bench</title>
<script type="module" src="/floor.js"></script></head><body><size-floor name="x"></size-floor>
<script type="module">
  await customElements.whenDefined('size-floor');
  await document.querySelector('size-floor').updateComplete;
  window.bootMs = performance.now();
</script></body></html>`,
};
const types = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html' };

async function serve() {
  const floor = await build({
    entryPoints: [join(root, 'scripts/size/lit-floor.js')],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    target: 'es2022',
  });
  const floorJs = floor.outputFiles[0].text;
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (pages[path]) return res.writeHead(200, { 'content-type': 'text/html' }).end(pages[path]);
    if (path === '/floor.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(floorJs);
    const file = join(browserDir, path);
    if (!file.startsWith(browserDir) || !existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${server.address().port}` };
}

async function boot(browser, url) {
  const page = await browser.newPage();
  await page.setCacheEnabled(false);
  await page.goto(url);
  await page.waitForFunction('window.bootMs !== undefined');
  const ms = await page.evaluate('window.bootMs');
  await page.close();
  return ms;
}

async function cover(browser, url, trigger) {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction('window.bootMs !== undefined');
  const ms = await page.evaluate(async (how) => {
    document.addEventListener('ww-exit', (e) => e.preventDefault());
    const shift = (type) => window.dispatchEvent(new KeyboardEvent(type, { key: 'Shift' }));
    if (how === 'shortcut') for (const type of ['keydown', 'keyup', 'keydown', 'keyup', 'keydown']) shift(type);
    const start = performance.now();
    if (how === 'shortcut') shift('keyup');
    else document.querySelector('ww-quick-exit').shadowRoot.querySelector('a').click();
    if (!document.querySelector('[data-ww-quick-exit-overlay]')) throw new Error('no cover');
    await new Promise((r) => requestAnimationFrame(() => r()));
    return performance.now() - start;
  }, trigger);
  await page.close();
  return ms;
}

export async function benchQuickExit(runs = Number(process.env.BENCH_RUNS ?? 25)) {
  if (!existsSync(join(browserDir, 'quick-exit.js'))) throw new Error('Run `npm run build` first.');
  const { server, base } = await serve();
  const browser = await puppeteer.launch({ executablePath: findBrowsers().chromium, headless: true, args: chromiumArgs });
  const version = await browser.version();
  const results = { widgetBoot: [], floorBoot: [], click: [], shortcut: [] };
  for (let i = 0; i < runs; i++) {
    // Interleaved, so drift in the machine's load hits both sides alike.
    results.floorBoot.push(await boot(browser, `${base}/floor.html`));
    results.widgetBoot.push(await boot(browser, `${base}/widget.html`));
    results.click.push(await cover(browser, `${base}/widget.html`, 'click'));
    results.shortcut.push(await cover(browser, `${base}/widget.html`, 'shortcut'));
  }
  await browser.close();
  server.close();

  const s = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, stats(v)]));
  const ms = (n) => `${n.toFixed(1)} ms`;
  return `## Quick exit

${runs} runs each, headless ${version}.

| What | Median | 95th percentile |
| --- | --- | --- |
| Boot: page start to the quick exit's first render (self-hosting bundle, German messages loaded) | ${ms(s.widgetBoot.median)} | ${ms(s.widgetBoot.p95)} |
| Boot: page start to a minimal Lit element's first render | ${ms(s.floorBoot.median)} | ${ms(s.floorBoot.p95)} |
| Click on the exit button to the first frame with the page covered | ${ms(s.click.median)} | ${ms(s.click.p95)} |
| Third Shift to the first frame with the page covered | ${ms(s.shortcut.median)} | ${ms(s.shortcut.p95)} |

Boot ratio, quick exit to minimal Lit element (medians): **${(s.widgetBoot.median / s.floorBoot.median).toFixed(2)}**.
The quick exit loads one more file before its first render (the German messages), so that a
German page never shows English first.

The cover is put in place synchronously in the click or key handler; the time above is until the
browser has painted the next frame, i.e. what a person looking at the screen waits for.
`;
}
