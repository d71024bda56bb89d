/**
 * Adding files and the list of added files (issue 23), loaded with the first file the person
 * chooses (attachment-picker.ts). Files are handled one after another, so a phone never holds
 * more than one decoded photo at a time; the limits are checked before a file is read where
 * possible (count, a PDF's size) and on the cleaned bytes otherwise (a photo shrinks).
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { token } from '@wegweiser/core';
import { colorBorder, space2, space3 } from '@wegweiser/tokens/defaults';
import { attachmentLimits, type AttachmentRefusal, type CleanedAttachment } from './types.js';
import { AttachmentRefusedError } from './refusal.js';
import type { AttachmentPicker, RefusedFile } from './attachment-picker.js';

type Kind = 'photo' | 'pdf';

/** "10 MB", "245 kB" in the person's language. */
export function formatBytes(locale: string, bytes: number): string {
  const megabytes = bytes >= 1000 * 1000;
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: megabytes ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: megabytes ? 1 : 0,
  }).format(megabytes ? bytes / (1000 * 1000) : Math.max(1, bytes / 1000));
}


/** The list's styles, adopted into the host's shadow root when the list first renders (see attachmentStyles). */
const listStyles = css`
  .attachment-list {
    list-style: none;
    margin: ${token('space-3', space3)} 0 0;
    padding: 0;
  }
  .attachment-list > li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${token('space-2', space2)} ${token('space-3', space3)};
    padding-block: ${token('space-2', space2)};
    border-block-end: 1px solid ${token('color-border', colorBorder)};
  }
  .attachment-list img {
    inline-size: 4rem;
    block-size: 4rem;
    object-fit: cover;
    border: 1px solid ${token('color-border', colorBorder)};
  }
  .attachment-list .file {
    flex: 1 1 12rem;
    min-inline-size: 0;
    overflow-wrap: anywhere;
    margin: 0;
  }
  .attachment-list .file span {
    display: block;
  }
`;

