// The inbox's Figures view against a real relay (issue 22): what the relay counted for the
// messages sent here, behind the toolbar's Figures button, and topics counted in the browser.
import { expect, fixture, html } from '@open-wc/testing';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/pbkdf2';
import { parsePublicKey } from '@wegweiser/contact-form/public-key';
import { seal } from '@wegweiser/contact-form/envelope';
import { shadowText, until } from '../../../scripts/testing/index.js';
import type { ContactInbox } from '../src/ContactInbox.js';
import '../src/define.js';
import { relayCommand, type TestRelay, startRelay } from '../../contact-relay/test/relay-command.js';

const credential = 'TEST0-CREDE-NTIAL-NOTSE-CRET0';
const centre = 'demo-beratungsstelle';

let relay: TestRelay;
before(async () => {
  relay = await startRelay({ inboxCredential: credential });
});
after(async () => {
  await relayCommand({ action: 'stop', id: relay.id });
});

/** A person's first message without a code, as the form sends it (proof of work included). */
async function send(topic: 'work' | 'housing', language: string) {
  const envelope = await seal(await parsePublicKey(relay.publicKey), { text: 'Hallo', topic, language, reply: { method: 'none' }, formLocale: 'de' });
  const challenge = await (await fetch(`${relay.url}/v1/challenge`)).json();
  const solution = await solveChallenge({ challenge, deriveKey, timeout: 0 });
  const response = await fetch(`${relay.url}/v1/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ envelope, pow: { challenge, solution }, idempotencyKey: crypto.randomUUID().replace(/-/g, '') }),
  });
  expect(response.status).to.equal(201);
}

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);

async function fill(el: ContactInbox, selector: string, value: string) {
  const field = $<HTMLInputElement>(el, selector)!;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  await el.updateComplete;
}

describe('ww-contact-inbox: Figures', function () {
  this.timeout(120_000);

  it('shows behind the toolbar’s Figures button what the relay counted, and the topics counted in the browser', async () => {
    await send('work', 'ro');
    await send('housing', 'ro');
    const keyFile = await (await fetch('/packages/contact-relay/demo/demo-private-key.json')).text();
    const el = await fixture<ContactInbox>(html`<ww-contact-inbox relay=${relay.url} lang="en"></ww-contact-inbox>`);
    await fill(el, '#centre', centre);
    await fill(el, '#credential', credential);
    $(el, '[part=sign-in] button[type=submit]')!.click();
    await until(() => !!$(el, '#key-title'), 'the key step');
    await fill(el, '#key-paste', keyFile);
    await fill(el, '#passphrase', 'demo-passphrase-not-secret');
    $(el, '[part=key] button[type=submit]')!.click();
    await until(() => shadowText(el).includes('Hallo'), 'the decrypted previews', 60_000);

    // The toolbar is drawn again with the view: look the button up each time.
    const toggle = () => [...el.shadowRoot!.querySelectorAll('button')].find((button) => button.textContent!.trim() === 'Figures')!;
    expect(toggle().getAttribute('aria-pressed')).to.equal('false');
    toggle().click();
    await el.updateComplete;
    const figuresElement = () => $(el, 'ww-inbox-figures');
    await until(() => Boolean(figuresElement()?.shadowRoot?.querySelector('td[data-column=firstContacts]')), 'the figures table', 30_000).catch((error: Error) => {
      throw new Error(`${error.message}; the figures show: ${figuresElement() ? shadowText(figuresElement()!).slice(0, 300) : 'nothing'}`);
    });
    const figures = figuresElement()!;
    expect(toggle().getAttribute('aria-pressed')).to.equal('true');
    const firstContacts = figures.shadowRoot!.querySelector('tbody td[data-column=firstContacts]')!;
    expect(firstContacts.textContent!.trim()).to.equal('2');
    const topics = figures.shadowRoot!.querySelector('section[aria-labelledby=counts-title]')!.textContent!;
    expect(topics).to.include('Housing');
    expect(topics).to.include('Romanian');
    expect(topics).to.match(/2 conversations the inbox holds now/);

    toggle().click();
    await until(() => !!$(el, '[part=list]'), 'back to the list');
    expect(shadowText(el)).to.include('Hallo');
  });
});
