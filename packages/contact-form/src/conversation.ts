/**
 * Anonymous conversations by code. After a first message the person gets a
 * code; with nothing but that code they can read the team's answers and
 * write back, from any browser. The relay never sees the code.
 *
 * The code: 20 characters in five groups of four, e.g. `7KQM-2XWH-9R3B-TD5N-8FJ4`,
 * from Crockford's base-32 alphabet (digits and capital letters without
 * I, L, O and U, which look or sound like others). 18 characters are random
 * (90 bits); the last 2 are a check value, so a typo is caught in the browser
 * before the relay is asked. Reading is forgiving: lower case, spaces and
 * hyphens anywhere, O for 0, I and L for 1.
 *
 * From the code, in the browser:
 *
 *   master  = scrypt(code, "wegweiser-conversation/v1" NUL centre, N = 2^15, r = 8, p = 1, 32 bytes)
 *   mailbox = HKDF-SHA256(master, info "mailbox", 16 bytes)   → the conversation's address at the relay
 *   secret  = HKDF-SHA256(master, info "access", 32 bytes)    → proves to the relay that one holds the code
 *   ikm     = HKDF-SHA256(master, info "hpke-key", 32 bytes)  → DeriveKeyPair (RFC 9180) → X25519 key pair
 *
 * The relay stores the mailbox id and SHA-256(secret) (the verifier), never
 * the secret. The public half of the key pair travels inside the first
 * (encrypted) message as `replyKey`; the team seals its answers to it. The
 * salt includes the centre, so one code never names mailboxes at two centres.
 *
 * Every later item (version 2, see envelope.ts) is sealed with its writer's
 * key and linked into the conversation: `thread` = a hash of the reply key,
 * `seq` = its place, `prev` = the digest of the item its writer saw last.
 * `checkChain` finds, on either side, an item that was forged, relabelled,
 * moved, repeated, taken from another conversation, or follows a missing one.
 * What it cannot find: items missing at the end (the relay can always hold
 * back the newest), and forgeries in a conversation that has only version-1
 * items (from before version 2).
 *
 * No DOM here; loaded only when a code is made or entered.
 */
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { Aes256Gcm, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/core';
import { fromBase64url, toBase64url } from './public-key.js';
import { open, type ChainLink, type Envelope, type Plaintext, type Recipient } from './envelope.js';

export const codeAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const randomLength = 18;
const checkLength = 2;
/** scrypt parameters for codes: fixed; changing them would orphan every conversation. */
export const codeScrypt = { N: 2 ** 15, r: 8, p: 1, dkLen: 32 } as const;

export type CodeProblem = 'length' | 'characters' | 'check';

export interface CodeKeys {
  /** The conversation's id at the relay (base64url, 22 characters). */
  mailbox: string;
  /** Sent to the relay to read or write (base64url, 43 characters). */
  secret: string;
  /** SHA-256 of the secret (base64url): what the relay keeps. */
  verifier: string;
  /** The person's key as an envelope recipient (`kid` from the key). */
  recipient: Recipient;
  /** The public key as it goes into the first message (base64url). */
  replyKey: string;
  /** Raw X25519 private key; held in memory only. */
  privateKey: Uint8Array;
}

const encoder = new TextEncoder();

async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
}

async function checkCharacters(body: string): Promise<string> {
  const digest = await sha256(encoder.encode(`wegweiser-code/v1:${body}`));
  // The first 10 bits of the digest, as two characters.
  const bits = (digest[0]! << 2) | (digest[1]! >> 6);
  return codeAlphabet[bits >> 5]! + codeAlphabet[bits & 31]!;
}

/** Groups of four, joined by hyphens: how the code is shown and written down. */
export function formatCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? '';
}

/** A new random code, formatted. */
export async function newCode(): Promise<string> {
  // 256 is a multiple of 32: taking 5 bits of each byte keeps every character equally likely.
  const body = Array.from(crypto.getRandomValues(new Uint8Array(randomLength)), (b) => codeAlphabet[b & 31]).join('');
  return formatCode(body + (await checkCharacters(body)));
}

/** Reads a code as a person typed it; the canonical form (20 characters, no hyphens) or what is wrong. */
export async function readCode(input: string): Promise<{ code: string } | { problem: CodeProblem }> {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s\-–—_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if ([...cleaned].some((c) => !codeAlphabet.includes(c))) return { problem: 'characters' };
  if (cleaned.length !== randomLength + checkLength) return { problem: 'length' };
  const body = cleaned.slice(0, randomLength);
  if ((await checkCharacters(body)) !== cleaned.slice(randomLength)) return { problem: 'check' };
  return { code: cleaned };
}

async function hkdf(master: Uint8Array, info: string, length: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', master as BufferSource, 'HKDF', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: encoder.encode(info) }, key, length * 8);
  return new Uint8Array(bits);
}

/** The key id for a person's public key: like a centre key's, the first 8 base64url characters of a SHA-256. */
export async function personKid(publicKey: Uint8Array): Promise<string> {
  return toBase64url(await sha256(encoder.encode(`wwp1.${toBase64url(publicKey)}`))).slice(0, 8);
}

/** A person's recipient from the `replyKey` in their first message (the team seals answers to it). */
export async function personRecipient(centre: string, replyKey: string): Promise<Recipient> {
  const publicKey = fromBase64url(replyKey);
  if (publicKey.length !== 32) throw new Error('A reply key has 32 bytes.');
  return { centre, kid: await personKid(publicKey), publicKey };
}

