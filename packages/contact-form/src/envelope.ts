/**
 * The message format between `<ww-contact-form>` and the counselling team,
 * and its encryption: HPKE (RFC 9180) in base mode with
 * DHKEM(X25519, HKDF-SHA256), HKDF-SHA256 and AES-256-GCM, on Web Crypto
 * (@hpke/core), in the browser and in Node alike.
 *
 * Everything the person wrote (text, topic, language, how to answer) is
 * inside the ciphertext. The envelope around it carries only what the relay
 * needs to route and check: the format version, the centre id, the key id and
 * the suite. The centre id is bound into HPKE's `info`, and the whole
 * envelope header into the AEAD's associated data, so neither can be changed
 * without the message failing to open.
 *
 * The plaintext is padded to a multiple of 1024 bytes, so the size the relay
 * sees says little about how much someone wrote.
 *
 * Version 2 (issue 20) is for the items that follow a first message: the
 * person's later messages and the team's answers. They are sealed in HPKE
 * Auth mode with the writer's own key (the person's key from the code, or the
 * centre's key), so only that writer can have made them, and their plaintext
 * carries a link (`thread`, `seq`, `prev`) that places them in one
 * conversation after one item (conversation.ts checks the chain). A first
 * message stays version 1: nobody knows the person's key before it arrives.
 * Readers open both versions.
 *
 * Version 3 (issue 23) is an item with attachments: a first message (base
 * mode, as version 1) or a later item (Auth mode, as version 2), whose
 * plaintext adds the message's content key and its list of files
 * (attachment-blobs.ts has the blobs' format). A reader that knows only
 * versions 1 and 2 refuses it instead of showing the text without its files.
 * The mode follows the kind: only a first message is sealed without a
 * writer's key, and `open` checks that the kind and the mode agree.
 *
 * No DOM here: the relay's command line opens messages with this module, and
 * the element loads it only when a message is sent.
 */
import { Aes256Gcm, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/core';
import { centrePattern, fromBase64url, toBase64url, type CentreKey } from './public-key.js';
import { maxTextLength } from './format.js';
import { checkAttachments, maxAttachmentNameLength, maxAttachments, type Attachment } from './attachment-blobs.js';

/** The version of first messages (HPKE base mode). Later items are version 2 (Auth mode). */
export const envelopeVersion = 1;
export const envelopeVersions = [1, 2, 3] as const;
export type EnvelopeVersion = (typeof envelopeVersions)[number];
export const suiteName = 'DHKEM(X25519,HKDF-SHA256)/HKDF-SHA256/AES-256-GCM';
export { maxTextLength } from './format.js';
/** Longest phone number or e-mail address. */
export const maxContactLength = 254;
const paddingBlock = 1024;

export const topics = ['work', 'money', 'housing', 'health', 'residence', 'other'] as const;
export type Topic = (typeof topics)[number];

/** `code`: the person reads the answer here with the code the form gave them (anonymous). */
export type ReplyChoice = { method: 'none' } | { method: 'code' } | { method: 'phone'; value: string } | { method: 'email'; value: string };

/** What a person writes. */
export interface ContactMessage {
  text: string;
  topic: Topic | null;
  /** The language the person would like to be answered in (BCP 47), if chosen. */
  language: string | null;
  reply: ReplyChoice;
  /** The language the form was shown in. */
  formLocale: string;
}

/** What a version-3 item adds: the message's content key (base64url, 32 bytes) and its files. */
export interface WithAttachments {
  contentKey: string;
  attachments: Attachment[];
}

/** The plaintext of a person's first message (version 1; version 3 with attachments). */
export type MessagePlaintext = FirstContactPlaintext | (Omit<FirstContactPlaintext, 'v'> & { v: 3 } & WithAttachments);

/** The plaintext of a person's first message without attachments (version 1). */
export interface FirstContactPlaintext extends ContactMessage {
  v: 1;
  kind: 'first-contact';
  /**
   * With `reply.method` `code`: the person's own X25519 public key
   * (base64url), derived from their code; the team's answers are sealed to it.
   * Otherwise null.
   */
  replyKey: string | null;
}

/**
 * Where a version-2 item belongs: which conversation (`thread`: a hash of the
 * person's reply key, which both sides know and the relay does not), its
 * place (`seq`, 1 being the first message), and the item its writer saw last
 * (`prev`: `itemDigest` of that item's plaintext).
 */
export interface ChainLink {
  thread: string;
  seq: number;
  prev: string;
}

/** A person's later message in a conversation (written with the code); version 2 carries its link. */
export type FollowUpPlaintext =
  | { v: 1; kind: 'follow-up'; text: string; formLocale: string }
  | ({ v: 2; kind: 'follow-up'; text: string; formLocale: string } & ChainLink)
  | ({ v: 3; kind: 'follow-up'; text: string; formLocale: string } & ChainLink & WithAttachments);

/** The counselling team's answer; `language` is the language it is written in (BCP 47), for the reader's `lang`. */
export type ReplyPlaintext =
  | { v: 1; kind: 'reply'; text: string; language: string | null }
  | ({ v: 2; kind: 'reply'; text: string; language: string | null } & ChainLink)
  | ({ v: 3; kind: 'reply'; text: string; language: string | null } & ChainLink & WithAttachments);

export type Plaintext = MessagePlaintext | FollowUpPlaintext | ReplyPlaintext;

/**
 * Who can open an envelope: the centre (its key pair from `keygen`) or the
 * person (the key pair derived from their code). Each has its own HPKE `info`,
 * so an envelope for one cannot be passed off as one for the other.
 */
export type Audience = 'centre' | 'person';

/** Where an envelope goes: a centre's key, or a person's key derived from a code. */
export interface Recipient {
  centre: string;
  kid: string;
  /** Raw X25519 public key (32 bytes). */
  publicKey: Uint8Array;
}

/** What the relay receives and stores. */
export interface Envelope {
  /** 1: HPKE base mode (first messages); 2: Auth mode, with the writer's key (later items); 3: either, with attachments. */
  v: EnvelopeVersion;
  centre: string;
  kid: string;
  suite: string;
  /** HPKE encapsulated key, base64url. */
  enc: string;
  /** Ciphertext with the AES-GCM tag, base64url. */
  ct: string;
}

/** A message that cannot be opened or is not in the expected shape. */
export class EnvelopeError extends Error {
  override name = 'EnvelopeError';
}

const encoder = new TextEncoder();
const suite = () => new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes256Gcm() });

