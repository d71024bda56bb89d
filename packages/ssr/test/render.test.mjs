// renderWidgets in Node: every widget gets Declarative Shadow DOM with its
// readable content, in the page's language; page data renders as text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFragment } from 'parse5';
import { renderWidgets, widgetTags } from '../dist/index.js';
import { page, widgets, NOW, HOSTILE } from './fixtures/page.mjs';

/** The readable text of one widget's shadow root (tags, styles and markers removed, entities kept). */
function shadowText(html, tag) {
  const match = new RegExp(`<${tag}[^>]*><template shadowroot="open" shadowrootmode="open">([\\s\\S]*?)</template>`).exec(html);
  assert.ok(match, `${tag} has a declarative shadow root`);
  return match[1]
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

const quiet = async (fn) => {
  const error = console.error;
  console.error = () => {};
  try {
    return await fn();
  } finally {
    console.error = error;
  }
};

const rendered = {
  de: await quiet(() => renderWidgets(page('de'), { now: NOW })),
  en: await quiet(() => renderWidgets(page('en'), { now: NOW })),
};

test('every widget gets a declarative shadow root, once, as its first child', () => {
  const count = rendered.de.split(`<template shadowroot="open" shadowrootmode="open">`).length - 1;
  assert.equal(count, widgetTags.length, 'one per widget');
  for (const tag of widgetTags) {
    assert.match(rendered.de, new RegExp(`<${tag}[^>]*><template shadowroot="open" shadowrootmode="open">`), tag);
  }
});

test('the rest of the page stays as it was', () => {
  const withoutShadow = rendered.de.replace(/<template shadowroot="open"[\s\S]*?<\/template>(?=[\s\S]*?<\/ww-)/g, '');
  assert.ok(withoutShadow.includes('<a href="https://example.org/neutral">Seite verlassen</a></ww-quick-exit>'));
  assert.ok(rendered.de.startsWith('<!doctype html>\n<html lang="de">'));
  assert.ok(rendered.de.endsWith('</main>\n</body>\n</html>'));
});

test('German page: each widget readable in German', () => {
  const de = rendered.de;
  assert.match(shadowText(de, 'ww-quick-exit'), /Seite verlassen.*Oder 3-mal die Umschalttaste/);
  assert.ok(de.includes('href="https://example.org/neutral"'));
  assert.match(shadowText(de, 'ww-hours-badge'), /Telefon: Jetzt geöffnet, bis 16:00/);
  const finder = shadowText(de, 'ww-service-finder');
  assert.match(finder, /3 Beratungsstellen|3 Stellen|3 /);
  assert.ok(finder.includes('Beratung Lichtblick (fiktiv)') && finder.includes('Anlaufstelle Morgenrot (fiktiv)'), 'centre names from the inline JSON');
  assert.match(shadowText(de, 'ww-stabilisation-checklist'), /Geld und finanzielle Sicherheit/);
  assert.match(shadowText(de, 'ww-pictogram-card'), /Anonym Sie müssen keinen Namen nennen\./);
  assert.match(shadowText(de, 'ww-contact-form'), /Ihre Nachricht/);
  assert.match(shadowText(de, 'ww-contact-replies'), /Ihr Code/);
});

test('English page: each widget readable in English', () => {
  const en = rendered.en;
  assert.match(shadowText(en, 'ww-quick-exit'), /Leave this page.*Or press Shift 3 times/);
  assert.match(shadowText(en, 'ww-hours-badge'), /Phone: Open now, until 4:00\sPM/);
  assert.match(shadowText(en, 'ww-service-finder'), /3 centres/);
  assert.match(shadowText(en, 'ww-stabilisation-checklist'), /Money and financial security/);
  assert.match(shadowText(en, 'ww-pictogram-card'), /Anonymous You do not have to give your name\./);
  assert.match(shadowText(en, 'ww-contact-form'), /Your message/);
  assert.match(shadowText(en, 'ww-contact-replies'), /Your code/);
});

test('the nearest lang wins over the option; a fragment without lang takes the option, else German', async () => {
  const mixed = await quiet(() => renderWidgets(`<div lang="en"><ww-quick-exit></ww-quick-exit></div><ww-quick-exit lang="de"></ww-quick-exit>`, { locale: 'de' }));
  assert.match(mixed, /Leave this page[\s\S]*Seite verlassen/);
  assert.match(await renderWidgets('<ww-quick-exit></ww-quick-exit>', { locale: 'en-GB' }), /Leave this page/);
  assert.match(await renderWidgets('<ww-quick-exit></ww-quick-exit>'), /Seite verlassen/);
});

test('the hours badge describes the given instant and writes it down for the browser', async () => {
  const evening = await renderWidgets('<ww-hours-badge hours="Mo-Fr 10:00-16:00" lang="en"></ww-hours-badge>', { now: '2026-11-04T20:00:00+01:00' });
  assert.match(evening, /rendered-at="2026-11-04T19:00:00.000Z"/);
  assert.match(shadowText(evening, 'ww-hours-badge'), /Opens tomorrow at 10:00\sAM/);
  // Frozen by the site: no instant added.
  const frozen = await renderWidgets('<ww-hours-badge hours="Mo-Fr 10:00-16:00" now="2026-11-04T12:00:00+01:00"></ww-hours-badge>');
  assert.doesNotMatch(frozen, /rendered-at/);
});

test('hostile data is written as text, never as markup', async () => {
  // The card shows the version in the page's language: the hostile one is Romanian.
  const ro = await quiet(() => renderWidgets(page('ro'), { now: NOW }));
  for (const html of [...Object.values(rendered), ro]) {
    for (const tag of html === ro ? ['ww-service-finder', 'ww-pictogram-card'] : ['ww-service-finder']) {
      const text = shadowText(html, tag);
      assert.ok(text.includes('&lt;img src=x onerror=&quot;globalThis.__wwHacked=1&quot;&gt;Beratung &amp; Co (fiktiv)'), `${tag} escapes it`);
    }
    // Parsed as a browser would, no shadow root contains an <img>.
    const templates = [...html.matchAll(/<template shadowroot="open" shadowrootmode="open">([\s\S]*?)<\/template>/g)];
    for (const [, inner] of templates) {
      const hasImg = (node) => node.nodeName === 'img' || (node.childNodes ?? []).some(hasImg) || (node.content ? hasImg(node.content) : false);
      assert.equal(hasImg(parseFragment(inner)), false);
    }
  }
  assert.ok(HOSTILE.includes('<img'));
});

test('problems in page data are reported, the widget still renders calmly', async () => {
  const problems = [];
  const html = await quiet(() =>
    renderWidgets('<ww-service-finder lang="en"><script type="application/json">{"centres": [</script></ww-service-finder><ww-hours-badge hours="nonsense" lang="en"></ww-hours-badge>', {
      onError: (detail) => problems.push(detail.code),
    }),
  );
  assert.ok(problems.includes('hours/invalid-hours'), problems.join());
  assert.ok(problems.includes('service-finder/load-failed'), problems.join());
  assert.match(shadowText(html, 'ww-hours-badge'), /Hours not available/);
  assert.ok(shadowText(html, 'ww-service-finder').trim().length > 0);
});

test('already rendered widgets and unknown tags are left alone; HTML without widgets comes back unchanged', async () => {
  const once = await renderWidgets(widgets(), { locale: 'de', now: NOW }).catch(() => '');
  const twice = await quiet(() => renderWidgets(once, { locale: 'de', now: NOW }));
  assert.equal(twice, once);
  const plain = '<p>Hallo <ww-unknown>x</ww-unknown></p>';
  assert.equal(await renderWidgets(plain), plain);
});

test('a bad instant is refused', async () => {
  await assert.rejects(renderWidgets('<ww-hours-badge hours="24/7"></ww-hours-badge>', { now: '4 November' }), RangeError);
});
