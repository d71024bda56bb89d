/**
 * Opening the conversation's envelopes with the centre's key and sealing the
 * team's answers, on @wegweiser/contact-form's envelope format. Loaded with
 * the key file, not with the element. No DOM here.
 *
 * An answer is sealed twice: to the person's key (from the `replyKey` in
 * their first message; they open it with their code) and to the centre's own
 * public key, so every counsellor can read what the team has written before.
 */
import { open, sealTo, type Envelope, type Plaintext, type ReplyPlaintext } from '@wegweiser/contact-form/envelope';
import { personRecipient } from '@wegweiser/contact-form/conversation';
import type { CentreKey } from '@wegweiser/contact-form/public-key';

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

/** The answer, sealed for the person and for the centre (sealTo retries WebKit's occasional X25519 failure). Throws on a text the format refuses (empty, too long). */
export async function sealReply(centreKey: CentreKey, replyKey: string, text: string, language: string | null): Promise<{ toPerson: Envelope; toCentre: Envelope }> {
  const plaintext: ReplyPlaintext = { v: 1, kind: 'reply', text, language };
  const [toPerson, toCentre] = await Promise.all([sealTo(await personRecipient(centreKey.centre, replyKey), 'person', plaintext), sealTo(centreKey, 'centre', plaintext)]);
  return { toPerson, toCentre };
}
