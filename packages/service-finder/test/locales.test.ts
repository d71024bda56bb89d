import { expect, html, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import type { ServiceFinder } from '../src/ServiceFinder.js';
import type { Centre, Directory } from '../src/model.js';
import {
  clippedTexts,
  collectErrors,
  elementsTooWide,
  fixtureInLocale,
  intlTexts,
  isDrawnLeftOf,
  isMirrored,
  itIsAccessibleInEveryLocale,
  pseudoLocale,
  startsAtInlineStart,
  textsNotFromCatalogue,
} from '../../../scripts/testing/index.js';
import { $, $$ } from '../../../scripts/testing/dom.js';

// Fictional centres (test data).
const mainz: Centre = {
  id: 'mainz',
  name: 'Beratung Lichtblick (fiktiv)',
  address: { street: 'Beispielgasse 1', postcode: '55116', city: 'Mainz' },
  location: { lat: 50.0, lon: 8.271 },
  land: 'DE-RP',
  topics: ['money', 'housing'],
  languages: ['de', 'ro', 'bg', 'ar'],
  anonymous: true,
  free: true,
  lastChecked: '2026-10-01',
  fictional: true,
  contacts: { phone: '+49 6131 000000', email: 'beratung@example.org', website: 'https://example.org/lichtblick', chat: 'https://example.org/chat' },
  hours: { 'walk-in': 'Mo-Fr 10:00-16:00', phone: 'Mo-Th 09:00-12:00' },
};
const trier: Centre = {
  id: 'trier',
  name: 'Anlaufstelle Morgenrot (fiktiv)',
  address: { city: 'Trier' },
  location: { lat: 49.756, lon: 6.641 },
  land: 'DE-RP',
  topics: ['health'],
  languages: ['de', 'hu'],
  accessibility: { stepFree: true },
  lastChecked: '2026-10-01',
  fictional: true,
};
const directory: Directory = { version: 1, fictional: true, centres: [mainz, trier] };
const NOW = '2026-10-21T11:00:00+02:00';
const data = [
  ...[mainz, trier].flatMap((c) => [c.name, c.address.street ?? '', c.address.postcode ?? '', c.address.city, c.contacts?.phone ?? '', c.contacts?.email ?? '']).filter(Boolean),
  // The hours the site wrote, shown as the badges' fallback text.
  'Mo-Fr 10:00-16:00',
  'Mo-Th 09:00-12:00',
  'Tu 14:00-18:00',
];
const settled = (el: Element) => waitUntil(() => $(el, '.status, .note'), 'the finder did not settle', { timeout: 8000 });

async function search(el: ServiceFinder, text: string) {
  const input = $<HTMLInputElement>(el, 'input[type=search], input#q, input');
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  $<HTMLFormElement>(el, 'form').requestSubmit();
  await el.updateComplete;
}

describe('ww-service-finder in every language', () => {
  const states: Record<string, [() => ReturnType<typeof html>, (el: ServiceFinder) => Promise<unknown>]> = {
    results: [() => html`<ww-service-finder now=${NOW} .data=${directory}></ww-service-finder>`, settled],
    'search by city, filters open': [
      () => html`<ww-service-finder now=${NOW} .data=${directory}></ww-service-finder>`,
      async (el) => {
        await settled(el);
        await search(el, 'Mainz');
        $<HTMLDetailsElement>(el, 'details').open = true;
        await waitUntil(() => $(el, '.status')?.textContent?.trim(), 'status', { timeout: 8000 });
      },
    ],
    'nothing found': [
      () => html`<ww-service-finder now=${NOW} .data=${directory}></ww-service-finder>`,
      async (el) => {
        await settled(el);
        await search(el, 'zzzzzz');
      },
    ],
    'load failed': [() => html`<ww-service-finder src="/no-such-directory.json"><p>Our list</p></ww-service-finder>`, (el) => collectErrors(() => waitUntil(() => $(el, '.note')))],
  };
  for (const [name, [template, settle]] of Object.entries(states)) {
    it(`pseudo-locale, ${name}: every text from the catalogue, nothing clipped at 320 px`, async () => {
      const el = await fixtureInLocale<ServiceFinder>(template(), pseudoLocale, 320);
      await settle(el);
      await el.updateComplete;
      expect(textsNotFromCatalogue(el, [...data, ...intlTexts(pseudoLocale, ['de', 'ro', 'bg', 'ar', 'hu'])])).to.deep.equal([]);
      expect(clippedTexts(el)).to.deep.equal([]);
      expect(elementsTooWide(el)).to.deep.equal([]);
      expect(el.scrollWidth).to.be.at.most(320);
    });
  }

  it('right to left: text starts at the right, the search button sits left of the field, nothing mirrored', async () => {
    const el = await fixtureInLocale<ServiceFinder>(html`<ww-service-finder now=${NOW} .data=${directory}></ww-service-finder>`, 'ar', 700);
    await settled(el);
    expect($(el, '[lang]').dir).to.equal('rtl');
    expect(startsAtInlineStart($(el, '.status')), 'status').to.equal(true);
    expect(startsAtInlineStart($(el, '.result .name')), 'name').to.equal(true);
    const field = $(el, 'form input').getBoundingClientRect();
    const button = $(el, 'form button[type=submit]').getBoundingClientRect();
    expect(button.right, 'the search button follows the field to its left').to.be.at.most(field.left + 1);
    // The phone number keeps its own order inside the Arabic sentence.
    const call = $(el, 'a[href^="tel:"]');
    expect(isDrawnLeftOf(call, '+49', '000000'), call.textContent!).to.equal(true);
    for (const element of $$(el, '*')) expect(isMirrored(element), element.localName).to.equal(false);
  });

  itIsAccessibleInEveryLocale({
    template: () => html`<ww-service-finder now=${NOW} .data=${directory}></ww-service-finder>`,
    settle: settled,
  });
});
