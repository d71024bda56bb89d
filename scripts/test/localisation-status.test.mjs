// The translation status table in docs/localisation.md matches the XLIFF
// files, and the pseudo-locale writer keeps what it must keep.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { docWithStatus, pseudoTemplate, statusDoc, statusMarkdown } from '../localize.mjs';

test('the status table in docs/localisation.md is current (run `node scripts/localize.mjs status`)', () => {
  const current = readFileSync(statusDoc, 'utf8');
  assert.equal(docWithStatus(current), current, 'docs/localisation.md: the translation status table is stale; run `node scripts/localize.mjs status`');
});

test('a stale table is noticed', () => {
  const current = docWithStatus(readFileSync(statusDoc, 'utf8'));
  const stale = current.replace(/\| de \| (\d+)/, (_, n) => `| de | ${Number(n) + 1}`);
  assert.notEqual(stale, current);
  assert.notEqual(docWithStatus(stale), stale);
  assert.throws(() => docWithStatus('# Localisation\n\nno markers\n'), /markers/);
});

test('the table has a row per target locale and a column per catalogue', () => {
  const table = statusMarkdown().split('\n');
  for (const locale of ['de', 'de-x-ls', 'ro', 'bg', 'hu', 'es', 'pl', 'ru', 'uk', 'tr', 'th', 'ar']) {
    assert.ok(table.some((row) => row.startsWith(`| ${locale} |`)), locale);
  }
  assert.match(table[0], /contact-form \(replies\)/);
});

test('pseudo-locale: accents, brackets, about 40 % longer, placeholders untouched', () => {
  const body = pseudoTemplate('Press Shift <x id="0" equiv-text="${remaining}"/> more times &amp; leave.');
  assert.match(body, /^⟦Þŕéšš Šĥîƒţ \$\{0\} ɱöŕé ţîɱéš & ļéåṽé\..*⟧$/);
  assert.doesNotMatch(body, /[A-Za-z]/, 'no plain Latin letter left');
  const plain = 'Press Shift  more times & leave.'.replace(/\s/g, '').length;
  const padding = body.length - '⟦Þŕéšš Šĥîƒţ ${0} ɱöŕé ţîɱéš & ļéåṽé.⟧'.length;
  assert.ok(padding >= plain * 0.4, `padded by ${padding} for ${plain} letters`);
  assert.equal(pseudoTemplate('Use `code` and ${x}'), '⟦Ûšé \\`çöðé\\` åñð \\${ẋ} ôñé ţŵô⟧');
  assert.throws(() => pseudoTemplate('Go <x id="0" equiv-text="&lt;a href=&quot;${url}&quot;&gt;"/>home'), /not a single/);
});
