import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/pbkdf2';
import { parsePublicKey } from '@wegweiser/contact-form/public-key';
import { seal, sealTo, type ContactMessage, type Envelope } from '@wegweiser/contact-form/envelope';
import { checkChain, deriveKeys, newCode, openItems, readCode, type CodeKeys } from '@wegweiser/contact-form/conversation';
import { collectErrors, itIsAccessibleInEveryState, itSurvivesBadInput, shadowText, until } from '../../../scripts/testing/index.js';
import type { ContactInbox } from '../src/ContactInbox.js';
import { $, click, type } from '../../../scripts/testing/dom.js';
import { demoCentre, demoKeyFile as demoKeyFileText, demoPassphrase, keyOpening, openConversation, openKey, signIn, signInAndOpenKey, teamCredential } from './fixtures/inbox-harness.js';
import '../src/define.js';
import { relayCommand, type TestRelay, startRelay } from '../../contact-relay/test/relay-command.js';

const credential = teamCredential;
const centre = demoCentre;
const passphrase = demoPassphrase;
const startRelayWithInbox = () => startRelay({ inboxCredential: credential });

let relay: TestRelay;
let demoKeyFile: string;
let otherKeyFile: string;
before(async () => {
  relay = await startRelayWithInbox();
  demoKeyFile = await demoKeyFileText();
  otherKeyFile = await (await fetch('/packages/contact-inbox/test/fixtures/other-centre-key.json')).text();
});
after(async () => {
  await relayCommand({ action: 'stop', id: relay.id });
});

// ---- the person's side, through the relay's real API ----

const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const randomKey = () => crypto.randomUUID().replace(/-/g, '');

/**
 * WebKitGTK now and then throws NotSupportedError when it makes an X25519 key
 * (HPKE's ephemeral key); the person's side here tries again, as the inbox does.
 */
async function again<T>(make: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await make();
    } catch (error) {
      if (attempt >= 3 || !/NotSupported|operation-specific/.test(`${(error as Error).name} ${(error as Error).message}`)) throw error;
    }
  }
}

interface Seeded {
  keys: CodeKeys | null;
}

/** A person's first message, as the form sends it (proof of work included); with `reply: code`, a mailbox for answers. */
async function seed(r: TestRelay, message: Partial<ContactMessage> & { text: string }, options: { envelope?: Envelope } = {}): Promise<Seeded> {
  const key = await parsePublicKey(r.publicKey);
  const full: ContactMessage = { topic: null, language: null, reply: { method: 'code' }, formLocale: 'de', ...message };
  let keys: CodeKeys | null = null;
  let conversation: { mailbox: string; verifier: string; toPerson: Envelope } | undefined;
  if (full.reply.method === 'code') {
    const read = await readCode(await newCode());
    keys = await again(() => deriveKeys((read as { code: string }).code, key.centre));
    const replyKey = keys.replyKey;
    const toPerson = await again(() => sealTo(keys!.recipient, 'person', { v: 1, kind: 'first-contact', ...full, replyKey }));
    conversation = { mailbox: keys.mailbox, verifier: keys.verifier, toPerson };
  }
  const envelope = options.envelope ?? (await again(() => seal(key, full, keys?.replyKey ?? null)));
  const challenge = await (await fetch(`${r.url}/v1/challenge`)).json();
  const solution = await solveChallenge({ challenge, deriveKey, timeout: 0 });
  const response = await post(`${r.url}/v1/messages`, { envelope, pow: { challenge, solution }, idempotencyKey: randomKey(), ...(conversation ? { conversation } : {}) });
  expect(response.status, await response.clone().text()).to.equal(201);
  return { keys };
}

async function followUp(r: TestRelay, keys: CodeKeys, text: string) {
  const key = await parsePublicKey(r.publicKey);
  const plain = { v: 1, kind: 'follow-up', text, formLocale: 'ro' } as const;
  const response = await post(`${r.url}/v1/conversation/messages`, {
    mailbox: keys.mailbox,
    secret: keys.secret,
    envelope: await again(() => sealTo(key, 'centre', plain)),
    toPerson: await again(() => sealTo(keys.recipient, 'person', plain)),
    idempotencyKey: randomKey(),
  });
  expect(response.status).to.equal(201);
}

