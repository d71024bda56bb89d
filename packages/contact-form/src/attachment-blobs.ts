/**
 * Attachments (issue 23): the files a person (or the team) adds to a message,
 * encrypted in the browser before they leave it. Format version 3; the prose
 * is in docs/contact.md ("The message format, version 3 (attachments)").
 *
 * Per message, a random 256-bit **content key**. It travels only inside the
 * HPKE envelope (the item's plaintext, `contentKey`), together with the list
 * of files: `{ blob, name, type, size, digest }` each. The files themselves go
 * to the relay beside the envelope, one **blob** each:
 *
 *   blob = iv (12 random bytes) ‖ AES-256-GCM(contentKey, iv, padded file, aad)
 *   aad  = "wegweiser-attachment/v3" NUL centre NUL blob id NUL index "/" count
 *
 * - The associated data binds a blob to its centre, its id and its place in
 *   the message's list; the content key binds it to the one message. A blob
 *   that was changed, swapped with another file of the message, or taken from
 *   another message fails to open (and the digest, SHA-256 of the file, is
 *   checked after opening as well).
 * - Padding: the file is followed by zeros up to `paddedLength`: a multiple of
 *   64 KiB, and above 4 MiB the coarser steps of Padmé (Nikitin et al., PETS
 *   2019: at most 12 % more, leaking O(log log n) bits). A phone photo redrawn
 *   to 2,000 px (0.3–1.5 MB) falls into one of about 20 sizes; powers of two
 *   would say less but could double a file, and files count against the
 *   relay's byte quotas. `size` in the list tells the reader where the file ends.
 * - The relay sees how many blobs a message has and their padded sizes, never
 *   a name, a type or a byte of a file. The blob id is random (128 bits),
 *   chosen by the writer, and known only to the writer, the relay and whoever
 *   opens the envelope.
 *
 * No DOM here: the relay checks the declared shape with this module, and the
 * elements load it only when a message with files is sent or opened.
 */
import { fromBase64url, toBase64url } from './public-key.js';
import { attachmentLimits, type AttachmentType } from './attachments/types.js';

export type { AttachmentType } from './attachments/types.js';
/** The types that may be attached (photos are redrawn to JPEG or PNG in the browser; PDFs lose their metadata). */
export const attachmentTypes: readonly AttachmentType[] = ['image/jpeg', 'image/png', 'application/pdf'];

/** At most this many files per message, and this many bytes of files together (before padding): the picker's limits. */
export const maxAttachments = attachmentLimits.maxFiles;
export const maxAttachmentBytes = attachmentLimits.maxTotalBytes;
/** A file name as the team sees it, in characters; longer names are shortened before sealing. */
export const maxAttachmentNameLength = 100;

const paddingStep = 64 * 1024;
const ivLength = 12;
const tagLength = 16;

/** One file in an item's plaintext: where its blob is, what it is called, what it is, how long, and its SHA-256. */
export interface Attachment {
  /** The blob's id at the relay: 16 random bytes, base64url (22 characters). */
  blob: string;
  name: string;
  type: AttachmentType;
  /** The file's length in bytes, before padding. */
  size: number;
  /** SHA-256 of the file's bytes, base64url (43 characters). */
  digest: string;
}

/** What the relay is told about a blob when the item it belongs to is sent: nothing but its id, length and hash. */
export interface BlobDeclaration {
  id: string;
  /** The blob's length in bytes (iv, padded ciphertext and tag). */
  size: number;
  /** SHA-256 of the blob's bytes, base64url: the relay checks the upload against it. */
  sha256: string;
}

/** A sealed file: what the relay stores, and what it is told beforehand. */
export interface SealedBlob extends BlobDeclaration {
  bytes: Uint8Array;
}

/** A blob that does not open or does not match its entry: changed, swapped, or from another message. */
export class AttachmentError extends Error {
  override name = 'AttachmentError';
}

