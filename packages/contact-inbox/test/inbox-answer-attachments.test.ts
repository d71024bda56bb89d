// Files in the team's answers (issue 23): the counsellor adds a PDF to an answer in
// <ww-contact-inbox> with the contact form's picker (cleaned in this browser), the answer and
// the file go encrypted to a real relay (wtr-relay-plugin.mjs), and the person's
// <ww-contact-replies> opens the file with the code: byte for byte what the picker cleaned.
// Too much is refused calmly, and the refusal is said in the inbox's live region.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { $, type } from '../../../scripts/testing/dom.js';
import { elementsTooWide, shadowText, until, withLang } from '../../../scripts/testing/index.js';
import type { ContactInbox } from '../src/ContactInbox.js';
import { demoKeyFile as demoKeyFileText, openConversation as openConversationContaining, signInAndOpenKey, teamCredential } from './fixtures/inbox-harness.js';
import type { ContactForm } from '../../contact-form/src/ContactForm.js';
import type { ContactReplies } from '../../contact-form/src/ContactReplies.js';
import '../src/define.js';
import '../../contact-form/src/define.js';
import '../../contact-form/src/define-replies.js';
import { relayCommand, startRelay, type TestRelay } from '../../contact-relay/test/relay-command.js';


let relay: TestRelay;
let demoKeyFile: string;
let letter: Uint8Array;
before(async () => {
  relay = await startRelay({ inboxCredential: teamCredential });
  demoKeyFile = await demoKeyFileText();
  letter = new Uint8Array(await (await fetch('/packages/contact-form/test/fixtures/letter-with-metadata.pdf')).arrayBuffer());
});
after(async () => {
  await relayCommand({ action: 'stop', id: relay.id });
});

/** The person writes with a code (their first message); returns the code. */
async function personWrites(text: string): Promise<string> {
  const form = await fixture<ContactForm>(html`<ww-contact-form relay=${relay.url} public-key=${relay.publicKey} replies-href="#antworten"></ww-contact-form>`, { parentNode: withLang('en') });
  form.minFillTime = 0;
  await type(form, '#message', text);
  $<HTMLInputElement>(form, '#reply-code').click();
  await form.updateComplete;
  $<HTMLButtonElement>(form, 'button[type=submit]').click();
  await until(() => !!form.shadowRoot!.querySelector('.code'), 'the code');
  return $(form, '.code span[aria-hidden]').textContent!.trim();
}

/** The inbox signed in, its key open, and the conversation whose preview contains `containing` open. */
async function openConversation(containing: string, parentNode?: HTMLElement): Promise<ContactInbox> {
  const el = await fixture<ContactInbox>(html`<ww-contact-inbox relay=${relay.url} lang=${parentNode?.lang || 'en'}></ww-contact-inbox>`, { parentNode });
  await signInAndOpenKey(el, demoKeyFile);
  await openConversationContaining(el, containing);
  // The picker's input appears once its code has loaded, with the answer form.
  await until(() => !!$(el, '[part=reply] input[type=file]'), 'the answer form with its file picker', 30000);
  return el;
}

