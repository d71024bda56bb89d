// What a relay that tampers with its database can and cannot do to a
// conversation (issue 20, finding 4), against a real relay (SQLite, and
// PostgreSQL in the second run): the team's side with the inbox's own code
// (@wegweiser/contact-inbox messages.js), the person's side with the replies
// element's (conversation.ts). Items are forged, relabelled, reordered,
// dropped and swapped in the database, as a compromised relay would.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { credentialEntry, openKeyFile } from '../dist/index.js';
import { open, seal, sealTo } from '@wegweiser/contact-form/envelope';
import { checkChain, deriveKeys, newCode, nextLink, openItems, readCode } from '@wegweiser/contact-form/conversation';
import { parsePublicKey } from '@wegweiser/contact-form/public-key';
import { openConversation, sealReply } from '../../contact-inbox/dist/messages.js';
import {
  call,
  centre,
  credential,
  demoKeyFile,
  demoPassphrase,
  demoPublicKey,
  idempotencyKey,
  queryDatabase,
  read,
  sampleMessage,
  scratch,
  signIn,
  startConversation,
  startTestRelay,
  team,
} from './helpers.mjs';

describe('a conversation the relay cannot forge, reorder or redirect unnoticed', () => {
  let ctx, database, token, centreKey, centrePublic;
  before(async () => {
    database = join(scratch(), 'relay.sqlite');
    ctx = await startTestRelay({
      database,
      env: { RELAY_INBOX_CREDENTIALS: await credentialEntry(centre, credential), RELAY_INBOX_ORIGINS: 'https://team.beratung.example', RELAY_RATE_LIMIT_MESSAGES: '1000' },
    });
    token = (await signIn(ctx.url)).json.token;
    const opened = await openKeyFile(JSON.parse(readFileSync(demoKeyFile, 'utf8')), demoPassphrase);
    centrePublic = await parsePublicKey(demoPublicKey);
    centreKey = { publicKey: centrePublic, privateKey: opened.privateKey };
  });
  after(async () => {
    await ctx.relay.close();
  });

  /** The person's side, as <ww-contact-replies> sees it. */
  async function personView(keys) {
    const items = (await read(ctx.url, keys)).json.items;
    const opened = await openItems(items, keys.privateKey, 'person', { centre: centrePublic.publicKey, person: keys.recipient.publicKey });
    return { items, opened, intact: await checkChain(opened, keys.replyKey) };
  }

  /** The team's side, as <ww-contact-inbox> sees it. */
  async function teamView(id) {
    const detail = (await team(ctx.url, `/v1/inbox/conversations/${id}`, token)).json;
    return { detail, ...(await openConversation(detail.items, centreKey)) };
  }

  /** The person writes again (format version 2), after what they see now. */
  async function personWrites(keys, text) {
    const { opened } = await personView(keys);
    const plaintext = { v: 2, kind: 'follow-up', text, formLocale: 'de', ...(await nextLink(keys.replyKey, opened.map((i) => i.message))) };
    const writer = { privateKey: keys.privateKey, publicKey: keys.recipient.publicKey };
    const body = { mailbox: keys.mailbox, secret: keys.secret, envelope: await sealTo(centrePublic, 'centre', plaintext, writer), toPerson: await sealTo(keys.recipient, 'person', plaintext, writer), idempotencyKey: idempotencyKey() };
    const res = await call(ctx.url, '/v1/conversation/messages', { body });
    assert.equal(res.status, 201);
  }

  /** The team answers as the inbox does, after what it sees now. */
  async function teamAnswers(id, text) {
    const view = await teamView(id);
    const sealed = await sealReply(centreKey, view.replyKey, text, 'de', view.items.map((i) => i.message));
    const res = await team(ctx.url, `/v1/inbox/conversations/${id}/replies`, token, { method: 'POST', body: { ...sealed, idempotencyKey: idempotencyKey() } });
    assert.equal(res.status, 201);
  }

  async function conversationOf(keys) {
    const rows = await queryDatabase(database, 'SELECT id FROM conversations WHERE mailbox = $1', [keys.mailbox]);
    return rows[0].id;
  }

  /** An honest conversation: first message, the person writes again, the team answers, the person writes again. */
  async function honestConversation() {
    const { keys } = await startConversation(ctx.url, 'Ich suche eine neue Arbeit.');
    const id = await conversationOf(keys);
    await personWrites(keys, 'Am liebsten im Büro.');
    await teamAnswers(id, 'Gern, wir helfen Ihnen dabei.');
    await personWrites(keys, 'Danke!');
    return { keys, id };
  }

  it('checks an honest conversation on both sides, and the answer reaches the person', async () => {
    const { keys, id } = await honestConversation();
    const teamSide = await teamView(id);
    assert.deepEqual(teamSide.items.map((i) => i.intact), [true, true, true, true]);
    assert.deepEqual(teamSide.items.map((i) => i.message.v), [1, 2, 2, 2], 'later items are format version 2');
    assert.equal(teamSide.replyKey, keys.replyKey);
    const personSide = await personView(keys);
    assert.deepEqual(personSide.intact, [true, true, true, true]);
    assert.equal(personSide.opened[2].message.text, 'Gern, wir helfen Ihnen dabei.');
    assert.equal(personSide.opened[2].sender, 'centre', 'the answer opened with the centre’s key');
  });

  it('does not flag two writers answering the same item at once', async () => {
    const { keys } = await startConversation(ctx.url, 'Gleichzeitig.');
    const id = await conversationOf(keys);
    const view = await teamView(id);
    const answer = await sealReply(centreKey, view.replyKey, 'Antwort des Teams.', 'de', view.items.map((i) => i.message));
    await personWrites(keys, 'Noch eine Frage, bevor ich die Antwort sehe.');
    await team(ctx.url, `/v1/inbox/conversations/${id}/replies`, token, { method: 'POST', body: { ...answer, idempotencyKey: idempotencyKey() } });
    assert.deepEqual((await teamView(id)).items.map((i) => i.intact), [true, true, true]);
    assert.deepEqual((await personView(keys)).intact, [true, true, true]);
  });

  it('flags items written into the database with only the public key, as team and as person (the live finding)', async () => {
    const { keys, id } = await honestConversation();
    // What the reviewer did: base-mode envelopes need nothing but the public key.
    for (const [author, plaintext] of [
      ['centre', { v: 1, kind: 'reply', text: 'Bitte rufen Sie 0170-0000000 an.', language: 'de' }],
      ['person', { v: 1, kind: 'follow-up', text: 'Meine Adresse ist …', formLocale: 'de' }],
    ]) {
      await ctx.relay.store.addItem(id, { author, toCentre: await sealTo(centrePublic, 'centre', plaintext), toPerson: null, idempotencyKey: idempotencyKey(), bodyHash: idempotencyKey() }, Math.floor(Date.now() / 1000), 200);
    }
    const teamSide = await teamView(id);
    assert.equal(teamSide.items[4].message.text, 'Bitte rufen Sie 0170-0000000 an.', 'they still decrypt…');
    assert.deepEqual(teamSide.items.map((i) => i.intact), [true, true, true, true, false, false], '…but are flagged');
    // A version-2 forgery needs a writer's private key: with any other key it does not even open.
    const stranger = generateKeyPairSync('x25519');
    const strangerKey = {
      privateKey: new Uint8Array(Buffer.from(stranger.privateKey.export({ format: 'jwk' }).d, 'base64url')),
      publicKey: new Uint8Array(Buffer.from(stranger.publicKey.export({ format: 'jwk' }).x, 'base64url')),
    };
    const link = await nextLink(keys.replyKey, teamSide.items.map((i) => i.message));
    const forged = await sealTo(centrePublic, 'centre', { v: 2, kind: 'reply', text: 'Gefälscht', language: 'de', ...link }, strangerKey);
    await ctx.relay.store.addItem(id, { author: 'centre', toCentre: forged, toPerson: null, idempotencyKey: idempotencyKey(), bodyHash: idempotencyKey() }, Math.floor(Date.now() / 1000), 200);
    const after = await teamView(id);
    assert.equal(after.items[6].message, null);
    assert.equal(after.items[6].intact, false);
  });

  it('flags an item whose author the relay changed, on both sides', async () => {
    const { keys, id } = await honestConversation();
    await queryDatabase(database, "UPDATE items SET author = 'person' WHERE conversation = $1 AND seq = 3", [id]);
    assert.deepEqual((await teamView(id)).items.map((i) => i.intact), [true, true, false, true]);
    assert.deepEqual((await personView(keys)).intact, [true, true, false, true]);
  });

  it('flags items the relay reordered, and the item after one it dropped', async () => {
    const { keys, id } = await honestConversation();
    await queryDatabase(database, 'UPDATE items SET seq = -seq WHERE conversation = $1 AND seq IN (2, 3)', [id]);
    await queryDatabase(database, 'UPDATE items SET seq = 3 WHERE conversation = $1 AND seq = -2', [id]);
    await queryDatabase(database, 'UPDATE items SET seq = 2 WHERE conversation = $1 AND seq = -3', [id]);
    assert.deepEqual((await teamView(id)).items.map((i) => i.intact), [true, false, false, false], 'swapped 2 and 3');
    assert.deepEqual((await personView(keys)).intact, [true, false, false, false]);

    const other = await honestConversation();
    await queryDatabase(database, 'DELETE FROM items WHERE conversation = $1 AND seq = 2', [other.id]);
    assert.deepEqual((await teamView(other.id)).items.map((i) => i.intact), [true, false, false], 'the answer no longer follows what is shown, and the next one counts an item too many');
  });

  it('flags an item moved in from another conversation', async () => {
    const one = await honestConversation();
    const two = await honestConversation();
    await queryDatabase(database, 'UPDATE items SET conversation = $1, seq = 5 WHERE conversation = $2 AND seq = 3', [one.id, two.id]);
    assert.deepEqual((await teamView(one.id)).items.map((i) => i.intact), [true, true, true, true, false]);
  });

  it('a first item swapped for one with the relay’s own reply key: the team’s earlier items no longer match, so the inbox stops answering', async () => {
    const { id } = await honestConversation();
    const attacker = await deriveKeys((await readCode(await newCode())).code, centre);
    const fakeFirst = await seal(centrePublic, { ...sampleMessage, text: 'Ich bin es, antworten Sie mir hier.', reply: { method: 'code' } }, attacker.replyKey);
    await queryDatabase(database, 'UPDATE items SET to_centre = $1 WHERE conversation = $2 AND seq = 1', [JSON.stringify(fakeFirst), id]);
    const teamSide = await teamView(id);
    assert.equal(teamSide.replyKey, attacker.replyKey, 'the relay can show a different first message…');
    assert.deepEqual(teamSide.items.map((i) => i.intact), [true, false, false, false], '…but every later item names the real conversation');
    // The summary the relay puts beside the items is not where the reply key comes from.
    assert.equal((await open(teamSide.detail.items[0].envelope, centreKey.privateKey)).replyKey, attacker.replyKey);
  });

  it('reads conversations of format version 1 as before', async () => {
    const { keys } = await startConversation(ctx.url);
    const plaintext = { v: 1, kind: 'follow-up', text: 'Alte Fassung.', formLocale: 'de' };
    await call(ctx.url, '/v1/conversation/messages', {
      body: { mailbox: keys.mailbox, secret: keys.secret, envelope: await sealTo(centrePublic, 'centre', plaintext), toPerson: await sealTo(keys.recipient, 'person', plaintext), idempotencyKey: idempotencyKey() },
    });
    const id = await conversationOf(keys);
    await teamAnswers(id, 'Neue Fassung.');
    const teamSide = await teamView(id);
    assert.deepEqual(teamSide.items.map((i) => [i.message.v, i.intact]), [[1, true], [1, true], [2, true]]);
    assert.deepEqual((await personView(keys)).intact, [true, true, true]);
  });

  it('refuses a first message in format version 2', async () => {
    const keys = await deriveKeys((await readCode(await newCode())).code, centre);
    const writer = { privateKey: keys.privateKey, publicKey: keys.recipient.publicKey };
    const link = { thread: 'A'.repeat(22), seq: 2, prev: 'A'.repeat(43) };
    const envelope = await sealTo(centrePublic, 'centre', { v: 2, kind: 'follow-up', text: 'x', formLocale: 'de', ...link }, writer);
    const { solvedPow } = await import('./helpers.mjs');
    const res = await call(ctx.url, '/v1/messages', { body: { envelope, pow: await solvedPow(ctx.url), idempotencyKey: idempotencyKey(), hp: '' } });
    assert.equal(res.status, 400);
  });
});
