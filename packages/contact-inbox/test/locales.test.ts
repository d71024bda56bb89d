import { expect, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/pbkdf2';
import { parsePublicKey } from '@wegweiser/contact-form/public-key';
import { seal, type ContactMessage } from '@wegweiser/contact-form/envelope';
import type { ContactInbox } from '../src/ContactInbox.js';
import '../src/define.js';
import {
  clippedTexts,
  collectErrors,
  elementsTooWide,
  everyLocale,
  fixtureInLocale,
  intlTexts,
  isMirrored,
  itIsAccessibleInEveryLocale,
  pseudoLocale,
  shadowText,
  startsAtInlineStart,
  textsNotFromCatalogue,
} from '../../../scripts/testing/index.js';

interface TestRelay {
  id: string;
  url: string;
  publicKey: string;
}
const credential = 'TEST0-CREDE-NTIAL-NOTSE-CRET0';
const centre = 'demo-beratungsstelle';
const passphrase = 'demo-passphrase-not-secret';
const relayCommand = <T>(payload: Record<string, unknown>) => executeServerCommand<T, Record<string, unknown>>('contact-relay', payload);
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);

let relay: TestRelay;
let keyFile: string;
before(async () => {
  relay = await relayCommand<TestRelay>({ action: 'start', origin: location.origin, inboxCredential: credential });
  keyFile = await (await fetch('/packages/contact-relay/demo/demo-private-key.json')).text();
  // Two first messages, as the form sends them (fictional): one in Arabic, with a phone number to call back.
  for (const message of [
    { text: 'Ich suche eine andere Arbeit.', topic: 'work', language: 'ro', formLocale: 'de' },
    { text: 'أبحث عن سكن.', topic: 'housing', language: 'ar', formLocale: 'ar', reply: { method: 'phone', value: '0381 000000' } },
  ] as const) {
    await seed({ reply: { method: 'none' }, ...message } as Partial<ContactMessage> & { text: string });
  }
});
after(async () => {
  await relayCommand({ action: 'stop', id: relay.id });
});

async function seed(message: Partial<ContactMessage> & { text: string }) {
  const key = await parsePublicKey(relay.publicKey);
  const full = { topic: null, language: null, reply: { method: 'none' }, formLocale: 'de', ...message } as ContactMessage;
  // WebKitGTK now and then fails to make an X25519 key: try again, as the widgets do.
  let envelope;
  for (let attempt = 1; !envelope; attempt++) {
    try {
      envelope = await seal(key, full, null);
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
  const challenge = await (await fetch(`${relay.url}/v1/challenge`)).json();
  const solution = await solveChallenge({ challenge, deriveKey, timeout: 0 });
  const response = await fetch(`${relay.url}/v1/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ envelope, pow: { challenge, solution }, idempotencyKey: crypto.randomUUID().replace(/-/g, '') }),
  });
  expect(response.status, await response.clone().text()).to.equal(201);
}

async function until(check: () => boolean, what: string, ms = 20000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`not reached in time: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
async function type(el: ContactInbox, selector: string, value: string) {
  const field = $<HTMLInputElement>(el, selector)!;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  await el.updateComplete;
}
async function click(el: ContactInbox, selector: string) {
  $<HTMLElement>(el, selector)!.click();
  await el.updateComplete;
}
async function signIn(el: ContactInbox) {
  await type(el, '#centre', centre);
  await type(el, '#credential', credential);
  await click(el, '[part=sign-in] button[type=submit]');
  await until(() => !!$(el, '#key-title'), 'the key step');
}
async function unlocked(el: ContactInbox) {
  await signIn(el);
  await type(el, '#key-paste', keyFile);
  await type(el, '#passphrase', passphrase);
  await click(el, '[part=key] button[type=submit]');
  await until(() => el.shadowRoot!.querySelectorAll('button.open').length === 2 && !el.shadowRoot!.querySelector('[part=list] [role=status]'), 'the list');
  await until(() => shadowText(el).includes('Arbeit') && shadowText(el).includes('سكن'), 'every preview decrypted');
}
async function openArabic(el: ContactInbox) {
  await unlocked(el);
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.open')].find((b) => b.textContent!.includes('سكن'))!.click();
  await until(() => !!$(el, '[part=conversation] ol.items') && el.shadowRoot!.querySelectorAll('.text').length > 0, 'the open conversation');
}

const inbox = () => html`<ww-contact-inbox relay=${relay.url}></ww-contact-inbox>`;
/** The messages, the centre's id, the phone number, languages (named in themselves) and Intl's dates are data. */
const data = () => [
  'Ich suche eine andere Arbeit.',
  'أبحث عن سكن.',
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
