// Proves that the story check of `npm test` (scripts/storybook-check.mjs) fails when it should:
// it loads a stand-in for a built Storybook (fixtures/storybook-check) whose stories each carry
// one deliberate fault, in the real Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('the story check fails on sideways scrolling at 320 px, storage left behind and a failing play function, and nothing else', () => {
  const result = spawnSync(process.execPath, ['scripts/storybook-check.mjs', 'scripts/test/fixtures/storybook-check'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const output = `${result.stdout}${result.stderr}`;
  assert.equal(result.status, 1, output);
  assert.match(output, /^stories at 320 px: 2 passed, 4 failed$/m);
  const problemsOf = (id) => new RegExp(`\\(${id}\\)\\n((?: {4}.*\\n)+)`).exec(output)?.[1] ?? '';
  assert.match(problemsOf('fixture--too-wide'), /scrolls sideways at 320 px by \d+ px; widest: p /);
  assert.match(problemsOf('fixture--leaves-local-storage'), /leaves storage behind \(localStorage fixture-left\)/);
  assert.match(problemsOf('fixture--leaves-session-storage'), /leaves storage behind \(sessionStorage fixture-left\)/);
  assert.match(problemsOf('fixture--play-fails'), /playFunctionThrewException: expected true to be false/);
  // A story about keeping may keep; a story that reflows and stores nothing passes; docs are not stories.
  assert.doesNotMatch(output, /fixture--keeps-storage|fixture--reflows|fixture--docs/);
});
