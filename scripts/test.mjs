// `npm test`: every gate, in order, each counted. Ends with one plain line
// `N passed, N failed` (summed over every runner) and exits non-zero on any
// failure. WW_BROWSERS narrows the browsers while developing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, existsSync } from 'node:fs';
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

function run(cmd, args, { env = {}, cwd = root, quiet = false } = {}) {
  const started = Date.now();
  const result = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (!quiet || result.status !== 0) process.stdout.write(output);
  return { status: result.status, output, seconds: ((Date.now() - started) / 1000).toFixed(1) };
}

function heading(title) {
  console.log(`\n━━ ${title}`);
}

/** A gate that passes or fails as a whole. */
function gate(title, cmd, args, options) {
  heading(title);
  const result = run(cmd, args, options);
  record(title, result.status === 0, result.seconds);
  return result;
}

function record(title, ok, seconds = '') {
  if (ok) totals.passed++;
  else {
    totals.failed++;
    failures.push(title);
  }
  console.log(`${ok ? '✔' : '✘'} ${title}${seconds ? ` (${seconds} s)` : ''}`);
}

// 1. Build: without it nothing else can run.
heading('build');
const build = run(process.execPath, ['scripts/build.mjs']);
if (build.status !== 0) {
  record('build', false);
} else {
  record('build', true, build.seconds);

  // 2. Static checks.
  gate('type check (tsc, strict)', bin('tsc'), ['-p', 'tsconfig.json']);
  gate('lint (typescript-eslint, lit, lit-a11y, wc)', bin('eslint'), ['--max-warnings', '0', '.']);
  gate('template types (lit-analyzer)', bin('lit-analyzer'), ['packages/*/src/**/*.ts', '--strict', '--rules.no-invalid-css', 'off']);

  // 3. Every language complete: lit-localize reports any message without a translation.
  for (const pkg of packages) {
    const dir = join(root, 'packages', pkg);
    if (!localizeConfigs(dir).length) continue;
    heading(`translations complete: ${pkg}`);
    const started = Date.now();
    const result = buildMessages(dir, { quiet: true });
    if (!result.ok || /missing|untranslated/i.test(result.output)) console.log(result.output.split('\n').slice(0, 20).join('\n'));
    record(`translations complete: ${pkg}`, result.ok && !/missing|untranslated/i.test(result.output), ((Date.now() - started) / 1000).toFixed(1));
  }

  // 4. Unit tests without a browser (node:test): JavaScript tests, the proofs
  // that the gates can fail, and the pure TypeScript logic (*.node.test.ts),
  // which runs three times, in German time and in two foreign zones, because
  // no result may depend on the zone of the machine.
  const listTests = (dir, suffix) => {
    const full = join(root, dir);
    if (!existsSync(full)) return [];
    return readdirSync(full, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(suffix))
      .map((f) => `${dir}/${f}`);
  };
  const testDirs = [...packages.map((p) => `packages/${p}/test`), 'scripts/test'];
  const unitRuns = [{ title: 'unit tests (node:test)', files: testDirs.flatMap((d) => listTests(d, '.test.mjs')), args: [], env: {} }];
  // The contact relay's tests again on PostgreSQL: one throwaway server for the run
  // (postgres-setup.mjs), a database per relay. store.test.mjs covers both stores already.
  const relayPg = listTests('packages/contact-relay/test', '.test.mjs').filter((f) => !f.endsWith('/store.test.mjs'));
  if (relayPg.length) {
    unitRuns.push({ title: 'contact relay on PostgreSQL (node:test)', files: relayPg, args: ['--import', './packages/contact-relay/test/postgres-setup.mjs'], env: { WW_RELAY_STORE: 'postgres' } });
  }
  const tsFiles = testDirs.flatMap((d) => listTests(d, '.node.test.ts'));
  if (tsFiles.length) {
    for (const zone of ['Europe/Berlin', 'UTC', 'America/New_York']) {
      unitRuns.push({ title: `unit tests in TypeScript (TZ=${zone})`, files: tsFiles, args: ['--import', './scripts/ts-register.mjs'], env: { TZ: zone } });
    }
  }
  for (const unitRun of unitRuns) {
    heading(unitRun.title);
    const unit = run(process.execPath, [...unitRun.args, '--test', '--test-reporter=spec', ...unitRun.files], { env: unitRun.env });
    const unitPassed = Number(/^ℹ pass (\d+)/m.exec(unit.output)?.[1] ?? 0);
    const unitFailed = Number(/^ℹ fail (\d+)/m.exec(unit.output)?.[1] ?? 0);
    totals.passed += unitPassed;
    totals.failed += unitFailed;
    if (unitFailed || unit.status !== 0) {
      failures.push(`${unitRun.title}: ${unitFailed || 1} failed`);
      if (!unitFailed) totals.failed++;
    }
    console.log(`${unitRun.title}: ${unitPassed} passed, ${unitFailed} failed (${unit.seconds} s)`);
  }

  // 5. Component tests in real browsers, with axe, the Lit-warning check and the privacy gate.
  const leaksFile = join(scratch, 'leaks.jsonl');
  const browserTests = (title, env = {}) => {
    heading(title);
    const resultsFile = join(scratch, `${title.replace(/\W+/g, '-')}.json`);
    const wtr = run(bin('web-test-runner'), ['--config', 'web-test-runner.config.mjs'], {
      env: { ...env, WW_RESULTS: resultsFile, WW_PRIVACY_LOG: leaksFile },
    });
    const result = existsSync(resultsFile)
      ? JSON.parse(readFileSync(resultsFile, 'utf8'))
      : { passed: 0, failed: 1, failedTests: ['web-test-runner did not finish'] };
    totals.passed += result.passed;
    totals.failed += result.failed;
    failures.push(...result.failedTests.map((t) => `${title}: ${t}`));
    if (wtr.status !== 0 && result.failed === 0) {
      totals.failed++;
      failures.push(`${title}: web-test-runner exited with an error`);
    }
    console.log(`${title}: ${result.passed} passed, ${result.failed} failed (${wtr.seconds} s)`);
  };
  // The example apps (React 19, React 18, Vue, Svelte, Angular, plain), built as their
  // users would build them; their browser tests (examples/test) run with the component tests.
  gate('example apps build (type check, Vite)', process.execPath, ['examples/build.mjs']);
  browserTests('component tests (web-test-runner)');
  // Widgets that show times must say the same whatever the visitor's zone:
  // their tests run again with the browser in two foreign zones (Chromium).
  const zoneTests = packages.flatMap((p) => listTests(`packages/${p}/test`, '.zones.test.ts'));
  for (const zone of zoneTests.length ? ['UTC', 'America/New_York'] : []) {
    browserTests(`component tests (TZ=${zone})`, { TZ: zone, WW_BROWSERS: 'chromium', WW_TEST_FILES: zoneTests.join(',') });
  }
  const leaks = existsSync(leaksFile) ? readFileSync(leaksFile, 'utf8').trim().split('\n').filter(Boolean) : [];
  record(`privacy gate: ${leaks.length} request(s) to other hosts`, leaks.length === 0);
  for (const leak of leaks) console.log(`  ${leak}`);

  // The WordPress plugin from the build, in a real WordPress 6.5 on Debian's
  // Apache, PHP and MariaDB, driven in Chromium (packages/wordpress/test).
  // It skips, saying what is missing, only where those packages are absent;
  // .ci/run installs them.
  heading('WordPress plugin in a real WordPress');
  const wordpress = run(process.execPath, ['packages/wordpress/test/wordpress.mjs']);
  const wordpressCounts = /^wordpress: (\d+) passed, (\d+) failed/m.exec(wordpress.output);
  if (/^wordpress: skipped/m.test(wordpress.output)) {
    console.log('WordPress plugin: skipped (see above for the missing packages)');
  } else {
    const wordpressPassed = Number(wordpressCounts?.[1] ?? 0);
    const wordpressFailed = Number(wordpressCounts?.[2] ?? 0);
    totals.passed += wordpressPassed;
    totals.failed += wordpressFailed;
    if (wordpressFailed) failures.push(`WordPress plugin: ${wordpressFailed} failed`);
    if (!wordpressCounts || (wordpress.status !== 0 && !wordpressFailed)) {
      totals.failed++;
      failures.push('WordPress plugin: the test did not finish');
    }
    console.log(`WordPress plugin: ${wordpressPassed} passed, ${wordpressFailed} failed (${wordpress.seconds} s)`);
  }

  // Heard, not only scanned: each widget's main paths through a real screen reader,
  // Orca 43 with Firefox ESR and Chromium under Xvfb (scripts/screen-reader). It
  // skips, saying what is missing, where Orca is not installed; in CI (CI=true)
  // a missing screen reader fails. .ci/run installs it.
  heading('screen reader (Orca with Firefox ESR and Chromium)');
  const screenReader = run(process.execPath, ['scripts/screen-reader/run.mjs']);
  const screenReaderCounts = /^screen reader: (\d+) passed, (\d+) failed$/m.exec(screenReader.output);
  if (/^screen reader: skipped$/m.test(screenReader.output)) {
    console.log('screen reader: skipped (see above for what is missing)');
  } else {
    const heardPassed = Number(screenReaderCounts?.[1] ?? 0);
    const heardFailed = Number(screenReaderCounts?.[2] ?? 0);
    totals.passed += heardPassed;
    totals.failed += heardFailed;
    failures.push(...(screenReader.output.match(/^✘ .+$/gm) ?? []).map((line) => `screen reader: ${line.slice(2)}`));
    if (!screenReaderCounts || (screenReader.status !== 0 && !heardFailed)) {
      totals.failed++;
      failures.push('screen reader: the run did not finish');
    }
    console.log(`screen reader: ${heardPassed} passed, ${heardFailed} failed (${screenReader.seconds} s)`);
  }

  // 6. Size budgets.
  heading('size budgets');
  const size = run(process.execPath, ['scripts/size.mjs']);
  const sizeMatch = /size: (\d+) within budget, (\d+) over/.exec(size.output);
  totals.passed += Number(sizeMatch?.[1] ?? 0);
  totals.failed += Number(sizeMatch?.[2] ?? 1);
  if (!sizeMatch || sizeMatch[2] !== '0') failures.push('size budgets');

  // 7. Packages as consumers see them: exports, types, manifests.
  for (const pkg of packages) {
    const dir = join(root, 'packages', pkg);
    gate(`package: ${pkg} (publint)`, bin('publint'), ['--strict', dir]);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    // Stylesheets have no types to check.
    const cssEntries = Object.keys(manifest.exports ?? {}).filter((key) => key.endsWith('.css'));
    const exclude = cssEntries.length ? ['--exclude-entrypoints', ...cssEntries] : [];
    gate(`package: ${pkg} (are the types wrong)`, bin('attw'), ['--pack', dir, '--profile', 'esm-only', '--format', 'ascii', ...exclude]);
    if (manifest.customElements) {
      const ok = existsSync(join(dir, manifest.customElements));
      record(`package: ${pkg} (custom-elements.json present)`, ok);
    }
  }

  // 7b. The release (scripts/release.mjs): the downloads and tarballs built into release/,
  // then used from the outside as a stranger would (scripts/release-tests): reproducible,
  // installable without the workspace, every widget upgraded from the zip and from Vite.
  const release = gate('release builds (zips, tarballs, SHA256SUMS)', process.execPath, ['scripts/release.mjs']);
  if (release.status === 0) {
    heading('release from the outside (node:test)');
    const outside = run(process.execPath, ['--test', '--test-reporter=spec', 'scripts/release-tests/release.test.mjs']);
    const outsidePassed = Number(/^ℹ pass (\d+)/m.exec(outside.output)?.[1] ?? 0);
    const outsideFailed = Number(/^ℹ fail (\d+)/m.exec(outside.output)?.[1] ?? 0);
    totals.passed += outsidePassed;
    totals.failed += outsideFailed;
    if (outsideFailed || outside.status !== 0) {
      failures.push(`release from the outside: ${outsideFailed || 1} failed`);
      if (!outsideFailed) totals.failed++;
    }
    console.log(`release from the outside: ${outsidePassed} passed, ${outsideFailed} failed (${outside.seconds} s)`);
  }

  // 8. Storybook: every story and docs page compiles into the static site. Then every story of
  // that build, in Chromium at 320 px, must reflow, render (its play function's checks pass) and
  // leave no browser storage behind unless tagged keeps-storage (scripts/storybook-check.mjs).
  const storybookDir = join(scratch, 'storybook');
  const storybook = gate('storybook builds', bin('storybook'), ['build', '-o', storybookDir, '--quiet', '--disable-telemetry']);
  if (storybook.status === 0) {
    heading('stories at 320 px (reflow, storage, play functions)');
    const check = run(process.execPath, ['scripts/storybook-check.mjs', storybookDir]);
    const counts = /^stories at 320 px: (\d+) passed, (\d+) failed$/m.exec(check.output);
    const storiesPassed = Number(counts?.[1] ?? 0);
    const storiesFailed = Number(counts?.[2] ?? 0);
    totals.passed += storiesPassed;
    totals.failed += storiesFailed;
    failures.push(...(check.output.match(/^✘ .+$/gm) ?? []).map((line) => `stories at 320 px: ${line.slice(2)}`));
    if (!counts || (check.status !== 0 && !storiesFailed)) {
      totals.failed++;
      failures.push('stories at 320 px: the check did not finish');
    }
    console.log(`stories at 320 px: ${storiesPassed} passed, ${storiesFailed} failed (${check.seconds} s)`);
  }

  // 9. Release notes: every change to a package comes with a changeset.
  gate('changesets', bin('changeset'), ['status']);
}

heading('summary');
for (const failure of failures) console.log(`✘ ${failure}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exitCode = totals.failed > 0 ? 1 : 0;
