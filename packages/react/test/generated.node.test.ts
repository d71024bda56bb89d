// The generated wrappers must cover every element and event the widgets'
// manifests declare; checked against the manifests read independently here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const own = JSON.parse(readFileSync(new URL('react/package.json', root), 'utf8')) as { dependencies: Record<string, string> };
const generated = new URL('react/src/generated/', root);

interface Declaration {
  name: string;
  tagName?: string;
  customElement?: boolean;
  events?: { name: string }[];
}

const elements = Object.keys(own.dependencies)
  .filter((dep) => dep.startsWith('@wegweiser/'))
  .flatMap((dep) => {
    const manifest = JSON.parse(readFileSync(new URL(`${dep.slice('@wegweiser/'.length)}/custom-elements.json`, root), 'utf8')) as { modules: { declarations?: Declaration[] }[] };
    return manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);
  });

test('every visitor widget has a wrapper', () => {
  const tags = elements.map((d) => d.tagName).sort();
  assert.deepEqual(tags, ['ww-contact-form', 'ww-contact-replies', 'ww-hours-badge', 'ww-pictogram-card', 'ww-quick-exit', 'ww-service-finder', 'ww-stabilisation-checklist']);
  const files = readdirSync(generated).filter((f) => f !== 'index.ts');
  assert.deepEqual(files.sort(), elements.map((d) => `${d.name}.ts`).sort());
  const index = readFileSync(new URL('index.ts', generated), 'utf8');
  for (const d of elements) assert.match(index, new RegExp(`export \\{ ${d.name} \\}`));
});

test('each wrapper names its tag and maps every event to an on-prop', () => {
  for (const d of elements) {
    const source = readFileSync(new URL(`${d.name}.ts`, generated), 'utf8');
    assert.match(source, new RegExp(`tagName: '${d.tagName}'`));
    assert.ok(d.events?.some((e) => e.name === 'ww-error'), `${d.tagName} declares ww-error`);
    for (const event of d.events ?? []) {
      const prop = `on${event.name.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase())}`;
      assert.match(source, new RegExp(`${prop}: '${event.name}' as WidgetEvent<'${event.name}'>`), `${d.tagName}: ${event.name} → ${prop}`);
    }
  }
});
