import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { validate } from '@wegweiser/core/validate';
import { urlPattern, urlRules } from '@wegweiser/core/safe-url';
import { hostileUrls } from '../../../scripts/testing/hostile-urls.js';
import de from '../src/content/de.js';
import en from '../src/content/en.js';
import { itemKey, nextSteps, progress, saveList, type Entries } from '../src/checklist-model.js';
import { applySiteContent, mergeContent, readList } from '../src/validation.js';
import { contentSchema } from '../src/generated/content-schema.js';

const schemaFile = JSON.parse(readFileSync(new URL('../schema/checklist-content.schema.json', import.meta.url), 'utf8'));
const keys = (content: typeof de) => content.sections.flatMap((s) => s.items.map((i) => itemKey(s, i)));

test('German and English content have the same sections and steps, in the same order', () => {
  assert.deepEqual(keys(de), keys(en));
  assert.deepEqual(
    de.sections.map((s) => [s.id, Boolean(s.pillar)]),
    [
      ['money', true],
      ['housing', true],
      ['health', true],
      ['residence', true],
      ['work', false],
    ],
  );
  assert.equal(keys(de).length, 24);
});

test('every default step has a title, an explanation and a simpler version of both, within the schema’s limits', () => {
  for (const content of [de, en]) {
    // The default sets pass the same schema a site's content must pass.
    assert.deepEqual(validate(contentSchema, content), []);
    for (const section of content.sections) {
      for (const item of section.items) {
        assert.ok(item.simpleTitle && item.simpleText, `${itemKey(section, item)} has no simple version`);
        assert.notEqual(item.simpleText, item.text, `${itemKey(section, item)}: the simple text is the same`);
        // One paragraph, not a page.
        assert.ok(item.text.length < 420, `${itemKey(section, item)} is long (${item.text.length})`);
      }
    }
  }
});

test('the generated schema module is the schema file without its annotations', () => {
  const strip = (value: unknown): unknown =>
    JSON.parse(JSON.stringify(value), (key, v: unknown) => (['$schema', '$id', 'title', 'description', '$comment'].includes(key) && typeof v === 'string' ? undefined : v));
  assert.deepEqual(contentSchema, strip(schemaFile));
  assert.equal(schemaFile.$defs.item.properties.title.$ref, '#/$defs/shortText');
});

test('the example site content passes the schema', () => {
  const site = JSON.parse(readFileSync(new URL('./fixtures/site-content.json', import.meta.url), 'utf8'));
  const { content, problems, unknown } = applySiteContent(en, site);
  assert.deepEqual([problems, unknown], [[], []]);
  assert.equal(content!.sections.length, 6);
  assert.equal(content!.sections[0]!.items[0]!.contact!.name, 'Beratungsstelle Beispielstadt (fictional)');
  // The default set itself is not changed by a merge.
  assert.equal(en.sections[0]!.items[0]!.contact, undefined);
});

test('a site’s content extends by default and replaces on request', () => {
  const extended = mergeContent(en, { sections: [{ id: 'money', items: [{ id: 'new', title: 'New', text: 'Text' }] }] }).content!;
  assert.equal(extended.sections.length, 5);
  assert.equal(extended.sections[0]!.items.at(-1)!.id, 'new');
  const replaced = mergeContent(en, { replace: true, sections: [{ id: 'only', title: 'Only', items: [{ id: 'a', title: 'A', text: 'T' }] }] }).content!;
  assert.deepEqual(
    replaced.sections.map((s) => s.id),
    ['only'],
  );
  // Replacing and then naming a built-in section: it is new now, so it needs its texts.
  assert.deepEqual(
    mergeContent(en, { replace: true, sections: [{ id: 'money', items: [{ id: 'benefits' }] }] }).problems.map((p) => p.path),
    ['$.sections[0]'],
  );
});

test('site content problems carry JSONPaths; unknown fields are apart and do not block', () => {
  const bad = applySiteContent(en, { sections: [{ id: 'money', items: [{ id: 'debt', link: { href: 'javascript:alert(1)', label: 'x' } }] }] });
  assert.equal(bad.content, undefined);
  assert.deepEqual(
    bad.problems.map((p) => `${p.path} ${p.keyword}`),
    ['$.sections[0].items[0].link.href format'],
  );
  const odd = applySiteContent(en, { sections: [{ id: 'money', color: 'red' }], extra: 1 });
  assert.ok(odd.content);
  assert.deepEqual(
    odd.unknown.map((p) => p.path),
    ['$.sections[0].color', '$.extra'],
  );
  for (const href of ['https://example.org', 'http://x.example/a', 'mailto:a@example.org', 'tel:+49000', '/local/path', 'relative.html']) {
    assert.deepEqual(applySiteContent(en, { sections: [{ id: 'money', items: [{ id: 'debt', link: { href, label: 'x' } }] }] }).problems, [], href);
  }
  const refused = ['data:text/html,x', 'ftp://x', ...hostileUrls.filter((h) => h.refusedEverywhere).map((h) => h.value)];
  for (const href of refused) {
    assert.equal(applySiteContent(en, { sections: [{ id: 'money', items: [{ id: 'debt', link: { href, label: 'x' } }] }] }).problems.length, 1, JSON.stringify(href));
  }
});

test("a step link's schema pattern is core's safe-URL rule, so editors and the widget agree", () => {
  const href = schemaFile.$defs.link.properties.href;
  assert.equal(href.format, urlRules.link.format);
  assert.equal(href.pattern, urlPattern(urlRules.link));
});

test('progress leaves “not relevant” out; next steps put work in progress and the first pillars first', () => {
  const entries: Entries = { 'housing/shelter': { status: 'done' }, 'housing/viewings': { status: 'skip' }, 'health/doctor': { status: 'doing' } };
  assert.deepEqual(progress(en.sections.slice(1, 2), entries), { done: 1, doing: 0, skip: 1, total: 3 });
  assert.deepEqual(progress(en.sections, entries), { done: 1, doing: 1, skip: 1, total: 23 });
  assert.deepEqual(
    nextSteps(en, entries).map((s) => itemKey(s.section, s.item)),
    ['health/doctor', 'money/benefits', 'money/account'],
  );
  const settled: Entries = {};
  for (const section of en.sections.filter((s) => s.pillar)) for (const item of section.items) settled[itemKey(section, item)] = { status: 'done' };
  assert.deepEqual(
    nextSteps(en, settled, 2).map((s) => itemKey(s.section, s.item)),
    ['work/strengths', 'work/training'],
  );
});

test('a saved list keeps only what carries information and reads back', () => {
  const list = saveList({ 'a/b': { status: 'done' }, 'a/c': { status: 'open' }, 'a/d': { status: 'open', note: 'n' } }, true, new Date('2026-11-23T13:05:00Z'));
  assert.deepEqual(list, {
    format: 'wegweiser-checklist',
    version: 1,
    saved: '2026-11-23T13:05:00.000Z',
    entries: { 'a/b': { status: 'done' }, 'a/d': { status: 'open', note: 'n' } },
    simple: true,
  });
  assert.deepEqual(readList(JSON.stringify(list)), { list, problems: [] });
  assert.equal(readList('{').list, undefined);
  assert.deepEqual(
    readList('{"format":"wegweiser-checklist","version":1,"saved":"2026-11-23T13:05:00Z","entries":{"a/b":{"status":"done","colour":"red"}}}').problems.map((p) => p.path),
    ['$.entries["a/b"].colour'],
  );
});