/** HPKE `info`: the protocol, its version, the centre, and (for envelopes a person opens) `person`. */
export function hpkeInfo(centre: string, audience: Audience = 'centre', version: EnvelopeVersion = envelopeVersion): Uint8Array {
  return encoder.encode(`wegweiser-contact/v${version}\u0000${centre}${audience === 'person' ? '\u0000person' : ''}`);
}

/** The AEAD's associated data: the envelope header, so it cannot be swapped. */
export function envelopeAad(envelope: Pick<Envelope, 'v' | 'centre' | 'kid' | 'suite'>): Uint8Array {
  return encoder.encode(`v=${envelope.v};centre=${envelope.centre};kid=${envelope.kid};suite=${envelope.suite}`);
}

const base64urlMax = (bytes: number) => Math.ceil((bytes * 4) / 3);
/** What a list of attachments can add to a plaintext: names in worst-case UTF-8 and the fixed fields, and the content key. */
const maxAttachmentListBytes = maxAttachments * (maxAttachmentNameLength * 3 + 150) + 64;
/** Largest ciphertext a valid message can produce (worst-case UTF-8, attachments, padding, tag), base64url. */
export const maxCiphertextLength = base64urlMax(Math.ceil(((maxTextLength + 2 * maxContactLength) * 3 + 1024 + maxAttachmentListBytes) / paddingBlock) * paddingBlock + 16);

/** Problems with an envelope's shape, in English for developers; empty when it is well formed. */
export function checkEnvelope(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['the envelope must be a JSON object'];
  const e = value as Record<string, unknown>;
  const problems: string[] = [];
  const b64 = /^[A-Za-z0-9_-]+$/;
  if (!envelopeVersions.includes(e.v as EnvelopeVersion)) problems.push('v must be 1, 2 or 3');
  if (typeof e.centre !== 'string' || !centrePattern.test(e.centre)) problems.push('centre must be a centre id');
  if (typeof e.kid !== 'string' || !/^[A-Za-z0-9_-]{8}$/.test(e.kid)) problems.push('kid must be 8 base64url characters');
  if (e.suite !== suiteName) problems.push(`suite must be "${suiteName}"`);
  if (typeof e.enc !== 'string' || e.enc.length !== 43 || !b64.test(e.enc)) problems.push('enc must be 32 bytes in base64url');
  if (typeof e.ct !== 'string' || e.ct.length < 22 || e.ct.length > maxCiphertextLength || !b64.test(e.ct)) {
    problems.push(`ct must be base64url, at most ${maxCiphertextLength} characters`);
  }
  return problems;
}

