// `npm test`: every gate, in order, each counted. Ends with one plain line
// `N passed, N failed` (summed over every runner) and exits non-zero on any
// failure. CI runs exactly this (.ci/run).
//
// One gate runs beside the others: the screen reader spends most of its time
// waiting for speech, so it starts after the build and is awaited before the
// component tests (three browsers on two cores need the machine to themselves).
// Its output is printed in one block when it is awaited. The gates without a
// browser (checks, unit tests, size, packages, release) come before the
// component tests, so that they fill the time the screen reader takes.
//
//   node scripts/test.mjs --list              the gates, by name, with what each checks
//   node scripts/test.mjs --only lint,size    only those gates (no build first unless
//                                             `build` is named: run `npm run build` once)
//
// The environment variables the gates read are listed in `environment` below
// (and by --list).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packages } from './packages.mjs';
import { buildMessages, localizeConfigs } from './localize.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const scratch = mkdtempSync(join(tmpdir(), 'ww-test-'));
const totals = { passed: 0, failed: 0 };
const failures = [];
/** What the summary says besides failures: a runner that had to be run again. */
const notes = [];

/** What a developer may set; the gates pass them on to their runners. */
const environment = [
  ['CI', 'set by CI: a missing browser, PostgreSQL, WordPress package or screen reader fails instead of skipping'],
  ['WW_BROWSERS', 'component tests: comma list of chromium, firefox, webkit (default: all three)'],
  ['WW_TEST_FILES', 'component tests: comma list of test files instead of all'],
  ['CHROME_PATH, FIREFOX_PATH, WEBKIT_DRIVER_PATH, WEBKIT_BROWSER_PATH', 'browsers outside the usual install paths (scripts/browsers.mjs)'],
  ['WW_RELAY_STORE=postgres', 'the relay tests on PostgreSQL (the relay-postgres gate sets it)'],
  ['WW_PG_BIN', "PostgreSQL's server binaries, if not in /usr/lib/postgresql/*/bin"],
  ['WW_KEEP_WORDPRESS=1, WW_SCREENSHOTS=1', 'wordpress: keep the throwaway site; write docs/screenshots'],
  ['WW_SR_VERBOSE=1, WW_SR_TRANSCRIPTS=dir, WW_SR_KEEP=1, WW_SR_DIST=dir', 'screen-reader: print every step, write transcripts, keep the scratch folder, test another build'],
  ['WW_UPDATE_SCREENSHOTS=1', "release: write the README's picture (docs/screenshots/widgets.png)"],
  ['WW_RESULTS, WW_PRIVACY_LOG, WW_PG_URL', 'set by this script for its runners; not for you'],
];

function run(cmd, args, { env = {}, cwd = root, quiet = false } = {}) {
  const started = Date.now();
  const result = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (!quiet || result.status !== 0) process.stdout.write(output);
  return { status: result.status, signal: result.signal, error: result.error, output, seconds: ((Date.now() - started) / 1000).toFixed(1) };
}

/**
 * Like run(), but without waiting: for a gate that runs beside the next ones.
 * Its output goes to a file (the other gates block this process, so a pipe
 * could fill up) and is printed when the gate is awaited.
 */
function runBeside(cmd, args, { env = {}, cwd = root } = {}) {
  const started = Date.now();
  const outputFile = join(scratch, `beside-${Date.now()}.log`);
  const outputFd = openSync(outputFile, 'w');
  const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', outputFd, outputFd] });
  closeSync(outputFd);
  return new Promise((resolve) => {
    child.on('close', (status) => {
      const output = readFileSync(outputFile, 'utf8');
      resolve({ status, output, seconds: ((Date.now() - started) / 1000).toFixed(1) });
    });
  });
}

function heading(title) {
  console.log(`\n━━ ${title}`);
}

function record(title, ok, seconds = '') {
  if (ok) totals.passed++;
  else {
    totals.failed++;
    failures.push(title);
  }
  console.log(`${ok ? '✔' : '✘'} ${title}${seconds ? ` (${seconds} s)` : ''}`);
}

/** A check that passes or fails as a whole. */
function whole(title, cmd, args, options) {
  heading(title);
  const result = run(cmd, args, options);
  record(title, result.status === 0, result.seconds);
  return result;
}

/**
 * A runner that counts its own tests and prints them in a line `summary`
 * matches (passed, failed). A run that ends without that line, or exits with
 * an error while reporting no failure, counts as one failure more; a runner
 * that printed `skipped` (matching `skipped`) is not counted.
 */
function counted(title, cmd, args, { env, ...counting } = {}) {
  heading(title);
  tally(title, run(cmd, args, { env }), counting);
}

