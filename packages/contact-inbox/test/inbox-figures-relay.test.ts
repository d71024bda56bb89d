// The inbox's Figures view against a real relay (issue 22): what the relay counted for the
// messages sent here, behind the toolbar's Figures button, and topics counted in the browser;
// and the network's coordination office, signed in with its coordinator credential: every
// centre's figures with small counts as "< 5", and no conversation.
import { expect, fixture, html } from '@open-wc/testing';
import { shadowText, until } from '../../../scripts/testing/index.js';
import type { ContactInbox } from '../src/ContactInbox.js';
import { $ } from '../../../scripts/testing/dom.js';
import { demoKeyFile, signIn, signInAndOpenKey, teamCredential } from './fixtures/inbox-harness.js';
import type { InboxFigures } from '../src/InboxFigures.js';
import '../src/define.js';
import { sendFirstMessage } from './relay-messages.js';
import { relayCommand, type TestRelay, startRelay } from '../../contact-relay/test/relay-command.js';


let relay: TestRelay;
before(async () => {
  relay = await startRelay({ inboxCredential: teamCredential });
});
after(async () => {
  await relayCommand({ action: 'stop', id: relay.id });
});

/** A first message without a code; to the demo centre unless another key is given. */
const send = (topic: 'work' | 'housing', language: string, to: TestRelay = relay, publicKey = to.publicKey) => sendFirstMessage(to.url, publicKey, { topic, language });

describe('ww-contact-inbox: Figures', function () {
  this.timeout(120_000);

  it('shows behind the toolbar’s Figures button what the relay counted, and the topics counted in the browser', async () => {
    await send('work', 'ro');
    await send('housing', 'ro');
    const el = await fixture<ContactInbox>(html`<ww-contact-inbox relay=${relay.url} lang="en"></ww-contact-inbox>`);
    await signInAndOpenKey(el, await demoKeyFile());
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

describe('ww-contact-inbox: the coordination office', function () {
  this.timeout(180_000);
  const office = { name: 'koordination-rlp', credential: 'KOORD-INATI-ONRLP-NOTSE-CRET0' };
  let network: TestRelay & { publicKeys: string[] };

  before(async () => {
    // The demo centre and three of the demo network's centres on one relay, and the office's credential in its store.
    network = await relayCommand<TestRelay & { publicKeys: string[] }>({
      action: 'start',
      origin: location.origin,
      inboxCredential: teamCredential,
      coordinator: office,
      keyFiles: ['network/demo-rlp-mainz.json', 'network/demo-rlp-trier.json', 'network/demo-rlp-koblenz.json'],
    });
    const [mainz, trier, koblenz] = network.publicKeys as [string, string, string];
    // Mainz 6 first contacts (shown), Trier 2 and Koblenz 1 (below 5: "< 5"), the demo centre none.
    for (let i = 0; i < 6; i++) await send('work', 'ro', network, mainz);
    for (let i = 0; i < 2; i++) await send('housing', 'de', network, trier);
    await send('housing', 'bg', network, koblenz);
  });
  after(async () => {
    await relayCommand({ action: 'stop', id: network.id });
  });

  const cellsOf = (figures: Element, column: string) =>
    Object.fromEntries(
      [...figures.shadowRoot!.querySelectorAll('[part=table] tbody tr')].map((row) => [row.querySelectorAll('th')[1]!.textContent!.trim(), row.querySelector(`td[data-column=${column}]`)!.textContent!.trim()]),
    );

  it('signs in with the coordinator credential and sees every centre’s figures side by side, counts below 5 as “< 5”, and no conversation; axe in each state', async () => {
    const el = await fixture<ContactInbox>(html`<ww-contact-inbox relay=${network.url} lang="en"></ww-contact-inbox>`);
    await expect(el).to.be.accessible();

    await signIn(el, office.credential, office.name);
    const figuresElement = () => $<InboxFigures>(el, 'ww-inbox-figures');
    await until(() => Boolean(figuresElement()?.shadowRoot?.querySelector('td[data-column=firstContacts]')), 'the network’s figures', 30_000).catch((error: Error) => {
      throw new Error(`${error.message}; the inbox shows: ${shadowText(el).slice(0, 300)}`);
    });
    const figures = figuresElement()!;
    expect(figures.getAttribute('mode')).to.equal('network');
    expect($(el, '#inbox-title')!.textContent).to.include('Network figures: koordination-rlp');
    expect(cellsOf(figures, 'firstContacts')).to.deep.equal({
      'demo-beratungsstelle': '< 5',
      'demo-rlp-koblenz': '< 5',
      'demo-rlp-mainz': '6',
      'demo-rlp-trier': '< 5',
      'All centres': '9',
    });
    expect(cellsOf(figures, 'answers')['demo-rlp-mainz']).to.equal('< 5', 'no answers yet: zero is suppressed like any count below 5');
    const [header, ...rows] = figures.figuresCsv().trim().split('\r\n');
    expect(header).to.match(/^Month,Centre,First contacts/);
    expect(rows.map((row) => row.split(',').slice(1, 3))).to.deep.equal([
      ['demo-beratungsstelle', '< 5'],
      ['demo-rlp-koblenz', '< 5'],
      ['demo-rlp-mainz', '6'],
      ['demo-rlp-trier', '< 5'],
      ['All centres', '9'],
    ]);

    // No conversation anywhere: no key step, no list, no message text, no topics counted.
    expect($(el, '#key-title')).to.equal(null);
    expect($(el, '[part=list]')).to.equal(null);
    expect(shadowText(el)).not.to.include('Hallo');
    expect(figures.shadowRoot!.textContent).not.to.match(/Topics/);
    await expect(el).to.be.accessible();

    // And the relay refuses the office every conversation route (all of them: contact-relay/test/network.test.mjs).
    const session = await fetch(`${network.url}/v1/inbox/sessions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ centre: office.name, credential: office.credential }),
    });
    expect(session.status).to.equal(201);
    const { token, role } = await session.json();
    expect(role).to.equal('coordinator');
    const [item] = await relayCommand<{ conversation: string }[]>({ action: 'items', id: network.id });
    for (const path of ['v1/inbox/conversations', `v1/inbox/conversations/${item!.conversation}`, 'v1/inbox/figures']) {
      const answer = await fetch(`${network.url}/${path}`, { headers: { Authorization: `Bearer ${token}` } });
      expect([path, answer.status, (await answer.json()).error]).to.deep.equal([path, 403, 'figures-only']);
    }

    // Lock: back to the sign-in form, nothing of the figures left.
    [...el.shadowRoot!.querySelectorAll('button')].find((button) => button.textContent!.trim() === 'Lock')!.click();
    await until(() => !!$(el, '[part=sign-in]'), 'the sign-in form again');
    expect(figuresElement()).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
