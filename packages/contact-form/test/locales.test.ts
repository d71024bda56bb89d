import { expect, html } from '@open-wc/testing';
import type { ContactForm } from '../src/ContactForm.js';
import type { ContactReplies } from '../src/ContactReplies.js';
import { answerLanguages } from '../src/format.js';
import '../src/define.js';
import '../src/define-replies.js';
import {
  clippedTexts,
  collectErrors,
  elementsTooWide,
  fixtureInLocale,
  intlTexts,
  isMirrored,
  itIsAccessibleInEveryLocale,
  pseudoLocale,
  startsAtInlineStart,
  textsNotFromCatalogue,
  until,
} from '../../../scripts/testing/index.js';
import { relayCommand, startRelay, type TestRelay } from '../../contact-relay/test/relay-command.js';
import { $, type } from '../../../scripts/testing/dom.js';

async function submit(el: Element, selector = 'button[type=submit]') {
  $<HTMLButtonElement>(el, selector).click();
  await (el as ContactForm).updateComplete;
}

/** The answer languages are named in themselves (endonyms): data, not catalogue text. */
const data = () => [...answerLanguages.map(([, name]) => name), ...intlTexts(pseudoLocale)];

let relay: TestRelay;
let code: string;
before(async () => {
  relay = await startRelay();
  // A first message with "answer by code", and an answer, for the replies element.
  const form = await fixtureInLocale<ContactForm>(html`<ww-contact-form relay=${relay.url} public-key=${relay.publicKey} replies-href="#antworten"></ww-contact-form>`, 'en');
  form.minFillTime = 0;
  await type(form, '#message', 'Eine Testnachricht.');
  $<HTMLInputElement>(form, '#reply-code').click();
  await submit(form);
  await until(() => !!form.shadowRoot!.querySelector('.code'), 'the code');
  code = $(form, '.code span[aria-hidden]').textContent!.trim();
  await relayCommand({ action: 'answer', id: relay.id, text: 'Eine Antwort des Teams.' });
});
after(async () => {
  await relayCommand({ action: 'stop', id: relay.id });
  localStorage.clear();
});

const form = () => html`<ww-contact-form relay=${relay.url} public-key=${relay.publicKey} replies-href="#antworten"><p>Telefon: 0381 000000 (Beispiel)</p></ww-contact-form>`;
const replies = () => html`<ww-contact-replies relay=${relay.url} public-key=${relay.publicKey}><p>Telefon: 0381 000000 (Beispiel)</p></ww-contact-replies>`;

describe('ww-contact-form in every language', () => {
  const states: Record<string, (el: ContactForm) => Promise<unknown>> = {
    'ready to write': async () => {},
    'errors after submit': (el) => submit(el),
    'phone chosen, e-mail fields': async (el) => {
      $<HTMLInputElement>(el, '#reply-phone').click();
      await el.updateComplete;
      await type(el, '#message', 'x'.repeat(6010));
      await submit(el);
    },
    'sent, with a code': async (el) => {
      el.minFillTime = 0;
      await type(el, '#message', 'Eine Testnachricht');
      $<HTMLInputElement>(el, '#reply-code').click();
      await submit(el);
      await until(() => !!el.shadowRoot!.querySelector('.code'), 'the code');
    },
  };
  for (const [name, settle] of Object.entries(states)) {
    it(`pseudo-locale, ${name}: every text from the catalogue, nothing clipped at 320 px`, async () => {
      const el = await fixtureInLocale<ContactForm>(form(), pseudoLocale, 320);
      await settle(el);
      await el.updateComplete;
      // The code, shown and spelled out for screen readers, is the person's data.
      const shownCode = [...el.shadowRoot!.querySelectorAll('.code span')].map((s) => s.textContent!.trim());
      expect(textsNotFromCatalogue(el, [...data(), ...shownCode])).to.deep.equal([]);
      expect(clippedTexts(el)).to.deep.equal([]);
      expect(elementsTooWide(el)).to.deep.equal([]);
      expect(el.scrollWidth).to.be.at.most(320);
    });
  }

  it('right to left: labels and the counter start at the right, radio buttons before their labels, nothing mirrored', async () => {
    const el = await fixtureInLocale<ContactForm>(form(), 'ar', 600);
    expect($(el, '[lang]').dir).to.equal('rtl');
    expect(startsAtInlineStart($(el, 'label[for="message"]'))).to.equal(true);
    expect(startsAtInlineStart($(el, '#message-counter-status'))).to.equal(true);
    const radio = $(el, '#reply-code').getBoundingClientRect();
    const label = $(el, 'label[for="reply-code"]').getBoundingClientRect();
    expect(radio.left, 'the radio button is right of its label').to.be.at.least(label.right - 1);
    for (const element of el.shadowRoot!.querySelectorAll('*')) expect(isMirrored(element), element.localName).to.equal(false);
  });

  itIsAccessibleInEveryLocale({ template: form });
});

describe('ww-contact-replies in every language', () => {
  const open = async (el: ContactReplies, value: string) => {
    await type(el, '#code', value);
    await submit(el, 'form button[type=submit]');
    await until(() => !!el.shadowRoot!.querySelector('[part=conversation]') || !!el.shadowRoot!.querySelector('.summary'), 'conversation or problem');
  };
  const states: Record<string, (el: ContactReplies) => Promise<unknown>> = {
    'enter the code': async () => {},
    'a typing mistake': (el) => open(el, 'ABCD-EFGH'),
    'conversation open': (el) => open(el, code),
  };
  for (const [name, settle] of Object.entries(states)) {
    it(`pseudo-locale, ${name}: every text from the catalogue, nothing clipped at 320 px`, async () => {
      const el = await fixtureInLocale<ContactReplies>(replies(), pseudoLocale, 320);
      await settle(el);
      await el.updateComplete;
      // The messages themselves and their times are the people's data.
      expect(textsNotFromCatalogue(el, ['Eine Testnachricht.', 'Eine Antwort des Teams.', code, 'ABCD-EFGH', ...data()])).to.deep.equal([]);
      expect(clippedTexts(el)).to.deep.equal([]);
      expect(elementsTooWide(el)).to.deep.equal([]);
      expect(el.scrollWidth).to.be.at.most(320);
    });
  }

  it('right to left: the conversation starts at the right, nothing mirrored', async () => {
    const el = await fixtureInLocale<ContactReplies>(replies(), 'ar', 600);
    await open(el, code);
    expect($(el, '[lang]').dir).to.equal('rtl');
    expect(startsAtInlineStart($(el, '.who'))).to.equal(true);
    // A message in German inside the Arabic page keeps its own direction: it starts at the left.
    const text = [...el.shadowRoot!.querySelectorAll('.text')].find((p) => p.textContent!.includes('Testnachricht'))!;
    expect(getComputedStyle(text).direction, 'a German message reads left to right').to.equal('ltr');
    expect(startsAtInlineStart(text)).to.equal(true);
    for (const element of el.shadowRoot!.querySelectorAll('*')) expect(isMirrored(element), element.localName).to.equal(false);
  });

  itIsAccessibleInEveryLocale({ template: replies });
});

// Bad configuration shows the calm state in the pseudo-locale too.
it('ww-contact-form, cannot send securely (pseudo-locale): every text from the catalogue', async () => {
  let el!: ContactForm;
  await collectErrors(async () => {
    el = await fixtureInLocale<ContactForm>(html`<ww-contact-form relay="https://relay.example"></ww-contact-form>`, pseudoLocale, 320);
  });
  expect(textsNotFromCatalogue(el)).to.deep.equal([]);
});
