// Component tests in real browsers: Chromium, Firefox and WebKit.
// WW_BROWSERS=chromium (comma list) narrows the run while developing.
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { chromiumArgs, findBrowsers } from './scripts/browsers.mjs';
import { resultsReporter } from './scripts/testing/reporter.mjs';
import { emulateMediaPlugin } from './scripts/testing/emulate-media-plugin.mjs';
// Real contact relays for the contact form's tests (started on demand by a test command).
import { contactRelayPlugin } from './packages/contact-relay/test/wtr-relay-plugin.mjs';
// Server-rendered pages from @wegweiser/ssr, made in Node (executeServerCommand('ssr-render')).
import { ssrPlugin } from './packages/ssr/test/wtr-ssr-plugin.mjs';
// The example apps' pages get a console spy (examples/test).
import { exampleConsoleSpyPlugin } from './examples/test/wtr-plugin.mjs';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { build as esbuildBundle } from 'esbuild';

const root = fileURLToPath(new URL('.', import.meta.url));
// German conditions: the people these widgets serve are in Germany.
process.env.TZ ??= 'Europe/Berlin';
// The browsers' GTK accessibility bridge stays off: with at-spi2-core installed
// (the screen-reader gate needs it) and no accessibility bus running, GTK
// programs such as MiniBrowser can wait for that bus before they start. The
// component tests read the DOM; the screen-reader gate starts its own bus.
process.env.NO_AT_BRIDGE ??= '1';

const wanted = (process.env.WW_BROWSERS ?? 'chromium,firefox,webkit').split(',').map((b) => b.trim());
const found = findBrowsers();
for (const line of found.missing) console.warn(`[browsers] missing: ${line}`);

/*
 * The privacy gate. Every request a test page makes passes here; one to any
 * host but the test server is blocked, printed and written to WW_PRIVACY_LOG,
 * and scripts/test.mjs counts each as a failure.
 */
const privacyLog = process.env.WW_PRIVACY_LOG;
const allowedHosts = new Set(['localhost', '127.0.0.1', '[::1]']);
function offOrigin(url) {
  if (!/^(https?|wss?):/i.test(url)) return false;
  return !allowedHosts.has(new URL(url).hostname);
}
function recordLeak(browser, url, page) {
  const entry = { browser, url, page };
  console.error(`[privacy gate] ${browser} requested ${url} from ${page}`);
  if (privacyLog) appendFileSync(privacyLog, `${JSON.stringify(entry)}\n`);
}
async function guardedPage(browserName, browser) {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (offOrigin(url)) {
      recordLeak(browserName, url, page.url());
      void request.abort('blockedbyclient').catch(() => {});
    } else {
      void request.continue().catch(() => {});
    }
  });
  return page;
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function startWebKitDriver({ driver, xvfb }) {
  const port = await freePort();
  const [cmd, args] =
    process.env.DISPLAY || !xvfb ? [driver, [`--port=${port}`]] : [xvfb, ['-a', '-s', '-screen 0 1280x1024x24', driver, `--port=${port}`]];
  const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  // On a signal the runner exits (below), and this stops the driver.
  process.on('exit', stop);
  // Wait until the driver answers: up to a minute, because on a fresh machine
  // its first start (under xvfb-run, which itself waits for Xvfb) can be slow.
  for (let i = 0; i < 600; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok) return port;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  stop();
  throw new Error('WebKitWebDriver did not start');
}

// Say why the runner ends when it ends early: twice on clean clones it stopped without a word.
// Straight to stderr: the runner's terminal UI takes over `console` while it runs.
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
  process.once(signal, () => {
    process.stderr.write(`web-test-runner: stopped by ${signal}\n`);
    process.exit(128 + { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 }[signal]);
  });
}
process.on('exit', (code) => {
  if (code !== 0) process.stderr.write(`web-test-runner: exiting with code ${code}\n`);
});

const browsers = [];
const launched = [];
if (wanted.includes('chromium')) {
  launched.push('chromium');
  if (!found.chromium) throw new Error('No Chromium or Chrome found; see the README (CHROME_PATH).');
  browsers.push(
    chromeLauncher({
      launchOptions: { executablePath: found.chromium, headless: true, args: chromiumArgs },
      createPage: ({ browser }) => guardedPage('chromium', browser),
    }),
  );
}
if (wanted.includes('firefox') && found.firefox) {
  launched.push('firefox');
  browsers.push(
    puppeteerLauncher({
      launchOptions: { browser: 'firefox', executablePath: found.firefox, headless: true },
      createPage: ({ browser }) => guardedPage('firefox', browser),
    }),
  );
}
if (wanted.includes('webkit') && found.webkit) {
  launched.push('webkit');
  const port = await startWebKitDriver(found.webkit);
  browsers.push(
    webdriverLauncher({
      automationProtocol: 'webdriver',
      hostname: '127.0.0.1',
      port,
      path: '/',
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: found.webkit.browser, args: ['--automation'] },
      },
    }),
  );
}
// In CI a missing browser is a failure, not a skipped browser.
if (process.env.CI && wanted.some((b) => !launched.includes(b))) {
  throw new Error(`CI must test in ${wanted.join(', ')}; missing: ${found.missing.join('; ')}`);
}

