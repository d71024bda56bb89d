/**
 * Opening the conversation's envelopes with the centre's key and sealing the
 * team's answers, on @wegweiser/contact-form's envelope format. Loaded with
 * the key file, not with the element. No DOM here.
 *
 * An answer is sealed twice: to the person's key (from the `replyKey` in
 * their first message; they open it with their code) and to the centre's own
 * public key, so every counsellor can read what the team has written before.
 * Both in HPKE Auth mode with the centre's key (message format version 2), so
 * nobody without the key file can pass something off as the team's answer,
 * and linked after the last item the counsellor saw.
 *
 * The reply key comes from the first item of the conversation as the team
 * reads it (never from a summary the relay puts beside it) and is pinned for
 * the conversation while the inbox is open: a conversation whose first item
 * changes, or whose items do not hold their places, is not answered.
 */
import { open, sealTo, type Envelope, type Plaintext, type ReplyPlaintext, type WithAttachments } from '@wegweiser/contact-form/envelope';
import { checkChain, nextLink, openItems, personRecipient, type Author } from '@wegweiser/contact-form/conversation';
import { fromBase64url, type CentreKey } from '@wegweiser/contact-form/public-key';

export type { Plaintext, MessagePlaintext, FollowUpPlaintext, ReplyPlaintext, Topic } from '@wegweiser/contact-form/envelope';
export { maxTextLength } from '@wegweiser/contact-form/envelope';

/** The plaintext, or null when the envelope cannot be opened with this key (changed, or for another key). */
export async function openEnvelope(envelope: Envelope, privateKey: Uint8Array): Promise<Plaintext | null> {
  try {
    return await open(envelope, privateKey, 'centre');
  } catch {
    return null;
  }
}

/** A conversation as the team opened it. */
export interface OpenedConversation {
  /** Per item, in order: the plaintext (null: cannot be decrypted) and whether it holds its place. */
  items: { message: Plaintext | null; intact: boolean }[];
  /** The reply key of the first item, or null when the first item is no first message with a code. */
  replyKey: string | null;
}

/** One of the centre's key pairs, as opened from a key file. */
export interface CentreKeyPair {
  publicKey: CentreKey;
  privateKey: Uint8Array;
}

/**
 * The key an envelope was sealed to: the one whose id (its check value) the
 * envelope names. After a key change a team holds the new key and the old one
 * (docs/network.md); an envelope naming neither is tried with the first.
 */
export function keyFor<Key extends CentreKeyPair>(keys: readonly Key[], envelope: Pick<Envelope, 'kid'>): Key {
  return keys.find((key) => key.publicKey.kid === envelope.kid) ?? keys[0]!;
}

/**
 * Opens every item with the centre's key (version-2 items with their writer's
 * key) and checks the chain. With several keys of the centre (a key change:
 * the first message sealed to the old key, later items to the new one, or the
 * other way round), each item opens with the key it names; the person's key
 * comes from the first message, whichever key opened it.
 */
export async function openConversation(items: readonly { author: Author; envelope: Envelope }[], keyOrKeys: CentreKeyPair | readonly CentreKeyPair[]): Promise<OpenedConversation> {
  const keys: readonly CentreKeyPair[] = Array.isArray(keyOrKeys) ? keyOrKeys : [keyOrKeys as CentreKeyPair];
  const firstKey = items[0] ? keyFor(keys, items[0].envelope) : keys[0]!;
  let opened = await openItems(items, firstKey.privateKey, 'centre', { centre: firstKey.publicKey.publicKey, person: null });
  const first = opened[0]?.message;
  const replyKey = first?.kind === 'first-contact' ? first.replyKey : null;
  for (const key of keys) {
    if (key === firstKey || !items.some((item) => item.envelope.kid === key.publicKey.kid)) continue;
    // A team's answer is sealed with the key it was written with, to the same key: that key is its writer's.
    const more = await openItems(items, key.privateKey, 'centre', { centre: key.publicKey.publicKey, person: replyKey ? fromBase64url(replyKey) : null });
    opened = opened.map((item, index) => (item.message ? item : more[index]!));
  }
  const intact = replyKey ? await checkChain(opened, replyKey) : opened.map((_, index) => index === 0);
  return { items: opened.map(({ message }, index) => ({ message, intact: intact[index]! })), replyKey };
}

/**
 * The answer, sealed for the person and for the centre with the centre's key
 * and linked after `seen` (the conversation's plaintexts as shown). With
 * `files` (the content key and list from attachment-blobs.ts), format version
 * 3. sealTo retries WebKit's occasional X25519 failure. Throws on a text the
 * format refuses (empty, too long).
 */
export async function sealReply(
  key: { publicKey: CentreKey; privateKey: Uint8Array },
  replyKey: string,
  text: string,
  language: string | null,
  seen: readonly (Plaintext | null)[],
  files?: WithAttachments,
): Promise<{ toPerson: Envelope; toCentre: Envelope }> {
  const link = await nextLink(replyKey, seen);
  const plaintext: ReplyPlaintext = files
    ? { v: 3, kind: 'reply', text, language, ...link, contentKey: files.contentKey, attachments: files.attachments }
    : { v: 2, kind: 'reply', text, language, ...link };
  const writer = { privateKey: key.privateKey, publicKey: key.publicKey.publicKey };
  const [toPerson, toCentre] = await Promise.all([sealTo(await personRecipient(key.publicKey.centre, replyKey), 'person', plaintext, writer), sealTo(key.publicKey, 'centre', plaintext, writer)]);
  return { toPerson, toCentre };
}
