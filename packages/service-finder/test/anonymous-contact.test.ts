// The finder's anonymous channel (contacts.anonymous) in a real browser: from
// a result straight to that centre's <ww-contact-form>, a real message to a
// real relay that holds the six keys of the fictional Rhineland-Palatinate
// network, readable with the right centre's key only.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { collectErrors, elementsTooWide, fixtureInLocale, shadowText, startsAtInlineStart, until, withLang } from '../../../scripts/testing/index.js';
import { $, $$ } from '../../../scripts/testing/dom.js';
import { relayCommand, startRelay, type TestRelay } from '../../contact-relay/test/relay-command.js';
import '../src/define.js';
import type { ServiceFinder } from '../src/ServiceFinder.js';
import type { Centre, Directory } from '../src/model.js';
import type { ContactForm } from '@wegweiser/contact-form';
import type { MessagePlaintext } from '@wegweiser/contact-form';

const cities = ['mainz', 'ludwigshafen', 'trier', 'koblenz', 'kaiserslautern', 'landau'];
const keyFile = (city: string) => `network/demo-rlp-${city}.json`;

// A Monday, 23:30 in Berlin: nobody of the demo network is at work.
const NIGHT = '2026-11-23T23:30:00+01:00';

let relay: TestRelay;
let network: Directory;
before(async () => {
  relay = await startRelay({ keyFiles: cities.map(keyFile) });
  const demo = (await (await fetch('/packages/service-finder/demo/rlp-network.json')).json()) as Directory;
  // The demo network, sending to this test's relay instead of npm start's.
  network = { ...demo, centres: demo.centres.map((c) => ({ ...c, contacts: { ...c.contacts, anonymous: { ...c.contacts!.anonymous!, relay: relay.url } } })) };
});
after(async () => {
  await relayCommand({ action: 'stop', id: relay.id });
});

