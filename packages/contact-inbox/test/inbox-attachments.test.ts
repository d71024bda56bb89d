// Attachments end to end (issue 23): <ww-contact-form> seals a photo and a PDF in the
// browser and sends them to a real relay (wtr-relay-plugin.mjs); <ww-contact-inbox>
// fetches the ciphertext, opens it and shows the photo inline and the PDF as a
// download, byte for byte what was sent. A cut upload and a 503 lose nothing; a
// blob changed on the way is refused calmly; closing the conversation revokes
// the files' URLs.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { $, type } from '../../../scripts/testing/dom.js';
import { shadowText, until } from '../../../scripts/testing/index.js';
import type { ContactInbox } from '../src/ContactInbox.js';
import { demoKeyFile as demoKeyFileText, openConversation as openConversationContaining, signInAndOpenKey, teamCredential } from './fixtures/inbox-harness.js';
import type { ContactForm } from '../../contact-form/src/ContactForm.js';
import type { AttachmentSource, CleanedAttachment } from '../../contact-form/src/attachments/types.js';
import '../src/define.js';
import '../../contact-form/src/define.js';
import { relayCommand, startRelay, type TestRelay } from '../../contact-relay/test/relay-command.js';


let relay: TestRelay;
let demoKeyFile: string;
before(async () => {
  relay = await startRelay({ inboxCredential: teamCredential });
  demoKeyFile = await demoKeyFileText();
});
after(async () => {
  await relayCommand({ action: 'stop', id: relay.id });
});

/** A real PNG, drawn here: the inbox must show it as an image, not a broken one. */
async function drawnPhoto(): Promise<Uint8Array> {
  const canvas = document.createElement('canvas');
  canvas.width = 120;
  canvas.height = 80;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#1d70b8';
  context.fillRect(0, 0, 120, 80);
  context.fillStyle = '#ffdd00';
  context.fillRect(20, 20, 40, 40);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
  return new Uint8Array(await blob.arrayBuffer());
}

/** A PDF-like document longer than one padding step (64 KiB). */
const letter = new TextEncoder().encode(`%PDF-1.4\n${'Ihr Bescheid vom Jobcenter, Seite 1. '.repeat(2500)}\n%%EOF\n`);

/** What the picker hands the send path (attachments/types.ts), with the files already cleaned. */
function cleaned(files: CleanedAttachment[]): AttachmentSource & { cleared: boolean } {
  let list = files;
  return {
    cleared: false,
    get attachments() {
      return list;
    },
    busy: false,
    settled: Promise.resolve(),
    clear() {
      list = [];
      this.cleared = true;
    },
  };
}

async function sendWithFiles(text: string, files: CleanedAttachment[], before?: () => Promise<unknown>) {
  const form = await fixture<ContactForm>(html`<ww-contact-form relay=${relay.url} public-key=${relay.publicKey} lang="en"></ww-contact-form>`);
  form.minFillTime = 0;
  form.retryDelay = 50;
  const source = cleaned(files);
  (form as unknown as { attachments: AttachmentSource }).attachments = source;
  await type(form, '#message', text);
  await before?.();
  const sent = new Promise((resolve) => form.addEventListener('ww-contact-sent', resolve, { once: true }));
  $<HTMLButtonElement>(form, 'button[type=submit]').click();
  await sent;
  return { form, source };
}

/** The inbox signed in, its key open, and the conversation whose preview contains `containing` clicked. */
async function openConversation(containing: string): Promise<ContactInbox> {
  const el = await fixture<ContactInbox>(html`<ww-contact-inbox relay=${relay.url} lang="en"></ww-contact-inbox>`);
  await signInAndOpenKey(el, demoKeyFile);
  await openConversationContaining(el, containing);
  return el;
}

/** The same, once the conversation and its files are shown. */
async function openInbox(containing: string): Promise<ContactInbox> {
  const el = await openConversation(containing);
  await until(() => !!$(el, '[part=conversation] ol.items') && !shadowText(el).includes('Decrypting'), 'the open conversation and its files', 30000);
  return el;
}

