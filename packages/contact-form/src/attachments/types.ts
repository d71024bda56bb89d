/**
 * The attachments a person adds to a message (issue 23), as the form's send path sees them.
 *
 * Everything here is in memory only: the original file is read, cleaned in the browser
 * (clean-image.ts, clean-pdf.ts) and dropped; only the cleaned bytes are kept, and only they are
 * encrypted and sent. Nothing is written to the device.
 */

/** The types that leave the device. Photos come out as JPEG, or PNG when they have transparency. */
export type AttachmentType = 'image/jpeg' | 'image/png' | 'application/pdf';

/** What cleaning took away, named for the list the person sees. */
export type RemovedMetadata = 'location' | 'camera' | 'document information';

/** A file the person added, after cleaning; only this ever leaves the device (encrypted). */
export interface CleanedAttachment {
  /** Random, for the list and removal; never sent. */
  readonly id: string;
  /**
   * The name the team sees. Photos get a neutral name ("Foto 1.jpg"): camera file names carry the
   * date and time. PDFs keep the person's file name, without any path.
   */
  readonly name: string;
  readonly type: AttachmentType;
  /** The cleaned bytes. */
  readonly bytes: Uint8Array;
  /** An object URL of a small thumbnail (photos); revoked when the file is removed or sent. */
  readonly previewUrl?: string;
  /** What was removed, for the list. */
  readonly removed: readonly RemovedMetadata[];
}

/** Every limit is said to the person before choosing (attachment-list.ts). */
export const attachmentLimits = {
  maxFiles: 5,
  /**
   * The cleaned bytes of all files together: 10 MB as phones count (1 MB = 1,000,000 bytes), so
   * that the "10 MB" the person reads matches the sizes their phone shows. The picker's hint says
   * "10 MB" in words in every language (attachment-picker.ts and its translations), so that the
   * first render carries no number formatting: change them with this (the tests compare them).
   */
  maxTotalBytes: 10 * 1000 * 1000,
  maxLongSidePixels: 2000,
} as const;

/** Why a file was not added; each has a sentence in words in attachment-list.ts. */
export type AttachmentRefusal =
  | 'too-many' // a 6th file
  | 'too-large' // would take the total over maxTotalBytes
  | 'unsupported-type' // neither a photo nor a PDF
  | 'undecodable-image' // a photo this browser cannot open (HEIC outside Safari, a damaged file)
  | 'encrypted-pdf' // a PDF with a password or encryption
  | 'broken-pdf'; // a PDF that cannot be read

/**
 * What the form's send path needs from the picker (attachment-list.ts, `AttachmentPicker`):
 * - `attachments`: the cleaned files, in the order added; send exactly these bytes.
 * - `busy`: true while a file is still being cleaned; the form should not send until it is false
 *   (await `settled` to wait for it).
 * - `clear()`: after the relay stored the message: revokes the preview URLs and empties the list.
 */
export interface AttachmentSource {
  readonly attachments: readonly CleanedAttachment[];
  readonly busy: boolean;
  readonly settled: Promise<void>;
  clear(): void;
}