/** Chooses files in the answer's picker, as the browser's file dialog would. */
function choose(el: ContactInbox, files: File[]): void {
  const input = $<HTMLInputElement>(el, '[part=reply] input[type=file]');
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** The inbox's one live region (the element's, after the shadow root's other content). */
const liveRegion = (el: ContactInbox) => [...el.shadowRoot!.querySelectorAll('[aria-live="polite"][role="status"]')].at(-1)!;

describe('files in the team’s answer, from the inbox to the person', function () {
  // Opening the key file runs scrypt with 128 MiB in JavaScript; the PDF is rewritten in the browser.
  this.timeout(150000);

  it('cleans a PDF added to an answer, sends it encrypted, and the person opens the identical bytes with the code', async () => {
    const code = await personWrites('Können Sie mir den Antrag schicken? (Antwortdatei)');
    const el = await openConversation('(Antwortdatei)');
    choose(el, [new File([letter as BlobPart], 'Antrag Wohngeld.pdf', { type: 'application/pdf' })]);
    await until(() => !!$(el, '.attachment-list button'), 'the PDF in the list', 60000);
    expect(shadowText(el)).to.include('Antrag Wohngeld.pdf');
    expect(shadowText(el)).to.include('Author and program details removed');
    await until(() => liveRegion(el).textContent!.includes('Antrag Wohngeld.pdf added.'), 'the inbox says that the file was added');
    expect(el.shadowRoot!.querySelectorAll('[part=reply] [role="status"]').length, 'the picker has no live region of its own here').to.equal(1);
    await expect(el).to.be.accessible();
    // What the picker cleaned is what must arrive.
    const picker = el.answerFiles(el.openId!)!;
    const sentBytes = picker.attachments[0]!.bytes.slice();
    expect(new TextDecoder('latin1').decode(sentBytes), 'the author is not in what is sent').to.not.include('Maria Beispiel');

    await type(el, '#reply', 'Hier ist der Antrag zum Ausfüllen.');
    $<HTMLButtonElement>(el, '[part=reply] button[type=submit]').click();
    await until(() => shadowText(el).includes('Your answer has been sent.'), 'the answer sent', 30000);
    expect($(el, '.attachment-list'), 'the list is emptied after sending').to.equal(null);
    // The team sees its own answer with the file.
    await until(() => !!$(el, 'ol.items ul.attachments a[download]'), 'the team’s answer with its file', 30000);

    const replies = await fixture<ContactReplies>(html`<ww-contact-replies relay=${relay.url} public-key=${relay.publicKey}></ww-contact-replies>`, { parentNode: withLang('en') });
    await type(replies, '#code', code);
    $<HTMLButtonElement>(replies, 'form button[type=submit]').click();
    await until(() => !!replies.shadowRoot!.querySelector('ul.attachments a[download]'), `the file; the element shows: ${shadowText(replies).slice(0, 300)}`, 30000);
    expect(shadowText(replies)).to.include('Hier ist der Antrag zum Ausfüllen.');
    const link = $<HTMLAnchorElement>(replies, 'ul.attachments a[download]');
    expect(link.getAttribute('download')).to.equal('Antrag Wohngeld.pdf');
    expect(new Uint8Array(await (await fetch(link.href)).arrayBuffer())).to.deep.equal(sentBytes);
  });

  it('refuses too much calmly, says so in its live region, and removes a file by keyboard', async () => {
    await personWrites('Noch eine Frage (zu groß)');
    const el = await openConversation('(zu groß)');
    // A "PDF" larger than the 10 MB for all files together: refused before it is read.
    const large = new File(['%PDF-1.4\n', new Uint8Array(10_500_000) as BlobPart], 'Scan.pdf', { type: 'application/pdf' });
    choose(el, [large]);
    await until(() => !!$(el, '.attachment-refusals'), 'the refusal');
    expect(shadowText(el)).to.include('Scan.pdf was not added. All files together can be up to 10 MB.');
    await until(() => liveRegion(el).textContent!.includes('Scan.pdf was not added.'), 'the refusal said');
    await expect(el).to.be.accessible();

    choose(el, [new File([letter as BlobPart], 'Termin.pdf', { type: 'application/pdf' })]);
    await until(() => !!$(el, '.attachment-list button'), 'the PDF in the list', 60000);
    const remove = $<HTMLButtonElement>(el, '.attachment-list button');
    expect(remove.textContent).to.include('Termin.pdf');
    remove.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !$(el, '.attachment-list'), 'the file removed');
    await until(() => liveRegion(el).textContent!.includes('Termin.pdf removed.'), 'the removal said');
    expect(el.shadowRoot!.activeElement?.id, 'the focus goes back to the file input').to.equal('attachments');
  });

  it('reflows at 320 px in Arabic (right to left) with a file in the answer: nothing sticks out', async () => {
    await personWrites('Eine Frage aus dem Handy (schmal)');
    // A column as narrow as a small phone, in Arabic (withLang removes it after the test).
    const column = withLang('ar');
    column.style.inlineSize = '320px';
    const el = await openConversation('(schmal)', column);
    choose(el, [new File([letter as BlobPart], 'طلب السكن الطويل جدا للاختبار.pdf', { type: 'application/pdf' })]);
    await until(() => !!$(el, '.attachment-list button'), 'the PDF in the list', 60000);
    expect(getComputedStyle($(el, '[part=reply]')).direction).to.equal('rtl');
    expect(elementsTooWide(el), 'elements wider than the 320 px column').to.deep.equal([]);
    await expect(el).to.be.accessible();
  });
});
