import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { collectErrors, itIsAccessibleInEveryState, itSurvivesBadInput, shadowText, withLang, until } from '../../../scripts/testing/index.js';
import { formatPublicKey } from '../src/public-key.js';
import type { ContactForm } from '../src/ContactForm.js';
import type { MessagePlaintext } from '../src/envelope.js';
import '../src/define.js';
import { relayCommand, type TestRelay, startRelay } from '../../contact-relay/test/relay-command.js';
import { $, type } from '../../../scripts/testing/dom.js';

let relay: TestRelay;
before(async () => {
  relay = await startRelay();
});
after(async () => {
  await relayCommand({ action: 'stop', id: relay.id });
});

function form(options: { relay?: TestRelay; publicKey?: string } = {}) {
  const r = options.relay ?? relay;
  return html`<ww-contact-form relay=${r.url} public-key=${options.publicKey ?? r.publicKey}>
    <p>Telefon: 0381 000000 (Beispiel)</p>
  </ww-contact-form>`;
}

async function fast(el: ContactForm) {
  el.retryDelay = 20;
  el.minFillTime = 0;
  await el.updateComplete;
  return el;
}

async function submit(el: ContactForm) {
  $<HTMLButtonElement>(el, 'button[type=submit]').click();
  await el.updateComplete;
}

const sent = (el: ContactForm) =>
  until(() => !!el.shadowRoot!.querySelector('[part=confirmation]'), 'the confirmation', 8000).catch((error: Error) => {
    throw new Error(`${error.message}; the form shows: ${shadowText(el).slice(-200)}`);
  });

