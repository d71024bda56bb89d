/**
 * Team credentials for the counsellors' inbox. A credential is a random
 * string of 125 bits made by `wegweiser-relay credential`; the relay keeps
 * only a salted SHA-256 of it (RELAY_INBOX_CREDENTIALS), so a leaked
 * configuration does not let anyone in. A slow hash (scrypt) would add
 * nothing against guessing 125 random bits, and it let a flood of sign-ins
 * stall the whole relay (issue 20): checking a credential is now a few
 * microseconds. Signing in gives a session token (random, 256 bits) that the
 * inbox sends as `Authorization: Bearer`; the store keeps only its SHA-256,
 * with the id of the credential that opened it, so sessions work across
 * several relay instances, a database dump holds no usable token, and removing
 * a credential from the configuration ends its sessions. No cookies.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { centrePattern } from '@wegweiser/contact-form/public-key';

const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export interface TeamCredential {
  centre: string;
  salt: Buffer;
  hash: Buffer;
  /** Names the credential in the sessions it opens (not secret: derived from the stored hash). */
  id: string;
}

/** The credential as typed (spaces around, any case) to the form it was made in. */
const normalised = (credential: string) => credential.trim().toUpperCase();

function credentialHash(credential: string, salt: Buffer): Buffer {
  return createHash('sha256').update(salt).update(normalised(credential), 'utf8').digest();
}

const credentialId = (hash: Buffer) => createHash('sha256').update('wegweiser-credential-id\u0000').update(hash).digest('base64url').slice(0, 16);

/** A new credential: 25 characters (125 bits) in groups of five. */
export function newCredential(): string {
  const chars = Array.from(randomBytes(25), (b) => alphabet[b & 31]).join('');
  return chars.match(/.{5}/g)!.join('-');
}

/** The `RELAY_INBOX_CREDENTIALS` entry for a centre and credential: `<centre>:sha256$<salt>$<hash>`. */
export async function credentialEntry(centre: string, credential: string): Promise<string> {
  const salt = randomBytes(16);
  return `${centre}:sha256$${salt.toString('base64url')}$${credentialHash(credential, salt).toString('base64url')}`;
}

/** Reads one entry; throws an Error saying what is wrong. */
export function parseCredentialEntry(entry: string): TeamCredential {
  if (/^[a-z0-9-]+:scrypt\$/.test(entry)) {
    throw new Error(`"${entry.slice(0, 24)}…" is an entry of the first test version (scrypt). Make a new credential with \`wegweiser-relay credential\` and give the team the new one.`);
  }
  const match = /^([a-z0-9-]+):sha256\$([A-Za-z0-9_-]{22})\$([A-Za-z0-9_-]{43})$/.exec(entry);
  if (!match || !centrePattern.test(match[1]!)) throw new Error(`"${entry.slice(0, 24)}…" is not "<centre>:sha256$<salt>$<hash>" as printed by \`wegweiser-relay credential\`.`);
  const hash = Buffer.from(match[3]!, 'base64url');
  return { centre: match[1]!, salt: Buffer.from(match[2]!, 'base64url'), hash, id: credentialId(hash) };
}

/** The centre's credential that `credential` is, or null; compares against every one of the centre's in constant time. */
export function checkCredential<Credential extends TeamCredential>(credentials: readonly Credential[], centre: string, credential: string): Credential | null {
  let found: Credential | null = null;
  for (const candidate of credentials) {
    if (candidate.centre !== centre) continue;
    if (timingSafeEqual(credentialHash(credential, candidate.salt), candidate.hash)) found = candidate;
  }
  return found;
}

export const newSessionToken = (): string => randomBytes(32).toString('base64url');
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('base64url');
