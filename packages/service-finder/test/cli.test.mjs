// The command line (bin/wegweiser-directory.mjs) as a user runs it. Needs the built dist/ (npm run build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/wegweiser-directory.mjs', import.meta.url));
const fixture = (name) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const demo = (name) => fileURLToPath(new URL(`../demo/${name}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'wegweiser-directory-'));
const file = (name, content) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const run = (...args) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

const centre = { id: 'a', name: 'Beratung (fiktiv)', address: { city: 'Mainz' }, land: 'DE-RP', topics: ['job'], lastChecked: '2025-01-01' };

test('validate: a clean file exits 0 with a summary', () => {
  const r = run('validate', file('good.json', JSON.stringify({ version: 1, centres: [centre] })));
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /1 entry, 1 valid, 0 skipped; 0 errors, 0 unknown fields/);
});

test('validate: the demo directories are clean', () => {
  for (const name of ['rheinland-pfalz.json', 'germany.json']) {
    const r = run('validate', demo(name));
    assert.equal(r.status, 0, r.stdout);
    assert.match(r.stdout, /0 errors, 0 unknown fields \(fictional data\)/);
  }
});

test('validate: every problem on its own line with its JSON path; exit 1', () => {
  const bad = { version: 1, centres: [centre, { ...centre, id: 'b', land: 'DE-XX', hours: { phone: 'Mo-Fr 25:00-26:00' } }, { ...centre, id: 'a' }, { ...centre, id: 'c', colour: 'red' }] };
  const r = run('validate', file('bad.json', JSON.stringify(bad)));
  assert.equal(r.status, 1);
  const lines = r.stdout.trim().split('\n');
  assert.ok(lines.some((l) => /^error +\$\.centres\[1\]\.land: /.test(l)), r.stdout);
  assert.ok(lines.some((l) => /^error +\$\.centres\[2\]\.id: .*used by an earlier entry/.test(l)), r.stdout);
  assert.ok(lines.some((l) => /^warning \$\.centres\[3\]\.colour: /.test(l)), r.stdout);
  assert.match(lines.at(-1), /4 entries, 2 valid, 2 skipped; \d+ errors?, 1 unknown field/);
});

test('validate: unknown fields alone fail too', () => {
  const r = run('validate', file('unknown.json', JSON.stringify({ version: 1, centres: [{ ...centre, extra: true }] })));
  assert.equal(r.status, 1);
  assert.match(r.stdout, /warning \$\.centres\[0\]\.extra/);
});

test('validate: a file that is not a directory at all', () => {
  const r = run('validate', file('array.json', '[1, 2]'));
  assert.equal(r.status, 1);
  assert.match(r.stdout, /^error/m);
});

test('validate: the anonymous-contact channels, each key checked (check value, centre id), problems by JSON path; exit 1', () => {
  const network = JSON.parse(readFileSync(demo('rlp-network.json'), 'utf8'));
  const good = run('validate', demo('rlp-network.json'));
  assert.equal(good.status, 0, good.stdout);
  assert.match(good.stdout, /6 entries, 6 valid, 0 skipped; 0 errors, 0 unknown fields \(fictional data\)/);
  const [mainz, ludwigshafen, trier, koblenz] = network.centres;
  // A character changed by copy and paste, another centre's key, a relay that is no web address.
  const key = mainz.contacts.anonymous.publicKey.split('.');
  key[2] = `${key[2][0] === 'A' ? 'B' : 'A'}${key[2].slice(1)}`;
  mainz.contacts.anonymous.publicKey = key.join('.');
  ludwigshafen.contacts.anonymous.publicKey = trier.contacts.anonymous.publicKey;
  koblenz.contacts.anonymous.relay = 'javascript:alert(1)';
  const r = run('validate', file('network-bad.json', JSON.stringify(network)));
  assert.equal(r.status, 1);
  const lines = r.stdout.trim().split('\n');
  assert.match(lines[0], /^warning \$\.centres\[0\]\.contacts\.anonymous\.publicKey: .*check value.*left out/);
  assert.match(lines[1], /^warning \$\.centres\[1\]\.contacts\.anonymous\.publicKey: the key is for the centre "demo-rlp-trier", not for the entry "demo-rlp-ludwigshafen"/);
  assert.match(lines[2], /^warning \$\.centres\[3\]\.contacts\.anonymous\.relay: /);
  assert.equal(lines.length, 4, r.stdout);
  assert.match(lines[3], /6 entries, 6 valid, 0 skipped; 0 errors, 0 unknown fields, 3 anonymous-contact channels left out \(fictional data\)/);
});

test('validate: malformed JSON, a missing file or no file exit 2 with a clear message', () => {
  let r = run('validate', file('broken.json', '{"version": 1, centres: ['));
  assert.equal(r.status, 2);
  assert.match(r.stderr, /broken\.json is not valid JSON/);
  r = run('validate', join(dir, 'nothing-here.json'));
  assert.equal(r.status, 2);
  assert.match(r.stderr, /cannot read .*nothing-here\.json: no such file/);
  r = run('validate');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /Usage:/);
  r = run('frobnicate');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown command "frobnicate"/);
});

test('import-hsds: writes a valid directory, reports unmapped fields on stderr', () => {
  const out = join(dir, 'imported.json');
  const r = run('import-hsds', fixture('hsds-compiled.json'), '-o', out, '--today', '2025-06-01');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /Fields not imported/);
  assert.match(r.stderr, /\$\[\*\]\.alert/);
  assert.match(r.stderr, /3 centres imported to /);
  const imported = JSON.parse(readFileSync(out, 'utf8'));
  assert.equal(imported.centres.length, 3);
  const check = run('validate', out);
  assert.equal(check.status, 0, check.stdout);
});

test('import-hsds: stdout without -o; tabular input; fallback topics', () => {
  const r = run('import-hsds', fixture('hsds-tabular.json'), '--today', '2025-06-01', '--fictional', '--name', 'Import (fiktiv)');
  assert.equal(r.status, 0, r.stderr);
  const imported = JSON.parse(r.stdout);
  assert.equal(imported.fictional, true);
  assert.equal(imported.name, 'Import (fiktiv)');
  assert.deepEqual(imported.centres.map((c) => c.id), ['svc-1', 'svc-2', 'svc-3']);
  const withTopic = run('import-hsds', fixture('hsds-compiled.json'), '--topic', 'job');
  assert.equal(JSON.parse(withTopic.stdout).centres.length, 4);
  const badTopic = run('import-hsds', fixture('hsds-compiled.json'), '--topic', 'gardening');
  assert.equal(badTopic.status, 2);
  assert.match(badTopic.stderr, /unknown topic "gardening"/);
});

test('import-hsds: nothing importable exits 1; malformed input exits 2', () => {
  let r = run('import-hsds', file('empty-hsds.json', '{"service": []}'));
  assert.equal(r.status, 1);
  assert.match(r.stderr, /0 centres imported/);
  r = run('import-hsds', file('not-json.json', 'not json'));
  assert.equal(r.status, 2);
  assert.match(r.stderr, /is not valid JSON/);
});
