// Proves that each gate of `npm test` fails when it should: a gate that cannot
// fail is no gate. Each case feeds a deliberate fault to the real tool.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 240_000 });

test('the type check fails on a type error', () => {
  const result = run(bin('tsc'), ['--noEmit', '--strict', 'scripts/test/fixtures/type-error.ts']);
  assert.notEqual(result.status, 0);
  assert.match(result.stdout, /TS2322/);
});

test('the lint fails on a lint error', () => {
  const result = run(bin('eslint'), ['--no-ignore', '--no-warn-ignored', 'scripts/test/fixtures/lint-error.ts']);
  assert.equal(result.status, 1, result.stderr);
  assert.match(result.stdout, /no-debugger/);
  assert.match(result.stdout, /no-var/);
});

test('the size check fails when a bundle is over budget', () => {
  const result = run(process.execPath, ['scripts/size.mjs', '--budgets', 'scripts/test/fixtures/tiny-budgets.json']);
  assert.equal(result.status, 1, result.stderr);
  assert.match(result.stdout, /OVER/);
});

test('component tests fail on axe violations (also WCAG 2.2 target size) and a Lit warning, and the privacy gate records a third-party request', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ww-gates-'));
  const results = join(dir, 'results.json');
  const leaks = join(dir, 'leaks.jsonl');
  const result = run(bin('web-test-runner'), ['--config', 'web-test-runner.config.mjs'], {
    WW_BROWSERS: 'chromium',
    WW_TEST_FILES: 'scripts/test/fixtures/gates.fixture.ts',
    WW_RESULTS: results,
    WW_PRIVACY_LOG: leaks,
  });
  assert.notEqual(result.status, 0, 'the run must fail');
  const totals = JSON.parse(readFileSync(results, 'utf8'));
  // The two axe tests fail; the Lit warning fails the after-each hook of its test.
  assert.equal(totals.failed, 3, result.stdout);
  assert.equal(totals.passed, 2, result.stdout);
  // Each failure is named for the summary (CI shows its tail): browser, file, test, error.
  assert.equal(totals.failedTests.length, 3, JSON.stringify(totals.failedTests));
  assert.ok(
    totals.failedTests.every((line) => line.startsWith('Chrome: ') && line.includes('gates.fixture.ts')),
    JSON.stringify(totals.failedTests),
  );
  assert.match(totals.failedTests.join('\n'), /image-alt/);
  assert.match(result.stdout, /image-alt/);
  assert.match(result.stdout, /target-size/);
  assert.match(result.stdout, /Lit warned/);
  assert.ok(existsSync(leaks), 'the privacy log must exist');
  const entries = readFileSync(leaks, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(entries.map((e) => new URL(e.url).hostname), ['tracker.invalid']);
});
