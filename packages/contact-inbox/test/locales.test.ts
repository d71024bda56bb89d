import { expect, html } from '@open-wc/testing';
import type { ContactInbox } from '../src/ContactInbox.js';
import { $ } from '../../../scripts/testing/dom.js';
import '../src/define.js';
import {
  clippedTexts,
  collectErrors,
  elementsTooWide,
  everyLocale,
  fixtureInLocale,
  intlTexts,
  isDrawnLeftOf,
  isMirrored,
  itIsAccessibleInEveryLocale,
  pseudoLocale,
  startsAtInlineStart,
  textsNotFromCatalogue,
} from '../../../scripts/testing/index.js';
import { arabicMessage, centre, click, germanMessage, openArabic as openArabicWith, relayCommand, signIn, startSeededRelay, type TestRelay, unlocked as unlockedWith } from './fixtures/locale-helpers.js';


let relay: TestRelay;
let keyFile: string;
before(async () => {
  ({ relay, keyFile } = await startSeededRelay());
});
after(async () => {
  await relayCommand({ action: 'stop', id: relay.id });
});
const unlocked = (el: ContactInbox) => unlockedWith(el, keyFile);
const openArabic = (el: ContactInbox) => openArabicWith(el, keyFile);

const inbox = () => html`<ww-contact-inbox relay=${relay.url}></ww-contact-inbox>`;
/** The messages, the centre's id, the phone number, languages (named in themselves) and Intl's dates are data. */
const data = () => [
  germanMessage,
  arabicMessage,
  '0381 000000',
  centre,
  ...intlTexts(pseudoLocale, everyLocale.filter((l) => l !== 'de-x-ls')),
];

describe('ww-contact-inbox in every language', function () {
  this.timeout(60000);
  const states: Record<string, (el: ContactInbox) => Promise<unknown>> = {
    'sign in': async () => {},
    'sign in with errors': (el) => click(el, '[part=sign-in] button[type=submit]'),
    'key file with errors': async (el) => {
      await signIn(el);
      await click(el, '[part=key] button[type=submit]');
    },
    'the list': unlocked,
    'a conversation': openArabic,
    'delete confirmation': async (el) => {
      await openArabic(el);
      await click(el, '#delete');
    },
  };
  for (const [name, settle] of Object.entries(states)) {
    it(`pseudo-locale, ${name}: every text from the catalogue, nothing clipped at 320 px`, async () => {
      const el = await fixtureInLocale<ContactInbox>(inbox(), pseudoLocale, 320);
      await settle(el);
      await el.updateComplete;
      expect(textsNotFromCatalogue(el, data())).to.deep.equal([]);
      expect(clippedTexts(el)).to.deep.equal([]);
      expect(elementsTooWide(el)).to.deep.equal([]);
      expect(el.scrollWidth).to.be.at.most(320);
    });
  }

  it('pseudo-locale, misconfigured: every text from the catalogue', async () => {
    let el!: ContactInbox;
    await collectErrors(async () => {
      el = await fixtureInLocale<ContactInbox>(html`<ww-contact-inbox relay="ftp://relay.example"></ww-contact-inbox>`, pseudoLocale, 320);
    });
    expect(textsNotFromCatalogue(el)).to.deep.equal([]);
  });

  it('right to left: headings start at the right, a German message reads left to right, nothing mirrored', async () => {
    const el = await fixtureInLocale<ContactInbox>(inbox(), 'ar', 700);
    await unlocked(el);
    expect($(el, '[lang]')!.dir).to.equal('rtl');
    expect(startsAtInlineStart($(el, '#list-title')!)).to.equal(true);
    const german = [...el.shadowRoot!.querySelectorAll('button.open span')].find((s) => s.textContent!.includes('Arbeit'))!;
    expect(getComputedStyle(german).direction, 'the German preview').to.equal('ltr');
    // The phone number to call keeps its own order inside the Arabic sentence.
    const call = [...el.shadowRoot!.querySelectorAll('.no-reply')].find((n) => n.textContent!.includes('0381'))!;
    expect(isDrawnLeftOf(call, '0381', '000000'), call.textContent!).to.equal(true);
    for (const element of el.shadowRoot!.querySelectorAll('*')) expect(isMirrored(element), element.localName).to.equal(false);
  });

  it('a German team reads an Arabic message right to left', async () => {
    const el = await fixtureInLocale<ContactInbox>(inbox(), 'de', 700);
    await openArabic(el);
    const text = [...el.shadowRoot!.querySelectorAll('.text')].find((p) => p.textContent!.includes('سكن'))!;
    expect(getComputedStyle(text).direction).to.equal('rtl');
    expect(startsAtInlineStart(text)).to.equal(true);
  });

  // The inbox is for counselling teams: no Leichte Sprache version; a de-x-ls page gets German.
  itIsAccessibleInEveryLocale({ template: inbox, expectedLocale: (l) => (l === 'de-x-ls' ? 'de' : l) });
});
