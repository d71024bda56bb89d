/**
 * Opens the centre's private key file (made by `wegweiser-relay keygen`) in
 * the browser. The format is the relay's (packages/contact-relay/src/key-file.ts):
 *
 * - scrypt (N = 2^17, r = 8, p = 1, 16-byte salt) over the NFC passphrase → 32-byte key,
 * - AES-256-GCM over `{"privateKey":"<base64url>"}`, with the header
 *   (format, version, centre, public key) as associated data.
 *
 * scrypt runs in JavaScript (@noble/hashes; Web Crypto has none) and needs
 * 128 MiB and a second or two; `scryptAsync` hands the main thread back every
 * few milliseconds, so the page stays responsive and can show progress.
 *
 * The private key is only ever returned to the caller, which keeps it in
 * memory. No DOM here.
 */
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { fromBase64url, parsePublicKey, toBase64url, type CentreKey } from '@wegweiser/contact-form/public-key';

export const keyFileFormat = 'wegweiser-contact-private-key';
/** Fixed, like the relay's: other parameters are refused (too weak, or a denial of service). */
export const keyFileScrypt = { N: 2 ** 17, r: 8, p: 1 } as const;
/** The largest key file accepted (a real one has about 600 bytes). */
export const maxKeyFileLength = 10_000;

/**
 * Why a key file did not open: `not-a-key-file` (not JSON, or not this format),
 * `unsupported` (other scrypt parameters or version), `wrong-passphrase`
 * (or a changed file: AES-GCM cannot tell the two apart), `damaged` (the
 * content does not belong to the public key in the header).
 */
export type KeyFileProblem = 'not-a-key-file' | 'unsupported' | 'wrong-passphrase' | 'damaged';

export class KeyFileError extends Error {
  override name = 'KeyFileError';
  constructor(
    readonly problem: KeyFileProblem,
    message: string,
  ) {
    super(message);
  }
}

export interface OpenedKey {
  /** The centre the key belongs to. */
  centre: string;
  /** The centre's public key, checked, for sealing the team's own copy of an answer. */
  publicKey: CentreKey;
  /** Raw X25519 private key (32 bytes); held in memory only. */
  privateKey: Uint8Array;
  /** Whether this is the public DEMO key. */
  demo: boolean;
}

interface KeyFile {
  format: string;
  version: number;
  demo?: boolean;
  centre: string;
  publicKey: string;
  kdf: { name: string; N: number; r: number; p: number; salt: string };
  cipher: { name: string; iv: string };
  ciphertext: string;
}

const encoder = new TextEncoder();
// PKCS #8 wrapping of a raw X25519 private key (RFC 8410), as Web Crypto imports it.
const pkcs8Prefix = Uint8Array.from([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x04, 0x22, 0x04, 0x20]);
const basePoint = Uint8Array.from({ length: 32 }, (_, i) => (i === 0 ? 9 : 0));

/** Reads the file's text into its fields; throws KeyFileError `not-a-key-file`/`unsupported`. */
export function readKeyFile(text: string): KeyFile {
  let value: unknown;
  try {
    if (text.length > maxKeyFileLength) throw new Error('too long');
    value = JSON.parse(text);
  } catch {
    throw new KeyFileError('not-a-key-file', 'This is not a Wegweiser private key file: it is not JSON.');
  }
  const file = value as Partial<KeyFile> | null;
  const isText = (v: unknown) => typeof v === 'string' && v.length > 0;
  if (
    typeof file !== 'object' ||
    file === null ||
    file.format !== keyFileFormat ||
    !isText(file.centre) ||
    !isText(file.publicKey) ||
    !isText(file.ciphertext) ||
    !isText(file.kdf?.salt) ||
    !isText(file.cipher?.iv)
  ) {
    throw new KeyFileError('not-a-key-file', 'This is not a Wegweiser private key file (made by `wegweiser-relay keygen`).');
  }
  const { kdf, cipher } = file as KeyFile;
  if (file.version !== 1 || kdf.name !== 'scrypt' || cipher.name !== 'AES-256-GCM' || kdf.N !== keyFileScrypt.N || kdf.r !== keyFileScrypt.r || kdf.p !== keyFileScrypt.p) {
    throw new KeyFileError('unsupported', 'The key file uses another version or other parameters than this inbox knows.');
  }
  return file as KeyFile;
}

/** The X25519 public key of a raw private key: X25519(k, 9), on Web Crypto. */
export async function x25519PublicKey(privateKey: Uint8Array): Promise<Uint8Array> {
  const pkcs8 = new Uint8Array(pkcs8Prefix.length + 32);
  pkcs8.set(pkcs8Prefix);
  pkcs8.set(privateKey, pkcs8Prefix.length);
  const sk = await crypto.subtle.importKey('pkcs8', pkcs8 as BufferSource, { name: 'X25519' }, false, ['deriveBits']);
  pkcs8.fill(0);
  // Exporting the private key as JWK would also give the public key, but Firefox refuses that for some keys.
  const base = await crypto.subtle.importKey('raw', basePoint as BufferSource, { name: 'X25519' }, false, []);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'X25519', public: base }, sk, 256));
}

/**
 * Opens a key file with its passphrase. `onProgress` gets 0…1 while scrypt runs.
 * Throws KeyFileError; nothing half-opened comes back.
 */
export async function openKeyFile(text: string, passphrase: string, onProgress?: (fraction: number) => void): Promise<OpenedKey> {
  const file = readKeyFile(text);
  let publicKey: CentreKey;
  let salt: Uint8Array;
  let iv: Uint8Array;
  let data: Uint8Array;
  try {
    publicKey = await parsePublicKey(file.publicKey);
    salt = fromBase64url(file.kdf.salt);
    iv = fromBase64url(file.cipher.iv);
    data = fromBase64url(file.ciphertext);
  } catch {
    throw new KeyFileError('damaged', 'The key file is damaged: its public key or its encoded fields cannot be read.');
  }
  if (publicKey.centre !== file.centre || iv.length !== 12 || data.length < 17) throw new KeyFileError('damaged', 'The key file is damaged.');
  const secret = await scryptAsync(encoder.encode(passphrase.normalize('NFC')), salt, { ...keyFileScrypt, dkLen: 32, onProgress });
  let plain: { privateKey?: unknown };
  try {
    const key = await crypto.subtle.importKey('raw', secret as BufferSource, 'AES-GCM', false, ['decrypt']);
    const aad = encoder.encode(`${file.format};v=${file.version};centre=${file.centre};publicKey=${file.publicKey}`);
    const clear = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: iv as BufferSource, additionalData: aad }, key, data as BufferSource);
    plain = JSON.parse(new TextDecoder().decode(clear)) as { privateKey?: unknown };
  } catch {
    throw new KeyFileError('wrong-passphrase', 'The passphrase is wrong, or the key file was changed.');
  } finally {
    secret.fill(0);
  }
  let privateKey: Uint8Array;
  try {
    privateKey = fromBase64url(typeof plain.privateKey === 'string' ? plain.privateKey : '');
  } catch {
    privateKey = new Uint8Array();
  }
  if (privateKey.length !== 32) throw new KeyFileError('damaged', 'The key file holds no valid private key.');
  // The header's public key must belong to this private key, or answers would be sealed to a key nobody holds.
  if (toBase64url(await x25519PublicKey(privateKey)) !== toBase64url(publicKey.publicKey)) {
    throw new KeyFileError('damaged', 'The private key does not belong to the public key in the file.');
  }
  return { centre: publicKey.centre, publicKey, privateKey, demo: file.demo === true };
}