const bytesAt = async (url: string) => new Uint8Array(await (await fetch(url)).arrayBuffer());

describe('attachments from the form to the inbox', function () {
  // Opening the key file runs scrypt with 128 MiB in JavaScript.
  this.timeout(90000);

  it('sends a photo and a PDF encrypted; the inbox shows the photo inline and offers the PDF, byte for byte', async () => {
    const photo = await drawnPhoto();
    const { source } = await sendWithFiles('Was will dieser Brief von mir? (Dateien)', [
      { id: 'a', name: 'Foto 1.png', type: 'image/png', bytes: photo, removed: ['location', 'camera'] },
      { id: 'b', name: 'Bescheid.pdf', type: 'application/pdf', bytes: letter, removed: ['document information'] },
    ]);
    expect(source.cleared, 'the picker is emptied once the relay has everything').to.equal(true);
    const items = await relayCommand<{ toCentre: { v: number; ct: string } }[]>({ action: 'items', id: relay.id });
    expect(items.at(-1)!.toCentre.v).to.equal(3);

    const el = await openInbox('(Dateien)');
    const image = $<HTMLImageElement>(el, 'ul.attachments img');
    expect(image.alt, 'the text alternative names the file').to.equal('Photo sent with the message: Foto 1.png');
    expect(image.src).to.match(/^blob:/);
    await until(() => image.complete && image.naturalWidth === 120, 'the photo decoded');
    expect(await bytesAt(image.src)).to.deep.equal(photo);
    const link = $<HTMLAnchorElement>(el, 'ul.attachments a[download]');
    expect(link.getAttribute('download')).to.equal('Bescheid.pdf');
    expect(link.textContent).to.include('Bescheid.pdf');
    expect(await bytesAt(link.href)).to.deep.equal(letter);
    link.focus();
    expect(el.shadowRoot!.activeElement, 'the download is reached by keyboard').to.equal(link);
    await expect(el).to.be.accessible();

    // Closing the conversation forgets the files: their URLs no longer open.
    const urls = [image.src, link.href];
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes('Back to the list'))!.click();
    await el.updateComplete;
    for (const url of urls) {
      let opened = true;
      try {
        await fetch(url);
      } catch {
        opened = false;
      }
      expect(opened, `${url} is revoked`).to.equal(false);
    }
  });

  it('sends a photo chosen in the form’s picker, cleaned in this browser; the inbox opens the cleaned bytes', async () => {
    const form = await fixture<ContactForm>(html`<ww-contact-form relay=${relay.url} public-key=${relay.publicKey} lang="en"></ww-contact-form>`);
    form.minFillTime = 0;
    await until(() => !!$(form, 'input[type=file]'), 'the picker, loaded after the first render');
    const input = $<HTMLInputElement>(form, 'input[type=file]');
    const transfer = new DataTransfer();
    transfer.items.add(new File([(await drawnPhoto()) as BlobPart], 'IMG_20261207_081500.png', { type: 'image/png' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    const picker = (form as unknown as { attachments: AttachmentSource }).attachments;
    await until(() => picker.attachments.length === 1 && !picker.busy, 'the photo cleaned', 30000);
    const [chosen] = picker.attachments;
    const cleanedBytes = chosen!.bytes.slice();
    expect(chosen!.name, 'the camera’s file name (date and time) is not sent').to.not.include('20261207');
    await type(form, '#message', 'Ein Foto aus der Auswahl (Picker)');
    const sent = new Promise((resolve) => form.addEventListener('ww-contact-sent', resolve, { once: true }));
    $<HTMLButtonElement>(form, 'button[type=submit]').click();
    await sent;
    expect(picker.attachments, 'the list is emptied after sending').to.have.length(0);

    const el = await openInbox('(Picker)');
    const image = $<HTMLImageElement>(el, 'ul.attachments img');
    await until(() => image.complete && image.naturalWidth === 120, 'the photo decoded');
    expect(image.alt).to.include(chosen!.name);
    expect(await bytesAt(image.src)).to.deep.equal(cleanedBytes);
  });

  it('keeps the text and the files through a cut upload and a 503, and sends them when the relay answers again', async () => {
    const photo = await drawnPhoto();
    await sendWithFiles(
      'Nochmal mit Foto (Netz weg)',
      [{ id: 'c', name: 'Foto 2.png', type: 'image/png', bytes: photo, removed: [] }],
      () => relayCommand({ action: 'cut', id: relay.id, blobs: 1, blobsUnavailable: 1 }),
    );
    const el = await openInbox('(Netz weg)');
    const image = $<HTMLImageElement>(el, 'ul.attachments img');
    await until(() => image.complete && image.naturalWidth === 120, 'the photo decoded');
    expect(await bytesAt(image.src)).to.deep.equal(photo);
  });

  it('is accessible while a file loads, when the relay cannot be reached (try again by keyboard) and when a file has not arrived', async () => {
    const photo = await drawnPhoto();
    await sendWithFiles('Foto mit Warten (Zustände)', [{ id: 'e', name: 'Foto 4.png', type: 'image/png', bytes: photo, removed: [] }]);
    const real = window.fetch;
    let answer: 'hold' | 'network' | 'missing' | 'real' = 'hold';
    let release: () => void = () => {};
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      if (!String(input).includes('/v1/inbox/blobs/')) return real(input, init);
      if (answer === 'hold') await new Promise<void>((resolve) => (release = resolve));
      if (answer === 'network') throw new TypeError('Failed to fetch');
      if (answer === 'missing') return new Response('{"error":"not-found"}', { status: 404 });
      return real(input, init);
    };
    try {
      const el = await openConversation('(Zustände)');
      await until(() => shadowText(el).includes('Decrypting “Foto 4.png”'), 'the file loading');
      await expect(el).to.be.accessible();

      answer = 'network';
      release();
      await until(() => shadowText(el).includes('cannot be loaded at the moment'), 'the relay unreachable');
      await expect(el).to.be.accessible();
      answer = 'real';
      const again = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('ul.attachments button')].find((b) => b.textContent!.includes('Try again'))!;
      again.focus();
      await sendKeys({ press: 'Enter' });
      const image = await (async () => {
        await until(() => !!$(el, 'ul.attachments img'), 'the photo after trying again');
        return $<HTMLImageElement>(el, 'ul.attachments img');
      })();
      expect(await bytesAt(image.src)).to.deep.equal(photo);

      // Another opening, the relay says the file is not there (yet).
      answer = 'missing';
      [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes('Back to the list'))!.click();
      await until(() => !!$(el, 'button.open'), 'the list');
      [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.open')].find((b) => b.textContent!.includes('(Zustände)'))!.click();
      await until(() => shadowText(el).includes('has not arrived (yet)'), 'the file missing');
      expect($(el, 'ul.attachments img')).to.equal(null);
      await expect(el).to.be.accessible();
    } finally {
      window.fetch = real;
    }
  });

  it('says calmly that a changed file cannot be opened, and shows no broken image', async () => {
    await sendWithFiles('Mit verändertem Foto (Test)', [{ id: 'd', name: 'Foto 3.png', type: 'image/png', bytes: await drawnPhoto(), removed: [] }]);
    const real = window.fetch;
    // A relay that changes the file on the way.
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await real(input, init);
      if (!String(input).includes('/v1/inbox/blobs/')) return response;
      const bytes = new Uint8Array(await response.arrayBuffer());
      bytes[100] ^= 1;
      return new Response(bytes, { status: 200 });
    };
    try {
      const el = await openInbox('(Test)');
      await until(() => shadowText(el).includes('cannot be opened'), 'the calm error');
      expect($(el, 'ul.attachments img')).to.equal(null);
      expect(shadowText(el)).to.include('Foto 3.png');
      expect(shadowText(el)).to.include('Mit verändertem Foto', 'the message itself is shown');
      await expect(el).to.be.accessible();
    } finally {
      window.fetch = real;
    }
  });
});
