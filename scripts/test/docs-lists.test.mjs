// Lists in the docs that name packages are generated from the workspace
// (scripts/docs-lists.mjs); these tests fail when one is stale.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { widgets, withPackageTable, withWidgetTable, workspacePackages } from '../docs-lists.mjs';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const contributing = readFileSync(new URL('../../docs/contributing.md', import.meta.url), 'utf8');

test('the README package table is current (run `node scripts/docs-lists.mjs`)', () => {
  assert.equal(withPackageTable(readme), readme);
});

test('the README names every workspace package, and nothing in it is "coming" that exists', () => {
  for (const { manifest } of workspacePackages()) assert.ok(readme.includes(`\`${manifest.name}\``), manifest.name);
  assert.doesNotMatch(readme, /\bcoming\b|\bplanned\b/i);
});

test('the widget table in docs/contributing.md is current (run `node scripts/docs-lists.mjs`)', () => {
  assert.equal(withWidgetTable(contributing), contributing);
});

test('every widget has a class file, a browser test and a story', () => {
  const found = widgets();
  assert.ok(found.length >= 8, `${found.length} widgets`);
  for (const widget of found) {
    assert.ok(widget.tests.length > 0, `${widget.tag}: no browser test renders it`);
    assert.ok(widget.stories.length > 0, `${widget.tag}: no story has it as its component`);
  }
});

test('each widget\'s styles, main test and stories are named after its tag, but for the exceptions named here', () => {
  // The contact form's styles.ts is a published path (@wegweiser/contact-form/styles), shared by the form,
  // the replies and the inbox's figures; the figures element has no styles of its own beyond it.
  const sharedStyles = new Set(['ww-contact-form', 'ww-contact-replies', 'ww-inbox-figures']);
  for (const widget of widgets()) {
    const name = widget.tag.replace(/^ww-/, '');
    assert.ok(widget.mainTest?.startsWith(`${name}.`), `${widget.tag}: no test/${name}.test.ts`);
    if (!sharedStyles.has(widget.tag)) assert.equal(widget.styles, `${name}.styles.ts`, `${widget.tag}: no src/${name}.styles.ts`);
    assert.ok(widget.stories.includes(`${name}.stories.ts`), `${widget.tag}: no stories/${name}.stories.ts (has ${widget.stories.join(', ') || 'none'})`);
  }
});