export const blobIdPattern = /^[A-Za-z0-9_-]{22}$/;
const digestPattern = /^[A-Za-z0-9_-]{43}$/;
const encoder = new TextEncoder();

/** The length a file is padded to before encryption: 64 KiB steps, Padmé's steps above 4 MiB. */
export function paddedLength(length: number): number {
  if (length <= paddingStep) return paddingStep;
  const exponent = Math.floor(Math.log2(length));
  const padmeStep = 2 ** (exponent - (Math.floor(Math.log2(exponent)) + 1));
  const step = Math.max(paddingStep, padmeStep);
  return Math.ceil(length / step) * step;
}

/** The length of the blob a file of `length` bytes becomes. */
export const blobLength = (length: number): number => ivLength + paddedLength(length) + tagLength;

/** The most blob bytes one message can bring: every file padded, the largest file taking all the rest. */
export const maxBlobBytesPerMessage = blobLength(maxAttachmentBytes) + (maxAttachments - 1) * blobLength(0);

/** Problems with the blobs declared beside an envelope (relay side), in English; empty when well formed. */
export function checkDeclarations(value: unknown): string[] {
  if (!Array.isArray(value) || value.length < 1 || value.length > maxAttachments) return [`blobs must be a list of 1 to ${maxAttachments}`];
  let total = 0;
  const ids = new Set<string>();
  for (const entry of value as unknown[]) {
    const d = entry as Record<string, unknown>;
    if (typeof d !== 'object' || d === null || Object.keys(d).length !== 3) return ['each blob is { id, size, sha256 }'];
    if (typeof d.id !== 'string' || !blobIdPattern.test(d.id) || ids.has(d.id)) return ['a blob id is 22 base64url characters, each once'];
    if (!Number.isInteger(d.size) || (d.size as number) < blobLength(0) || (d.size as number) > blobLength(maxAttachmentBytes)) return ['a blob size is out of range'];
    if (typeof d.sha256 !== 'string' || !digestPattern.test(d.sha256)) return ['sha256 must be 43 base64url characters'];
    ids.add(d.id);
    total += d.size as number;
  }
  return total > maxBlobBytesPerMessage ? ['the blobs are larger than a message may bring'] : [];
}

/** Problems with the `contentKey` and `attachments` of a version-3 plaintext; empty when well formed. */
export function checkAttachments(contentKey: unknown, attachments: unknown): string[] {
  if (typeof contentKey !== 'string' || !digestPattern.test(contentKey)) return ['contentKey must be 32 bytes in base64url'];
  if (!Array.isArray(attachments) || attachments.length < 1 || attachments.length > maxAttachments) return [`attachments must be a list of 1 to ${maxAttachments}`];
  let total = 0;
  for (const entry of attachments as unknown[]) {
    const a = entry as Record<string, unknown>;
    if (typeof a !== 'object' || a === null) return ['each attachment is an object'];
    if (typeof a.blob !== 'string' || !blobIdPattern.test(a.blob)) return ['attachment.blob must be a blob id'];
    // No control characters and no path: a name is shown, never used as a path.
    if (typeof a.name !== 'string' || !a.name.trim() || a.name.length > maxAttachmentNameLength || /[\p{Cc}/\\]/u.test(a.name)) return ['attachment.name must be a short file name'];
    if (!attachmentTypes.includes(a.type as AttachmentType)) return ['attachment.type must be image/jpeg, image/png or application/pdf'];
    if (!Number.isInteger(a.size) || (a.size as number) < 1 || (a.size as number) > maxAttachmentBytes) return ['attachment.size is out of range'];
    if (typeof a.digest !== 'string' || !digestPattern.test(a.digest)) return ['attachment.digest must be a SHA-256 in base64url'];
    total += a.size as number;
  }
  return total > maxAttachmentBytes ? ['the attachments are larger than a message may bring'] : [];
}

