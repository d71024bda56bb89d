/**
 * Opening a centre's stored envelopes on the command line (`read`, `decrypt`).
 * First messages are format version 1; later items are version 2 and open
 * only with their writer's public key (docs/contact.md). The command line
 * decrypts; checking that items hold their places is the inbox's job.
 */
import { open, type Envelope, type Plaintext } from '@wegweiser/contact-form/envelope';
import { fromBase64url, parsePublicKey } from '@wegweiser/contact-form/public-key';

/**
 * Opens envelopes in conversation order with the centre's key. A later item
 * (format version 2) opens only with its writer's key: the person's, from the
 * reply key of the conversation's first message, or the centre's own.
 */
export async function teamOpener(key: { publicKey: string; privateKey: Uint8Array }) {
  const centreKey = (await parsePublicKey(key.publicKey)).publicKey;
  const personKeys = new Map<string, Uint8Array>();
  return async (envelope: Envelope, conversation = ''): Promise<Plaintext> => {
    if (envelope.v !== 2) {
      const message = await open(envelope, key.privateKey);
      if (message.kind === 'first-contact' && message.replyKey) personKeys.set(conversation, fromBase64url(message.replyKey));
      return message;
    }
    const person = personKeys.get(conversation);
    return (person && (await open(envelope, key.privateKey, 'centre', person).catch(() => null))) || open(envelope, key.privateKey, 'centre', centreKey);
  };
}

