// Benchmarks, never run as tests: timings vary with the machine. Run with
// `npm run bench` after `npm run build`; writes docs/benchmarks.md.
//
// Measures in headless Chromium, on the self-hosting bundle (dist/browser):
// - boot: navigation start to the widget's first render, against a minimal
//   Lit element bundled the same way (the ratio is what our code adds);
// - cover: a click on the exit button to the first frame with the page covered;
// - shortcut: the third Shift key-up to the first frame with the page covered.
import { createServer } from 'node:http';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, findBrowsers } from '../scripts/browsers.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 25);
const browserDir = join(root, 'packages/quick-exit/dist/browser');
if (!existsSync(join(browserDir, 'quick-exit.js'))) throw new Error('Run `npm run build` first.');

const floor = await build({
  entryPoints: [join(root, 'scripts/size/lit-floor.js')],
  bundle: true,
  minify: true,
  format: 'esm',
  write: false,
  target: 'es2022',
});
const floorJs = floor.outputFiles[0].text;

const pages = {
  '/widget.html': `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>bench</title>
<script type="module" src="/quick-exit.js"></script></head><body>
<ww-quick-exit><a href="https://de.wikipedia.org/">Seite verlassen</a></ww-quick-exit>
<script type="module">
  await customElements.whenDefined('ww-quick-exit');
  const el = document.querySelector('ww-quick-exit');
  await el.updateComplete;
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
const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (pages[path]) return res.writeHead(200, { 'content-type': 'text/html' }).end(pages[path]);
  if (path === '/floor.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(floorJs);
  const file = join(browserDir, path);
  if (!file.startsWith(browserDir) || !existsSync(file)) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const { chromium } = findBrowsers();
const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: chromiumArgs });

async function boot(path) {
  const page = await browser.newPage();
  await page.setCacheEnabled(false);
  await page.goto(base + path);
  await page.waitForFunction('window.bootMs !== undefined');
  const ms = await page.evaluate('window.bootMs');
  await page.close();
  return ms;
}

async function cover(trigger) {
  const page = await browser.newPage();
  await page.goto(base + '/widget.html');
  await page.waitForFunction('window.bootMs !== undefined');
  const ms = await page.evaluate(async (how) => {
    document.addEventListener('ww-exit', (e) => e.preventDefault());
    const el = document.querySelector('ww-quick-exit');
    const shift = (type) => window.dispatchEvent(new KeyboardEvent(type, { key: 'Shift' }));
    if (how === 'shortcut') {
      for (const type of ['keydown', 'keyup', 'keydown', 'keyup', 'keydown']) shift(type);
    }
    const start = performance.now();
    if (how === 'shortcut') shift('keyup');
    else el.shadowRoot.querySelector('a').click();
    if (!document.querySelector('[data-ww-quick-exit-overlay]')) throw new Error('no cover');
    await new Promise((r) => requestAnimationFrame(() => r()));
    return performance.now() - start;
  }, trigger);
  await page.close();
  return ms;
}

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95) };
};

const version = await browser.version();
const results = { widgetBoot: [], floorBoot: [], click: [], shortcut: [] };
for (let i = 0; i < runs; i++) {
  // Interleaved, so drift in the machine's load hits both sides alike.
  results.floorBoot.push(await boot('/floor.html'));
  results.widgetBoot.push(await boot('/widget.html'));
  results.click.push(await cover('click'));
  results.shortcut.push(await cover('shortcut'));
}
await browser.close();
server.close();

const s = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, stats(v)]));
const ms = (n) => `${n.toFixed(1)} ms`;
const report = `# Benchmarks

Written by \`npm run bench\` (bench/run.mjs) on ${new Date().toISOString().slice(0, 10)}: ${runs} runs each,
headless Chromium, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}.
Timings depend on the machine; compare ratios and runs on the same machine, not absolute numbers
across machines. Browser: ${version}.

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
writeFileSync(join(root, 'docs/benchmarks.md'), report);
console.log(report);
