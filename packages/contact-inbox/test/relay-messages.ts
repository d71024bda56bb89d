/**
 * A person's first message to a real test relay (wtr-relay-plugin.mjs), as
 * `<ww-contact-form>` sends it: sealed to the centre's public key, with the
 * relay's proof of work; without a code (no answer through the relay).
 */
import { expect } from '@open-wc/testing';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/pbkdf2';
import { parsePublicKey } from '@wegweiser/contact-form/public-key';
import { seal, type Topic } from '@wegweiser/contact-form/envelope';

export async function sendFirstMessage(relayUrl: string, publicKey: string, { text = 'Hallo', topic, language }: { text?: string; topic: Topic; language: string }): Promise<void> {
  const envelope = await seal(await parsePublicKey(publicKey), { text, topic, language, reply: { method: 'none' }, formLocale: 'de' });
  const challenge = await (await fetch(`${relayUrl}/v1/challenge`)).json();
  const solution = await solveChallenge({ challenge, deriveKey, timeout: 0 });
  const response = await fetch(`${relayUrl}/v1/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ envelope, pow: { challenge, solution }, idempotencyKey: crypto.randomUUID().replace(/-/g, '') }),
  });
  expect(response.status).to.equal(201);
}
