import { expect, fixture, html } from '@open-wc/testing';
import { collectErrors, itIsAccessibleInEveryState, itSurvivesBadInput, shadowText, withLang, until } from '../../../scripts/testing/index.js';
import type { ContactForm } from '../src/ContactForm.js';
import type { ContactReplies } from '../src/ContactReplies.js';
import type { Envelope, Plaintext } from '../src/envelope.js';
import { newCode } from '../src/conversation.js';
import '../src/define.js';
import '../src/define-replies.js';
import { relayCommand, type TestRelay, startRelay } from '../../contact-relay/test/relay-command.js';
import { $, clickButton, type } from '../../../scripts/testing/dom.js';

interface Item {
  conversation: string;
  author: 'person' | 'centre';
  toCentre: Envelope;
  toPerson: Envelope | null;
}

/** Sends a first message with "answer by code" through the form, as a person would; returns the code shown. */
async function firstMessage(relay: TestRelay, text: string): Promise<string> {
  const form = await fixture<ContactForm>(html`<ww-contact-form relay=${relay.url} public-key=${relay.publicKey} replies-href="#antworten"></ww-contact-form>`, {
    parentNode: withLang('en'),
  });
  form.minFillTime = 0;
  await type(form, '#message', text);
  $<HTMLInputElement>(form, '#reply-code').click();
  await form.updateComplete;
  expect(shadowText(form)).to.include('you get a code');
  $<HTMLButtonElement>(form, 'button[type=submit]').click();
  await until(() => !!form.shadowRoot!.querySelector('.code'), `code shown; the form says: ${shadowText(form).slice(-200)}`);
  const code = $(form, '.code span[aria-hidden]').textContent!.trim();
  expect(code).to.match(/^([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}$/);
  expect(shadowText(form)).to.include('cannot be shown again or recovered');
  // The page with the replies, on this site (core's safe-URL rule resolves it against the page).
  expect($<HTMLAnchorElement>(form, '.code-box a').getAttribute('href')).to.equal(new URL('#antworten', document.baseURI).href);
  return code;
}

function replies(relay: TestRelay) {
  return html`<ww-contact-replies relay=${relay.url} public-key=${relay.publicKey}><p>Telefon: 0381 000000 (Beispiel)</p></ww-contact-replies>`;
}

async function openWith(el: ContactReplies, code: string) {
  await type(el, '#code', code);
  $<HTMLButtonElement>(el, 'form button[type=submit]').click();
  await until(() => !!el.shadowRoot!.querySelector('[part=conversation]') || !!el.shadowRoot!.querySelector('.summary'), 'conversation or problem');
}

describe('ww-contact-replies: a whole conversation by code', function () {
  // Each step is real: proof of work, encryption and a relay. Three browsers at once on two busy
  // cores took over the default 10 s for a step.
  this.timeout(30_000);
  let relay: TestRelay;
  let code: string;
  before(async () => {
    relay = await startRelay();
    code = await firstMessage(relay, 'Ich suche eine andere Arbeit. Wer kann mir helfen?');
  });
  after(async () => {
    await relayCommand({ action: 'stop', id: relay.id });
    localStorage.clear();
  });

  it('stores the first message with a mailbox and a copy for the person; the team sees "answer by code" and the reply key', async () => {
    const items = await relayCommand<Item[]>({ action: 'items', id: relay.id });
    expect(items).to.have.length(1);
    expect(items[0]!.toPerson).to.not.equal(null);
    const [plain] = await relayCommand<Plaintext[]>({ action: 'decrypt', id: relay.id });
    expect(plain!.kind).to.equal('first-contact');
    if (plain!.kind !== 'first-contact') return;
    expect(plain!.reply).to.deep.equal({ method: 'code' });
    expect(plain!.replyKey).to.match(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(items)).to.not.include('andere Arbeit', 'ciphertext only');
  });

  it('catches a typing mistake in the browser, and a wrong code gets the same answer as an unknown one', async () => {
    const el = await fixture<ContactReplies>(replies(relay), { parentNode: withLang('en') });
    const typo = code.slice(0, 3) + (code[3] === 'A' ? 'B' : 'A') + code.slice(4);
    await openWith(el, typo);
    await until(() => shadowText(el).includes('typing mistake'), 'typo found');
    expect($(el, '#code').getAttribute('aria-invalid')).to.equal('true');
    await openWith(el, 'ABC');
    await until(() => shadowText(el).includes('Enter the whole code'), 'too short');
    await openWith(el, 'ABCU-ABCD-ABCD-ABCD-ABCD');
    await until(() => shadowText(el).includes('no U'), 'a character that is not in codes');
    await openWith(el, await newCode());
    await until(() => shadowText(el).includes('No conversation was found'), 'unknown code message');
    expect(el.shadowRoot!.querySelector('[part=conversation]')).to.equal(null);
  });

  it('opens the conversation with the code (any case, spaces), shows the first message, the team’s answer and the person’s reply', async () => {
    const el = await fixture<ContactReplies>(replies(relay), { parentNode: withLang('en') });
    await openWith(el, code.toLowerCase().replace(/-/g, ' '));
    expect(shadowText(el)).to.include('You wrote');
    expect(shadowText(el)).to.include('Wer kann mir helfen?');
    expect(shadowText(el)).to.include('not answered yet');
    // Focus moves to the conversation: a group named by its heading (Orca with Chromium said nothing when it moved to the heading).
    const focused = el.shadowRoot!.activeElement!;
    expect(focused.getAttribute('role')).to.equal('group', 'focus moves to the conversation');
    expect(el.shadowRoot!.getElementById(focused.getAttribute('aria-labelledby')!)?.textContent).to.equal('Your conversation');

    await relayCommand({ action: 'answer', id: relay.id, text: 'Buna ziua! Wir können Ihnen helfen. Kommen Sie am Dienstag?', language: 'ro' });
    await clickButton(el, 'Look for new answers');
    await until(() => shadowText(el).includes('Kommen Sie am Dienstag?'), 'team answer shown');
    expect(shadowText(el)).to.include('The counselling team wrote');
    expect($(el, 'li.centre .text').getAttribute('lang')).to.equal('ro');
    await until(() => $(el, '#announcement').textContent!.includes('1 new answer'), 'the new answer announced');

    await type(el, '#reply', 'Ja, Dienstag passt. Danke!');
    await clickButton(el, 'Send');
    await until(() => el.shadowRoot!.querySelectorAll('li').length === 3, 'reply shown in the conversation');
    expect(($<HTMLTextAreaElement>(el, '#reply')).value).to.equal('');
    const plain = await relayCommand<Plaintext[]>({ action: 'decrypt', id: relay.id });
    expect(plain.map((p) => p.kind)).to.deep.equal(['first-contact', 'reply', 'follow-up']);
    expect(plain[2]!.text).to.equal('Ja, Dienstag passt. Danke!');
    const items = await relayCommand<Item[]>({ action: 'items', id: relay.id });
    expect(new Set(items.map((i) => i.conversation)).size).to.equal(1, 'one conversation');
    expect(JSON.stringify(items)).to.not.include('Dienstag');
  });

  it('keeps nothing on the device unless asked; "keep the code" stores it, "forget" removes it', async () => {
    localStorage.clear();
    const el = await fixture<ContactReplies>(replies(relay), { parentNode: withLang('en') });
    await openWith(el, code);
    expect(localStorage.length).to.equal(0, 'nothing stored without the opt-in');
    await clickButton(el, 'Forget this conversation on this device');
    expect(el.shadowRoot!.querySelector('[part=conversation]')).to.equal(null);
    await until(() => $(el, '#announcement').textContent!.includes('Nothing of it is kept here'), 'closing announced');

    $<HTMLInputElement>(el, '#remember').click();
    await el.updateComplete;
    await openWith(el, code);
    expect(localStorage.length).to.equal(1);
    expect(Object.values(localStorage)[0]).to.not.include('-', 'the canonical code, nothing else');

    const again = await fixture<ContactReplies>(replies(relay), { parentNode: withLang('en') });
    await until(() => shadowText(again).includes('A code is kept on this device'), 'saved code offered');
    await clickButton(again, 'Open the conversation');
    await until(() => !!again.shadowRoot!.querySelector('[part=conversation]'), 'opened from the kept code');
    await clickButton(again, 'Forget this conversation on this device');
    expect(localStorage.length).to.equal(0);
  });

  it('keeps the typed answer when the relay cannot be reached, and sends it when it can', async () => {
    const el = await fixture<ContactReplies>(replies(relay), { parentNode: withLang('en') });
    el.retryDelay = 50;
    await openWith(el, code);
    await relayCommand({ action: 'cut', id: relay.id, before: 1 });
    const events = await collectErrors(async () => {
      await type(el, '#reply', 'Noch eine Frage.');
      await clickButton(el, 'Send');
      await until(() => el.shadowRoot!.querySelectorAll('li').length === 4, 'sent after retry');
    });
    expect(events.map((e) => e.detail.code)).to.include('contact-replies/relay-unreachable');
    const kinds = (await relayCommand<Plaintext[]>({ action: 'decrypt', id: relay.id })).map((p) => p.kind);
    expect(kinds.filter((k) => k === 'follow-up')).to.have.length(2, 'stored once despite the retry');
  });

  it('deletes the conversation for good after a confirmation; the code then opens nothing', async () => {
    const el = await fixture<ContactReplies>(replies(relay), { parentNode: withLang('en') });
    await openWith(el, code);
    await clickButton(el, 'Delete the conversation for good');
    expect(shadowText(el)).to.include('This cannot be undone');
    await clickButton(el, 'No, keep it');
    expect(shadowText(el)).to.not.include('This cannot be undone');
    await clickButton(el, 'Delete the conversation for good');
    await clickButton(el, 'Yes, delete it');
    await until(() => shadowText(el).includes('has been deleted'), 'deleted');
    expect(await relayCommand<Item[]>({ action: 'items', id: relay.id })).to.have.length(0);
    await openWith(el, code);
    await until(() => shadowText(el).includes('No conversation was found'), 'deleted conversation unknown');
  });
});

describe('ww-contact-replies: a conversation changed on the way', () => {
  let relay: TestRelay;
  let code: string;
  before(async () => {
    relay = await startRelay();
    code = await firstMessage(relay, 'Ist diese Antwort echt?');
  });
  after(async () => {
    await relayCommand({ action: 'stop', id: relay.id });
  });

  it('warns about an item that does not hold its place: an old-format answer after the person wrote in the new one', async () => {
    const el = await fixture<ContactReplies>(replies(relay), { parentNode: withLang('en') });
    await openWith(el, code);
    await type(el, '#reply', 'Eine Frage im neuen Format.');
    await clickButton(el, 'Send');
    await until(() => el.shadowRoot!.querySelectorAll('li').length === 2, 'reply shown in the conversation');
    expect(shadowText(el)).to.not.include('could not be checked');
    // Sealed in base mode: whoever has the person's public key could have made it, not only the team.
    await relayCommand({ action: 'answer', id: relay.id, text: 'Geben Sie uns Ihre Adresse.' });
    const events = await collectErrors(async () => {
      await clickButton(el, 'Look for new answers');
      await until(() => shadowText(el).includes('Geben Sie uns Ihre Adresse.'), 'the item shown');
    });
    expect(events.map((e) => e.detail.code)).to.include('contact-replies/unverified');
    const items = [...el.shadowRoot!.querySelectorAll('[part=conversation] > li')];
    expect(items.map((li) => li.textContent!.includes('could not be checked'))).to.deep.equal([false, false, true]);
    await expect(el).to.be.accessible();
  });
});

describe('ww-contact-replies: states and bad input', () => {
  let relay: TestRelay;
  let code: string;
  before(async () => {
    relay = await startRelay();
    code = await firstMessage(relay, 'Eine Testnachricht.');
    await relayCommand({ action: 'answer', id: relay.id, text: 'Eine Antwort des Teams.' });
  });
  after(async () => {
    await relayCommand({ action: 'stop', id: relay.id });
  });

  itIsAccessibleInEveryState({
    states: {
      'enter the code': () => replies(relay),
      'a typing mistake': () => replies(relay),
      'conversation open': () => replies(relay),
      'confirm deletion': () => replies(relay),
      'cannot show answers securely': () => html`<ww-contact-replies relay="https://relay.example"><p>Telefon: 0381 000000</p></ww-contact-replies>`,
    },
    interact: {
      'a typing mistake': (el) => openWith(el as ContactReplies, 'ABCD-EFGH'),
      'conversation open': (el) => openWith(el as ContactReplies, code),
      'confirm deletion': async (el) => {
        await openWith(el as ContactReplies, code);
        await clickButton(el, [...el.shadowRoot!.querySelectorAll('button')].at(-1)!.textContent!.trim());
      },
    },
  });

  itSurvivesBadInput({
    'no public key': { template: () => html`<ww-contact-replies relay="https://relay.example"></ww-contact-replies>`, code: 'contact-replies/missing-public-key' },
    'no relay': { template: () => html`<ww-contact-replies public-key=${relay.publicKey}></ww-contact-replies>`, code: 'contact-replies/missing-relay' },
    'a relay that is not http(s)': {
      template: () => html`<ww-contact-replies relay="javascript:alert(1)" public-key=${relay.publicKey}></ww-contact-replies>`,
      code: 'contact-replies/invalid-relay',
    },
  });

  it('says calmly that the conversation cannot be loaded when the relay is away, and keeps the code typed', async () => {
    const el = await fixture<ContactReplies>(html`<ww-contact-replies relay="http://127.0.0.1:9" public-key=${relay.publicKey}></ww-contact-replies>`, {
      parentNode: withLang('en'),
    });
    const events = await collectErrors(() => openWith(el, code));
    expect(shadowText(el)).to.include('cannot be loaded at the moment');
    expect($<HTMLInputElement>(el, '#code').value).to.equal(code);
    expect(events.map((e) => e.detail.code)).to.include('contact-replies/relay-unreachable');
  });

  it('reflows at 320 px without horizontal scrolling', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="inline-size: 320px">${replies(relay)}</div>`, { parentNode: withLang('en') });
    const el = wrapper.querySelector('ww-contact-replies')!;
    await openWith(el, code);
    expect(el.scrollWidth).to.be.at.most(320);
  });
});