/** What the person sees with their code: the answers opened with the key derived from it. */
async function personReads(r: TestRelay, keys: CodeKeys) {
  const response = await post(`${r.url}/v1/conversation`, { mailbox: keys.mailbox, secret: keys.secret });
  if (response.status !== 200) return { status: response.status, items: [] };
  const data = (await response.json()) as { items: { author: string; envelope: Envelope }[] };
  // As <ww-contact-replies> opens them: the team's answers (format version 2) only with the centre's key.
  const key = await parsePublicKey(r.publicKey);
  const opened = await openItems(data.items as { author: 'person' | 'centre'; envelope: Envelope }[], keys.privateKey, 'person', { centre: key.publicKey, person: keys.recipient.publicKey });
  return { status: 200, items: opened.map((i) => ({ author: i.author, plain: i.message!, sender: i.sender })) };
}

async function teamToken(r: TestRelay): Promise<string> {
  const response = await post(`${r.url}/v1/inbox/sessions`, { centre, credential });
  return ((await response.json()) as { token: string }).token;
}

// ---- the counsellor's side, through the element ----

/** The button whose text includes `text`. */
function button(el: ContactInbox, text: string): HTMLButtonElement {
  const found = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes(text));
  if (!found) throw new Error(`no button "${text}"; the inbox shows: ${shadowText(el).slice(0, 300)}`);
  return found;
}

const inbox = (r: TestRelay = relay, lang = 'en') => html`<ww-contact-inbox relay=${r.url} lang=${lang}></ww-contact-inbox>`;

/** Signed in and unlocked, the list loaded. */
async function unlocked(el: ContactInbox) {
  await signInAndOpenKey(el, demoKeyFile);
  await until(() => !!$(el, '[part=list]') && !shadowText(el).includes('Loading') && !shadowText(el).includes('Wird geladen'), 'the list', keyOpening);
  return el;
}

async function openFirst(el: ContactInbox, containing: string) {
  await openConversation(el, containing);
  await until(() => !!$(el, '[part=conversation] ol.items') && !shadowText(el).includes('Decrypting'), 'the open conversation');
}

function stubFetch(answer: (url: string, init: RequestInit | undefined, real: typeof fetch) => Promise<Response> | null) {
  const real = window.fetch;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => answer(String(input), init, real) ?? real(input, init);
  return () => (window.fetch = real);
}

