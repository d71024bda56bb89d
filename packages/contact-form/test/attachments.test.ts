/**
 * Attachments (issue 23): what the photo and PDF cleaners write, and the picker a person uses.
 * The fixtures (test/fixtures/make-fixtures.mjs) carry EXIF with GPS, camera and serial number,
 * a maker note, XMP, IPTC, PNG text chunks and PDF document information; every check of the
 * cleaned bytes is also run on the raw input, where it must find them.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import PDFDocument from 'pdf-lib/es/api/PDFDocument.js';
import PDFName from 'pdf-lib/es/core/objects/PDFName.js';
import PDFRawStream from 'pdf-lib/es/core/objects/PDFRawStream.js';
import { cleanImage } from '../src/attachments/clean-image.js';
import { cleanPdf } from '../src/attachments/clean-pdf.js';
import { jpegSegments } from '../src/attachments/jpeg-segments.js';
import { AttachmentRefusedError } from '../src/attachments/refusal.js';
import { attachmentLimits } from '../src/attachments/types.js';
import { documentName } from '../src/attachments/attachment-list.js';
import type { AttachmentHost } from './attachment-host.js';
import './attachment-host.js';
import { elementsTooWide, itIsAccessibleInEveryState, shadowText, until, withLang } from '../../../scripts/testing/index.js';
import { $, $$ } from '../../../scripts/testing/dom.js';
import { emulateMedia } from '../../../scripts/testing/emulate-media.js';

// The made-up values in the fixtures (make-fixtures.mjs `demo`).
const demoStrings = [
  'DEMO-Kamera',
  'DEMO-Modell 1',
  'DEMO-SN-4711',
  'DEMO-MAKERNOTE-SERIAL-4711',
  'DEMO Maria Beispiel',
  'DEMO Scanner App',
  'DEMO PDF Producer',
  'DEMO Brief vom Jobcenter',
  'DEMO-XMP-CREATOR',
  'DEMO Zweite Autorin',
  '2026:11:30 21:47:12',
];

async function fixtureBytes(name: string): Promise<Uint8Array<ArrayBuffer>> {
  const response = await fetch(new URL(`./fixtures/${name}`, import.meta.url));
  return new Uint8Array(await response.arrayBuffer());
}

async function fixtureFile(name: string, type: string, fileName = name): Promise<File> {
  return new File([await fixtureBytes(name)], fileName, { type });
}

const latin1 = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes);

/** The made-up values found anywhere in the bytes. */
const demoValuesIn = (bytes: Uint8Array) => demoStrings.filter((value) => latin1(bytes).includes(value));

/** What a JPEG carries beyond its pixels: EXIF, XMP, IPTC, comments, other application segments (JFIF, Adobe and an ICC profile are allowed). */
function jpegMetadata(bytes: Uint8Array): string[] {
  const segments = jpegSegments(bytes);
  if (!segments) throw new Error('not a readable JPEG');
  const found: string[] = [];
  for (const { marker, start, end } of segments) {
    const head = latin1(bytes.subarray(start + 4, Math.min(end, start + 40)));
    if (marker === 0xe1 && head.startsWith('Exif')) {
      found.push('EXIF');
      // The GPS IFD's tag (0x8825) in IFD0, big- or little-endian.
      const exif = bytes.subarray(start, end);
      const gpsTag = exif.some((byte, index) => (byte === 0x88 && exif[index + 1] === 0x25) || (byte === 0x25 && exif[index + 1] === 0x88));
      if (gpsTag) found.push('GPS');
    }
    else if (marker === 0xe1 && head.startsWith('http://ns.adobe.com/xap')) found.push('XMP');
    else if (marker === 0xed) found.push('IPTC');
    else if (marker === 0xfe) found.push('comment');
    else if (marker >= 0xe1 && marker <= 0xef && marker !== 0xe2 && marker !== 0xee) found.push(`APP${marker - 0xe0}`);
    else if (marker === 0xe2 && !head.startsWith('ICC_PROFILE')) found.push('APP2');
  }
  return [...found, ...demoValuesIn(bytes)];
}

