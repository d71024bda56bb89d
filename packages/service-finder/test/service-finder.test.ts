import { expect, fixture, html, oneEvent, waitUntil as waitUntilShort } from '@open-wc/testing';
import { collectErrors, itIsAccessibleInEveryState, itSurvivesBadInput, shadowText, withLang } from '../../../scripts/testing/index.js';
import { $, $$, buttonByText, type } from '../../../scripts/testing/dom.js';
import '../src/define.js';
import type { ServiceFinder } from '../src/ServiceFinder.js';
import type { Centre, Directory } from '../src/model.js';

// Under a loaded CI machine, the on-demand chunks (messages, engine, postcode
// table) can take longer than the helper's default second.
const waitUntil = (predicate: () => unknown, message?: string, options: { timeout?: number } = {}) =>
  waitUntilShort(predicate, message, { timeout: 8000, ...options });

// Fictional centres (test data), placed in real cities so distances are real.
const centre = (over: Partial<Centre> & Pick<Centre, 'id' | 'name'>): Centre => ({
  address: { city: 'Mainz' },
  land: 'DE-RP',
  topics: ['money'],
  lastChecked: '2026-10-01',
  fictional: true,
  ...over,
});
const mainz = centre({
  id: 'mainz',
  name: 'Beratung Lichtblick (fiktiv)',
  address: { street: 'Beispielgasse 1', postcode: '55116', city: 'Mainz' },
  location: { lat: 50.0, lon: 8.271 },
  topics: ['money', 'housing'],
  languages: ['de', 'ro', 'bg'],
  anonymous: true,
  free: true,
  contacts: { phone: '+49 6131 000000', email: 'beratung@example.org', website: 'https://example.org/lichtblick' },
  hours: { 'walk-in': 'Mo-Fr 10:00-16:00', phone: 'Mo-Th 09:00-12:00' },
  area: { districts: ['07315'] },
});
const trier = centre({
  id: 'trier',
  name: 'Anlaufstelle Morgenrot (fiktiv)',
  address: { city: 'Trier' },
  location: { lat: 49.756, lon: 6.641 },
  topics: ['health'],
  languages: ['de', 'hu'],
  free: true,
  hours: { 'walk-in': 'Tu 14:00-18:00' },
});
const ludwigshafen = centre({
  id: 'ludwigshafen',
  name: 'Neustart am Rhein (fiktiv)',
  address: { postcode: '67059', city: 'Ludwigshafen am Rhein' },
  location: { lat: 49.481, lon: 8.435 },
  topics: ['job', 'language-courses'],
  languages: ['de', 'en', 'es'],
  accessibility: { stepFree: true },
  contacts: { chat: 'https://example.org/chat' },
});
const berlin = centre({
  id: 'berlin',
  name: 'Fachstelle Ausweg (fiktiv)',
  address: { city: 'Berlin' },
  location: { lat: 52.52, lon: 13.405 },
  land: 'DE-BE',
  topics: ['trafficking', 'residence-legal'],
  languages: ['de', 'en', 'ro', 'ar'],
  anonymous: true,
  area: { lands: ['DE-BE'] },
});
const directory: Directory = { version: 1, fictional: true, centres: [mainz, trier, ludwigshafen, berlin] };

// Wednesday 21 October 2026, 11:00 in Mainz.
const NOW = '2026-10-21T11:00:00+02:00';

async function finder(data: unknown = directory, attrs = ''): Promise<ServiceFinder> {
  const el = await fixture<ServiceFinder>(html`<ww-service-finder now=${NOW} .data=${data}></ww-service-finder>`, { parentNode: withLang('en') });
  for (const a of attrs.split(' ').filter(Boolean)) el.setAttribute(a, '');
  await waitUntil(() => $(el, '.status, .note'), 'the finder did not settle');
  await el.updateComplete;
  return el;
}
const names = (el: ServiceFinder) =>
  $$(el, 'ol.results > li .name').map((n) =>
    [...n.childNodes]
      .filter((c) => c.nodeType === Node.TEXT_NODE)
      .map((c) => c.textContent)
      .join('')
      .trim(),
  );
