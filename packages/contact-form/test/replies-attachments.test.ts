// Files in the person's conversation (issue 23): the team answers with a PDF (sealed as
// the inbox seals answers, format version 3, by the test relay), and <ww-contact-replies>
// opens it in the browser with the code and offers it as a download, byte for byte.
import { expect, fixture, html } from '@open-wc/testing';
import { shadowText, withLang, until } from '../../../scripts/testing/index.js';
import type { ContactForm } from '../src/ContactForm.js';
import type { ContactReplies } from '../src/ContactReplies.js';
import '../src/define.js';
import '../src/define-replies.js';
import { relayCommand, type TestRelay, startRelay } from '../../contact-relay/test/relay-command.js';
import { $, type } from '../../../scripts/testing/dom.js';

const appointment = new TextEncoder().encode(`%PDF-1.4\n${'Termin am Dienstag, 10 Uhr, Beratungsstelle. '.repeat(400)}\n%%EOF\n`);

describe('ww-contact-replies: files in an answer', function () {
  this.timeout(60000);
  let relay: TestRelay;
  before(async () => {
    relay = await startRelay();
  });
  after(async () => {
    await relayCommand({ action: 'stop', id: relay.id });
  });

  it('shows the team’s PDF as a download the person opens with the code, and forgets it with the conversation', async () => {
    const form = await fixture<ContactForm>(html`<ww-contact-form relay=${relay.url} public-key=${relay.publicKey} replies-href="#antworten"></ww-contact-form>`, {
      parentNode: withLang('en'),
    });
    form.minFillTime = 0;
    await type(form, '#message', 'Wann kann ich kommen?');
    $<HTMLInputElement>(form, '#reply-code').click();
    await form.updateComplete;
    $<HTMLButtonElement>(form, 'button[type=submit]').click();
    await until(() => !!form.shadowRoot!.querySelector('.code'), 'the code');
    const code = $(form, '.code span[aria-hidden]').textContent!.trim();
    await relayCommand({ action: 'answer', id: relay.id, text: 'Hier ist Ihr Termin.', file: { name: 'Termin.pdf', type: 'application/pdf', bytes: [...appointment] } });

    const el = await fixture<ContactReplies>(html`<ww-contact-replies relay=${relay.url} public-key=${relay.publicKey}></ww-contact-replies>`, { parentNode: withLang('en') });
    await type(el, '#code', code);
    $<HTMLButtonElement>(el, 'form button[type=submit]').click();
    await until(() => !!el.shadowRoot!.querySelector('ul.attachments a[download]'), `the file; the element shows: ${shadowText(el).slice(0, 300)}`, 30000);
    expect(shadowText(el)).to.include('Hier ist Ihr Termin.');
    const link = $<HTMLAnchorElement>(el, 'ul.attachments a[download]');
    expect(link.getAttribute('download')).to.equal('Termin.pdf');
    expect(new Uint8Array(await (await fetch(link.href)).arrayBuffer())).to.deep.equal(appointment);
    await expect(el).to.be.accessible();

    const url = link.href;
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes('Forget this conversation'))!.click();
    await until(() => !el.shadowRoot!.querySelector('[part=conversation]'), 'the conversation forgotten');
    let opened = true;
    try {
      await fetch(url);
    } catch {
      opened = false;
    }
    expect(opened, 'the file’s URL is revoked').to.equal(false);
  });
});