/** A file name the format accepts: no control characters or path, at most 100 characters, the extension kept. */
export function attachmentName(name: string, fallback: string): string {
  const cleaned = name.replace(/\p{Cc}/gu, '').split(/[/\\]/).pop()!.trim() || fallback;
  if (cleaned.length <= maxAttachmentNameLength) return cleaned;
  const extension = /\.[A-Za-z0-9]{1,5}$/.exec(cleaned)?.[0] ?? '';
  return cleaned.slice(0, maxAttachmentNameLength - extension.length - 1) + '…' + extension;
}

async function sha256(bytes: Uint8Array): Promise<string> {
  return toBase64url(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource)));
}

/** The associated data of a blob: its centre, id and place in the message's list. */
export function blobAad(centre: string, blob: string, index: number, count: number): Uint8Array {
  return encoder.encode(`wegweiser-attachment/v3\u0000${centre}\u0000${blob}\u0000${index}/${count}`);
}

const aesKey = (contentKey: string, usage: KeyUsage) => crypto.subtle.importKey('raw', fromBase64url(contentKey) as BufferSource, 'AES-GCM', false, [usage]);

/**
 * Seals a message's files under a new content key. `contentKey` and
 * `attachments` go into the item's plaintext (envelope.ts), `blobs` to the
 * relay: their declarations with the item, their bytes after it.
 */
export async function sealAttachments(
  centre: string,
  files: readonly { name: string; type: AttachmentType; bytes: Uint8Array }[],
): Promise<{ contentKey: string; attachments: Attachment[]; blobs: SealedBlob[] }> {
  if (files.length < 1 || files.length > maxAttachments) throw new AttachmentError(`A message carries 1 to ${maxAttachments} files.`);
  const contentKey = toBase64url(crypto.getRandomValues(new Uint8Array(32)));
  const key = await aesKey(contentKey, 'encrypt');
  const attachments: Attachment[] = [];
  const blobs: SealedBlob[] = [];
  for (const [index, file] of files.entries()) {
    const id = toBase64url(crypto.getRandomValues(new Uint8Array(16)));
    const padded = new Uint8Array(paddedLength(file.bytes.length));
    padded.set(file.bytes);
    const iv = crypto.getRandomValues(new Uint8Array(ivLength));
    const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: blobAad(centre, id, index, files.length) as BufferSource }, key, padded));
    const bytes = new Uint8Array(ivLength + sealed.length);
    bytes.set(iv);
    bytes.set(sealed, ivLength);
    attachments.push({ blob: id, name: attachmentName(file.name, `${index + 1}`), type: file.type, size: file.bytes.length, digest: await sha256(file.bytes) });
    blobs.push({ id, size: bytes.length, sha256: await sha256(bytes), bytes });
  }
  const problems = checkAttachments(contentKey, attachments);
  if (problems.length) throw new AttachmentError(`Not valid attachments: ${problems.join('; ')}`);
  return { contentKey, attachments, blobs };
}

/**
 * Opens the blob of `attachments[index]` with the message's content key: the
 * file's bytes, or an AttachmentError when the blob was changed, swapped or
 * belongs to another message (nothing half-opened comes back).
 */
export async function openAttachment(centre: string, contentKey: string, attachments: readonly Attachment[], index: number, blob: Uint8Array): Promise<Uint8Array> {
  const entry = attachments[index];
  if (!entry) throw new AttachmentError('No such attachment.');
  let plain: Uint8Array;
  try {
    const key = await aesKey(contentKey, 'decrypt');
    const aad = blobAad(centre, entry.blob, index, attachments.length);
    plain = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: blob.subarray(0, ivLength) as BufferSource, additionalData: aad as BufferSource }, key, blob.subarray(ivLength) as BufferSource));
  } catch (error) {
    throw new AttachmentError('The file cannot be decrypted: it was changed, or it belongs to another message.', { cause: error });
  }
  if (plain.length < entry.size) throw new AttachmentError('The file is shorter than its entry says.');
  const file = plain.subarray(0, entry.size);
  if ((await sha256(file)) !== entry.digest) throw new AttachmentError('The file does not match its digest.');
  return file;
}