/*
 * Two packages under pdf-lib (the contact form's PDF cleaner) cannot load unbundled in a test page:
 * pako (zlib) is CommonJS only, and @pdf-lib/standard-fonts imports JSON files. The bundles that
 * ship go through esbuild, which handles both; the test pages get each of these entry files as one
 * ES module bundled by esbuild the same way.
 */
function bundledForTestPages(entryFiles) {
  return {
    name: 'bundled-for-test-pages',
    async serve(context) {
      const entryFile = entryFiles.find((file) => context.path.endsWith(`/node_modules/${file}`));
      if (!entryFile) return undefined;
      const result = await esbuildBundle({
        // From the root's node_modules, also when the dev server names it by a path outside the root.
        entryPoints: [join(root, 'node_modules', entryFile)],
        bundle: true,
        format: 'esm',
        write: false,
        logLevel: 'silent',
      });
      return { body: result.outputFiles[0].text, type: 'js' };
    },
  };
}

export default {
  rootDir: root,
  // A port of its own for every run: two runs on one machine (a second checkout,
  // a developer's watch mode) on the default 8000 could load each other's pages.
  port: await freePort(),
  // *.node.test.ts are pure logic and run under node:test (scripts/test.mjs).
  files: process.env.WW_TEST_FILES
    ? process.env.WW_TEST_FILES.split(',')
    : ['packages/*/test/**/*.test.ts', '!packages/*/test/**/*.node.test.ts', 'examples/test/*.test.ts', 'examples/demo-site/test/*.test.ts'],
  nodeResolve: { exportConditions: ['source', 'development', 'browser'] },
  browsers,
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), resultsReporter()],
  concurrency: 1,
  concurrentBrowsers: 3,
  // Per test file. The inbox's file (about 90 tests against real relays) took over 5 minutes in
  // Firefox and WebKit on a machine at load 10; a hung file still ends the run well inside CI's limit.
  testsFinishTimeout: 600000,
  testFramework: { config: { timeout: 10000 } },
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="de">
  <head><meta charset="utf-8"><script type="module" src="/scripts/testing/page-setup.js"></script></head>
  <body><script type="module" src="${testFramework}"></script></body>
</html>`,
  middleware: [
    // Fixture pages named *csp-page* are served under a strict Content Security Policy.
    async function strictCsp(context, next) {
      await next();
      if (context.path.includes('/csp-page')) {
        // A relay on another local port (the contact form's tests) is allowed by name, as a site would.
        const relay = /^http:\/\/127\.0\.0\.1:\d+$/.test(context.query.relay ?? '') ? ` ${context.query.relay}` : '';
        context.set(
          'Content-Security-Policy',
          `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'${relay}; worker-src 'self'; object-src 'none'; base-uri 'self'; ` +
            "require-trusted-types-for 'script'; trusted-types lit-html wegweiser",
        );
      }
    },
    // Shows which Referer header a navigation sent (quick-exit's no-referrer test).
    function echoReferrer(context, next) {
      if (context.path !== '/__echo-referrer') return next();
      context.type = 'html';
      context.body = `<!doctype html><title>echo</title><output>${(context.get('referer') || 'none').replace(/[<&]/g, '')}</output>`;
      return undefined;
    },
    // TypeScript sources import each other as `.js` (what tsc emits); serve the `.ts` beside it.
    function tsForJs(context, next) {
      const path = context.path;
      if (path.endsWith('.js') && !path.startsWith('/__') && !existsSync(`${root}${path}`)) {
        const ts = path.replace(/\.js$/, '.ts');
        if (existsSync(`${root}${ts}`)) context.url = context.url.replace(path, ts);
      }
      return next();
    },
  ],
  plugins: [bundledForTestPages(['pako/index.js', '@pdf-lib/standard-fonts/es/index.js']), emulateMediaPlugin(), contactRelayPlugin(), ssrPlugin(), exampleConsoleSpyPlugin(), esbuildPlugin({ ts: true, target: 'es2022', tsconfig: `${root}tsconfig.json` })],
};
