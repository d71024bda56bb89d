/**
 * The files of the open conversation (issue 23): fetched from the relay as
 * ciphertext, opened in this browser with the message's content key
 * (attachment-blobs.ts, format version 3), shown as a photo inline or offered
 * as a PDF download, both from `blob:` URLs that live in this tab's memory.
 * Nothing is written to disk by the inbox (a download is the counsellor's own
 * choice, and then the browser's), and every URL is revoked when the
 * conversation closes, another opens, the inbox locks, or the element leaves
 * the page.
 *
 * A file that does not open (changed on the relay, swapped, from another
 * message) is said calmly in its place; a broken image is never shown.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Attachment, AttachmentError } from '@wegweiser/contact-form/attachment-blobs';
import type { WithAttachments } from '@wegweiser/contact-form/envelope';
import type { InboxError } from './inbox-client.js';

/** `missing`: the relay does not have it (not uploaded yet, or deleted); `unavailable`: try again; `damaged`: it does not open. */
type FileState = { state: 'loading' } | { state: 'ready'; url: string } | { state: 'missing' | 'unavailable' | 'damaged' };

export interface AttachmentFilesOptions {
  /** The open conversation's id; when it changes, the files of the one before are forgotten. */
  conversation(): string | null;
  /** The centre the files were sealed for (bound into each blob). */
  centre(): string | null;
  fetchBlob(id: string): Promise<Uint8Array>;
}

export class AttachmentFiles implements ReactiveController {
  private files = new Map<string, FileState>();
  private conversation: string | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: AttachmentFilesOptions,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const open = this.options.conversation();
    if (open !== this.conversation) {
      this.forget();
      this.conversation = open;
    }
  }

  hostDisconnected(): void {
    this.forget();
    this.conversation = null;
  }

  /** Revokes every URL: the decrypted files are gone from this tab. */
  private forget(): void {
    for (const file of this.files.values()) if (file.state === 'ready') URL.revokeObjectURL(file.url);
    this.files = new Map();
  }

  private set(blob: string, state: FileState): void {
    this.files.set(blob, state);
    this.host.requestUpdate();
  }

  private async load(message: WithAttachments, index: number): Promise<void> {
    const attachment = message.attachments[index]!;
    const conversation = this.conversation;
    const centre = this.options.centre();
    if (!centre) return;
    let bytes: Uint8Array;
    try {
      const [{ openAttachment }, blob] = await Promise.all([import('@wegweiser/contact-form/attachment-blobs'), this.options.fetchBlob(attachment.blob)]);
      bytes = await openAttachment(centre, message.contentKey, message.attachments, index, blob);
    } catch (error) {
      if (this.conversation !== conversation) return;
      const kind = (error as Partial<InboxError>).kind;
      const state = (error as AttachmentError).name === 'AttachmentError' ? 'damaged' : kind === 'not-found' ? 'missing' : 'unavailable';
      this.set(attachment.blob, { state });
      return;
    }
    // Closed (or another opened) while this one was on its way: not kept.
    if (this.conversation !== conversation) return;
    this.set(attachment.blob, { state: 'ready', url: URL.createObjectURL(new Blob([bytes as BlobPart], { type: attachment.type })) });
  }

  private retry(message: WithAttachments, index: number): void {
    this.files.delete(message.attachments[index]!.blob);
    this.host.requestUpdate();
  }

  /** The files of one message, each loading on first sight. */
  render(message: WithAttachments): TemplateResult {
    return html`<ul class="attachments" aria-label=${msg('Files')}>
      ${message.attachments.map((attachment, index) => html`<li>${this.renderFile(message, attachment, index)}</li>`)}
    </ul>`;
  }

  private renderFile(message: WithAttachments, attachment: Attachment, index: number): TemplateResult {
    let file = this.files.get(attachment.blob);
    if (!file) {
      file = { state: 'loading' };
      this.files.set(attachment.blob, file);
      // After this render: loading asks for another.
      void Promise.resolve().then(() => this.load(message, index));
    }
    const name = attachment.name;
    const photo = attachment.type !== 'application/pdf';
    switch (file.state) {
      case 'loading':
        return html`<p>${msg(str`Decrypting “${name}”…`)}</p>`;
      case 'ready':
        return photo
          ? html`<figure>
              <img src=${file.url} alt=${msg(str`Photo sent with the message: ${name}`)} />
              <figcaption dir="auto">${name}</figcaption>
            </figure>`
          : html`<a href=${file.url} download=${name} dir="auto">${msg(str`Download “${name}” (PDF)`)}</a>`;
      case 'damaged':
        return html`<p class="box warning">${msg(str`The file “${name}” cannot be opened: it was changed on the way, or it is damaged. The message itself is not affected.`)}</p>`;
      case 'missing':
        return html`<p class="box">${msg(str`The file “${name}” has not arrived (yet). The person may still be sending it; look again later.`)}</p>`;
      case 'unavailable':
        return html`<p class="box warning">
          ${msg(str`The file “${name}” cannot be loaded at the moment.`)}
          <button type="button" class="secondary" @click=${() => this.retry(message, index)}>${msg('Try again')}</button>
        </p>`;
    }
    return html`${nothing}`;
  }
}
