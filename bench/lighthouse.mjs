// Lighthouse against the demo site (examples/demo-site: a fictional
// counselling centre built from pasted HTML and the one-file bundle), served
// by its own static server with the bundle and the demo relay on the same
// origin. Performance, accessibility and best practices, mobile and desktop,
// every page; the median of WW_LIGHTHOUSE_RUNS runs (default 3).
//
//   npm run build && node bench/lighthouse.mjs    rewrites its section of docs/benchmarks.md
//   npm run bench                                 runs it with the others (bench/run.mjs)
//
// Chromium: CHROME_PATH, else the usual install paths (scripts/browsers.mjs).
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { findBrowsers, chromiumArgs } from '../scripts/browsers.mjs';
import { startDemoSite } from '../examples/demo-site/serve.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const heading = '## Demo site in Lighthouse (bench/lighthouse.mjs)';
const pages = [
  ['index.html', 'Start: quick exit, hours, 6 pictogram cards'],
  ['beratungsstellen.html', 'Service finder'],
  ['erste-schritte.html', 'Checklist'],
  ['kontakt.html', 'Week of hours, contact form'],
  ['antworten.html', 'Replies by code'],
  ['datenschutz.html', 'Privacy notice (quick exit, hours)'],
  ['en/index.html', 'English start page'],
];
const categories = ['performance', 'accessibility', 'best-practices'];
const metrics = [
  ['first-contentful-paint', 'FCP'],
  ['largest-contentful-paint', 'LCP'],
  ['total-blocking-time', 'TBT'],
  ['cumulative-layout-shift', 'CLS'],
  ['speed-index', 'SI'],
];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};

/** Audits that cost points: in a scored category, weight > 0, score below 1. */
function losses(lhr) {
  const out = [];
  for (const id of categories) {
    for (const ref of lhr.categories[id].auditRefs) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit.score !== null && audit.score < 1) out.push(`${id}: ${audit.title} (${audit.displayValue ?? Math.round(audit.score * 100)})`);
    }
  }
  return out;
}

export async function benchLighthouse({ runs = Number(process.env.WW_LIGHTHOUSE_RUNS ?? 3) } = {}) {
  if (!existsSync(join(root, 'packages/widgets/dist/wegweiser.js'))) throw new Error('Run `npm run build` first: packages/widgets/dist/wegweiser.js is missing.');
  const chromePath = findBrowsers().chromium;
  if (!chromePath) throw new Error('No Chromium or Chrome found: set CHROME_PATH.');
  const site = await startDemoSite();
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: chromiumArgs });
  const rows = [];
  let version = '';
  let userAgent = '';
  try {
    for (const [path, what] of pages) {
      for (const formFactor of ['mobile', 'desktop']) {
        const results = [];
        for (let run = 0; run < runs; run++) {
          const { lhr } = await lighthouse(
            `${site.url}/${path}`,
            { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: categories },
            formFactor === 'desktop' ? desktopConfig : undefined,
          );
          if (lhr.runtimeError) throw new Error(`${path} (${formFactor}): ${lhr.runtimeError.message}`);
          version = lhr.lighthouseVersion;
          userAgent = lhr.environment.hostUserAgent;
          results.push(lhr);
        }
        // The run with the median performance score stands for the page.
        const scores = results.map((lhr) => lhr.categories.performance.score);
        const chosen = results[scores.indexOf(median(scores))];
        rows.push({
          path,
          what,
          formFactor,
          scores: Object.fromEntries(categories.map((id) => [id, results.map((lhr) => Math.round(lhr.categories[id].score * 100))])),
          metrics: Object.fromEntries(metrics.map(([id]) => [id, chosen.audits[id].numericValue])),
          bytes: chosen.audits['total-byte-weight'].numericValue,
          losses: losses(chosen),
        });
        console.error(`lighthouse ${path} ${formFactor}: ${categories.map((id) => `${id} ${rows.at(-1).scores[id].join('/')}`).join(', ')}`);
      }
    }
  } finally {
    await chrome.kill();
    await site.close();
  }

  const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
  const cell = (values) => {
    const m = median(values);
    return values.every((v) => v === m) ? String(m) : `${m} (${Math.min(...values)}–${Math.max(...values)})`;
  };
  const table = rows
    .map(
      (r) =>
        `| ${r.path} | ${r.formFactor} | ${cell(r.scores.performance)} | ${cell(r.scores.accessibility)} | ${cell(r.scores['best-practices'])} | ${fmtMs(r.metrics['first-contentful-paint'])} | ${fmtMs(r.metrics['largest-contentful-paint'])} | ${fmtMs(r.metrics['total-blocking-time'])} | ${r.metrics['cumulative-layout-shift'].toFixed(3)} | ${(r.bytes / 1024).toFixed(0)} kB |`,
    )
    .join('\n');
  const below = rows.filter((r) => r.losses.length);
  const lossText = below.length
    ? below.map((r) => `- ${r.path}, ${r.formFactor}: ${[...new Set(r.losses)].join('; ')}`).join('\n')
    : '- None: every scored audit passed in the median run of every page.';
  return `${heading}

Lighthouse ${version}, ${userAgent.match(/(HeadlessChrome|Chrome)\/[\d.]+/)?.[0] ?? 'Chromium'}, against the demo site
([examples/demo-site](../examples/demo-site/README.md), a fictional counselling centre built from pasted HTML
and the one-file bundle \`wegweiser.js\`), served locally by its own server (compressed, strict CSP).
Lighthouse's default throttling: "mobile" is a simulated mid-range phone on a slow 4G connection
(4× CPU slowdown), "desktop" a fast connection. Each cell is the median of ${runs} run(s), with the range
when the runs differed; the metrics and byte counts are from the median performance run. Pages
are served from localhost, so the network part of the numbers is Lighthouse's simulation, not a
real connection.

| Page | Form factor | Performance | Accessibility | Best practices | FCP | LCP | TBT | CLS | Transferred |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${table}

Pages: ${pages.map(([path, what]) => `\`${path}\` (${what})`).join(', ')}.

What cost points (median runs):

${lossText}

Lighthouse's accessibility score covers only what a machine can check; the demo's browser test runs
axe on every page as well ([examples/demo-site/test](../examples/demo-site/test/demo-site.test.ts)),
and keyboard, screen reader and forced-colours checks remain manual.
`;
}

/** Replaces this benchmark's section of docs/benchmarks.md (or appends it). */
export function writeSection(section, file = join(root, 'docs/benchmarks.md')) {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = current.indexOf(heading);
  let next;
  if (start >= 0) {
    const after = current.indexOf('\n## ', start + heading.length);
    next = `${current.slice(0, start)}${section}${after >= 0 ? `\n${current.slice(after + 1)}` : ''}`;
  } else next = `${current.trimEnd()}\n\n${section}`;
  writeFileSync(file, next);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const section = await benchLighthouse();
  writeSection(section);
  console.log(section);
}
