import { expect, fixture, html } from '@open-wc/testing';
import { inlineJsonMarkup, itNeverLinksHostileUrls, jsonUrl, renderMarkup } from '../../../scripts/testing/safe-links.js';
import { collectErrors, shadowText, until, withLang } from '../../../scripts/testing/index.js';
import type { ServiceFinder } from '../src/ServiceFinder.js';
import type { Centre } from '../src/model.js';
import '../src/define.js';

// Fictional centres (test data).
const centre = (id: string, name: string, contacts: Centre['contacts']): Centre => ({
  id,
  name,
  address: { city: 'Mainz' },
  land: 'DE-RP',
  topics: ['money'],
  lastChecked: '2026-10-01',
  fictional: true,
  contacts,
});

/** A directory where the first centre carries `url` in `field`, and a second, ordinary one stays listed. */
const directory = (field: 'website' | 'chat', url: string) => ({
  version: 1,
  fictional: true,
  centres: [centre('erste', 'Erste Beratung (fiktiv)', { [field]: url }), centre('zweite', 'Zweite Beratung (fiktiv)', { website: 'https://beratung.example/' })],
});

/** The finder once it lists the ordinary centre. */
async function listed(element: ServiceFinder): Promise<ServiceFinder> {
  await until(() => shadowText(element).includes('Zweite Beratung'), 'the finder lists the ordinary centre');
  return element;
}


describe("ww-service-finder: websites and chats keep core's safe-URL rule", () => {
  itNeverLinksHostileUrls([
    {
      via: 'website, data property',
      code: 'service-finder/invalid-entries',
      markup: false,
      otherHosts: ['beratung.example'],
      render: async (url) => {
        const element = await renderMarkup<ServiceFinder>('<ww-service-finder></ww-service-finder>', '', 'value');
        element.data = directory('website', url);
        return listed(element);
      },
    },
    {
      via: 'chat, inline JSON',
      code: 'service-finder/invalid-entries',
      markup: false,
      otherHosts: ['beratung.example'],
      render: async (url) => listed(await renderMarkup(inlineJsonMarkup('ww-service-finder', directory('chat', url)), '', 'value')),
    },
    {
      via: 'website, src',
      code: 'service-finder/invalid-entries',
      markup: false,
      otherHosts: ['beratung.example'],
      render: async (url) => listed(await renderMarkup(`<ww-service-finder src="${jsonUrl(directory('website', url))}"></ww-service-finder>`, '', 'value')),
    },
  ]);
});

describe('ww-service-finder: a data source that throws', () => {
  const hostileSources: Record<string, () => unknown> = {
    'a directory whose centres throw when read': () => ({
      version: 1,
      get centres(): never {
        throw new Error('hostile getter');
      },
    }),
    'a promise that rejects': () => Promise.reject(new Error('no directory today')),
  };
  for (const [name, source] of Object.entries(hostileSources)) {
    it(`ends in the calm failure state with a ww-error: ${name}`, async () => {
      let element: ServiceFinder | undefined;
      const errors = await collectErrors(async () => {
        element = await fixture<ServiceFinder>(html`<ww-service-finder .data=${source()}><p>Unsere Liste</p></ww-service-finder>`, { parentNode: withLang('de') });
        await until(() => /kann gerade nicht angezeigt werden|cannot be shown/.test(shadowText(element!)), 'the calm failure message');
      });
      expect(errors.map((e) => (e.detail as { code: string }).code)).to.deep.equal(['service-finder/load-failed']);
    });
  }
});
