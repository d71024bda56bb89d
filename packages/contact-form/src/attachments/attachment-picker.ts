/**
 * The file picker of the contact form (issue 23), an object the form holds and renders:
 * a labelled native file input with every limit said before choosing, the list of cleaned files
 * and a live region. This module is in the form's first render, so it holds only the input and
 * the state; reading, cleaning and the list load with the first file (attachment-list.ts), the
 * photo and PDF cleaners with the first photo or PDF.
 *
 * No `capture` attribute: it would open the camera only and hide the gallery and files, where the
 * photo of a letter often already is. `accept="image/*"` lets a phone offer the camera anyway.
 *
 * Use (the host is a WegweiserElement; its styles include `contactStyles` and `attachmentStyles`):
 *
 *   private readonly attachments = new AttachmentPicker(this, {
 *     locale: () => this.locale,
 *     localize: (lookup) => this.localize(lookup),
 *   });
 *   render() { return html`… ${this.attachments.render()} …`; }
 *   // on send: await this.attachments.settled; encrypt this.attachments.attachments; after the
 *   // relay stored the message: this.attachments.clear().
 */
import { css, html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { token } from '@wegweiser/core';
import { Announcer } from '@wegweiser/core/announcer';
import { colorBorder, space2, space3 } from '@wegweiser/tokens/defaults';
import { attachmentLimits, type AttachmentRefusal, type AttachmentSource, type CleanedAttachment } from './types.js';

/** A file that was not added, shown with its reason until the next file is chosen or one is removed. */
export interface RefusedFile {
  readonly id: string;
  /** The name as the person's device gave it: it is shown only to them. */
  readonly name: string;
  readonly reason: AttachmentRefusal;
}

export interface AttachmentPickerOptions {
  /** The host's locale, for numbers and sizes. */
  locale(): string;
  /** Runs `lookup` with msg() in the host's locale (announcements are made outside render). */
  localize<T>(lookup: () => T): T;
}

type AttachmentListModule = typeof import('./attachment-list.js');

/** The list's code, once loaded (one copy for every picker on the page). */
let listModule: AttachmentListModule | undefined;

/** "10 MB", "245 kB" in the person's language. */
export function formatBytes(locale: string, bytes: number): string {
  const megabytes = bytes >= 1000 * 1000;
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: megabytes ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: megabytes ? 1 : 0,
  }).format(megabytes ? bytes / (1000 * 1000) : Math.max(1, bytes / 1000));
}

export const attachmentStyles = css`
  .attachments input[type='file'] {
    border-style: dashed;
  }
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

/** Holds the files and renders the picker; its Announcer is a reactive controller of the host. */
export class AttachmentPicker implements AttachmentSource {
  attachments: readonly CleanedAttachment[] = [];
  refused: readonly RefusedFile[] = [];
  /** The names of the files being read and cleaned now. */
  cleaning: readonly string[] = [];
  /** Resolves when no file is being cleaned. */
  settled: Promise<void> = Promise.resolve();
  /** Set when the list's code could not be loaded (offline): said under the input. */
  unavailable = false;
  readonly announcer: Announcer;
  readonly host: ReactiveControllerHost;
  readonly options: AttachmentPickerOptions;
  /** The next neutral photo number ("Photo 3.jpg"); numbers are not reused after a removal. */
  photoCount = 0;

  constructor(host: ReactiveControllerHost, options: AttachmentPickerOptions) {
    this.host = host;
    this.options = options;
    this.announcer = new Announcer(host);
  }

  get busy(): boolean {
    return this.cleaning.length > 0;
  }

  /** Reads, cleans and adds the files, one after another, after any still being cleaned. */
  add(files: readonly File[]): Promise<void> {
    // Busy at once, so a send right after choosing waits for these files.
    this.cleaning = [...this.cleaning, ...files.map((file) => file.name)];
    this.host.requestUpdate();
    const job = this.settled.then(async () => {
      try {
        listModule ??= await import('./attachment-list.js');
      } catch {
        this.unavailable = true;
        this.cleaning = this.cleaning.slice(files.length);
        this.host.requestUpdate();
        return;
      }
      this.unavailable = false;
      await listModule.addFiles(this, files);
    });
    this.settled = job;
    return job;
  }

  /** Takes a file off the list and frees its preview. */
  remove(id: string): void {
    const attachment = this.attachments.find((candidate) => candidate.id === id);
    if (!attachment) return;
    if (attachment.previewUrl) URL.revokeObjectURL(attachment.previewUrl);
    this.attachments = this.attachments.filter((candidate) => candidate !== attachment);
    this.refused = [];
    this.announcer.say(() => this.options.localize(() => msg(str`${attachment.name} removed.`)));
    this.host.requestUpdate();
  }

  clear(): void {
    for (const attachment of this.attachments) {
      if (attachment.previewUrl) URL.revokeObjectURL(attachment.previewUrl);
    }
    this.attachments = [];
    this.refused = [];
    this.announcer.clear();
    this.host.requestUpdate();
  }

  private chosen(event: Event): void {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    // The list below is what counts; the input is emptied so the same file can be chosen again.
    input.value = '';
    if (files.length) void this.add(files);
  }

  render(): TemplateResult {
    const locale = this.options.locale();
    return html`<div class="group attachments">
      <label for="attachments">${msg('Photos or documents (optional)')}</label>
      <p class="hint" id="attachments-limits">
        ${msg(str`Up to ${attachmentLimits.maxFiles} files, ${formatBytes(locale, attachmentLimits.maxTotalBytes)} together: photos (for example JPG, PNG, HEIC) and PDF documents.`)}
      </p>
      <p class="hint" id="attachments-privacy">
        ${msg('Before sending, this device removes location and camera data from photos and the author and program details from PDFs. What a photo or document shows, such as names, addresses or numbers, can still identify you.')}
      </p>
      <input
        type="file"
        id="attachments"
        multiple
        accept="image/*,application/pdf"
        aria-describedby="attachments-limits attachments-privacy"
        @change=${(event: Event) => this.chosen(event)}
      />
      ${this.unavailable ? html`<p class="error">${msg('The files could not be prepared. Check your connection and choose them again.')}</p>` : nothing}
      ${listModule ? listModule.fileList(this, locale) : nothing}
      <p class="visually-hidden" role="status">${this.announcer.text}</p>
    </div>`;
  }
}
