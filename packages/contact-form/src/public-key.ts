/**
 * The centre's public key as a plain string for the form's `public-key`
 * attribute: `wwk1.<centre>.<key>.<check>`.
 *
 * - `centre`: the centre's id (lower-case letters, digits, hyphens); it is
 *   bound into every message's encryption context, so a message written for
 *   one centre cannot be passed off as one for another.
 * - `key`: the raw X25519 public key, base64url (43 characters).
 * - `check`: the first 8 base64url characters of SHA-256 over
 *   `wwk1.<centre>.<key>`. It catches a key damaged by copy and paste (a
 *   changed character would otherwise be a valid key nobody can decrypt for)
 *   and names the key in each message (`kid`), so a centre can rotate keys.
 *
 * No DOM and no HPKE here: the element checks the attribute with this module
 * before it loads any encryption code.
 */

import { centrePattern } from './format.js';

export { centrePattern };

export const keyPrefix = 'wwk1';

/** A checked public key. */
export interface CentreKey {
  /** The centre's id, as bound into each message. */
  readonly centre: string;
  /** The raw X25519 public key (32 bytes). */
  readonly publicKey: Uint8Array;
  /** The key's id: its check value. */
  readonly kid: string;
  /** The string it was read from. */
  readonly text: string;
}

/** The attribute is not a Wegweiser public key; `message` says why, for developers. */
export class PublicKeyError extends Error {
  override name = 'PublicKeyError';
}

const base64urlPattern = /^[A-Za-z0-9_-]+$/;

export function toBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes base64url without padding; throws on anything else. */
export function fromBase64url(text: string): Uint8Array {
  if (!base64urlPattern.test(text) || text.length % 4 === 1) throw new PublicKeyError('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function checkValue(centre: string, key: string): Promise<string> {
  if (!globalThis.crypto?.subtle) throw new PublicKeyError('No Web Crypto: serve the page over HTTPS.');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${keyPrefix}.${centre}.${key}`));
  return toBase64url(new Uint8Array(digest)).slice(0, 8);
}

/** Reads and checks a public-key string (format, length and check value). */
export async function parsePublicKey(text: string | null | undefined): Promise<CentreKey> {
  const trimmed = (text ?? '').trim();
  if (!trimmed) throw new PublicKeyError('The public key is missing (see `wegweiser-relay keygen`).');
  const parts = trimmed.split('.');
  if (parts.length !== 4 || parts[0] !== keyPrefix) {
    throw new PublicKeyError(`The public key must look like "${keyPrefix}.<centre>.<key>.<check>" (see \`wegweiser-relay keygen\`).`);
  }
  const [, centre, key, check] = parts as [string, string, string, string];
  if (!centrePattern.test(centre)) throw new PublicKeyError(`Invalid centre id "${centre}" in the public key.`);
  let publicKey: Uint8Array;
  try {
    publicKey = fromBase64url(key);
  } catch {
    publicKey = new Uint8Array();
  }
  if (publicKey.length !== 32 || key.length !== 43) throw new PublicKeyError('The public key is damaged; copy it again.');
  if (check !== (await checkValue(centre, key))) throw new PublicKeyError('The public key does not match its check value; copy it again.');
  return { centre, publicKey, kid: check, text: trimmed };
}

/** Writes the public-key string for a centre and a raw X25519 public key (used by `wegweiser-relay keygen`). */
export async function formatPublicKey(centre: string, publicKey: Uint8Array): Promise<string> {
  if (!centrePattern.test(centre)) throw new PublicKeyError(`"${centre}" is not a valid centre id (lower-case letters, digits and hyphens, up to 64).`);
  if (publicKey.length !== 32) throw new PublicKeyError('An X25519 public key has 32 bytes.');
  const key = toBase64url(publicKey);
  return `${keyPrefix}.${centre}.${key}.${await checkValue(centre, key)}`;
}