/** The same for a runner that runs beside the next gates; `awaitBeside()` prints and counts it. */
function countedBeside(title, cmd, args, { env, ...counting } = {}) {
  console.log(`\n━━ ${title}: started, runs beside the next gates`);
  beside.push(
    runBeside(cmd, args, { env }).then((result) => () => {
      heading(title);
      process.stdout.write(result.output);
      tally(title, result, counting);
    }),
  );
}

/** Gates running beside the others; awaited before a gate that needs the machine to itself, and at the end. */
const beside = [];
async function awaitBeside() {
  const finished = await Promise.all(beside.splice(0));
  for (const report of finished) report();
}

function tally(title, result, { summary, skipped, failedLines }) {
  if (skipped?.test(result.output)) {
    console.log(`${title}: skipped (see above for what is missing)`);
    return;
  }
  const counts = summary.exec(result.output);
  const passed = Number(counts?.[1] ?? 0);
  const failed = Number(counts?.[2] ?? 0);
  totals.passed += passed;
  totals.failed += failed;
  if (failedLines) failures.push(...(result.output.match(/^✘ .+$/gm) ?? []).map((line) => `${title}: ${line.slice(2)}`));
  else if (failed) failures.push(`${title}: ${failed} failed`);
  if (!counts || (result.status !== 0 && !failed)) {
    totals.failed++;
    failures.push(`${title}: the run did not finish`);
  }
  console.log(`${title}: ${passed} passed, ${failed} failed (${result.seconds} s)`);
}

/** node:test's own summary lines. */
const nodeTestSummary = /^ℹ pass (\d+)[\s\S]*?^ℹ fail (\d+)/m;

const listTests = (dir, suffix) => {
  const full = join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(suffix))
    .map((f) => `${dir}/${f}`);
};
const testDirs = [...packages.map((p) => `packages/${p}/test`), 'scripts/test'];

const leaksFile = join(scratch, 'leaks.jsonl');
/**
 * web-test-runner; its reporter (scripts/testing/reporter.mjs) writes the counts to WW_RESULTS.
 *
 * A runner that stops before the end (no results file) is run once more, and the summary says so:
 * twice on clean clones the runner ended early without a word (no error, no crash in the kernel
 * log), and it did not happen again on the same tree. The first run's exit is printed so that the
 * cause shows up if it happens again; a defect in a test fails both runs.
 */
function browserTests(title, env = {}) {
  heading(title);
  const resultsFile = join(scratch, `${title.replace(/\W+/g, '-')}.json`);
  const runOnce = () =>
    run(bin('web-test-runner'), ['--config', 'web-test-runner.config.mjs'], {
      env: { ...env, WW_RESULTS: resultsFile, WW_PRIVACY_LOG: leaksFile },
    });
  const howItEnded = (wtr) =>
    `exit status ${wtr.status ?? 'none'}${wtr.signal ? `, signal ${wtr.signal}` : ''}${wtr.error ? `, ${wtr.error.message}` : ''}, after ${wtr.seconds} s`;
  let wtr = runOnce();
  if (!existsSync(resultsFile)) {
    const firstRun = howItEnded(wtr);
    console.log(`${title}: the runner stopped before the end (${firstRun}); running it once more`);
    notes.push(`${title}: the first run stopped before the end (${firstRun}) and was run again`);
    wtr = runOnce();
  }
  // Without the reporter's file the runner stopped before the end of the run (a browser that would
  // not start, a crash): the summary names how it ended and its own error lines, because CI shows its tail.
  const stopped = () => {
    const errorLines = wtr.output.split('\n').filter((line) => /error|crash|timed out|not finish/i.test(line) && !/✓/.test(line));
    return `web-test-runner did not finish (${howItEnded(wtr)}): ${errorLines.slice(0, 8).join(' | ').slice(0, 1500) || 'no error line printed'}`;
  };
  const result = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : { passed: 0, failed: 1, failedTests: [stopped()] };
  totals.passed += result.passed;
  totals.failed += result.failed;
  failures.push(...result.failedTests.map((t) => `${title}: ${t}`));
  if (wtr.status !== 0 && result.failed === 0) {
    totals.failed++;
    failures.push(`${title}: web-test-runner exited with an error`);
  }
  console.log(`${title}: ${result.passed} passed, ${result.failed} failed (${wtr.seconds} s)`);
  if (result.slowestFiles?.length) console.log(`  slowest files (their tests' time in all browsers together): ${result.slowestFiles.join(', ')}`);
}

