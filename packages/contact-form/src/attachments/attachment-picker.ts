/**
 * The file picker of the contact form (issue 23), an object the form holds and renders:
 * a labelled native file input with every limit said before choosing, the list of cleaned files
 * and a live region. The form loads this module right after its first render (in the first render
 * it would add 1.55 kB gzip), so it holds only the input and the state; reading, cleaning and the
 * list load with the first file (attachment-list.ts), the photo and PDF cleaners with the first
 * photo or PDF.
 *
 * No `capture` attribute: it would open the camera only and hide the gallery and files, where the
 * photo of a letter often already is. `accept="image/*"` lets a phone offer the camera anyway.
 *
 * The team inbox renders the same picker in its answer form (issue 23), with its own label and
 * hint and its live region (the options below).
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
import { Announcer } from '@wegweiser/core/announcer';
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
  /**
   * The host's own announcer, when the host has a live region already (the team inbox): the
   * picker speaks through it and renders no region of its own, so that a screen reader hears one
   * region, not two that may talk over each other.
   */
  announcer?: Announcer;
  /** The label and the privacy hint, in the host's words (the inbox speaks to the team); by default the form's, to the person. */
  label?: () => string;
  privacyHint?: () => string;
}

type AttachmentListModule = typeof import('./attachment-list.js');

/** The list's code, once loaded (one copy for every picker on the page). */
let listModule: AttachmentListModule | undefined;

/**
 * The picker's styles for the host's static styles. Only what the first render shows: the list's
 * styles come with the list's code (attachment-list.ts adopts them), so the form's first render
 * does not carry them.
 */
export const attachmentStyles = css`
  .attachments input[type='file'] {
    border-style: dashed;
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
    this.announcer = options.announcer ?? new Announcer(host);
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

  /** Takes a file off the list, frees its preview and says so (the list's code, loaded with the first file). */
  remove(id: string): void {
    listModule?.removeFile(this, id);
  }

  clear(): void {
    for (const attachment of this.attachments) {
      if (attachment.previewUrl) URL.revokeObjectURL(attachment.previewUrl);
    }
    this.attachments = [];
    this.refused = [];
    // The next message's photos start at "Photo 1" again.
    this.photoCount = 0;
    // A host's announcer is the host's to clear.
    if (!this.options.announcer) this.announcer.clear();
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
      <label for="attachments">${this.options.label?.() ?? msg('Photos or documents (optional)')}</label>
      <p class="hint" id="attachments-limits">
        ${msg(str`Up to ${attachmentLimits.maxFiles} files, 10 MB together: photos (for example JPG, PNG, HEIC) and PDF documents.`)}
      </p>
      <p class="hint" id="attachments-privacy">
        ${this.options.privacyHint?.() ??
        msg('Before sending, this device removes location and camera data from photos and the author and program details from PDFs. What a photo or document shows, such as names, addresses or numbers, can still identify you.')}
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
      ${this.options.announcer ? nothing : html`<p class="visually-hidden" role="status">${this.announcer.text}</p>`}
    </div>`;
  }
}
