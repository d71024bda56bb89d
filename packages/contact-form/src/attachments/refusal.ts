import type { AttachmentRefusal } from './types.js';

/** A file that is not added, and why; the list says the reason in words (attachment-files.ts). */
export class AttachmentRefusedError extends Error {
  readonly reason: AttachmentRefusal;

  constructor(reason: AttachmentRefusal, cause?: unknown) {
    super(`The attachment was refused: ${reason}`, { cause });
    this.name = 'AttachmentRefusedError';
    this.reason = reason;
  }
}
