/**
 * The files of the open conversation (issue 23), for the team's inbox and
 * the person's `<ww-contact-replies>` alike: fetched from the relay as
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
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { token } from '@wegweiser/core';
import { colorBorder, space2 } from '@wegweiser/tokens/defaults';
import type { Attachment, AttachmentError } from './attachment-blobs.js';
import type { WithAttachments } from './envelope.js';

/** `missing`: the relay does not have it (not uploaded yet, or deleted); `unavailable`: try again; `damaged`: it does not open. */
type FileState = { state: 'loading' } | { state: 'ready'; url: string } | { state: 'missing' | 'unavailable' | 'damaged' };

/** A message's files: a photo as wide as the column at most, its name beneath; a long file name wraps. */
export const attachmentFileStyles = css`
  ul.attachments {
    list-style: none;
    margin: ${token('space-2', space2)} 0 0;
    padding: 0;
  }
  ul.attachments figure {
    margin: 0 0 ${token('space-2', space2)};
  }
  ul.attachments img {
    display: block;
    max-inline-size: 100%;
    block-size: auto;
    border: 1px solid ${token('color-border', colorBorder)};
  }
  ul.attachments a {
    overflow-wrap: anywhere;
  }
`;

export interface AttachmentFilesOptions {
  /** The open conversation's id; when it changes, the files of the one before are forgotten. */
  conversation(): string | null;
  /** The centre the files were sealed for (bound into each blob). */
  centre(): string | null;
  /** The blob's bytes; an error with `status` 404 when the relay does not have it. */
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
      const [{ openAttachment }, blob] = await Promise.all([import('./attachment-blobs.js'), this.options.fetchBlob(attachment.blob)]);
      bytes = await openAttachment(centre, message.contentKey, message.attachments, index, blob);
    } catch (error) {
      if (this.conversation !== conversation) return;
      const state = (error as AttachmentError).name === 'AttachmentError' ? 'damaged' : (error as { status?: number }).status === 404 ? 'missing' : 'unavailable';
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
        return html`<p class="box">${msg(str`The file “${name}” has not arrived (yet). It may still be on its way; look again later.`)}</p>`;
      case 'unavailable':
        return html`<p class="box warning">
          ${msg(str`The file “${name}” cannot be loaded at the moment.`)}
          <button type="button" class="secondary" @click=${() => this.retry(message, index)}>${msg('Try again')}</button>
        </p>`;
    }
    return html`${nothing}`;
  }
}