describe('ww-contact-inbox', function () {
  // Opening the key file runs scrypt with 128 MiB in JavaScript, a second or more per test.
  this.timeout(60000);

  itSurvivesBadInput({
    'a relay that is not http(s)': { template: () => html`<ww-contact-inbox relay="javascript:alert(1)"></ww-contact-inbox>`, code: 'contact-inbox/invalid-relay' },
    'a centre id that is not one': { template: () => html`<ww-contact-inbox relay=${relay.url} centre="Beratung Rostock!"></ww-contact-inbox>`, code: 'contact-inbox/invalid-centre' },
  });

  it('fills in the centre from its attribute; without a relay attribute it uses the page’s own origin', async () => {
    const el = await fixture<ContactInbox>(html`<ww-contact-inbox centre="demo-beratungsstelle" lang="en"></ww-contact-inbox>`);
    expect($<HTMLInputElement>(el, '#centre')!.value).to.equal(centre);
    const urls: string[] = [];
    const restore = stubFetch((url) => {
      urls.push(url);
      return Promise.resolve(new Response('{"error":"inbox-off"}', { status: 404 }));
    });
    try {
      await collectErrors(async () => {
        await type(el, '#credential', credential);
        await click(el, '[part=sign-in] button[type=submit]');
        await until(() => shadowText(el).includes('no team inbox'), 'the inbox-off notice');
      });
    } finally {
      restore();
    }
    expect(urls).to.deep.equal([`${location.origin}/v1/inbox/sessions`]);
  });

  itIsAccessibleInEveryState({
    states: {
      'sign in': () => inbox(),
      'sign in with errors': () => inbox(),
      'key file': () => inbox(),
      'key file with errors': () => inbox(),
      'the list': () => inbox(),
      'a conversation': () => inbox(),
      'delete confirmation': () => inbox(),
      'session ended': () => inbox(),
      'relay unreachable': () => html`<ww-contact-inbox relay="http://127.0.0.1:9"></ww-contact-inbox>`,
      'misconfigured': () => html`<ww-contact-inbox relay="ftp://relay.example"></ww-contact-inbox>`,
    },
    interact: {
      'sign in with errors': async (el) => click(el as ContactInbox, '[part=sign-in] button[type=submit]'),
      'key file': async (el) => {
        await signIn(el as ContactInbox);
        await until(() => !!$(el, '#key-title'), 'the key step');
      },
      'key file with errors': async (el) => {
        await signIn(el as ContactInbox);
        await until(() => !!$(el, '#key-title'), 'the key step');
        await click(el as ContactInbox, '[part=key] button[type=submit]');
      },
      'the list': async (el) => {
        await seed(relay, { text: 'Eine Nachricht für die Liste' });
        await seed(relay, { text: 'Bitte rufen Sie mich an', reply: { method: 'phone', value: '0381 000000' } });
        await unlocked(el as ContactInbox);
      },
      'a conversation': async (el) => {
        await seed(relay, { text: 'Ein Gespräch zum Öffnen', topic: 'housing', language: 'ro' });
        await openFirst(await unlocked(el as ContactInbox), 'Ein Gespräch zum Öffnen');
        await type(el as ContactInbox, '#reply', '');
        await click(el as ContactInbox, '[part=reply] button[type=submit]');
      },
      'delete confirmation': async (el) => {
        await seed(relay, { text: 'Ein Gespräch zum Löschen' });
        await openFirst(await unlocked(el as ContactInbox), 'Ein Gespräch zum Löschen');
        await click(el as ContactInbox, '#delete');
      },
      'session ended': async (el) => {
        const c = await unlocked(el as ContactInbox);
        await fetch(`${relay.url}/v1/inbox/sessions/current`, { method: 'DELETE', headers: { Authorization: `Bearer ${(c as unknown as { client: { token: string } }).client.token}` } });
        await click(c, '[part=toolbar] button');
        await until(() => !!$(c, '[part=sign-in]'), 'the sign-in form');
      },
      'relay unreachable': async (el) => {
        await collectErrors(async () => {
          await signIn(el as ContactInbox);
          await until(() => !!$(el, '[part=status]'), 'the notice');
        });
      },
    },
  });

  it('signs in with the team credential; a wrong one shows the error summary and stays on the form', async () => {
    const el = await fixture<ContactInbox>(inbox());
    await signIn(el, 'WRONG-CREDE-NTIAL-XXXXX-XXXXX');
    await until(() => !!$(el, '.summary'), 'the error summary');
    expect(shadowText(el)).to.include('The centre id or the team credential is not right');
    expect(el.shadowRoot!.activeElement?.className).to.equal('summary');
    expect($<HTMLInputElement>(el, '#credential')!.getAttribute('aria-invalid')).to.equal('true');
    await type(el, '#credential', credential);
    await click(el, '[part=sign-in] button[type=submit]');
    await until(() => !!$(el, '#key-title'), 'the key step');
    expect(el.shadowRoot!.activeElement?.id).to.equal('key-title');
    expect(shadowText(el)).to.include(centre);
  });

  it('works with the keyboard alone: sign in and open the key without a pointer', async () => {
    const el = await fixture<ContactInbox>(inbox());
    // Where a keyboard user arrives on the page (the first Tab from the address bar differs by browser).
    $<HTMLInputElement>(el, '#centre')!.focus();
    // One key at a time: WebKit's WebDriver drops a repeated letter ("ss", "ll") typed in one go.
    const typeKeys = async (text: string) => {
      for (const key of text) await sendKeys({ type: key });
    };
    await typeKeys(centre);
    await sendKeys({ press: 'Tab' });
    await typeKeys(credential);
    await sendKeys({ press: 'Enter' });
    await until(() => el.shadowRoot!.activeElement?.id === 'key-title', 'the key step, focused').catch((e: Error) => {
      throw new Error(`${e.message}; focus on ${el.shadowRoot!.activeElement?.id}; fields: ${$<HTMLInputElement>(el, '#centre')?.value}/${$<HTMLInputElement>(el, '#credential')?.value}; shows ${shadowText(el).slice(0, 200)}`);
    });
    // From the heading: the file field, then the paste field.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.id).to.equal('key-paste');
    $<HTMLTextAreaElement>(el, '#key-paste')!.value = demoKeyFile;
    $<HTMLTextAreaElement>(el, '#key-paste')!.dispatchEvent(new Event('input'));
    await sendKeys({ press: 'Tab' });
    await typeKeys(passphrase);
    await sendKeys({ press: 'Enter' });
    await until(() => el.shadowRoot!.activeElement?.id === 'inbox-title', 'the inbox, focused', keyOpening);
  });

  it('refuses a wrong passphrase, a key file of another centre and a damaged file, each with its own message', async () => {
    const el = await fixture<ContactInbox>(inbox());
    await signIn(el);
    await until(() => !!$(el, '#key-title'), 'the key step');
    const problem = async (text: string, phrase: string) => {
      await openKey(el, text, phrase);
      await until(() => !!$(el, '.summary') && !$(el, 'progress'), 'the error summary');
      return $(el, '.summary')!.textContent!.replace(/\s+/g, ' ');
    };
    expect(await problem(demoKeyFile, 'not the passphrase')).to.include('The passphrase is not right');
    expect(await problem(otherKeyFile, 'other-passphrase-not-secret')).to.include('belongs to the centre “andere-beratungsstelle”');
    expect(await problem(demoKeyFile.slice(0, 200), passphrase)).to.include('This is not a private key file');
    const changed = demoKeyFile.replace(/"ciphertext": "(.)/, (_, c: string) => `"ciphertext": "${c === 'A' ? 'B' : 'A'}`);
    expect(await problem(changed, passphrase)).to.include('or the key file was changed');
    await click(el, '[part=key] button[type=submit]');
    expect(shadowText(el)).to.not.include('Team inbox:');
    // Nothing of it was kept in the page's storage.
    expect(localStorage.length + sessionStorage.length).to.equal(0);
    expect(document.cookie).to.equal('');
  });

  it('lists conversations with counts and filters; previews are decrypted in the browser; it marks where no answer is possible here', async () => {
    const r = await startRelayWithInbox();
    try {
      await seed(r, { text: 'Kurze Frage zur Krankenversicherung' });
      await seed(r, { text: 'Bitte rufen Sie mich abends an', reply: { method: 'phone', value: '0381 000000' } });
      await seed(r, { text: `${'Ein sehr langer Text über die Wohnungssuche. '.repeat(8)}ENDE`, reply: { method: 'none' } });
      const el = await unlocked(await fixture<ContactInbox>(inbox(r)));
      await until(() => !shadowText(el).includes('Decrypting'), 'decrypted previews');
      const text = shadowText(el);
      expect(text).to.include('New (3)').and.include('Answered (0)').and.include('Closed (0)').and.include('All (3)');
      expect(text).to.include('Kurze Frage zur Krankenversicherung');
      expect(text).to.include('No answer here: the person asked for a call at 0381 000000');
      expect(text).to.include('No answer here: the person asked for no answer');
      const long = [...el.shadowRoot!.querySelectorAll('button.open')].map((b) => b.textContent!.trim()).find((t) => t.startsWith('Ein sehr langer'))!;
      expect(long.endsWith('…')).to.equal(true);
      expect(long.length).to.be.at.most(101);
      expect(long).to.not.include('ENDE');
      await click(el, '#filter-closed');
      expect(shadowText(el)).to.include('No closed conversations.');
      await click(el, '#filter-all');
      expect(el.shadowRoot!.querySelectorAll('button.open').length).to.equal(3);
      expect(el.shadowRoot!.querySelector('time')!.getAttribute('datetime')).to.match(/^\d{4}-\d\d-\d\dT/);
    } finally {
      await relayCommand({ action: 'stop', id: r.id });
    }
  });

  it('opens a conversation with every item decrypted, answers it, and the person reads the answer with the key from their code', async () => {
    const r = await startRelayWithInbox();
    try {
      const { keys } = await seed(r, { text: 'Ich suche eine Wohnung in Rostock', topic: 'housing', language: 'ro' });
      await followUp(r, keys!, 'Und eine Frage zur Krankenkasse');
      const el = await unlocked(await fixture<ContactInbox>(inbox(r)));
      await openFirst(el, 'Ich suche eine Wohnung');
      expect(el.shadowRoot!.activeElement?.id).to.equal('conversation-title');
      const text = shadowText(el);
      expect(text).to.include('Ich suche eine Wohnung in Rostock').and.include('Und eine Frage zur Krankenkasse');
      expect(text).to.include('Housing').and.include('Romanian').and.include('Here, with the code the person was given');
      expect($<HTMLSelectElement>(el, '#reply-language')!.value).to.equal('ro');
      const answer = 'Guten Tag, wir können Ihnen helfen. Kommen Sie dienstags vorbei.';
      await type(el, '#reply', answer);
      expect(shadowText(el)).to.include(`You have ${(6000 - answer.length).toLocaleString('en')} characters remaining`);
      await type(el, '#reply-language', 'de');
      await click(el, '[part=reply] button[type=submit]');
      await until(() => shadowText(el).includes('Your answer has been sent.') && shadowText(el).includes('Your team answered') && !shadowText(el).includes('Decrypting'), 'the answer in the conversation');
      expect($<HTMLTextAreaElement>(el, '#reply')!.value).to.equal('');
      expect(shadowText(el)).to.include(answer);
      const read = await personReads(r, keys!);
      const reply = read.items.find((i) => i.author === 'centre')!.plain;
      // Format version 2: sealed with the centre's key (it opened with it) and linked after the two items the team saw.
      const intact = await checkChain(
        read.items.map((i) => ({ author: i.author, message: i.plain, sender: i.sender })),
        keys!.replyKey,
      );
      expect(intact).to.deep.equal([true, true, true]);
      expect(reply).to.deep.include({ v: 2, kind: 'reply', text: answer, language: 'de', seq: 3 });
      expect(Object.keys(reply).sort()).to.deep.equal(['kind', 'language', 'prev', 'seq', 'text', 'thread', 'v']);
      await click(el, '[part=conversation] button.secondary');
      await until(() => shadowText(el).includes('Answered (1)'), 'the answered count');
    } finally {
      await relayCommand({ action: 'stop', id: r.id });
    }
  });

  it('closes and reopens a conversation; deletes it only after a confirmation that says it cannot be undone', async () => {
    const r = await startRelayWithInbox();
    try {
      const { keys } = await seed(r, { text: 'Bitte schließen und löschen' });
      const el = await unlocked(await fixture<ContactInbox>(inbox(r)));
      await openFirst(el, 'Bitte schließen');
      await click(el, '#close');
      await until(() => $(el, '#close')!.textContent!.includes('Open the conversation again'), 'the closed state');
      expect($(el, '[part=conversation] .badge')!.textContent).to.equal('Closed');
      await click(el, '#close');
      await until(() => $(el, '#close')!.textContent!.includes('Close the conversation'), 'the open state');
      await click(el, '#delete');
      expect(el.shadowRoot!.activeElement?.id).to.equal('delete-title');
      expect(shadowText(el)).to.include('This cannot be undone.');
      button(el, 'Cancel').click();
      await el.updateComplete;
      expect((await personReads(r, keys!)).status).to.equal(200);
      await click(el, '#delete');
      await click(el, '#confirm-delete');
      await until(() => shadowText(el).includes('All (0)'), 'the empty list');
      expect((await personReads(r, keys!)).status).to.equal(403);
    } finally {
      await relayCommand({ action: 'stop', id: r.id });
    }
  });

  it('keeps the typed answer when the session ends, and sends it after signing in again', async () => {
    const r = await startRelayWithInbox();
    try {
      const { keys } = await seed(r, { text: 'Sitzung läuft ab' });
      const el = await unlocked(await fixture<ContactInbox>(inbox(r)));
      await openFirst(el, 'Sitzung läuft ab');
      await type(el, '#reply', 'Eine Antwort, die nicht verloren gehen darf');
      const token = (el as unknown as { client: { token: string } }).client.token;
      await fetch(`${r.url}/v1/inbox/sessions/current`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } });
      await click(el, '[part=reply] button[type=submit]');
      await until(() => !!$(el, '[part=sign-in]'), 'the sign-in form');
      expect(shadowText(el)).to.include('Your session has ended');
      await signIn(el);
      await until(() => !!$(el, '#reply'), 'the conversation again');
      expect($<HTMLTextAreaElement>(el, '#reply')!.value).to.equal('Eine Antwort, die nicht verloren gehen darf');
      await click(el, '[part=reply] button[type=submit]');
      await until(() => shadowText(el).includes('Your answer has been sent.'), 'the sent answer');
      expect((await personReads(r, keys!)).items.filter((i) => i.author === 'centre')).to.have.length(1);
    } finally {
      await relayCommand({ action: 'stop', id: r.id });
    }
  });

  it('keeps the answer when the relay is down or its reply is lost, and stores it once on retry', async () => {
    const r = await startRelayWithInbox();
    try {
      const { keys } = await seed(r, { text: 'Relay ist weg' });
      const el = await unlocked(await fixture<ContactInbox>(inbox(r)));
      await openFirst(el, 'Relay ist weg');
      await type(el, '#reply', 'Antwort trotz Ausfall');
      // First the network fails before the relay sees the answer; then the relay stores it but
      // its reply is lost (a 503 from a proxy stands in); the retry must not store it twice.
      let failures = 0;
      const restore = stubFetch((url, init, real) => {
        if (!url.endsWith('/replies') || failures >= 2) return null;
        failures++;
        if (failures === 1) return Promise.reject(new TypeError('Failed to fetch'));
        return real(url, init).then(() => new Response('{"error":"unavailable"}', { status: 503 }));
      });
      try {
        for (let i = 1; i <= 2; i++) {
          const events = await collectErrors(async () => {
            await click(el, '[part=reply] button[type=submit]');
            await until(() => shadowText(el).includes('Your answer has not been sent yet'), 'the failure box');
          });
          expect(events.map((e) => e.detail.code)).to.include('contact-inbox/relay-unreachable');
          expect($<HTMLTextAreaElement>(el, '#reply')!.value).to.equal('Antwort trotz Ausfall');
        }
      } finally {
        restore();
      }
      await click(el, '[part=reply] button[type=submit]');
      await until(() => shadowText(el).includes('Your answer has been sent.'), 'the sent answer');
      expect((await personReads(r, keys!)).items.filter((i) => i.author === 'centre')).to.have.length(1);
    } finally {
      await relayCommand({ action: 'stop', id: r.id });
    }
  });

  it('warns about an item that does not hold its place (forged on the relay with the public key alone) and stops answering', async () => {
    const r = await startRelayWithInbox();
    try {
      await seed(r, { text: 'Wem kann ich trauen?' });
      const el = await unlocked(await fixture<ContactInbox>(inbox(r)));
      await openFirst(el, 'Wem kann ich trauen?');
      await type(el, '#reply', 'Uns. Schreiben Sie gern.');
      await click(el, '[part=reply] button[type=submit]');
      await until(() => shadowText(el).includes('Your answer has been sent.'), 'the sent answer');
      expect(shadowText(el)).to.not.include('could not be checked');
      // What a compromised relay can do with the centre's public key alone: an "answer" in the old format.
      await relayCommand({ action: 'answer', id: r.id, text: 'Bitte rufen Sie 0170-0000000 an.', language: 'de' });
      const events = await collectErrors(async () => {
        await click(el, '[part=toolbar] button.secondary');
        await until(() => shadowText(el).includes('0170-0000000'), 'the forged item');
      });
      expect(events.map((e) => e.detail.code)).to.include('contact-inbox/unverified');
      const items = [...el.shadowRoot!.querySelectorAll('ol.items > li')];
      expect(items.map((li) => li.textContent!.includes('could not be checked'))).to.deep.equal([false, false, true]);
      expect(shadowText(el)).to.include('Answering is stopped');
      expect($(el, '#reply')).to.equal(null, 'no answer form');
      await expect(el).to.be.accessible();
    } finally {
      await relayCommand({ action: 'stop', id: r.id });
    }
  });

  it('says calmly when someone else deleted the conversation, and keeps the unsent answer to copy', async () => {
    const r = await startRelayWithInbox();
    try {
      await seed(r, { text: 'Wird gleich gelöscht' });
      const el = await unlocked(await fixture<ContactInbox>(inbox(r)));
      await openFirst(el, 'Wird gleich gelöscht');
      await type(el, '#reply', 'Text, der bleibt');
      const token = await teamToken(r);
      const list = (await (await fetch(`${r.url}/v1/inbox/conversations`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { conversations: { id: string }[] };
      await fetch(`${r.url}/v1/inbox/conversations/${list.conversations[0]!.id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } });
      await click(el, '[part=reply] button[type=submit]');
      await until(() => shadowText(el).includes('This conversation no longer exists'), 'the calm message');
      expect($<HTMLTextAreaElement>(el, '#orphan')!.value).to.equal('Text, der bleibt');
    } finally {
      await relayCommand({ action: 'stop', id: r.id });
    }
  });

  it('shows a message the key cannot open as such, in its place', async () => {
    const r = await startRelayWithInbox();
    try {
      const key = await parsePublicKey(r.publicKey);
      // Sealed under the centre's key id but to another key: the relay accepts it, the key does not open it.
      const other = await crypto.subtle.generateKey({ name: 'X25519' }, true, ['deriveBits']) as CryptoKeyPair;
      const otherPublic = new Uint8Array(await crypto.subtle.exportKey('raw', other.publicKey));
      const envelope = await again(() => sealTo({ centre: key.centre, kid: key.kid, publicKey: otherPublic }, 'centre', { v: 1, kind: 'first-contact', text: 'x', topic: null, language: null, reply: { method: 'none' }, formLocale: 'de', replyKey: null }));
      await seed(r, { text: 'Lesbar', reply: { method: 'none' } });
      await seed(r, { text: 'unused', reply: { method: 'none' } }, { envelope });
      let el!: ContactInbox;
      const events = await collectErrors(async () => {
        el = await unlocked(await fixture<ContactInbox>(inbox(r)));
        await until(() => shadowText(el).includes('cannot be decrypted'), 'the undecryptable marker');
      });
      expect(events.map((e) => e.detail.code)).to.include('contact-inbox/undecryptable');
      expect(shadowText(el)).to.include('Lesbar');
      expect(el.shadowRoot!.querySelectorAll('button.open').length).to.equal(2);
    } finally {
      await relayCommand({ action: 'stop', id: r.id });
    }
  });

  it('refreshes by itself, announces new conversations politely and never moves focus', async () => {
    const r = await startRelayWithInbox();
    try {
      await seed(r, { text: 'Schon da' });
      const el = await unlocked(await fixture<ContactInbox>(inbox(r)));
      const focused = $<HTMLInputElement>(el, '#filter-answered')!;
      focused.focus();
      await seed(r, { text: 'Neu dazugekommen' });
      await seed(r, { text: 'Auch neu' });
      el.refreshInterval = 150;
      const live = () => $(el, '[aria-live=polite][role=status]')!.textContent!.trim();
      await until(() => live() === '2 conversations with new messages', 'the announcement');
      expect(shadowText(el)).to.include('New (3)');
      expect(el.shadowRoot!.activeElement === focused, 'focus stays where it was').to.equal(true);
    } finally {
      await relayCommand({ action: 'stop', id: r.id });
    }
  });

  it('locks: forgets the key, the decrypted messages and the session (the relay ends it too)', async () => {
    await seed(relay, { text: 'Vor dem Sperren gelesen' });
    const el = await unlocked(await fixture<ContactInbox>(inbox()));
    await until(() => shadowText(el).includes('Vor dem Sperren gelesen'), 'the preview');
    const token = (el as unknown as { client: { token: string } }).client.token;
    await click(el, '[part=toolbar] .actions button:last-child');
    await until(() => shadowText(el).includes('The inbox is locked'), 'the locked notice');
    expect(shadowText(el)).to.not.include('Vor dem Sperren gelesen');
    expect($(el, '[part=sign-in]')).to.not.equal(null);
    await until(async () => (await fetch(`${relay.url}/v1/inbox/conversations`, { headers: { Authorization: `Bearer ${token}` } })).status === 401, 'the session ended at the relay');
    // Signing in again asks for the key again.
    await signIn(el);
    await until(() => !!$(el, '#key-title'), 'the key step');
  });

  it('reflows at 320 px: the list and a conversation need no horizontal scrolling', async () => {
    // A 320 px column is what a 320 px screen gives the element (setViewport is Chromium-only).
    await seed(relay, { text: `Einlangeswortohneleerzeichen${'x'.repeat(120)} und Text`, reply: { method: 'email', value: 'eine-sehr-lange-adresse-zum-testen@beispiel.example' } });
    const column = await fixture<HTMLDivElement>(html`<div style="inline-size: 320px">${inbox(relay, 'de')}</div>`);
    const el = column.querySelector('ww-contact-inbox')!;
    await el.updateComplete;
    await unlocked(el);
    const widest = () => Math.max(column.scrollWidth, el.scrollWidth, ...[...el.shadowRoot!.querySelectorAll<HTMLElement>('*')].map((e) => e.getBoundingClientRect().right - column.getBoundingClientRect().left));
    expect(widest(), 'list').to.be.at.most(320);
    await openFirst(el, 'Einlangeswort');
    expect(widest(), 'conversation').to.be.at.most(320);
  });
});