/** A PNG's chunk types, in order. */
function pngChunks(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const types: string[] = [];
  for (let position = 8; position + 8 <= bytes.length; ) {
    const length = view.getUint32(position);
    types.push(latin1(bytes.subarray(position + 4, position + 8)));
    position += 12 + length;
  }
  return types;
}

/** What a PNG carries beyond its pixels: text chunks (tEXt, iTXt, zTXt: XMP lives in iTXt), EXIF, a time stamp. */
function pngMetadata(bytes: Uint8Array): string[] {
  const found = pngChunks(bytes).filter((type) => ['tEXt', 'iTXt', 'zTXt', 'eXIf', 'tIME'].includes(type));
  return [...found, ...demoValuesIn(bytes)];
}

async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AttachmentRefusedError) return error.reason;
    throw error;
  }
  return 'accepted';
}

async function decodedSize(bytes: Uint8Array, type: string): Promise<[number, number]> {
  const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type }));
  const size: [number, number] = [bitmap.width, bitmap.height];
  bitmap.close();
  return size;
}

describe('attachments: photos', () => {
  it('a JPEG loses EXIF (GPS, camera, serial), its maker note, XMP, IPTC and comments; the same check finds them in the raw file', async () => {
    const raw = await fixtureBytes('photo-with-gps.jpg');
    expect(jpegMetadata(raw)).to.include.members(['EXIF', 'XMP', 'IPTC', 'comment', 'GPS', 'DEMO-MAKERNOTE-SERIAL-4711', 'DEMO-SN-4711', 'DEMO-XMP-CREATOR']);
    const cleaned = await cleanImage(new Blob([raw], { type: 'image/jpeg' }));
    expect(cleaned.type).to.equal('image/jpeg');
    expect(jpegMetadata(cleaned.bytes)).to.deep.equal([]);
    expect(await decodedSize(cleaned.bytes, 'image/jpeg')).to.deep.equal([300, 200]);
    expect(cleaned.thumbnail.size).to.be.greaterThan(0);
  });

  it('the EXIF orientation is applied: a 300 × 200 photo marked "rotate 90°" comes out 200 × 300, upright', async () => {
    const raw = await fixtureBytes('photo-rotated.jpg');
    expect(jpegMetadata(raw)).to.include('EXIF');
    const cleaned = await cleanImage(new Blob([raw], { type: 'image/jpeg' }));
    expect([cleaned.width, cleaned.height]).to.deep.equal([200, 300]);
    expect(jpegMetadata(cleaned.bytes)).to.deep.equal([]);
    // Decoded without orientation data, the pixels themselves are upright.
    expect(await decodedSize(cleaned.bytes, 'image/jpeg')).to.deep.equal([200, 300]);
  });

  it('a transparent PNG stays PNG, without its XMP (iTXt), author (tEXt) and EXIF (eXIf) chunks', async () => {
    const raw = await fixtureBytes('transparent-with-xmp.png');
    expect(pngMetadata(raw)).to.include.members(['iTXt', 'tEXt', 'eXIf', 'DEMO-XMP-CREATOR', 'DEMO Maria Beispiel']);
    const cleaned = await cleanImage(new Blob([raw], { type: 'image/png' }));
    expect(cleaned.type).to.equal('image/png');
    expect(pngMetadata(cleaned.bytes)).to.deep.equal([]);
  });

  it('an opaque PNG becomes a JPEG (smaller), without metadata', async () => {
    const raw = await fixtureBytes('opaque-with-xmp.png');
    expect(pngMetadata(raw)).to.include('iTXt');
    const cleaned = await cleanImage(new Blob([raw], { type: 'image/png' }));
    expect(cleaned.type).to.equal('image/jpeg');
    expect(jpegMetadata(cleaned.bytes)).to.deep.equal([]);
  });

  it(`a large photo is downscaled to ${attachmentLimits.maxLongSidePixels} px on the long side`, async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 3000;
    canvas.height = 1000;
    canvas.getContext('2d')!.fillRect(0, 0, 10, 10);
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/jpeg'));
    const cleaned = await cleanImage(blob);
    expect([cleaned.width, cleaned.height]).to.deep.equal([2000, 667]);
  });

  for (const [name, type] of [
    ['letter.webp', 'image/webp'],
    ['letter.heic', 'image/heic'],
  ] as const) {
    it(`${name}: cleaned where this browser decodes it, else refused as a photo it cannot open`, async () => {
      const file = await fixtureFile(name, type);
      const outcome = await refusal(async () => {
        const cleaned = await cleanImage(file);
        expect(jpegMetadata(cleaned.bytes)).to.deep.equal([]);
      });
      expect(outcome).to.be.oneOf(['accepted', 'undecodable-image']);
    });
  }

  it('a file that is not a picture is refused as a photo the browser cannot open', async () => {
    expect(await refusal(() => cleanImage(new Blob(['DEMO not a photo'], { type: 'image/jpeg' })))).to.equal('undecodable-image');
  });
});

