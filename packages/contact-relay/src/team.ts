/**
 * Team credentials for the counsellors' inbox. A credential is a random
 * string made by `wegweiser-relay credential`; the relay keeps only its scrypt
 * hash (RELAY_INBOX_CREDENTIALS), so a leaked configuration does not let
 * anyone in. Signing in gives a session token (random, 256 bits) that the
 * inbox sends as `Authorization: Bearer`; the store keeps only its SHA-256,
 * so sessions work across several relay instances and a database dump holds
 * no usable token. No cookies.
 */
import { createHash, randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { centrePattern } from '@wegweiser/contact-form/public-key';

/** scrypt for credential hashes: the credential is random, so a moderate cost is enough. */
const params = { N: 2 ** 14, r: 8, p: 1 } as const;
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export interface TeamCredential {
  centre: string;
  salt: Buffer;
  hash: Buffer;
}

function scrypt(secret: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => scryptCallback(secret.normalize('NFC'), salt, 32, { ...params, maxmem: 64 * 1024 * 1024 }, (e, key) => (e ? reject(e) : resolve(key))));
}

/** A new credential: 25 characters (125 bits) in groups of five. */
export function newCredential(): string {
  const chars = Array.from(randomBytes(25), (b) => alphabet[b & 31]).join('');
  return chars.match(/.{5}/g)!.join('-');
}

/** The `RELAY_INBOX_CREDENTIALS` entry for a centre and credential: `<centre>:scrypt$<salt>$<hash>`. */
export async function credentialEntry(centre: string, credential: string): Promise<string> {
  const salt = randomBytes(16);
  return `${centre}:scrypt$${salt.toString('base64url')}$${(await scrypt(credential.trim().toUpperCase(), salt)).toString('base64url')}`;
}

/** Reads one entry; throws an Error saying what is wrong. */
export function parseCredentialEntry(entry: string): TeamCredential {
  const match = /^([a-z0-9-]+):scrypt\$([A-Za-z0-9_-]{22})\$([A-Za-z0-9_-]{43})$/.exec(entry);
  if (!match || !centrePattern.test(match[1]!)) throw new Error(`"${entry.slice(0, 24)}…" is not "<centre>:scrypt$<salt>$<hash>" as printed by \`wegweiser-relay credential\`.`);
  return { centre: match[1]!, salt: Buffer.from(match[2]!, 'base64url'), hash: Buffer.from(match[3]!, 'base64url') };
}

/** Whether `credential` is one of the centre's; always does the same work, known centre or not. */
export async function checkCredential(credentials: readonly TeamCredential[], centre: string, credential: string): Promise<boolean> {
  const candidates = credentials.filter((c) => c.centre === centre);
  const normalised = credential.trim().toUpperCase();
  let ok = false;
  for (const candidate of candidates.length ? candidates : [{ centre, salt: Buffer.alloc(16), hash: Buffer.alloc(32) }]) {
    const hash = await scrypt(normalised, candidate.salt);
    if (timingSafeEqual(hash, candidate.hash) && candidates.length) ok = true;
  }
  return ok;
}

export const newSessionToken = (): string => randomBytes(32).toString('base64url');
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('base64url');