describe('ww-contact-form', () => {
  itIsAccessibleInEveryState({
    states: {
      'ready to write': () => form(),
      'with errors after submit': () => form(),
      'phone chosen, number missing': () => form(),
      sent: () => form(),
      'cannot send securely': () => html`<ww-contact-form relay="https://relay.example"><p>Telefon: 0381 000000</p></ww-contact-form>`,
      'sending failed, retrying': () => form(),
    },
    interact: {
      'with errors after submit': async (el) => submit(el as ContactForm),
      'phone chosen, number missing': async (el) => {
        const c = el as ContactForm;
        await type(c, '#message', 'Hallo');
        $<HTMLInputElement>(c, '#reply-phone').click();
        await submit(c);
      },
      sent: async (el) => {
        const c = await fast(el as ContactForm);
        await type(c, '#message', 'Eine Testnachricht');
        await submit(c);
        await sent(c);
      },
      'sending failed, retrying': async (el) => {
        const c = el as ContactForm;
        c.retryDelay = 60_000;
        c.minFillTime = 0;
        await relayCommand({ action: 'cut', id: relay.id, before: 1 });
        await type(c, '#message', 'Eine Testnachricht');
        await collectErrors(() => submit(c).then(() => until(() => !!c.shadowRoot!.querySelector('[part=status]'), 'a status', 8000)));
      },
    },
  });

  itSurvivesBadInput({
    'no public key': { template: () => html`<ww-contact-form relay="https://relay.example"></ww-contact-form>`, code: 'contact-form/missing-public-key' },
    'no relay': { template: () => html`<ww-contact-form public-key=${relay.publicKey}></ww-contact-form>`, code: 'contact-form/missing-relay' },
    'a relay that is not http(s)': {
      template: () => html`<ww-contact-form relay="javascript:alert(1)" public-key=${relay.publicKey}></ww-contact-form>`,
      code: 'contact-form/invalid-relay',
    },
  });

  it('says it cannot send securely when the key was damaged in copying, and reports it', async () => {
    const damaged = relay.publicKey.replace(/\.(.)/, (_, c: string) => `.${c === 'a' ? 'b' : 'a'}`);
    const bad = relay.publicKey.slice(0, -3) + (relay.publicKey.endsWith('AAA') ? 'BBB' : 'AAA');
    for (const key of [damaged, bad, 'wwk1.demo.short.x']) {
      let el!: ContactForm;
      const events = await collectErrors(async () => {
        el = await fixture<ContactForm>(form({ publicKey: key }));
        await until(() => shadowText(el).includes('cannot send messages securely') || shadowText(el).includes('keine Nachrichten sicher'), 'the key problem', 8000);
      });
      expect(events.map((e) => e.detail.code)).to.include('contact-form/invalid-public-key');
      expect(el.shadowRoot!.querySelector('textarea')).to.equal(null);
      expect(el.shadowRoot!.querySelector('slot')).to.not.equal(null, 'the other ways to reach the centre show');
    }
  });

  it('encrypts the message in the browser; the relay stores ciphertext that the private key opens in another process', async () => {
    const r = await startRelay();
    try {
      const el = await fast(await fixture<ContactForm>(form({ relay: r })));
      const text = 'Ich möchte etwas anderes arbeiten. Können wir sprechen? – Grüße';
      await type(el, '#message', text);
      await type(el, '#topic', 'work');
      await type(el, '#language', 'ro');
      $<HTMLInputElement>(el, '#reply-email').click();
      await el.updateComplete;
      await type(el, '#email', 'person@example.org');
      const event = oneEvent(el, 'ww-contact-sent');
      await submit(el);
      expect((await event).detail.reply).to.equal('email');
      await sent(el);

      const stored = await relayCommand<Record<string, unknown>[]>({ action: 'messages', id: r.id });
      expect(stored).to.have.length(1);
      expect(Object.keys(stored[0]!).sort()).to.deep.equal(['centre', 'ct', 'enc', 'kid', 'suite', 'v']);
      expect(JSON.stringify(stored)).to.not.include('arbeiten').and.not.include('person@example.org');

      const [message] = await relayCommand<MessagePlaintext[]>({ action: 'decrypt', id: r.id });
      expect(message).to.deep.include({ v: 1, kind: 'first-contact', text, topic: 'work', language: 'ro', formLocale: 'de', replyKey: null });
      expect(message!.reply).to.deep.equal({ method: 'email', value: 'person@example.org' });
      expect(shadowText(el)).to.not.include(text, 'the text is gone from the page after sending');
      expect(localStorage.length + sessionStorage.length).to.equal(0);
      expect(document.cookie).to.equal('');
    } finally {
      await relayCommand({ action: 'stop', id: r.id });
    }
  });

  it('checks on submit, not while typing: an error summary that links to the field', async () => {
    const postsBefore = await relayCommand<number>({ action: 'posts', id: relay.id });
    const el = await fixture<ContactForm>(form());
    await type(el, '#message', '');
    expect(el.shadowRoot!.querySelector('.summary')).to.equal(null);
    await submit(el);
    const summary = $(el, '.summary');
    expect(el.shadowRoot!.activeElement).to.equal(summary);
    expect(summary.textContent).to.include('Geben Sie Ihre Nachricht ein');
    const textarea = $<HTMLTextAreaElement>(el, '#message');
    expect(textarea.getAttribute('aria-invalid')).to.equal('true');
    expect(textarea.getAttribute('aria-describedby')).to.include('message-error');
    $<HTMLAnchorElement>(el, '.summary a').click();
    expect(el.shadowRoot!.activeElement).to.equal(textarea);
    expect(await relayCommand<number>({ action: 'posts', id: relay.id })).to.equal(postsBefore, 'nothing was sent');
  });

  it('asks for a phone number only when an answer by phone is chosen, and says it is not anonymous', async () => {
    const el = await fixture<ContactForm>(form());
    expect(el.shadowRoot!.querySelector('#phone')).to.equal(null);
    $<HTMLInputElement>(el, '#reply-phone').click();
    await el.updateComplete;
    const phone = $<HTMLInputElement>(el, '#phone');
    expect(phone.autocomplete).to.equal('off');
    expect(shadowText(el)).to.include('Nicht anonym');
    await type(el, '#message', 'Hallo');
    await type(el, '#phone', 'abc');
    await submit(el);
    expect($(el, '.summary').textContent).to.include('Telefonnummer');
    expect(el.shadowRoot!.querySelectorAll('.summary li')).to.have.length(1);
  });

  it('counts the characters left and refuses a message over the limit', async () => {
    const el = await fixture<ContactForm>(html`<div lang="en">${form()}</div>`).then((d) => d.firstElementChild as ContactForm);
    await type(el, '#message', 'Hello');
    expect($(el, '#message-counter-status').textContent).to.equal('You have 5,995 characters remaining');
    await type(el, '#message', 'x'.repeat(6002));
    expect($(el, '#message-counter-status').textContent).to.equal('You have 2 characters too many');
    await submit(el);
    expect($(el, '.summary').textContent).to.include('6,000 characters or fewer');
  });

  it('keeps the text when the network is cut mid-send, and retries until it arrives', async () => {
    const r = await startRelay();
    try {
      const el = await fast(await fixture<ContactForm>(form({ relay: r })));
      el.retryDelay = 300;
      await relayCommand({ action: 'cut', id: r.id, before: 2 });
      await type(el, '#message', 'Bitte nicht verlieren');
      const events = await collectErrors(async () => {
        await submit(el);
        await until(() => !!el.shadowRoot!.querySelector('[part=status]'), 'a status', 8000);
        expect(shadowText(el)).to.include('Ihr Text ist noch da');
        expect($<HTMLTextAreaElement>(el, '#message').value).to.equal('Bitte nicht verlieren');
        await sent(el);
      });
      expect(events.map((e) => e.detail.code)).to.include('contact-form/relay-unreachable');
      const [message] = await relayCommand<MessagePlaintext[]>({ action: 'decrypt', id: r.id });
      expect(message!.text).to.equal('Bitte nicht verlieren');
      expect(await relayCommand<number>({ action: 'posts', id: r.id })).to.equal(3);
    } finally {
      await relayCommand({ action: 'stop', id: r.id });
    }
  });

  it('stores a message once when the answer is lost and the form retries (idempotency key)', async () => {
    const r = await startRelay();
    try {
      const el = await fast(await fixture<ContactForm>(form({ relay: r })));
      await relayCommand({ action: 'cut', id: r.id, after: 1 });
      await type(el, '#message', 'Nur einmal, bitte');
      await collectErrors(async () => {
        await submit(el);
        await sent(el);
      });
      expect(await relayCommand<number>({ action: 'posts', id: r.id })).to.equal(2);
      expect(await relayCommand<unknown[]>({ action: 'messages', id: r.id })).to.have.length(1);
    } finally {
      await relayCommand({ action: 'stop', id: r.id });
    }
  });

  it('sends once when the button is pressed twice', async () => {
    const r = await startRelay();
    try {
      const el = await fast(await fixture<ContactForm>(form({ relay: r })));
      await type(el, '#message', 'Doppelklick');
      const button = $<HTMLButtonElement>(el, 'button[type=submit]');
      button.click();
      button.click();
      await sent(el);
      expect(await relayCommand<number>({ action: 'posts', id: r.id })).to.equal(1);
    } finally {
      await relayCommand({ action: 'stop', id: r.id });
    }
  });

  it('reports a relay that refuses the key, keeps the text and points to other ways', async () => {
    const unknownKey = await formatPublicKey('andere-stelle', crypto.getRandomValues(new Uint8Array(32)));
    const el = await fast(await fixture<ContactForm>(form({ publicKey: unknownKey })));
    await type(el, '#message', 'Text bleibt');
    const events = await collectErrors(async () => {
      await submit(el);
      await until(() => !!el.shadowRoot!.querySelector('[part=status]') && !shadowText(el).includes('gleich von selbst'), 'a final status', 8000);
    });
    expect(events.map((e) => e.detail.code)).to.include('contact-form/relay-refused');
    expect($<HTMLTextAreaElement>(el, '#message').value).to.equal('Text bleibt');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part=status]'));
  });

  it('follows a surrounding fieldset that is disabled, and clears on form reset', async () => {
    const outer = await fixture<HTMLFormElement>(html`<form><fieldset>${form()}</fieldset></form>`);
    const el = outer.querySelector('ww-contact-form')!;
    await type(el, '#message', 'Zurücksetzen');
    expect(el.form).to.equal(outer);
    outer.querySelector('fieldset')!.disabled = true;
    await el.updateComplete;
    expect($<HTMLTextAreaElement>(el, '#message').matches(':disabled')).to.equal(true);
    outer.querySelector('fieldset')!.disabled = false;
    outer.reset();
    await el.updateComplete;
    expect($<HTMLTextAreaElement>(el, '#message').value).to.equal('');
    expect(new FormData(outer).has('text')).to.equal(false, 'the plain text never joins the host form');
  });

  it('can be filled in and sent with the keyboard alone; the honeypot is not in the tab order', async () => {
    const r = await startRelay();
    try {
      const container = withLang('en');
      const el = await fast(await fixture<ContactForm>(form({ relay: r }), { parentNode: container }));
      $<HTMLTextAreaElement>(el, '#message').focus();
      await sendKeys({ type: 'Keyboard only' });
      const order: string[] = [];
      // The file picker (issue 23) loads right after the first render and comes after the message.
      await until(() => !!$(el, '#attachments'), 'the file picker');
      for (let i = 0; i < 5; i++) {
        await sendKeys({ press: 'Tab' });
        const active = el.shadowRoot!.activeElement;
        order.push(active?.id || active?.localName || '');
      }
      expect(order).to.deep.equal(['attachments', 'topic', 'language', 'reply-none', 'button']);
      await sendKeys({ press: 'Enter' });
      await sent(el);
      const [message] = await relayCommand<MessagePlaintext[]>({ action: 'decrypt', id: r.id });
      expect(message!.text).to.equal('Keyboard only');
      expect(message!.formLocale).to.equal('en');
    } finally {
      await relayCommand({ action: 'stop', id: r.id });
    }
  });
});