/** The document information, the catalog's XMP and the DCT images' segments of a PDF, as pdf-lib reads them. */
async function pdfMetadata(bytes: Uint8Array): Promise<string[]> {
  const document = await PDFDocument.load(bytes, { updateMetadata: false });
  const found: string[] = [];
  for (const [key, value] of [
    ['Author', document.getAuthor()],
    ['Creator', document.getCreator()],
    ['Producer', document.getProducer()],
    ['Title', document.getTitle()],
    ['Subject', document.getSubject()],
    ['Keywords', document.getKeywords()],
    ['CreationDate', document.getCreationDate()],
    ['ModDate', document.getModificationDate()],
  ] as const) {
    if (value !== undefined) found.push(key);
  }
  if (document.catalog.get(PDFName.of('Metadata'))) found.push('XMP');
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (object instanceof PDFRawStream && object.dict.get(PDFName.of('Filter')) === PDFName.of('DCTDecode')) {
      found.push(...jpegMetadata(object.contents).map((what) => `image ${what}`));
    }
  }
  if (document.getPages().some((page) => page.node.get(PDFName.of('PieceInfo')))) found.push('PieceInfo');
  return found;
}

describe('attachments: PDFs', () => {
  it('loses Author, Creator, Producer, Title, Subject, Keywords, dates, XMP, PieceInfo and its image EXIF; the same check finds them in the raw file', async () => {
    const raw = await fixtureBytes('letter-object-streams.pdf');
    expect(await pdfMetadata(raw)).to.include.members(['Author', 'Creator', 'Producer', 'Title', 'Subject', 'Keywords', 'CreationDate', 'ModDate', 'XMP', 'PieceInfo', 'image EXIF', 'image XMP']);
    const cleaned = await cleanPdf(raw);
    expect(await pdfMetadata(cleaned)).to.deep.equal([]);
    expect((await PDFDocument.load(cleaned)).getPageCount()).to.equal(1);
  });

  it('an incremental update is not carried over: neither the old nor the new /Info, nor unreferenced objects', async () => {
    const raw = await fixtureBytes('letter-with-metadata.pdf');
    // Both authors are in the raw file (the first /Info is left behind by the update).
    expect(demoValuesIn(raw)).to.include.members(['DEMO Maria Beispiel', 'DEMO Zweite Autorin', 'DEMO-XMP-CREATOR', 'DEMO PDF Producer']);
    const cleaned = await cleanPdf(raw);
    expect(demoValuesIn(cleaned)).to.deep.equal([]);
    expect(await pdfMetadata(cleaned)).to.deep.equal([]);
    expect(latin1(cleaned).match(/%%EOF/g)).to.have.length(1);
    expect(latin1(cleaned)).not.to.match(/\/Info|\/ID\s*\[/);
  });

  it('an encrypted PDF is refused, and so is one that cannot be read', async () => {
    expect(await refusal(async () => cleanPdf(await fixtureBytes('encrypted.pdf')))).to.equal('encrypted-pdf');
    expect(await refusal(async () => cleanPdf(await fixtureBytes('broken.pdf')))).to.equal('broken-pdf');
    expect(await refusal(async () => cleanPdf(new TextEncoder().encode('DEMO no PDF at all')))).to.equal('broken-pdf');
  });

  it('keeps the file name the person gave, without a path', () => {
    expect(documentName('C:\\Users\\DEMO\\Brief Jobcenter.pdf', 'Document')).to.equal('Brief Jobcenter.pdf');
    expect(documentName('/home/demo/scan.PDF', 'Document')).to.equal('scan.pdf');
    expect(documentName('  ', 'Dokument')).to.equal('Dokument.pdf');
  });
});

/** A valid PDF of about `megabytes` MB (an incompressible stream the page refers to, so cleaning keeps it). */
async function largePdf(megabytes: number, fileName: string): Promise<File> {
  const document = await PDFDocument.create({ updateMetadata: false });
  const page = document.addPage([200, 200]);
  const filler = new Uint8Array(megabytes * 1000 * 1000);
  for (let offset = 0; offset < filler.length; offset += 65536) crypto.getRandomValues(filler.subarray(offset, offset + 65536));
  page.node.set(PDFName.of('DemoFiller'), document.context.register(document.context.stream(filler)));
  return new File([new Uint8Array(await document.save())], fileName, { type: 'application/pdf' });
}

async function picker(lang = 'en'): Promise<AttachmentHost> {
  return fixture<AttachmentHost>(html`<ww-attachment-host></ww-attachment-host>`, { parentNode: withLang(lang) });
}

async function added(host: AttachmentHost, files: File[]): Promise<void> {
  await host.picker.add(files);
  await host.updateComplete;
}

const photo = () => fixtureFile('photo-with-gps.jpg', 'image/jpeg', 'IMG_20261130_214712.jpg');
const pdf = () => fixtureFile('letter-with-metadata.pdf', 'application/pdf', 'Brief vom Jobcenter.pdf');
const unreadable = () => new File(['DEMO not a photo'], 'IMG_0001.HEIC', { type: 'image/heic' });

describe('attachments: the picker', () => {
  itIsAccessibleInEveryState({
    states: {
      'nothing added': () => html`<ww-attachment-host></ww-attachment-host>`,
      'a photo and a PDF': () => html`<ww-attachment-host></ww-attachment-host>`,
      'a refused file': () => html`<ww-attachment-host></ww-attachment-host>`,
    },
    interact: {
      'a photo and a PDF': async (element) => added(element as AttachmentHost, [await photo(), await pdf()]),
      'a refused file': async (element) => added(element as AttachmentHost, [unreadable()]),
    },
  });

  it('a labelled native file input for photos and PDFs, several at once, without forcing the camera; every limit said before choosing', async () => {
    const host = await picker();
    const input = $<HTMLInputElement>(host, 'input[type=file]');
    expect(input.multiple).to.equal(true);
    expect(input.accept).to.equal('image/*,application/pdf');
    expect(input.hasAttribute('capture')).to.equal(false);
    expect(input.labels![0]!.textContent).to.equal('Photos or documents (optional)');
    const described = input.getAttribute('aria-describedby')!.split(' ').map((id) => host.shadowRoot!.getElementById(id)!.textContent!.replace(/\s+/g, ' ').trim());
    expect(described[0]).to.equal('Up to 5 files, 10 MB together: photos (for example JPG, PNG, HEIC) and PDF documents.');
    // The hint says the limits in words (no number formatting in the first render): they must agree.
    expect([attachmentLimits.maxFiles, attachmentLimits.maxTotalBytes]).to.deep.equal([5, 10 * 1000 * 1000]);
    expect(described[1]).to.contain('removes location and camera data from photos');
    expect(described[1]).to.contain('can still identify you');
  });

  it('a chosen photo is cleaned and listed under a neutral name, with its thumbnail, what was removed and a remove button; a PDF with its name and size', async () => {
    const host = await picker();
    const input = $<HTMLInputElement>(host, 'input[type=file]');
    const transfer = new DataTransfer();
    transfer.items.add(await photo());
    transfer.items.add(await pdf());
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => host.picker.attachments.length === 2 && !host.picker.busy, 'two files added');
    await host.updateComplete;
    const [photoItem, pdfItem] = $$(host, '.attachment-list > li');
    expect(photoItem!.querySelector('img')!.alt).to.equal('Preview of Photo 1.jpg');
    expect(photoItem!.textContent).to.contain('Photo 1.jpg').and.contain('Location and camera data removed');
    expect(photoItem!.textContent).not.to.contain('IMG_2026');
    expect(pdfItem!.querySelector('img')).to.equal(null);
    expect(pdfItem!.textContent).to.contain('Brief vom Jobcenter.pdf').and.contain('Author and program details removed').and.match(/\d kB/);
    const removeButtons = $$<HTMLButtonElement>(host, '.attachment-list button');
    expect(removeButtons.map((button) => button.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(['Remove Photo 1.jpg', 'Remove Brief vom Jobcenter.pdf']);
    for (const button of removeButtons) {
      const box = button.getBoundingClientRect();
      expect(Math.min(box.width, box.height)).to.be.at.least(24);
    }
    expect(host.picker.attachments.map((a) => [a.name, a.type, a.removed])).to.deep.equal([
      ['Photo 1.jpg', 'image/jpeg', ['location', 'camera']],
      ['Brief vom Jobcenter.pdf', 'application/pdf', ['document information']],
    ]);
    expect(jpegMetadata(host.picker.attachments[0]!.bytes)).to.deep.equal([]);
    expect(input.value).to.equal('');
    await until(() => host.picker.announcer.text !== '', 'an announcement');
    expect(host.picker.announcer.text).to.equal(
      'Photo 1.jpg added. Location and camera data removed. Brief vom Jobcenter.pdf added. Author and program details removed.',
    );
    expect($(host, '[role=status]').textContent).to.equal(host.picker.announcer.text);
  });

  it('says when files are being prepared, and the send path can wait for them', async () => {
    const host = await picker();
    const file = await photo();
    const adding = host.picker.add([file]);
    expect(host.picker.busy).to.equal(true);
    await host.updateComplete;
    // The list's code is loaded by the tests before this one: the line shows with the first render.
    expect(shadowText(host)).to.contain('Preparing IMG_20261130_214712.jpg…');
    await host.picker.settled;
    await adding;
    expect(host.picker.busy).to.equal(false);
    expect(host.picker.attachments).to.have.length(1);
  });

  it('a removed file leaves the list, its preview URL is revoked, it is announced and focus stays in the list', async () => {
    const host = await picker();
    await added(host, [await photo(), await photo()]);
    const firstUrl = host.picker.attachments[0]!.previewUrl!;
    $$<HTMLButtonElement>(host, '.attachment-list button')[0]!.click();
    await host.updateComplete;
    expect(host.picker.attachments.map((a) => a.name)).to.deep.equal(['Photo 2.jpg']);
    await until(() => host.picker.announcer.text === 'Photo 1.jpg removed.', 'the removal announced');
    await until(() => host.shadowRoot!.activeElement?.textContent?.includes('Photo 2.jpg') ?? false, 'focus on the next remove button');
    // A revoked object URL no longer loads.
    const loads = await fetch(firstUrl).then(
      () => true,
      () => false,
    );
    expect(loads).to.equal(false);
    host.picker.clear();
    await host.updateComplete;
    expect(host.picker.attachments).to.have.length(0);
    expect(host.shadowRoot!.querySelector('.attachment-list')).to.equal(null);
    // After a message is sent, the next one's photos are numbered from 1 again.
    await added(host, [await photo()]);
    expect(host.picker.attachments.map((a) => a.name)).to.deep.equal(['Photo 1.jpg']);
  });

  it('by keyboard alone: from the file input, Tab reaches the remove button; Enter removes the file and focus returns to the input', async () => {
    const host = await picker();
    await added(host, [await pdf()]);
    $<HTMLInputElement>(host, 'input[type=file]').focus();
    await sendKeys({ press: 'Tab' });
    expect(host.shadowRoot!.activeElement?.textContent?.replace(/\s+/g, ' ').trim()).to.equal('Remove Brief vom Jobcenter.pdf');
    await sendKeys({ press: 'Enter' });
    await host.updateComplete;
    expect(host.picker.attachments).to.have.length(0);
    await until(() => host.shadowRoot!.activeElement?.id === 'attachments', 'focus back on the file input');
  });

  it('a 6th file is refused, in words', async () => {
    const host = await picker();
    const files = await Promise.all([1, 2, 3, 4, 5, 6].map(() => pdf()));
    await added(host, files);
    expect(host.picker.attachments).to.have.length(5);
    expect(host.picker.refused.map((file) => file.reason)).to.deep.equal(['too-many']);
    expect($(host, '.attachment-refusals').textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Brief vom Jobcenter.pdf was not added. You can add up to 5 files. Remove one to add another.',
    );
    expect(shadowText(host)).to.contain('5 of 5 files');
  });

  it('files over 10 MB together are refused, in words', async () => {
    const host = await picker();
    await added(host, [await largePdf(6, 'DEMO groß 1.pdf')]);
    expect(host.picker.attachments).to.have.length(1);
    await added(host, [await largePdf(5, 'DEMO groß 2.pdf')]);
    expect(host.picker.attachments).to.have.length(1);
    expect(host.picker.refused.map((file) => file.reason)).to.deep.equal(['too-large']);
    expect($(host, '.attachment-refusals').textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'DEMO groß 2.pdf was not added. All files together can be up to 10 MB. Remove a file, or send this one in a second message.',
    );
  });

  it('a photo the browser cannot open, an encrypted PDF and a file of another kind are refused calmly, each with what to do', async () => {
    const host = await picker();
    const other = new File(['DEMO'], 'notes.txt', { type: 'text/plain' });
    await added(host, [unreadable(), await fixtureFile('encrypted.pdf', 'application/pdf'), other]);
    expect(host.picker.refused.map((file) => file.reason)).to.deep.equal(['undecodable-image', 'encrypted-pdf', 'unsupported-type']);
    const text = $(host, '.attachment-refusals').textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Take a screenshot of the photo and add the screenshot instead.');
    expect(text).to.contain('protected with a password');
    expect(text).to.contain('Only photos and PDF documents can be added.');
    expect(host.picker.announcer.text).to.contain('IMG_0001.HEIC was not added.');
  });

  it('in German: the label, the limits and "Ort- und Kameradaten entfernt"', async () => {
    const host = await picker('de');
    await added(host, [await photo()]);
    const text = shadowText(host);
    expect(text).to.contain('Fotos oder Dokumente (freiwillig)');
    expect(text).to.contain('Foto 1.jpg');
    expect(text).to.contain('Ort- und Kameradaten entfernt');
    expect(text).to.contain('10 MB');
  });

  it('reflows at 320 px and mirrors in right-to-left', async () => {
    const container = withLang('ar');
    container.dir = 'rtl';
    container.style.inlineSize = '320px';
    const host = await fixture<AttachmentHost>(html`<ww-attachment-host></ww-attachment-host>`, { parentNode: container });
    await added(host, [await photo(), await pdf()]);
    expect(elementsTooWide(host)).to.deep.equal([]);
    const item = $(host, '.attachment-list > li');
    const image = item.querySelector('img')!.getBoundingClientRect();
    // Right to left: the thumbnail at the inline start, the right edge.
    expect(Math.abs(image.right - item.getBoundingClientRect().right)).to.be.below(2);
  });
});

describe('attachments: the picker in forced colours (Windows high contrast)', function () {
  let emulated = false;
  before(async () => {
    emulated = await emulateMedia([{ name: 'forced-colors', value: 'active' }]);
  });
  after(async () => {
    if (emulated) await emulateMedia([]);
  });

  it('the file input, the thumbnails and the remove buttons keep their borders', async function () {
    // Only Chromium can emulate forced colours; other browsers skip, and say so.
    if (!emulated) this.skip();
    const host = await picker();
    await added(host, [await photo()]);
    for (const selector of ['input[type=file]', '.attachment-list img', '.attachment-list button']) {
      const style = getComputedStyle($(host, selector));
      // Backgrounds are flattened in forced colours; a border is what shows the control.
      expect(style.borderTopStyle, selector).not.to.equal('none');
      expect(parseFloat(style.borderTopWidth), selector).to.be.at.least(1);
    }
  });
});