const languageTag = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
const textProblem = (text: unknown) => (typeof text !== 'string' || !text.trim() || text.length > maxTextLength ? ['text must be a non-empty string within the limit'] : []);

const linkProblem = (m: Record<string, unknown>) =>
  m.v === 1 ||
  (typeof m.thread === 'string' && /^[A-Za-z0-9_-]{22}$/.test(m.thread) && Number.isInteger(m.seq) && (m.seq as number) >= 2 && typeof m.prev === 'string' && /^[A-Za-z0-9_-]{43}$/.test(m.prev))
    ? []
    : ['a version-2 or -3 item needs thread (22), seq (2 or more) and prev (43 base64url characters)'];

/** A version-3 item carries its content key and files; no other version does. */
const attachmentProblem = (m: Record<string, unknown>) =>
  m.v === 3 ? checkAttachments(m.contentKey, m.attachments) : 'contentKey' in m || 'attachments' in m ? ['only a version-3 item carries attachments'] : [];

/** Problems with a decrypted message's shape; empty when it is a valid plaintext of any kind and version. */
export function checkPlaintext(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['the message must be a JSON object'];
  const m = value as Record<string, unknown>;
  if (m.v !== 1 && m.v !== 3 && !(m.v === 2 && m.kind !== 'first-contact')) return ['v must be 1 or 3, or 2 for a later item'];
  if (m.kind === 'follow-up') return [...textProblem(m.text), ...(typeof m.formLocale === 'string' ? [] : ['formLocale must be a string']), ...linkProblem(m), ...attachmentProblem(m)];
  if (m.kind === 'reply') {
    return [
      ...textProblem(m.text),
      ...(m.language === null || (typeof m.language === 'string' && languageTag.test(m.language)) ? [] : ['language must be null or a BCP 47 tag']),
      ...linkProblem(m),
      ...attachmentProblem(m),
    ];
  }
  if (m.kind !== 'first-contact') return ['kind must be "first-contact", "follow-up" or "reply"'];
  const problems = [...textProblem(m.text), ...attachmentProblem(m)];
  if (m.topic !== null && !topics.includes(m.topic as Topic)) problems.push('topic must be null or a known topic');
  if (m.language !== null && (typeof m.language !== 'string' || !languageTag.test(m.language))) problems.push('language must be null or a BCP 47 tag');
  if (typeof m.formLocale !== 'string') problems.push('formLocale must be a string');
  const reply = m.reply as Record<string, unknown> | null;
  if (typeof reply !== 'object' || reply === null) problems.push('reply must be an object');
  else if (reply.method === 'none' || reply.method === 'code') {
    if (Object.keys(reply).length !== 1) problems.push(`reply "${String(reply.method)}" carries no value`);
  } else if (reply.method === 'phone' || reply.method === 'email') {
    if (typeof reply.value !== 'string' || !reply.value.trim() || reply.value.length > maxContactLength) problems.push('reply.value must be a non-empty string');
  } else problems.push('reply.method must be none, code, phone or email');
  const wantsKey = typeof reply === 'object' && reply?.method === 'code';
  if (wantsKey ? typeof m.replyKey !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(m.replyKey) : m.replyKey !== null) {
    problems.push('replyKey must be a 32-byte key in base64url with reply "code", and null otherwise');
  }
  return problems;
}

/** Whether an item is sealed with its writer's key (HPKE Auth mode): every later item of version 2 or 3. */
const sealedByWriter = (plaintext: Pick<Plaintext, 'v' | 'kind'>) => plaintext.v === 2 || (plaintext.v === 3 && plaintext.kind !== 'first-contact');

/** The writer of a version-2 or -3 item: their raw X25519 key pair (the centre's, or the one derived from a code). */
export interface Sender {
  privateKey: Uint8Array;
  publicKey: Uint8Array;
}

/**
 * Encrypts any plaintext to a recipient: a version-1 plaintext in base mode,
 * a version-2 plaintext in Auth mode with `sender`'s key. Throws on a
 * plaintext that is not valid (a bug in the caller).
 */