async function finder(data: unknown = network, attributes: Record<string, string> = {}, parentNode = withLang('de')): Promise<ServiceFinder> {
  const el = await fixture<ServiceFinder>(html`<ww-service-finder now=${NIGHT} .data=${data}></ww-service-finder>`, { parentNode });
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  await until(() => !!$(el, '.status, .note'), 'the finder settled');
  await el.updateComplete;
  return el;
}
const writeButton = (el: ServiceFinder, id: string) => $<HTMLButtonElement>(el, `#write-${id}`);
const contactForm = (el: ServiceFinder, id: string) => $<ContactForm>(el, `#write-panel-${id} ww-contact-form`);
/** The element that has focus, through every shadow root. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

async function open(el: ServiceFinder, id: string): Promise<ContactForm> {
  writeButton(el, id)!.click();
  await until(() => focused()?.localName === 'textarea', 'focus in the message field', 10000);
  const form = contactForm(el, id)!;
  // The form waits 3 s before it sends (a quicker send looks like a bot); not in tests.
  form.minFillTime = 0;
  return form;
}

// The first message of a page starts the proof-of-work worker; on a busy machine running three
// browsers, Firefox took over 45 s to bring it up.
const sent = (form: ContactForm) =>
  until(() => !!$(form, '[part=confirmation]'), 'the confirmation', 90000).catch((error: Error) => {
    throw new Error(`${error.message}; the form shows: ${shadowText(form).slice(-200)}`);
  });

describe('ww-service-finder: writing anonymously to a centre', function () {
  this.timeout(60000);

  it('offers the button in every result with a sound channel, and says that writing is always possible', async () => {
    const el = await finder();
    const results = $$(el, 'ol.results > li');
    expect(results).to.have.length(6);
    for (const result of results) {
      const button = result.querySelector('button[id^="write-"]')!;
      expect(button.textContent!.trim()).to.equal('Anonym schreiben (verschlüsselt)');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(result.querySelector('.badges')!.textContent).to.contain('Schreiben: immer möglich');
    }
    expect($(el, 'ww-contact-form'), 'no form before someone asks for one').to.equal(null);
  });

  it('opens the form inside the result under the centre name; focus moves into it and back to the button when closed', async () => {
    const el = await finder();
    const button = writeButton(el, 'demo-rlp-trier')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => focused()?.localName === 'textarea', 'focus in the message field', 10000);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    const panel = $(el, '#write-panel-demo-rlp-trier');
    expect(button.getAttribute('aria-controls')).to.equal(panel.id);
    expect(button.closest('li.result')!.contains(panel), 'inside the result').to.equal(true);
    const heading = panel.querySelector('[role=heading]')!;
    expect(heading.textContent!.trim()).to.equal('Anonym schreiben an Fachberatung Wegkreuz Trier (fiktiv)');
    expect(heading.getAttribute('aria-level')).to.equal('4');
    expect(contactForm(el, 'demo-rlp-trier')!.getAttribute('public-key')).to.equal(network.centres[2]!.contacts!.anonymous!.publicKey);
    // The close button comes before the form; WebDriver (WebKit) has no Shift+Tab, so it gets focus directly.
    const close = panel.querySelector<HTMLButtonElement>('.write-head button')!;
    expect(close.textContent!.trim()).to.equal('Formular schließen');
    close.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($(el, '#write-panel-demo-rlp-trier')).to.equal(null);
    expect(focused()).to.equal(button);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(button.hasAttribute('aria-controls')).to.equal(false);
  });

  it('sends a real message to the real relay, which only the Trier centre\u2019s key opens', async function () {
    // Seven key files are opened (scrypt, in a separate process each), as a team would.
    this.timeout(180000);
    const el = await finder();
    const form = await open(el, 'demo-rlp-trier');
    // Typed by keyboard in the keyboard-only test below; here the text is set as a paste would.
    const textarea = $<HTMLTextAreaElement>(form, 'textarea');
    textarea.value = 'Ich möchte aussteigen und brauche eine Wohnung (Test).';
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    $<HTMLButtonElement>(form, 'button[type=submit]').click();
    await sent(form);
    const [message] = await relayCommand<MessagePlaintext[]>({ action: 'decrypt', id: relay.id, keyFile: keyFile('trier') });
    expect(message!.text).to.equal('Ich möchte aussteigen und brauche eine Wohnung (Test).');
    for (const other of cities.filter((city) => city !== 'trier')) {
      let opened = true;
      try {
        await relayCommand({ action: 'decrypt', id: relay.id, keyFile: keyFile(other) });
      } catch {
        opened = false;
      }
      expect(opened, `${other}'s key must not open Trier's message`).to.equal(false);
    }
    let openedByDemoKey = true;
    try {
      await relayCommand({ action: 'decrypt', id: relay.id });
    } catch {
      openedByDemoKey = false;
    }
    expect(openedByDemoKey, 'the demo centre\u2019s key must not open it either').to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('keeps the search, the filters, the URL state and the scroll position while a form opens and closes', async function () {
    // The postcode table (74 kB) loads with the first place search; slow on a busy test machine.
    this.timeout(120000);
    const before = location.href;
    try {
      const el = await finder(network, { 'url-state': '' });
      const input = $<HTMLInputElement>(el, '#q');
      input.value = 'Rhein';
      input.dispatchEvent(new Event('input'));
      const phone = $$(el, 'label').find((l) => l.textContent!.trim() === 'Anonyme Nachricht (verschlüsselt)')!.querySelector('input')!;
      phone.click();
      await el.updateComplete;
      // The place suggestions come with the postcode table, on demand: wait, so nothing above the results moves later.
      await until(() => !!$(el, '.places'), 'place suggestions for "Rhein"', 60000);
      const search = location.search;
      expect(search).to.contain('ww-channels=anonymous-message');
      const shownBefore = $$(el, 'ol.results > li .name').map((n) => n.textContent!.trim());
      expect(shownBefore.length).to.be.greaterThan(0);
      // Room to scroll, and the result's button in the middle of the screen.
      document.body.style.paddingBlock = '150vh';
      const id = $(el, 'ol.results > li button[id^="write-"]').id.slice('write-'.length);
      writeButton(el, id)!.scrollIntoView({ block: 'center' });
      const scrolled = window.scrollY;
      const form = await open(el, id);
      const draft = $<HTMLTextAreaElement>(form, 'textarea');
      draft.value = 'Entwurf';
      draft.dispatchEvent(new Event('input', { bubbles: true }));
      expect(location.search, 'opening writes nothing into the address').to.equal(search);
      $<HTMLButtonElement>(el, `#write-panel-${id} .write-head button`).click();
      await el.updateComplete;
      expect(form.isConnected).to.equal(false);
      expect(input.value).to.equal('Rhein');
      expect(phone.checked).to.equal(true);
      expect(location.search).to.equal(search);
      expect($$(el, 'ol.results > li .name').map((n) => n.textContent!.trim())).to.deep.equal(shownBefore);
      expect(Math.abs(window.scrollY - scrolled), 'scroll position').to.be.lessThan(2);
    } finally {
      document.body.style.paddingBlock = '';
      history.replaceState(history.state, '', before);
    }
  });

  it('the channel filter knows the anonymous message, and "open now" counts it: writing is always possible', async () => {
    const noChannel = { ...network.centres[0]!, id: 'ohne-kanal', name: 'Beratung ohne Kanal (fiktiv)', contacts: { phone: '+49 69 90009 300' } };
    const el = await finder({ ...network, centres: [...network.centres, noChannel] });
    const label = (text: string) => $$(el, 'label').find((l) => l.textContent!.trim() === text)!.querySelector('input')!;
    label('Anonyme Nachricht (verschlüsselt)').click();
    await el.updateComplete;
    expect($$(el, 'ol.results > li')).to.have.length(6);
    label('Jetzt geöffnet').click();
    await el.updateComplete;
    expect($$(el, 'ol.results > li'), 'at night, writing is still possible').to.have.length(6);
    label('Anonyme Nachricht (verschlüsselt)').click();
    await el.updateComplete;
    expect($$(el, 'ol.results > li'), 'without the channel, "open now" at night finds nobody').to.have.length(0);
  });

  it('leaves a damaged channel out, never shown broken: the centre stays, the problem is reported by JSON path', async () => {
    const parts = network.centres[0]!.contacts!.anonymous!.publicKey.split('.');
    parts[2] = `${parts[2]![0] === 'A' ? 'B' : 'A'}${parts[2]!.slice(1)}`;
    const damaged: Centre = { ...network.centres[0]!, contacts: { ...network.centres[0]!.contacts, anonymous: { relay: relay.url, publicKey: parts.join('.') } } };
    const wrongCentre: Centre = { ...network.centres[1]!, contacts: { ...network.centres[1]!.contacts, anonymous: network.centres[2]!.contacts!.anonymous! } };
    let el!: ServiceFinder;
    const errors = await collectErrors(async () => {
      el = await finder({ ...network, centres: [damaged, wrongCentre, ...network.centres.slice(2)] }, { debug: '' });
    });
    const detail = errors.map((e) => e.detail as { code: string; message: string });
    expect(detail.map((d) => d.code)).to.include('service-finder/invalid-entries');
    const message = detail.find((d) => d.code === 'service-finder/invalid-entries')!.message;
    expect(message).to.contain('$.centres[0].contacts.anonymous.publicKey');
    expect(message).to.contain('$.centres[1].contacts.anonymous.publicKey');
    expect($$(el, 'ol.results > li')).to.have.length(6);
    expect(writeButton(el, 'demo-rlp-mainz')).to.equal(null);
    expect(writeButton(el, 'demo-rlp-ludwigshafen')).to.equal(null);
    expect(writeButton(el, 'demo-rlp-trier')).to.not.equal(null);
    expect(shadowText(el)).to.contain('$.centres[0].contacts.anonymous.publicKey');
    await expect(el).to.be.accessible();
  });

  it('goes to the centre\u2019s own page where the site prefers it (anonymous-contact="page"), else opens the form', async () => {
    const el = await finder(network, { 'anonymous-contact': 'page' });
    const mainz = $<HTMLAnchorElement>(el, 'a[href="https://anker-mainz.example.org/kontakt"]');
    expect(mainz.textContent!.trim()).to.equal('Anonym schreiben (verschlüsselt)');
    expect(writeButton(el, 'demo-rlp-mainz')).to.equal(null);
    expect(writeButton(el, 'demo-rlp-ludwigshafen'), 'no page given: the form').to.not.equal(null);
  });

  it('reports an unknown anonymous-contact value and opens forms inline', async () => {
    let el!: ServiceFinder;
    const errors = await collectErrors(async () => {
      el = await finder(network, { 'anonymous-contact': 'popup' });
    });
    expect(errors.map((e) => (e.detail as { code: string }).code)).to.include('service-finder/invalid-anonymous-contact');
    expect(writeButton(el, 'demo-rlp-mainz')).to.not.equal(null);
  });

  it('is accessible with the form open, and after sending; keyboard only from the button to the confirmation', async () => {
    const el = await finder();
    writeButton(el, 'demo-rlp-koblenz')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => focused()?.localName === 'textarea', 'focus in the message field', 10000);
    const form = contactForm(el, 'demo-rlp-koblenz')!;
    form.minFillTime = 0;
    await expect(el).to.be.accessible();
    // One key at a time: WebKit's WebDriver drops spaces and repeated letters typed in one go.
    for (const key of 'Tastatur') await sendKeys({ type: key });
    // Through topic, language and the answer choices to the send button.
    for (let i = 0; i < 12 && focused()?.getAttribute('part') !== 'submit'; i++) await sendKeys({ press: 'Tab' });
    expect(focused()?.getAttribute('part')).to.equal('submit');
    await sendKeys({ press: 'Enter' });
    await sent(form);
    await until(() => focused()?.getAttribute('part') === 'confirmation', 'focus on the confirmation');
    await expect(el).to.be.accessible();
  });

  it('fits the result at 320 px, and reads right to left in Arabic', async () => {
    const el = await fixtureInLocale<ServiceFinder>(html`<ww-service-finder now=${NIGHT} .data=${network}></ww-service-finder>`, 'ar', 320);
    await until(() => !!$(el, '.status'), 'the finder settled');
    await el.updateComplete;
    await open(el, 'demo-rlp-landau');
    expect(elementsTooWide(el)).to.deep.equal([]);
    // An Arabic finder in a left-to-right page: nothing may make the page scroll sideways (the form's honeypot once did).
    expect(document.documentElement.scrollWidth, 'page width').to.be.at.most(document.documentElement.clientWidth);
    const heading = $(el, '#write-heading-demo-rlp-landau');
    expect(heading.textContent!.trim()).to.equal('اكتب دون ذكر اسمك إلى Umstiegsberatung Rebenweg Landau (fiktiv)');
    expect(getComputedStyle(heading).direction).to.equal('rtl');
    expect(startsAtInlineStart(heading)).to.equal(true);
    const form = contactForm(el, 'demo-rlp-landau')!;
    expect(getComputedStyle($<HTMLTextAreaElement>(form, 'textarea')).direction).to.equal('rtl');
    await expect(el).to.be.accessible();
  });
});
