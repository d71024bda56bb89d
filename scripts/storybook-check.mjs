// Opens every story of a built Storybook in headless Chromium, 320 CSS px wide, and fails a story
// that
//   - scrolls sideways: content must reflow at 320 px (WCAG 1.4.10);
//   - errors: its render or play function throws (a play function's `expect` is how a story
//     proves it shows its named state);
//   - leaves browser storage behind (localStorage, sessionStorage, IndexedDB, cookies), unless it
//     is tagged `keeps-storage`: a story about a list kept on the device keeps it on purpose.
//
//   node scripts/storybook-check.mjs [storybook-static] [--stories id,id] [--pages N] [--axe]
//
// Storybook's a11y addon would run axe after every story (half a second each); it is off here
// because the component tests run axe on every state in three browsers. `--axe` turns it on, and
// then a violation fails the story (`a11y.test: 'error'` in .storybook/preview.ts).
//
// Ends with `stories at 320 px: N passed, N failed` and exits non-zero on a failure.
// `npm test` runs it on the Storybook it has just built.
import { createServer } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { puppeteerCore } from '@web/test-runner-chrome';
import { chromiumArgs, findBrowsers } from './browsers.mjs';

const keepsStorageTag = 'keeps-storage';
const width = 320;
const height = 640;
// Long enough for a cold start on a busy machine; a story that takes longer is broken anyway.
const storyTimeout = 60_000;

const started = Date.now();
const argv = process.argv.slice(2);
const option = (name) => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv.splice(at, 2)[1] : undefined;
};
const axe = argv.includes('--axe');
if (axe) argv.splice(argv.indexOf('--axe'), 1);
const only = option('--stories')?.split(',').filter(Boolean);
const pageCount = Number(option('--pages') ?? Math.min(4, availableParallelism() + 1));
const dir = resolve(argv[0] ?? 'storybook-static');

if (!existsSync(join(dir, 'index.json'))) {
  console.error(`${dir}/index.json not found: build Storybook first (npm run build-storybook).`);
  process.exit(2);
}
const { chromium } = findBrowsers();
if (!chromium) {
  console.error('No Chromium or Chrome found: set CHROME_PATH, or on Debian: apt-get install chromium');
  process.exit(2);
}

const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story' && (!only || only.includes(entry.id)));
// Stories with a play function first: they take longest (some wait for a relay that is not
// there), and the short ones then fill the other pages meanwhile.
stories.sort((a, b) => Number(b.tags?.includes('play-fn') ?? false) - Number(a.tags?.includes('play-fn') ?? false));
if (!stories.length) {
  console.error(`No stories in ${dir}/index.json.`);
  process.exit(2);
}
if (only && stories.length !== only.length) {
  const missing = only.filter((id) => !stories.some((story) => story.id === id));
  console.error(`Not in ${dir}/index.json: ${missing.join(', ')}`);
  process.exit(2);
}

// ---- A static server for the build, plus an empty page on the same origin ----

const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};
const blankPath = '/__storybook-check-blank';
const server = createServer((request, response) => {
  const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
  if (path === blankPath) {
    response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>blank</title>');
    return;
  }
  const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
  if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404).end();
    return;
  }
  // Cacheable: every story loads the same preview bundle, and Chromium then reuses it, compiled.
  response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'max-age=3600' });
  createReadStream(file).pipe(response);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

// ---- In the page ----

// Installed before Storybook's own scripts: records the preview's events from the moment its
// channel exists, so no event of a fast story is missed.
function recordStorybookEvents() {
  const events = [];
  let channel;
  Object.defineProperty(globalThis, '__wwStorybookEvents', { value: events });
  Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(next) {
      channel = next;
      for (const name of ['storyFinished', 'storyMissing', 'storyErrored', 'storyThrewException', 'playFunctionThrewException', 'unhandledErrorsWhilePlaying']) {
        next.on(name, (payload) => events.push({ name, payload }));
      }
    },
  });
}

