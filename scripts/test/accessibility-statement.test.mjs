// The accessibility statement's status table covers every widget the library
// defines, and every screen-reader scenario's widget is named there: a widget
// added without a line in the statement fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const statement = readFileSync(join(root, 'docs', 'accessibility-statement.md'), 'utf8');

/** Tags registered with `defineElement('ww-…'` (core) or `define('ww-…'` in any package's source. */
function definedTags() {
  const tags = new Set();
  for (const pkg of readdirSync(join(root, 'packages'))) {
    let files = [];
    try {
      files = readdirSync(join(root, 'packages', pkg, 'src'), { recursive: true }).map(String).filter((f) => f.endsWith('.ts'));
    } catch {
      continue;
    }
    for (const file of files) {
      const text = readFileSync(join(root, 'packages', pkg, 'src', file), 'utf8');
      for (const match of text.matchAll(/define(?:Element)?\(\s*'(ww-[a-z-]+)'/g)) tags.add(match[1]);
    }
  }
  return [...tags].sort();
}

test('the accessibility statement has a status row for every widget', () => {
  const tags = definedTags();
  assert.ok(tags.length >= 8, `found only ${tags.length} widgets: ${tags.join(', ')}`);
  const missing = tags.filter((tag) => !statement.includes(`| \`<${tag}>\` |`));
  assert.deepEqual(missing, [], `docs/accessibility-statement.md has no status row for ${missing.join(', ')}`);
});