/** Adds the list's styles to the host's shadow root once (a constructed stylesheet: no inline style, so a strict CSP is fine). */
function adoptListStyles(picker: AttachmentPicker): void {
  const root = (picker.host as unknown as { renderRoot?: Node }).renderRoot;
  const sheet = listStyles.styleSheet;
  if (!(root instanceof ShadowRoot) || !sheet || root.adoptedStyleSheets.includes(sheet)) return;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/** Takes a file off the list and frees its preview. */
export function removeFile(picker: AttachmentPicker, id: string): void {
  const attachment = picker.attachments.find((candidate) => candidate.id === id);
  if (!attachment) return;
  if (attachment.previewUrl) URL.revokeObjectURL(attachment.previewUrl);
  picker.attachments = picker.attachments.filter((candidate) => candidate !== attachment);
  picker.refused = [];
  picker.announcer.say(() => picker.options.localize(() => msg(str`${attachment.name} removed.`)));
  picker.host.requestUpdate();
}

const imageExtensions = /\.(jpe?g|png|webp|heic|heif|avif|gif|bmp)$/i;

/** A photo or a PDF, by its first bytes (a PDF's "%PDF-"), its type or its name; null for anything else. */
async function kindOf(file: File): Promise<Kind | null> {
  const start = new TextDecoder('latin1').decode(await file.slice(0, 1024).arrayBuffer());
  if (start.includes('%PDF-') || file.type === 'application/pdf') return 'pdf';
  if (file.type.startsWith('image/') || imageExtensions.test(file.name)) return 'photo';
  return null;
}

/** The person's file name without any path (some browsers and pickers give one), at most 120 characters, ending in .pdf. */
export function documentName(fileName: string, fallback: string): string {
  const base = (fileName.split(/[\\/]/).pop() ?? '').trim();
  const stem = base.replace(/\.pdf$/i, '').slice(0, 116).trim();
  return `${stem || fallback}.pdf`;
}

function totalBytes(attachments: readonly CleanedAttachment[]): number {
  return attachments.reduce((total, attachment) => total + attachment.bytes.length, 0);
}

function refusalText(reason: AttachmentRefusal, locale: string): string {
  switch (reason) {
    case 'too-many':
      return msg(str`You can add up to ${attachmentLimits.maxFiles} files. Remove one to add another.`);
    case 'too-large':
      return msg(str`All files together can be up to ${formatBytes(locale, attachmentLimits.maxTotalBytes)}. Remove a file, or send this one in a second message.`);
    case 'unsupported-type':
      return msg('Only photos and PDF documents can be added.');
    case 'undecodable-image':
      return msg('This browser cannot open this photo, so it cannot remove its location and camera data. Take a screenshot of the photo and add the screenshot instead.');
    case 'encrypted-pdf':
      return msg('This PDF is protected with a password, so its author and program details cannot be removed. Save it without a password, or take a screenshot of each page and add those.');
    case 'broken-pdf':
      return msg('This PDF cannot be read. Take a screenshot of each page and add those instead.');
  }
}

async function cleaned(picker: AttachmentPicker, file: File, kind: Kind): Promise<CleanedAttachment> {
  const id = crypto.randomUUID();
  if (kind === 'pdf') {
    // A PDF stays about as large as it is: refuse it before reading it whole.
    if (totalBytes(picker.attachments) + file.size > attachmentLimits.maxTotalBytes) throw new AttachmentRefusedError('too-large');
    const { cleanPdf } = await import('./clean-pdf.js');
    const bytes = await cleanPdf(new Uint8Array(await file.arrayBuffer()));
    const name = documentName(file.name, picker.options.localize(() => msg('Document')));
    return { id, name, type: 'application/pdf', bytes, removed: ['document information'] };
  }
  const { cleanImage } = await import('./clean-image.js');
  const image = await cleanImage(file);
  picker.photoCount += 1;
  // Camera file names carry the date and time the photo was taken: the team sees a neutral name.
  const stem = picker.options.localize(() => msg(str`Photo ${picker.photoCount}`));
  const name = `${stem}.${image.type === 'image/png' ? 'png' : 'jpg'}`;
  return { id, name, type: image.type, bytes: image.bytes, previewUrl: URL.createObjectURL(image.thumbnail), removed: ['location', 'camera'] };
}

const preparing = (name: string) => msg(str`Preparing ${name}…`);

function addedSentence(attachment: CleanedAttachment): string {
  return attachment.type === 'application/pdf'
    ? msg(str`${attachment.name} added. Author and program details removed.`)
    : msg(str`${attachment.name} added. Location and camera data removed.`);
}

/** Reads, cleans and adds `files` in order, saying what happens in the picker's live region. */
export async function addFiles(picker: AttachmentPicker, files: readonly File[]): Promise<void> {
  const { localize } = picker.options;
  const locale = picker.options.locale();
  picker.refused = [];
  picker.announcer.say(() => localize(() => (files.length === 1 ? preparing(files[0]!.name) : msg(str`Preparing ${files.length} files.`))));
  picker.host.requestUpdate();
  const sentences: string[] = [];
  const refused: RefusedFile[] = [];
  for (const file of files) {
    try {
      if (picker.attachments.length >= attachmentLimits.maxFiles) throw new AttachmentRefusedError('too-many');
      const kind = await kindOf(file);
      if (!kind) throw new AttachmentRefusedError('unsupported-type');
      const attachment = await cleaned(picker, file, kind);
      if (totalBytes(picker.attachments) + attachment.bytes.length > attachmentLimits.maxTotalBytes) {
        if (attachment.previewUrl) URL.revokeObjectURL(attachment.previewUrl);
        throw new AttachmentRefusedError('too-large');
      }
      picker.attachments = [...picker.attachments, attachment];
      sentences.push(localize(() => addedSentence(attachment)));
    } catch (error) {
      // Anything unexpected while reading a photo is a photo this browser cannot open.
      const reason = error instanceof AttachmentRefusedError ? error.reason : kindOfError(file);
      refused.push({ id: crypto.randomUUID(), name: file.name, reason });
      sentences.push(localize(() => msg(str`${file.name} was not added.`) + ' ' + refusalText(reason, locale)));
    }
    picker.cleaning = picker.cleaning.slice(1);
    picker.refused = refused;
    picker.host.requestUpdate();
  }
  picker.announcer.say(sentences.join(' '));
}

function kindOfError(file: File): AttachmentRefusal {
  return file.type === 'application/pdf' || /\.pdf$/i.test(file.name) ? 'broken-pdf' : 'undecodable-image';
}

function focusAfterRemoval(picker: AttachmentPicker, event: Event, index: number): void {
  const root = (event.currentTarget as Element).getRootNode() as ParentNode;
  picker.remove(picker.attachments[index]!.id);
  // Focus stays in the list: on the next file's remove button, else the previous one's, else the input.
  void picker.host.updateComplete.then(() => {
    const buttons = root.querySelectorAll<HTMLButtonElement>('.attachment-list button');
    const next = buttons[Math.min(index, buttons.length - 1)] ?? root.querySelector<HTMLInputElement>('#attachments');
    next?.focus();
  });
}

/** The list under the input: refused files with their reason, files being prepared, and the added ones. */
export function fileList(picker: AttachmentPicker, locale: string): TemplateResult {
  adoptListStyles(picker);
  const total = totalBytes(picker.attachments);
  return html`${picker.refused.length
      ? html`<ul class="error attachment-refusals">
          ${picker.refused.map((file) => html`<li>${msg(str`${file.name} was not added.`)} ${refusalText(file.reason, locale)}</li>`)}
        </ul>`
      : nothing}
    ${picker.attachments.length || picker.cleaning.length
      ? html`<ul class="attachment-list" aria-label=${msg('Added files')}>
          ${picker.attachments.map(
            (attachment, index) => html`<li>
              ${attachment.previewUrl ? html`<img src=${attachment.previewUrl} alt=${msg(str`Preview of ${attachment.name}`)} />` : nothing}
              <p class="file">
                <span>${attachment.name}</span>
                <span class="hint">${formatBytes(locale, attachment.bytes.length)}</span>
                <span>${attachment.type === 'application/pdf' ? msg('Author and program details removed') : msg('Location and camera data removed')}</span>
              </p>
              <button type="button" class="secondary" @click=${(event: Event) => focusAfterRemoval(picker, event, index)}>
                ${msg('Remove')}<span class="visually-hidden"> ${attachment.name}</span>
              </button>
            </li>`,
          )}
          ${picker.cleaning.map((name) => html`<li aria-busy="true"><p class="file">${preparing(name)}</p></li>`)}
        </ul>
        <p class="hint">${msg(str`${picker.attachments.length} of ${attachmentLimits.maxFiles} files, ${formatBytes(locale, total)} of ${formatBytes(locale, attachmentLimits.maxTotalBytes)}.`)}</p>`
      : nothing}`;
}