const status = (el: ServiceFinder) => $(el, 'p.status').textContent!.trim();

/** Types into the search field and waits until the search has run. */
async function typeSearch(el: ServiceFinder, text: string): Promise<void> {
  await type(el, '#q', text);
  // The postcode table arrives on demand; wait until the search has used it.
  await new Promise((r) => setTimeout(r, 0));
  await waitUntil(async () => (await el.updateComplete) && !$(el, '.loading'), 'search did not finish');
}

async function check(el: ServiceFinder, label: string): Promise<void> {
  $<HTMLDetailsElement>(el, 'details.filters').open = true;
  const box = $$(el, 'label').find((l) => l.textContent!.trim() === label)?.querySelector('input');
  if (!box) throw new Error(`no checkbox labelled ${label}`);
  box.click();
  await el.updateComplete;
}

describe('ww-service-finder', () => {
  afterEach(() => history.replaceState(null, '', location.pathname));

  it('shows every valid centre, fictional ones labelled, with the count', async () => {
    const el = await finder();
    expect(names(el)).to.have.length(4);
    expect(status(el)).to.equal('4 centres');
    expect(shadowText(el)).to.include('Example data: these centres are fictional.');
    expect(shadowText(el)).to.include('(fictional)');
  });

  it('reads the directory from an inline <script type="application/json">', async () => {
    const el = await fixture<ServiceFinder>(html`<ww-service-finder now=${NOW}>
      <script type="application/json">${JSON.stringify({ version: 1, centres: [trier] })}</script>
    </ww-service-finder>`, { parentNode: withLang('en') });
    await waitUntil(() => $(el, '.status'));
    expect(names(el)).to.deep.equal(['Anlaufstelle Morgenrot (fiktiv)']);
  });

  it('a postcode puts the nearest centre first, with distances, and credits GeoNames', async () => {
    const el = await finder();
    await typeSearch(el, '54290'); // Trier
    await waitUntil(() => status(el).includes('of 54290'), `status was ${status(el)}`);
    expect(names(el)[0]).to.equal('Anlaufstelle Morgenrot (fiktiv)');
    expect(status(el)).to.equal('1 centre within 25 km of 54290');
    expect(shadowText(el)).to.match(/\d+ km away/);
    expect(shadowText(el)).to.include('GeoNames (CC BY 4.0)');
  });

  it('a place name works like its postcode, and a wider radius finds more', async () => {
    const el = await finder();
    await typeSearch(el, 'Wiesbaden');
    await waitUntil(() => status(el).includes('Wiesbaden'), `status was ${status(el)}`);
    expect(names(el)).to.deep.equal(['Beratung Lichtblick (fiktiv)']);
    const select = $<HTMLSelectElement>(el, '#km');
    select.value = '100';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Beratung Lichtblick (fiktiv)', 'Neustart am Rhein (fiktiv)']);
  });

  it('finds names despite case, umlaut spelling and a typo', async () => {
    const el = await finder();
    await typeSearch(el, 'lichtblik');
    expect(names(el)).to.deep.equal(['Beratung Lichtblick (fiktiv)']);
    await typeSearch(el, 'AUSWEG');
    expect(names(el)).to.deep.equal(['Fachstelle Ausweg (fiktiv)']);
    await typeSearch(el, 'housing'); // a topic, by its name
    expect(names(el)).to.deep.equal(['Beratung Lichtblick (fiktiv)']);
  });

  it('filters by topic, flags, language, channel and open now', async () => {
    const el = await finder();
    await check(el, 'Anonymous');
    expect(names(el)).to.have.members(['Beratung Lichtblick (fiktiv)', 'Fachstelle Ausweg (fiktiv)']);
    await check(el, 'Open now'); // Mainz walk-in is open on Wednesday at 11:00; Berlin has no hours
    expect(names(el)).to.deep.equal(['Beratung Lichtblick (fiktiv)']);
    await check(el, 'Anonymous');
    await check(el, 'Open now');
    const lang = $<HTMLSelectElement>(el, '#lang');
    expect([...lang.options].map((o) => o.textContent)).to.include.members(['Romanian', 'Hungarian', 'Arabic']);
    lang.value = 'hu';
    lang.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Anlaufstelle Morgenrot (fiktiv)']);
    lang.value = '';
    lang.dispatchEvent(new Event('change'));
    await check(el, 'Chat');
    expect(names(el)).to.deep.equal(['Neustart am Rhein (fiktiv)']);
  });

  it('"responsible for my postcode" uses district and Land areas', async () => {
    const el = await finder();
    await typeSearch(el, '10115');
    await check(el, 'Responsible for my postcode');
    await waitUntil(() => names(el).length === 1, `names were ${names(el).join()}`);
    expect(names(el)).to.deep.equal(['Fachstelle Ausweg (fiktiv)']);
  });

  it('when nothing matches, offers to relax the search, and the buttons do it', async () => {
    const el = await finder();
    await typeSearch(el, '54290');
    await waitUntil(() => status(el).includes('54290'));
    await check(el, 'Step-free access');
    expect(status(el)).to.equal('0 centres within 25 km of 54290');
    const buttons = $$<HTMLButtonElement>(el, '.empty button');
    expect(buttons.map((b) => b.textContent!.trim())).to.deep.equal(['Search within 50 km', 'Without “Step-free access”']);
    buttons[1]!.click();
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Anlaufstelle Morgenrot (fiktiv)']);
  });

  it('shows 20 at a time; "show more" moves focus to the first new centre', async () => {
    const many = Array.from({ length: 45 }, (_, i) => centre({ id: `c${i}`, name: `Stelle ${String(i).padStart(2, '0')} (fiktiv)` }));
    const el = await finder({ version: 1, centres: many });
    expect(names(el)).to.have.length(20);
    $(el, '.more button').click();
    await el.updateComplete;
    expect(names(el)).to.have.length(40);
    expect(el.shadowRoot!.activeElement).to.equal($$(el, 'ol.results > li')[20]);
  });

  it('announces the count politely after typing stops', async () => {
    const el = await finder();
    await typeSearch(el, 'Trier');
    const live = $(el, '[aria-live="polite"]');
    await waitUntil(() => live.textContent!.includes('Trier'), 'no announcement');
    expect(live.textContent).to.equal('1 centre within 25 km of Trier');
  });

  it('announces the count once after the last key, not for every key typed', async () => {
    const el = await finder();
    // The first search loads the place table; its sentence is said before the one watched here.
    await typeSearch(el, 'Mainz');
    const live = $(el, '[aria-live="polite"]');
    await waitUntil(() => live.textContent!.includes('Mainz'), 'no first announcement');
    const heard: string[] = [];
    const observer = new MutationObserver(() => heard.push(live.textContent!));
    observer.observe(live, { characterData: true, childList: true, subtree: true });
    // At a quick typist's pace: a key every 150 ms, well inside the pause the count waits for.
    for (const text of ['T', 'Tr', 'Tri', 'Trie', 'Trier']) {
      await type(el, '#q', text);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    await waitUntil(() => live.textContent!.includes('Trier'), 'no announcement after typing');
    observer.disconnect();
    expect(heard).to.deep.equal(['1 centre within 25 km of Trier']);
  });

  it('markup and script in every text field render as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    const el = await finder({
      version: 1,
      centres: [
        centre({
          id: 'evil',
          name: hostile,
          organisation: hostile,
          description: { de: hostile, en: hostile },
          address: { city: hostile, street: hostile, note: hostile },
          contacts: { messenger: hostile, website: 'javascript:alert(1)' },
        }),
      ],
    });
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    expect($(el, 'img, ol script')).to.equal(null);
    // A javascript: URL is not a valid website: the entry is skipped, not linked.
    expect(names(el)).to.deep.equal([]);
    const el2 = await finder({ version: 1, centres: [centre({ id: 'evil', name: hostile, description: hostile })] });
    expect(names(el2)).to.deep.equal([hostile]);
    expect($(el2, 'img')).to.equal(null);
  });

  it('skips bad entries, reports them, and shows the rest; debug lists the problems', async () => {
    const bad = { version: 1, centres: [mainz, { id: 'Bad Id', name: '' }, { ...trier, hours: { 'walk-in': 'Mo-Fr 25:00-26:00' } }, { ...berlin, extra: 1 }] };
    let el: ServiceFinder | undefined;
    const events = await collectErrors(async () => {
      el = await finder(bad);
    });
    expect(events.map((e) => e.detail.code)).to.deep.equal(['service-finder/invalid-entries']);
    expect(names(el!)).to.have.members(['Beratung Lichtblick (fiktiv)', 'Fachstelle Ausweg (fiktiv)']);
    expect($(el!, '.problems')).to.equal(null);
    el!.debug = true;
    await el!.updateComplete;
    const problems = $(el!, '.problems').textContent!;
    expect(problems).to.include('$.centres[1].id');
    expect(problems).to.include('$.centres[2].hours["walk-in"]');
    expect(problems).to.include('warning $.centres[3].extra: unknown field "extra"');
  });

  it('a directory with no usable entry shows a calm message and the site\u2019s own list', async () => {
    let el: ServiceFinder | undefined;
    const events = await collectErrors(async () => {
      el = await fixture<ServiceFinder>(html`<ww-service-finder .data=${{ centres: 'none' }}><p>Our centres: Mainz, Trier.</p></ww-service-finder>`, { parentNode: withLang('en') });
      await waitUntil(() => $(el!, '.note'));
    });
    expect(events.map((e) => e.detail.code)).to.include('service-finder/invalid-directory');
    expect(shadowText(el!)).to.include('cannot be shown at the moment');
    const slot = $<HTMLSlotElement>(el!, '.fallback slot');
    expect(slot.assignedElements()[0]!.textContent).to.equal('Our centres: Mainz, Trier.');
  });

  it('a failed fetch keeps the site\u2019s list, says so calmly, and "try again" loads it', async () => {
    const original = window.fetch;
    let calls = 0;
    window.fetch = (async (...args: Parameters<typeof fetch>) => {
      calls++;
      if (calls === 1) throw new TypeError('Failed to fetch');
      return original(...args);
    }) as typeof fetch;
    try {
      const el = await fixture<ServiceFinder>(html`<ww-service-finder src="/packages/service-finder/test/fixtures/finder-directory.json"><p>Fallback list</p></ww-service-finder>`, { parentNode: withLang('en') });
      await waitUntil(() => $(el, '.note'));
      expect(shadowText(el)).to.include('cannot be shown at the moment');
      buttonByText(el, 'Try again').click();
      await waitUntil(() => $(el, 'ol.results'), 'the retry did not load');
      expect(calls).to.equal(2);
    } finally {
      window.fetch = original;
    }
  });

  it('"near me" asks only on click, and uses the position without storing it', async () => {
    const geolocation = navigator.geolocation;
    let asked = 0;
    const fake = {
      getCurrentPosition: (ok: PositionCallback) => {
        asked++;
        ok({ coords: { latitude: 49.75, longitude: 6.64 } } as GeolocationPosition);
      },
    };
    Object.defineProperty(navigator, 'geolocation', { value: fake, configurable: true });
    try {
      const el = await finder(directory, 'url-state');
      expect(asked).to.equal(0);
      buttonByText(el, 'Near me').click();
      await el.updateComplete;
      expect(asked).to.equal(1);
      expect(status(el)).to.equal('1 centre within 25 km of your location');
      expect(location.search).to.not.match(/49\.7|6\.6/);
      expect(localStorage.length + sessionStorage.length).to.equal(0);
    } finally {
      Object.defineProperty(navigator, 'geolocation', { value: geolocation, configurable: true });
    }
  });

  it('with url-state, a search is in the URL, and the back button restores the previous one', async () => {
    history.replaceState(null, '', `${location.pathname}?ww-q=Trier&ww-only=free`);
    const el = await fixture<ServiceFinder>(html`<ww-service-finder url-state now=${NOW} .data=${directory}></ww-service-finder>`, { parentNode: withLang('en') });
    await waitUntil(() => $(el, '.status') && status(el).includes('Trier'), 'did not read the URL');
    expect($<HTMLInputElement>(el, '#q').value).to.equal('Trier');
    await check(el, 'Free of charge');
    expect(location.search).to.equal('?ww-q=Trier');
    const popped = oneEvent(window, 'popstate');
    history.back();
    await popped;
    await el.updateComplete;
    expect($$<HTMLInputElement>(el, 'details input:checked').length).to.equal(1);
  });

  it('without url-state, the URL is left alone', async () => {
    const el = await finder();
    await typeSearch(el, 'Trier');
    expect(location.search).to.equal('');
  });

  it('speaks German in a German page, languages and topics included', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="de"><ww-service-finder now=${NOW} .data=${directory}></ww-service-finder></div>`);
    const el = wrapper.querySelector('ww-service-finder')!;
    await waitUntil(() => $(el, '.status'));
    await el.updateComplete;
    expect(status(el)).to.equal('4 Beratungsstellen');
    expect(shadowText(el)).to.include('Rumänisch');
    expect(shadowText(el)).to.include('Geld und Sozialleistungen');
    expect(shadowText(el)).to.include('Zuletzt geprüft: 01.10.2026');
    await typeSearch(el as ServiceFinder, 'Wohnen'); // a topic, by its German name
    expect(names(el as ServiceFinder)).to.deep.equal(['Beratung Lichtblick (fiktiv)']);
  });

  it('reflows at 320 px: nothing wider than the screen, with filters open and long German words', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="de" style="inline-size: 320px"><ww-service-finder now=${NOW} .data=${directory}></ww-service-finder></div>`);
    const el = wrapper.querySelector('ww-service-finder')!;
    await waitUntil(() => $(el, '.status'));
    $<HTMLDetailsElement>(el, 'details').open = true;
    await el.updateComplete;
    const limit = wrapper.getBoundingClientRect().right + 0.5;
    const tooWide = $$(el, '*').filter((n) => n.getBoundingClientRect().right > limit).map((n) => n.localName + '.' + n.className);
    expect(tooWide).to.deep.equal([]);
  });

  itSurvivesBadInput({
    'no directory at all': { template: () => html`<ww-service-finder></ww-service-finder>`, code: 'service-finder/no-directory' },
    'inline JSON that is not JSON': {
      template: () => html`<ww-service-finder><script type="application/json">{"centres": [</script></ww-service-finder>`,
      code: 'service-finder/load-failed',
    },
    'a radius that is not offered': { template: () => html`<ww-service-finder radius="7" .data=${directory}></ww-service-finder>`, code: 'service-finder/invalid-radius' },
    'a heading level out of range': { template: () => html`<ww-service-finder heading-level="9" .data=${directory}></ww-service-finder>`, code: 'service-finder/invalid-heading-level' },
    'a time that is not one': { template: () => html`<ww-service-finder now="tomorrow" .data=${directory}></ww-service-finder>`, code: 'service-finder/invalid-now' },
  });

  itIsAccessibleInEveryState({
    states: {
      results: () => html`<ww-service-finder now=${NOW} .data=${directory}><p slot="help">Hilfetelefon: 116 016</p></ww-service-finder>`,
      'filters open, nothing found': () => html`<ww-service-finder now=${NOW} .data=${directory}></ww-service-finder>`,
      'debug notice': () => html`<ww-service-finder debug now=${NOW} .data=${{ version: 1, centres: [mainz, { id: 'x' }] }}></ww-service-finder>`,
      'load failed': () => html`<ww-service-finder src="/no-such-directory.json"><p>Our list</p></ww-service-finder>`,
    },
    interact: {
      results: async (el) => {
        await waitUntil(() => $(el, '.status'));
      },
      'filters open, nothing found': async (el) => {
        await waitUntil(() => $(el, '.status'));
        await typeSearch(el as ServiceFinder, 'zzzzzz');
        $<HTMLDetailsElement>(el as ServiceFinder, 'details').open = true;
      },
      'debug notice': async (el) => {
        await collectErrors(() => waitUntil(() => $(el, '.problems')));
      },
      'load failed': async (el) => {
        await collectErrors(() => waitUntil(() => $(el, '.note')));
      },
    },
  });
});