/** Derives everything from a canonical code (see `readCode`) for one centre. Takes a moment (scrypt, 32 MiB). */
export async function deriveKeys(code: string, centre: string): Promise<CodeKeys> {
  const master = await scryptAsync(encoder.encode(code), encoder.encode(`wegweiser-conversation/v1\u0000${centre}`), codeScrypt);
  const [mailbox, secret, ikm] = await Promise.all([hkdf(master, 'mailbox', 16), hkdf(master, 'access', 32), hkdf(master, 'hpke-key', 32)]);
  const kem = new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes256Gcm() }).kem;
  const pair = await kem.deriveKeyPair(ikm as BufferSource);
  const publicKey = new Uint8Array(await kem.serializePublicKey(pair.publicKey));
  const privateKey = new Uint8Array(await kem.serializePrivateKey(pair.privateKey));
  return {
    mailbox: toBase64url(mailbox),
    secret: toBase64url(secret),
    verifier: toBase64url(await sha256(secret)),
    recipient: { centre, kid: await personKid(publicKey), publicKey },
    replyKey: toBase64url(publicKey),
    privateKey,
  };
}

// ---- The chain of a conversation (version-2 items) ----

/** JSON with sorted keys: the same text on both sides, whatever order a writer used. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Names a conversation in its items: a hash of the person's reply key (22 base64url characters). */
export async function threadOf(replyKey: string): Promise<string> {
  return toBase64url(await sha256(encoder.encode(`wegweiser-thread/v2:${replyKey}`))).slice(0, 22);
}

/** An item's digest, which the next item names as `prev`: SHA-256 of its plaintext (canonical JSON). */
export async function itemDigest(message: Plaintext): Promise<string> {
  return toBase64url(await sha256(encoder.encode(canonicalJson(message))));
}

/** The link for a new item written after `seen` (the conversation as its writer sees it, first message first). */
export async function nextLink(replyKey: string, seen: readonly (Plaintext | null)[]): Promise<ChainLink> {
  const last = seen.at(-1);
  return { thread: await threadOf(replyKey), seq: seen.length + 1, prev: last ? await itemDigest(last) : toBase64url(new Uint8Array(32)) };
}

export type Author = 'person' | 'centre';

/** An item as one side opened it. */
export interface OpenedItem {
  /** Who the relay says wrote it. */
  author: Author;
  /** The plaintext, or null when it could not be opened. */
  message: Plaintext | null;
  /** Whose key a version-2 item opened with; null for version 1 (base mode: anyone with the public key can make one). */
  sender: Author | null;
}

/**
 * Opens a conversation's envelopes for one side. A version-2 item is tried
 * with each writer's public key (`senders`); the one that opens it is its
 * real writer, whatever the relay says. `senders.person` is null on the
 * team's side until the first message told the reply key.
 */
export async function openItems(
  items: readonly { author: Author; envelope: Envelope }[],
  privateKey: Uint8Array,
  audience: 'centre' | 'person',
  senders: { centre: Uint8Array; person: Uint8Array | null },
): Promise<OpenedItem[]> {
  const opened: OpenedItem[] = [];
  let personKey = senders.person;
  for (const { author, envelope } of items) {
    let message: Plaintext | null = null;
    let sender: Author | null = null;
    // Version 3 is a first message (no writer's key) or a later item (a writer's key): try both.
    const candidates = envelope.v === 1 ? [null] : envelope.v === 2 ? (['person', 'centre'] as const) : ([null, 'person', 'centre'] as const);
    for (const candidate of candidates) {
      const key = candidate === 'person' ? personKey : candidate === 'centre' ? senders.centre : undefined;
      if (key === null) continue;
      try {
        message = await open(envelope, privateKey, audience, key);
        sender = candidate;
        break;
      } catch {
        /* the next writer, or not openable */
      }
    }
    // The team learns the person's key from the first message.
    if (opened.length === 0 && personKey === null && message?.kind === 'first-contact' && message.replyKey) personKey = fromBase64url(message.replyKey);
    opened.push({ author, message, sender });
  }
  return opened;
}

/**
 * Which items hold their place (true) in a conversation whose person has
 * `replyKey`. An item fails when it is not what its place says: the first is
 * not a first message by the person; a version-2 item was not written by the
 * one its kind and the relay name, belongs to another conversation, does not
 * follow the item before it (moved, or one is missing), or repeats one; a
 * version-1 item comes after version-2 items (a forgery in the old format).
 * Two writers answering the same item at once is not a failure. An item that
 * could not be opened fails (it is shown as such anyway).
 */
export async function checkChain(items: readonly OpenedItem[], replyKey: string): Promise<boolean[]> {
  const thread = await threadOf(replyKey);
  const digests = await Promise.all(items.map((i) => (i.message ? itemDigest(i.message) : null)));
  let sawVersion2 = false;
  return items.map(({ author, message, sender }, index) => {
    if (!message) return false;
    if (index === 0) return message.kind === 'first-contact' && author === 'person' && message.replyKey === replyKey;
    if (message.kind === 'first-contact') return false;
    const writer: Author = message.kind === 'reply' ? 'centre' : 'person';
    if (author !== writer) return false;
    if (message.v === 1) return !sawVersion2;
    sawVersion2 = true;
    if (sender !== writer || message.thread !== thread) return false;
    if (digests.indexOf(digests[index]!) !== index) return false;
    const before = items[index - 1]!.message;
    const followsPrevious = message.prev === digests[index - 1];
    const answeredTogether = before !== null && before !== undefined && 'prev' in before && before.prev === message.prev && items[index - 1]!.author !== author;
    const prevIndex = digests.slice(0, index).indexOf(message.prev);
    return (followsPrevious || answeredTogether) && prevIndex >= 0 && message.seq === prevIndex + 2;
  });
}
