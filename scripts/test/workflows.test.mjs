// The GitHub workflows cannot run here; they are checked against the workflow
// schema with action-validator (a WebAssembly build, from npm; GPL-3.0, a
// development tool only, never shipped), and for what docs/contributing.md
// says about them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const validator = `${root}node_modules/@action-validator/cli/cli.mjs`;
const workflows = readdirSync(`${root}.github/workflows`).filter((file) => file.endsWith('.yml'));

test('every workflow passes the GitHub workflow schema', () => {
  assert.deepEqual(workflows.sort(), ['ci.yml', 'release.yml']);
  for (const file of workflows) {
    const check = spawnSync(process.execPath, [validator, `${root}.github/workflows/${file}`], { encoding: 'utf8' });
    assert.equal(check.status, 0, `${file}: ${check.stdout}${check.stderr}`);
  }
});

test('CI runs .ci/run; the release publishes with provenance and attaches the release files', () => {
  assert.match(readFileSync(`${root}.github/workflows/ci.yml`, 'utf8'), /run: \.ci\/run/);
  const release = readFileSync(`${root}.github/workflows/release.yml`, 'utf8');
  assert.match(release, /changesets\/action@v1/);
  assert.match(release, /NPM_CONFIG_PROVENANCE: 'true'/);
  assert.match(release, /id-token: write/);
  assert.match(release, /run: npm run release/);
  assert.match(release, /release\/SHA256SUMS/);
});