/** Sideways scrolling of the page, and the elements that reach furthest past its edge. */
function measureOverflow() {
  const root = document.scrollingElement ?? document.documentElement;
  const overflow = root.scrollWidth - root.clientWidth;
  if (overflow <= 0) return { overflow: 0, culprits: [] };
  const edge = root.clientWidth;
  const describe = (element) => {
    const host = element.getRootNode() instanceof ShadowRoot ? `${element.getRootNode().host.localName} › ` : '';
    const classes = [...element.classList].map((c) => `.${c}`).join('');
    return `${host}${element.localName}${element.id ? `#${element.id}` : ''}${classes}`;
  };
  const wide = [];
  const visit = (node) => {
    for (const element of node.querySelectorAll('*')) {
      const right = element.getBoundingClientRect().right;
      if (right > edge + 0.5) wide.push({ element, right });
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(document);
  // The innermost of the widest: the element to look at first.
  const widest = Math.max(...wide.map((w) => w.right));
  const culprits = wide
    .filter((w) => w.right >= widest - 0.5 && !wide.some((other) => other !== w && other.right >= widest - 0.5 && w.element.contains(other.element)))
    .slice(0, 3)
    .map((w) => `${describe(w.element)} (right edge at ${Math.round(w.right)} px)`);
  return { overflow, culprits };
}

/** Everything the page's origin holds in the browser's storage; empties it for the next story. */
async function takeStorage() {
  const keys = (storage) => Array.from({ length: storage.length }, (_, i) => storage.key(i));
  const found = {
    localStorage: keys(localStorage),
    sessionStorage: keys(sessionStorage),
    indexedDB: (await indexedDB.databases()).map((database) => database.name),
    cookies: document.cookie ? document.cookie.split('; ').map((cookie) => cookie.split('=')[0]) : [],
  };
  localStorage.clear();
  sessionStorage.clear();
  await Promise.all(found.indexedDB.map((name) => new Promise((done) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = request.onerror = request.onblocked = done;
  })));
  for (const name of found.cookies) document.cookie = `${name}=; max-age=0; path=/`;
  return found;
}

// ---- One story ----

async function checkStory(page, story) {
  const problems = [];
  const globals = axe ? '' : '&globals=a11y.manual:!true';
  const url = `${origin}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story${globals}`;
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(
    () => globalThis.__wwStorybookEvents.some((event) => event.name === 'storyFinished' || event.name === 'storyMissing'),
    { timeout: storyTimeout, polling: 50 },
  );
  // A widget may still fetch (content, translations) after the story has rendered.
  // 15 s: on a busy machine (four pages at once on two cores) a story once stayed busy past 5 s.
  await page.waitForNetworkIdle({ idleTime: 150, timeout: 15_000 }).catch(() => problems.push('still loading after 15 s'));
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))));

  const events = await page.evaluate(() => globalThis.__wwStorybookEvents);
  const storyProblems = [];
  let finishedWithError = false;
  for (const { name, payload } of events) {
    if (name === 'storyFinished') {
      finishedWithError ||= payload.status === 'error';
      for (const report of payload.reporters ?? []) {
        if (report.status !== 'failed') continue;
        const rules = report.type === 'a11y' ? (report.result?.violations ?? []).map((v) => `${v.id} (${v.nodes.length})`).join(', ') : '';
        storyProblems.push(`${report.type} failed${rules ? `: ${rules}` : ''}`);
      }
    } else if (name === 'storyMissing') {
      storyProblems.push('Storybook cannot find the story');
    } else {
      const message = Array.isArray(payload) ? payload.map((e) => e?.message ?? e).join('; ') : (payload?.message ?? payload?.title ?? JSON.stringify(payload));
      storyProblems.push(`${name}: ${String(message).split('\n')[0]}`);
    }
  }
  if (finishedWithError && !storyProblems.length) storyProblems.push('the story finished with an error');
  problems.push(...storyProblems);

  const { overflow, culprits } = await page.evaluate(measureOverflow);
  if (overflow > 0) problems.push(`scrolls sideways at ${width} px by ${overflow} px${culprits.length ? `; widest: ${culprits.join(', ')}` : ''}`);

  // Leave the story (its pagehide handlers run), then look at what it left on the origin.
  await page.goto(`${origin}${blankPath}`, { waitUntil: 'load' });
  const storage = await page.evaluate(takeStorage);
  const left = Object.entries(storage).filter(([, names]) => names.length).map(([kind, names]) => `${kind} ${names.join(', ')}`);
  if (left.length && !story.tags?.includes(keepsStorageTag)) problems.push(`leaves storage behind (${left.join('; ')}); a story about keeping is tagged '${keepsStorageTag}'`);
  return problems;
}

// ---- All stories: one browser, a few pages, each page takes the next story ----
// Each page has a browser context of its own: its own storage (a story must not see, or clear,
// what a story on another page stores) and its own window (a background tab gets no animation
// frames and is `hidden`, which the widgets notice).

const browser = await puppeteerCore.launch({ executablePath: chromium, headless: true, args: chromiumArgs });
const results = [];
try {
  const queue = [...stories];
  const worker = async () => {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width, height, deviceScaleFactor: 1 });
    await page.evaluateOnNewDocument(recordStorybookEvents);
    for (let story = queue.shift(); story; story = queue.shift()) {
      let problems;
      try {
        problems = await checkStory(page, story);
      } catch (error) {
        problems = [`could not be checked: ${error.message.split('\n')[0]}`];
        // Whatever the story left is not the next story's.
        await page.goto(`${origin}${blankPath}`).then(() => page.evaluate(takeStorage)).catch(() => {});
      }
      results.push({ story, problems });
      if (problems.length) console.log(`✘ ${story.title} › ${story.name} (${story.id})\n${problems.map((p) => `    ${p}`).join('\n')}`);
    }
    await context.close();
  };
  await Promise.all(Array.from({ length: Math.min(pageCount, stories.length) }, worker));
} finally {
  await browser.close();
  server.close();
}

const failed = results.filter((r) => r.problems.length).length;
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`${stories.length} stories at ${width} px in ${seconds} s (${pageCount} page${pageCount === 1 ? '' : 's'} in one Chromium)`);
console.log(`stories at ${width} px: ${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
