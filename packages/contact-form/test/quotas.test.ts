// The relay's byte quotas (issue 20): a full store answers 507 and a full
// conversation 413. Whatever the relay answers, the person's text stays, and
// the widget says what happened and what to do, against a real relay filled to
// its (smallest allowed) quotas.
import { expect, fixture, html } from '@open-wc/testing';
import { collectErrors, shadowText, until, withLang } from '../../../scripts/testing/index.js';
import type { ContactForm } from '../src/ContactForm.js';
import type { ContactReplies } from '../src/ContactReplies.js';
import '../src/define.js';
import '../src/define-replies.js';
import { relayCommand, type TestRelay, startRelay } from '../../contact-relay/test/relay-command.js';
import { $, clickButton, type } from '../../../scripts/testing/dom.js';

const text = 'Ich habe einen Brief vom Jobcenter und verstehe ihn nicht. Können Sie helfen?';

describe('ww-contact-form: a full store (507)', () => {
  let relay: TestRelay;
  before(async function () {
    this.timeout(60_000);
    relay = await startRelay({ env: { RELAY_MAX_STORE_MB: '1' } });
    await relayCommand({ action: 'fill', id: relay.id, what: 'store' });
  });
  after(() => relayCommand({ action: 'stop', id: relay.id }));

  it('keeps the text, tries again by itself, then says to try later or use another way', async function () {
    this.timeout(40_000);
    const form = await fixture<ContactForm>(html`<ww-contact-form relay=${relay.url} public-key=${relay.publicKey}><p>Telefon: 0381 000000 (Beispiel)</p></ww-contact-form>`, {
      parentNode: withLang('en'),
    });
    form.minFillTime = 0;
    form.retryDelay = 20;
    const events = await collectErrors(async () => {
      await type(form, '#message', text);
      $<HTMLButtonElement>(form, 'button[type=submit]').click();
      await until(() => shadowText(form).includes('cannot be sent at the moment'), `the final answer; the form says: ${shadowText(form).slice(-200)}`, 30_000);
    });
    expect(events.map((event) => event.detail.code)).to.include('contact-form/relay-unreachable');
    expect($<HTMLTextAreaElement>(form, '#message').value).to.equal(text);
    expect(shadowText(form)).to.include('use one of the other ways to reach us');
    const stored = await relayCommand<unknown[]>({ action: 'messages', id: relay.id });
    expect(JSON.stringify(stored)).to.not.include('Jobcenter', 'nothing of it stored, and never in clear');
  });
});

describe('ww-contact-replies: a full conversation (413)', () => {
  let relay: TestRelay;
  let code: string;
  before(async function () {
    this.timeout(60_000);
    relay = await startRelay({ env: { RELAY_MAX_CONVERSATION_KB: '64' } });
    const form = await fixture<ContactForm>(html`<ww-contact-form relay=${relay.url} public-key=${relay.publicKey} replies-href="#antworten"></ww-contact-form>`, { parentNode: withLang('en') });
    form.minFillTime = 0;
    await type(form, '#message', text);
    $<HTMLInputElement>(form, '#reply-code').click();
    await form.updateComplete;
    $<HTMLButtonElement>(form, 'button[type=submit]').click();
    await until(() => !!form.shadowRoot!.querySelector('.code'), 'code shown');
    code = $(form, '.code span[aria-hidden]').textContent!.trim();
    await relayCommand({ action: 'fill', id: relay.id, what: 'conversation' });
  });
  after(() => relayCommand({ action: 'stop', id: relay.id }));

  it('keeps the text and says the conversation is full, without offering a retry that cannot help', async function () {
    this.timeout(30_000);
    const el = await fixture<ContactReplies>(html`<ww-contact-replies relay=${relay.url} public-key=${relay.publicKey}></ww-contact-replies>`, { parentNode: withLang('en') });
    el.retryDelay = 20;
    await type(el, '#code', code);
    $<HTMLButtonElement>(el, 'form button[type=submit]').click();
    await until(() => !!el.shadowRoot!.querySelector('[part=conversation]'), 'the conversation opens');
    const reply = `Noch eine Frage zu dem Brief. ${'Bitte lesen Sie alles. '.repeat(80)}`;
    const events = await collectErrors(async () => {
      await type(el, '#reply', reply);
      await clickButton(el, 'Send');
      await until(() => shadowText(el).includes('reached the size the service can keep'), `the full conversation said; it shows: ${shadowText(el).slice(-200)}`);
    });
    expect(events.map((event) => event.detail.code)).to.include('contact-replies/conversation-full');
    expect($<HTMLTextAreaElement>(el, '#reply').value).to.equal(reply);
    expect(shadowText(el)).to.include('Your text is still here');
    expect(shadowText(el)).to.not.include('Try again now');
  });
});