export async function sealTo(recipient: Recipient, audience: Audience, plaintext: Plaintext, sender?: Sender): Promise<Envelope> {
  const problems = checkPlaintext(plaintext);
  if (problems.length) throw new EnvelopeError(`Not a valid message: ${problems.join('; ')}`);
  if (sealedByWriter(plaintext) !== (sender !== undefined)) throw new EnvelopeError('A later item of version 2 or 3 is sealed with its writer’s key, a first message without.');
  const json = encoder.encode(JSON.stringify(plaintext));
  // Trailing spaces are JSON whitespace: the padded text still parses as it is.
  const padded = new Uint8Array(Math.ceil((json.length + 1) / paddingBlock) * paddingBlock).fill(0x20);
  padded.set(json);
  const header = { v: plaintext.v, centre: recipient.centre, kid: recipient.kid, suite: suiteName } as const;
  const s = suite();
  const recipientPublicKey = await s.kem.deserializePublicKey(recipient.publicKey);
  const senderKey = sender && { privateKey: await s.kem.deserializePrivateKey(sender.privateKey), publicKey: await s.kem.deserializePublicKey(sender.publicKey) };
  let sealed: { enc: ArrayBuffer; ct: ArrayBuffer } | undefined;
  for (let attempt = 1; !sealed; attempt++) {
    try {
      sealed = await s.seal({ recipientPublicKey, senderKey, info: hpkeInfo(recipient.centre, audience, header.v) }, padded, envelopeAad(header));
    } catch (error) {
      // WebKit (seen in WebKitGTK 2.50) now and then fails to make the ephemeral
      // X25519 key (NotSupportedError, wrapped by @hpke/core); the next key works.
      if (attempt >= 3) throw error;
    }
  }
  const { enc, ct } = sealed;
  return { ...header, enc: toBase64url(new Uint8Array(enc)), ct: toBase64url(new Uint8Array(ct)) };
}

/** A person's first message as a plaintext: version 1, or version 3 with the content key and files from attachment-blobs.ts. */
export function firstContact(message: ContactMessage, replyKey: string | null, files?: WithAttachments): MessagePlaintext {
  return files ? { v: 3, kind: 'first-contact', ...message, replyKey, contentKey: files.contentKey, attachments: files.attachments } : { v: 1, kind: 'first-contact', ...message, replyKey };
}

/** Encrypts a person's first message to the centre's key; `replyKey` with `reply: {method: 'code'}`; `files` for version 3. */
export async function seal(key: CentreKey, message: ContactMessage, replyKey: string | null = null, files?: WithAttachments): Promise<Envelope> {
  return sealTo(key, 'centre', firstContact(message, replyKey, files));
}

/**
 * Decrypts an envelope with a raw X25519 private key (32 bytes): the centre's
 * (audience `centre`, the default) or the one derived from a person's code.
 * A later item (version 2, or 3 other than a first message) opens only with
 * its writer's public key (`sender`); a version-3 envelope opened without one
 * must hold a first message, and one opened with one must not.
 * Throws an EnvelopeError when the envelope is malformed, was changed, or is
 * for another key, centre, audience or writer: nothing half-decrypted ever
 * comes back.
 */
export async function open(envelope: unknown, privateKey: Uint8Array, audience: Audience = 'centre', sender?: Uint8Array): Promise<Plaintext> {
  const problems = checkEnvelope(envelope);
  if (problems.length) throw new EnvelopeError(`Malformed envelope: ${problems.join('; ')}`);
  const e = envelope as Envelope;
  if (e.v === 2 && !sender) throw new EnvelopeError('A version-2 message opens only with its writer’s public key.');
  const s = suite();
  let plain: ArrayBuffer;
  try {
    const recipientKey = await s.kem.deserializePrivateKey(privateKey);
    const senderPublicKey = e.v !== 1 && sender ? await s.kem.deserializePublicKey(sender) : undefined;
    plain = await s.open({ recipientKey, senderPublicKey, enc: fromBase64url(e.enc), info: hpkeInfo(e.centre, audience, e.v) }, fromBase64url(e.ct), envelopeAad(e));
  } catch (error) {
    throw new EnvelopeError('The message cannot be decrypted: it was changed, or it is for another key, centre or writer.', { cause: error });
  }
  let message: unknown;
  try {
    message = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain));
  } catch (error) {
    throw new EnvelopeError('The decrypted message is not JSON.', { cause: error });
  }
  const shape = checkPlaintext(message);
  if (shape.length || (message as Plaintext).v !== e.v) throw new EnvelopeError(`The decrypted message is not a valid message of version ${e.v}: ${shape.join('; ')}`);
  if (e.v === 3 && sealedByWriter(message as Plaintext) !== (sender !== undefined)) throw new EnvelopeError('A version-3 item opened in the wrong mode for its kind.');
  return message as Plaintext;
}