/** The gates, in the order `npm test` runs them. */
const gates = [
  {
    name: 'build',
    about: 'every package, the bundle and the WordPress plugin (scripts/build.mjs); without it nothing else runs',
    run() {
      heading('build');
      const build = run(process.execPath, ['scripts/build.mjs']);
      record('build', build.status === 0, build.seconds);
      return build.status === 0;
    },
  },
  {
    name: 'screen-reader',
    about:
      "each widget's main paths heard through Orca 43 with Firefox ESR and Chromium under Xvfb (scripts/screen-reader), beside the gates up to the component tests; skips, saying what is missing, without Orca (fails in CI)",
    // Mostly waiting for speech: it runs beside the node gates (one core each at most) and is
    // awaited before the component tests, which need both cores. A scenario that fails is tried
    // once more in a fresh Orca (scripts/screen-reader/run.mjs says so in its output).
    run: () =>
      void countedBeside('screen reader (Orca with Firefox ESR and Chromium)', process.execPath, ['scripts/screen-reader/run.mjs'], {
        summary: /^screen reader: (\d+) passed, (\d+) failed$/m,
        skipped: /^screen reader: skipped$/m,
        failedLines: true,
      }),
  },
  { name: 'typecheck', about: 'tsc over the workspace, strict', run: () => void whole('type check (tsc, strict)', bin('tsc'), ['-p', 'tsconfig.json']) },
  { name: 'lint', about: 'eslint: typescript-eslint, lit, lit-a11y, wc, no warnings', run: () => void whole('lint (typescript-eslint, lit, lit-a11y, wc)', bin('eslint'), ['--max-warnings', '0', '.']) },
  {
    name: 'template-types',
    about: "lit-analyzer over every element's templates",
    run: () => void whole('template types (lit-analyzer)', bin('lit-analyzer'), ['packages/*/src/**/*.ts', '--strict', '--rules.no-invalid-css', 'off']),
  },
  {
    name: 'translations',
    about: 'every language of every package complete: lit-localize reports no message without a translation',
    run() {
      for (const pkg of packages) {
        const dir = join(root, 'packages', pkg);
        if (!localizeConfigs(dir).length) continue;
        const title = `translations complete: ${pkg}`;
        heading(title);
        const started = Date.now();
        const result = buildMessages(dir, { quiet: true });
        const complete = result.ok && !/missing|untranslated/i.test(result.output);
        if (!complete) console.log(result.output.split('\n').slice(0, 20).join('\n'));
        record(title, complete, ((Date.now() - started) / 1000).toFixed(1));
      }
    },
  },
  {
    name: 'unit',
    about: 'node:test: the JavaScript tests of every package and scripts/test (the proofs that the gates can fail)',
    run() {
      const files = testDirs.flatMap((d) => listTests(d, '.test.mjs'));
      counted('unit tests (node:test)', process.execPath, ['--test', '--test-reporter=spec', ...files], { summary: nodeTestSummary });
    },
  },
  {
    name: 'relay-postgres',
    about: "the contact relay's tests again on PostgreSQL: one throwaway server, a database per relay (store.test.mjs covers both stores already)",
    run() {
      const files = listTests('packages/contact-relay/test', '.test.mjs').filter((f) => !f.endsWith('/store.test.mjs'));
      counted('contact relay on PostgreSQL (node:test)', process.execPath, ['--import', './packages/contact-relay/test/postgres-setup.mjs', '--test', '--test-reporter=spec', ...files], {
        summary: nodeTestSummary,
        env: { WW_RELAY_STORE: 'postgres' },
      });
    },
  },
  {
    name: 'unit-ts',
    about: 'the pure TypeScript logic (*.node.test.ts) three times, in German time and two foreign zones: no result may depend on the zone of the machine',
    run() {
      const files = testDirs.flatMap((d) => listTests(d, '.node.test.ts'));
      for (const zone of ['Europe/Berlin', 'UTC', 'America/New_York']) {
        counted(`unit tests in TypeScript (TZ=${zone})`, process.execPath, ['--import', './scripts/ts-register.mjs', '--test', '--test-reporter=spec', ...files], {
          summary: nodeTestSummary,
          env: { TZ: zone },
        });
      }
    },
  },
  {
    name: 'examples',
    about: 'the example apps (React 19, React 18, Vue, Svelte, Angular, plain) built as their users would build them; their browser tests run with the component tests',
    run: () => void whole('example apps build (type check, Vite)', process.execPath, ['examples/build.mjs']),
  },
  {
    name: 'size',
    about: 'gzip size budgets of every bundle (size-budgets.json, scripts/size.mjs)',
    run() {
      heading('size budgets');
      const size = run(process.execPath, ['scripts/size.mjs']);
      const sizeMatch = /size: (\d+) within budget, (\d+) over/.exec(size.output);
      totals.passed += Number(sizeMatch?.[1] ?? 0);
      totals.failed += Number(sizeMatch?.[2] ?? 1);
      if (!sizeMatch || sizeMatch[2] !== '0') failures.push('size budgets');
    },
  },
  {
    name: 'packages',
    about: 'every package as consumers see it: publint, are-the-types-wrong, custom-elements.json present',
    run() {
      for (const pkg of packages) {
        const dir = join(root, 'packages', pkg);
        whole(`package: ${pkg} (publint)`, bin('publint'), ['--strict', dir]);
        const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
        // Stylesheets have no types to check.
        const cssEntries = Object.keys(manifest.exports ?? {}).filter((key) => key.endsWith('.css'));
        const exclude = cssEntries.length ? ['--exclude-entrypoints', ...cssEntries] : [];
        whole(`package: ${pkg} (are the types wrong)`, bin('attw'), ['--pack', dir, '--profile', 'esm-only', '--format', 'ascii', ...exclude]);
        if (manifest.customElements) record(`package: ${pkg} (custom-elements.json present)`, existsSync(join(dir, manifest.customElements)));
      }
    },
  },
  {
    name: 'release',
    about: 'the downloads and tarballs built into release/ (scripts/release.mjs), then used from the outside as a stranger would (scripts/release-tests): reproducible, installed without the workspace, every widget upgraded from the zip and from Vite',
    run() {
      const release = whole('release builds (zips, tarballs, SHA256SUMS)', process.execPath, ['scripts/release.mjs']);
      if (release.status !== 0) return;
      counted('release from the outside (node:test)', process.execPath, ['--test', '--test-reporter=spec', 'scripts/release-tests/release.test.mjs'], { summary: nodeTestSummary });
    },
  },
  {
    name: 'browsers',
    about: 'component tests in Chromium, Firefox and WebKit with axe and the Lit-warning check; the time widgets again in two foreign zones; the privacy gate (no request to another host)',
    needsTheMachine: true,
    run() {
      browserTests('component tests (web-test-runner)');
      // Widgets that show times must say the same whatever the visitor's zone.
      const zoneTests = packages.flatMap((p) => listTests(`packages/${p}/test`, '.zones.test.ts'));
      for (const zone of zoneTests.length ? ['UTC', 'America/New_York'] : []) {
        browserTests(`component tests (TZ=${zone})`, { TZ: zone, WW_BROWSERS: 'chromium', WW_TEST_FILES: zoneTests.join(',') });
      }
      const leaks = existsSync(leaksFile) ? readFileSync(leaksFile, 'utf8').trim().split('\n').filter(Boolean) : [];
      record(`privacy gate: ${leaks.length} request(s) to other hosts`, leaks.length === 0);
      for (const leak of leaks) console.log(`  ${leak}`);
    },
  },
  {
    name: 'wordpress',
    about: "the plugin from the build in a real WordPress 6.5 on Debian's Apache, PHP and MariaDB, driven in Chromium (packages/wordpress/test); skips, saying what is missing, without those packages",
    run: () =>
      void counted('WordPress plugin in a real WordPress', process.execPath, ['packages/wordpress/test/wordpress.mjs'], {
        summary: /^wordpress: (\d+) passed, (\d+) failed/m,
        skipped: /^wordpress: skipped/m,
      }),
  },
  {
    name: 'storybook',
    about: 'every story and docs page compiles into the static site; then every story in Chromium at 320 px must reflow, pass its play function and leave no storage behind unless tagged keeps-storage',
    run() {
      const storybookDir = join(scratch, 'storybook');
      const storybook = whole('storybook builds', bin('storybook'), ['build', '-o', storybookDir, '--quiet', '--disable-telemetry']);
      if (storybook.status !== 0) return;
      counted('stories at 320 px (reflow, storage, play functions)', process.execPath, ['scripts/storybook-check.mjs', storybookDir], {
        summary: /^stories at 320 px: (\d+) passed, (\d+) failed$/m,
        failedLines: true,
      });
    },
  },
  { name: 'changesets', about: 'every change to a package comes with a changeset', run: () => void whole('changesets', bin('changeset'), ['status']) },
];

const args = process.argv.slice(2);
if (args.includes('--list')) {
  for (const gate of gates) console.log(`${gate.name.padEnd(16)} ${gate.about}`);
  console.log('\nEnvironment:');
  for (const [name, about] of environment) console.log(`  ${name}\n      ${about}`);
  process.exit(0);
}
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? (args[onlyIndex + 1] ?? '').split(',').filter(Boolean) : null;
const unknown = (only ?? []).filter((name) => !gates.some((gate) => gate.name === name));
if ((only && !only.length) || unknown.length) {
  console.error(`Unknown gate(s): ${unknown.join(', ') || '(none named)'}. \`node scripts/test.mjs --list\` shows them.`);
  process.exit(2);
}

for (const gate of gates) {
  if (only && !only.includes(gate.name)) continue;
  if (gate.needsTheMachine) await awaitBeside();
  // A failed build stops the run: nothing else can run without it.
  if (gate.run() === false) break;
}
await awaitBeside();

heading('summary');
for (const note of notes) console.log(`! ${note}`);
for (const failure of failures) console.log(`✘ ${failure}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exitCode = totals.failed > 0 ? 1 : 0;
