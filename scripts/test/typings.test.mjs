// The generated editor hints and JSX typings (scripts/ide-data.mjs), checked
// as a consumer sees them after `npm run build`: through package exports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readElements, widgetPackages } from '../ide-data.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = join(root, 'scripts/test/typings');
const tsc = (project) =>
  spawnSync(join(root, 'node_modules/.bin/tsc'), ['-p', project], { cwd: root, encoding: 'utf8', timeout: 240_000 });

test('React 19 and Vue 3 consumer code type-checks with the typings, and each wrong prop is an error', () => {
  const result = tsc(join(fixture, 'tsconfig.json'));
  // An unused @ts-expect-error (a wrong prop the typings let through) is error TS2578.
  assert.equal(result.status, 0, result.stdout);
});

test('without the typings, the same consumer code does not type-check (the fixture can fail)', () => {
  // Inside the repository, so that node_modules resolves as for the fixture.
  const dir = mkdtempSync(join(root, 'scripts/test/.typings-'));
  try {
    for (const file of readdirSync(fixture)) {
      const source = readFileSync(join(fixture, file), 'utf8');
      writeFileSync(join(dir, file), file === 'tsconfig.json' ? source : source.replace(/^import type \{\} from '@wegweiser\/[a-z-]+\/jsx-(react|vue)';$/gm, ''));
    }
    const result = tsc(join(dir, 'tsconfig.json'));
    assert.notEqual(result.status, 0);
    assert.match(result.stdout, /react\.tsx.*IntrinsicElements/, 'React: the tags are unknown without the typings');
    assert.match(result.stdout, /vue\.ts.*ww-quick-exit/, 'Vue: the tags are unknown without the typings');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('every element, attribute, event, slot, part and custom property of the manifests is in the editor data', () => {
  const infos = readElements();
  assert.deepEqual(
    infos.map((i) => i.pkg),
    widgetPackages(),
  );
  for (const info of infos) {
    const dist = join(info.dir, 'dist');
    const html = JSON.parse(readFileSync(join(dist, 'vscode.html-data.json'), 'utf8'));
    const css = JSON.parse(readFileSync(join(dist, 'vscode.css-data.json'), 'utf8'));
    const webTypes = JSON.parse(readFileSync(join(info.dir, info.packageJson['web-types']), 'utf8'));
    assert.equal(webTypes.name, info.packageJson.name);
    for (const element of info.elements) {
      const tag = html.tags.find((t) => t.name === element.tag);
      assert.ok(tag, `${element.tag} in VS Code data`);
      const web = webTypes.contributions.html.elements.find((e) => e.name === element.tag);
      assert.ok(web, `${element.tag} in web-types`);
      for (const attribute of element.attributes) {
        assert.ok(tag.attributes.some((a) => a.name === attribute.name), `${element.tag} ${attribute.name} (VS Code)`);
        assert.ok(web.attributes.some((a) => a.name === attribute.name), `${element.tag} ${attribute.name} (web-types)`);
      }
      for (const event of element.events) assert.ok(web.js.events.some((e) => e.name === event.name), `${element.tag} ${event.name}`);
      for (const slot of element.slots) assert.ok(web.slots.some((s) => s.name === (slot.name || 'default')), `${element.tag} slot ${slot.name}`);
      for (const part of element.cssParts) assert.ok(web.css.parts.some((p) => p.name === part.name), `${element.tag} part ${part.name}`);
      for (const property of element.cssProperties) assert.ok(css.properties.some((p) => p.name === property.name), `${element.tag} ${property.name}`);
    }
    for (const entry of ['./jsx-react', './jsx-vue']) {
      const target = info.packageJson.exports[entry];
      assert.ok(target, `${info.packageJson.name} exports ${entry}`);
      assert.ok(existsSync(join(info.dir, target.types)) && existsSync(join(info.dir, target.default)), `${info.packageJson.name}${entry.slice(1)} built`);
    }
  }
});

test('closed value sets come from the types: placement, channel, mode', () => {
  const element = (tag) => readElements().flatMap((i) => i.elements).find((e) => e.tag === tag);
  assert.deepEqual(element('ww-quick-exit').attributes.find((a) => a.name === 'placement').values, ['inline', 'sticky']);
  assert.deepEqual(element('ww-hours-badge').attributes.find((a) => a.name === 'channel').values, ['walk-in', 'phone', 'chat', 'email', 'streetwork']);
  assert.deepEqual(element('ww-stabilisation-checklist').attributes.find((a) => a.name === 'mode').values, ['person', 'counsellor']);
  assert.equal(element('ww-hours-badge').attributes.find((a) => a.name === 'show-week').kind, 'boolean');
});

test('the CMS allow-lists in docs/ match the manifests', () => {
  const result = spawnSync(process.execPath, ['scripts/ide-data.mjs', '--check'], { cwd: root, encoding: 'utf8' });
  assert.equal(result.status, 0, `${result.stderr}${result.stdout}`);
});
