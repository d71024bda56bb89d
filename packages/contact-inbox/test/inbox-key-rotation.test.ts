// The inbox during a key change (issue 22): the team holds the current key file and the one
// from before the change open at once, and messages sealed to either key decrypt. Against a
// real relay that knows both of the demo centre's keys (as after `centres rotate`).
import { expect, fixture, html } from '@open-wc/testing';
import { shadowText, until } from '../../../scripts/testing/index.js';
import type { ContactInbox } from '../src/ContactInbox.js';
import { $, $$ } from '../../../scripts/testing/dom.js';
import { demoKeyFile, openKey, signInAndOpenKey, teamCredential } from './fixtures/inbox-harness.js';
import '../src/define.js';
import { relayCommand, type TestRelay } from '../../contact-relay/test/relay-command.js';
import { sendFirstMessage } from './relay-messages.js';

// A second DEMO key of the demo centre (same public passphrase): the key from before the change.
const olderKeyFile = '../../contact-inbox/test/fixtures/demo-older-key.json';

let relay: TestRelay & { publicKeys: string[] };
before(async () => {
  relay = await relayCommand<TestRelay & { publicKeys: string[] }>({ action: 'start', origin: location.origin, inboxCredential: teamCredential, keyFiles: [olderKeyFile] });
  const [olderKey] = relay.publicKeys as [string];
  await sendFirstMessage(relay.url, olderKey, { text: 'Vor dem Schlüsselwechsel geschrieben', topic: 'housing', language: 'ro' });
  await sendFirstMessage(relay.url, relay.publicKey, { text: 'Nach dem Schlüsselwechsel geschrieben', topic: 'work', language: 'de' });
});
after(async () => {
  await relayCommand({ action: 'stop', id: relay.id });
});

const button = (el: Element, text: string) => $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent!.trim() === text);

/** An inbox signed in for the demo centre with its current key open, showing the message sealed to that key. */
async function signedInWithCurrentKey(): Promise<ContactInbox> {
  const el = await fixture<ContactInbox>(html`<ww-contact-inbox relay=${relay.url} lang="en"></ww-contact-inbox>`);
  await signInAndOpenKey(el, await demoKeyFile());
  await until(() => shadowText(el).includes('Nach dem Schlüsselwechsel geschrieben'), 'the message sealed to the current key', 60_000);
  return el;
}

describe('ww-contact-inbox: a key change', function () {
  this.timeout(180_000);

  it('opens the key from before the change beside the current one: messages sealed to either decrypt; the same key twice is refused; Lock forgets both; axe in each state', async () => {
    const currentKeyFile = await demoKeyFile();
    const olderKey = await (await fetch('/packages/contact-inbox/test/fixtures/demo-older-key.json')).text();
    const el = await signedInWithCurrentKey();
    expect(shadowText(el)).not.to.include('Vor dem Schlüsselwechsel geschrieben');
    expect(el.shadowRoot!.querySelectorAll('[part=list] li').length).to.equal(2, 'both conversations are listed');

    button(el, 'Open an earlier key')!.click();
    await until(() => $(el, '#key-title')?.textContent!.trim() === 'Open an earlier key as well', 'the form for an earlier key');
    await expect(el).to.be.accessible();

    // The key already open is not opened twice.
    await openKey(el, currentKeyFile);
    await until(() => shadowText(el).includes('This key is open already'), 'the problem', 60_000);
    expect($(el, '#key-paste')!.getAttribute('aria-describedby')).to.equal('key-file-error');
    await expect(el).to.be.accessible();

    await openKey(el, olderKey);
    await until(() => shadowText(el).includes('Vor dem Schlüsselwechsel geschrieben'), 'the message sealed to the earlier key', 60_000);
    expect(shadowText(el)).to.include('Nach dem Schlüsselwechsel geschrieben');
    expect(shadowText(el)).to.include('Keys open: 2');
    await expect(el).to.be.accessible();

    // The conversation sealed to the earlier key opens and reads in full.
    const older = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=list] button.open')].find((b) => b.textContent!.includes('Vor dem'))!;
    older.click();
    const items = () => [...el.shadowRoot!.querySelectorAll('li.item')].map((item) => item.textContent!);
    await until(() => items().some((text) => text.includes('Vor dem Schlüsselwechsel geschrieben')), 'the conversation, decrypted', 30_000).catch((error: Error) => {
      throw new Error(`${error.message}; the inbox shows: ${shadowText(el).slice(0, 400)}`);
    });
    expect(items().join(' ')).not.to.include('cannot be decrypted');
    await expect(el).to.be.accessible();

    button(el, 'Lock')!.click();
    await until(() => !!$(el, '[part=sign-in]'), 'the sign-in form');
    expect(el.olderKeys).to.deep.equal([]);
    expect(el.key).to.equal(null);
  });

  it('goes back to the conversations with Cancel, keeping the one key open', async () => {
    const el = await signedInWithCurrentKey();
    button(el, 'Open an earlier key')!.click();
    await until(() => !!$(el, '#key-title'), 'the form for an earlier key');
    button(el, 'Cancel')!.click();
    await until(() => !!$(el, '[part=list]'), 'back to the list');
    expect(shadowText(el)).to.include('Nach dem Schlüsselwechsel geschrieben');
    expect(shadowText(el)).not.to.include('Keys open');
    await until(() => el.shadowRoot!.activeElement?.id === 'inbox-title', 'focus on the inbox heading');
  });
});
