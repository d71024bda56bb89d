// Conversations by code and the team's inbox API, against a real relay (and
// the store WW_RELAY_STORE selects: SQLite by default, PostgreSQL in the second run).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { credentialEntry, generateKeyFile, openKeyFile } from '../dist/index.js';
import { open, seal, sealTo } from '@wegweiser/contact-form/envelope';
import { deriveKeys, newCode, personRecipient, readCode } from '@wegweiser/contact-form/conversation';
import { parsePublicKey } from '@wegweiser/contact-form/public-key';
import {
  call,
  centre,
  credential,
  demoKeyFile,
  demoPassphrase,
  demoPublicKey,
  followUp,
  idempotencyKey,
  origin,
  rawDatabase,
  read,
  sampleMessage,
  scratch,
  signIn,
  solvedPow,
  startConversation,
  startTestRelay,
  team,
  teamOrigin,
} from './helpers.mjs';

describe('conversations by code, and the team inbox', () => {
  let ctx, dir, database, centreKey;
  before(async () => {
    dir = scratch();
    database = join(dir, 'relay.sqlite');
    centreKey = await openKeyFile(JSON.parse(readFileSync(demoKeyFile, 'utf8')), demoPassphrase);
    ctx = await startTestRelay({
      database,
      env: {
        RELAY_RATE_LIMIT_MESSAGES: '1000',
        RELAY_INBOX_CREDENTIALS: await credentialEntry(centre, credential),
        RELAY_INBOX_ORIGINS: teamOrigin,
        RELAY_MAX_CONVERSATION_ITEMS: '6',
        RELAY_TRUST_PROXY: '1',
      },
    });
  });
  after(async () => {
    await ctx.relay.close();
  });

  it('opens a mailbox with the first message; the code reads it, the relay keeps ciphertext and the verifier only', async () => {
    const { keys, res } = await startConversation(ctx.url, 'Ich brauche eine Wohnung, bitte antworten Sie mir hier.');
    assert.equal(res.status, 201);
    const got = await read(ctx.url, keys);
    assert.equal(got.status, 200);
    assert.equal(got.json.status, 'new');
    assert.equal(got.json.items.length, 1);
    const mine = await open(got.json.items[0].envelope, keys.privateKey, 'person');
    assert.equal(mine.text, 'Ich brauche eine Wohnung, bitte antworten Sie mir hier.');
    await assert.rejects(open(got.json.items[0].envelope, keys.privateKey, 'centre'), /cannot be decrypted/, 'bound to the person audience');
    const raw = (await rawDatabase(database)).toString('latin1');
    assert.ok(!raw.includes('Wohnung'), 'no plaintext in the database');
    assert.ok(!raw.includes(keys.secret), 'the access secret is not stored');
    assert.ok(raw.includes(keys.verifier), 'only its hash');
  });

  it('answers a wrong code and an unknown mailbox alike, and limits failures per client', async () => {
    const { keys } = await startConversation(ctx.url);
    const other = await deriveKeys((await readCode(await newCode())).code, centre);
    const client = { 'x-forwarded-for': '198.51.100.7' };
    const wrongSecret = await read(ctx.url, { mailbox: keys.mailbox, secret: other.secret }, client);
    const unknown = await read(ctx.url, other, client);
    assert.deepEqual([wrongSecret.status, wrongSecret.json], [403, { error: 'code-unknown' }]);
    assert.deepEqual([unknown.status, unknown.json], [403, { error: 'code-unknown' }]);
    for (let i = 0; i < 20; i++) await read(ctx.url, other, client);
    const limited = await read(ctx.url, keys, client);
    assert.deepEqual([limited.status, limited.json], [429, { error: 'rate-limited' }], 'even the right code waits after too many wrong ones');
    assert.equal((await read(ctx.url, keys, { 'x-forwarded-for': '198.51.100.8' })).status, 200, 'another client is not affected');
  });

  it('refuses malformed conversation requests, a taken mailbox, and foreign origins', async () => {
    const { keys } = await startConversation(ctx.url);
    for (const body of [{ mailbox: keys.mailbox }, { mailbox: 'short', secret: keys.secret }, { mailbox: keys.mailbox, secret: keys.secret, extra: 1 }]) {
      assert.equal((await call(ctx.url, '/v1/conversation', { body })).status, 400, JSON.stringify(Object.keys(body)));
    }
    const envelope = await seal(await parsePublicKey(demoPublicKey), { ...sampleMessage, reply: { method: 'code' } }, keys.replyKey);
    const again = await call(ctx.url, '/v1/messages', {
      body: { envelope, pow: await solvedPow(ctx.url), idempotencyKey: idempotencyKey(), hp: '', conversation: { mailbox: keys.mailbox, verifier: keys.verifier, toPerson: envelope } },
    });
    assert.deepEqual([again.status, again.json], [422, { error: 'rejected' }], 'said like any other refusal (issue 20)');
    assert.equal((await call(ctx.url, '/v1/conversation', { body: { mailbox: keys.mailbox, secret: keys.secret }, from: 'https://elsewhere.example' })).status, 403);
  });

  it('takes the person’s later messages once (idempotent), up to the conversation limit', async () => {
    const { keys } = await startConversation(ctx.url);
    const first = await followUp(ctx.url, keys, 'Noch eine Frage.');
    assert.equal(first.res.status, 201);
    const retry = await call(ctx.url, '/v1/conversation/messages', { body: first.body });
    assert.deepEqual([retry.status, retry.json], [200, { status: 'stored' }]);
    const conflict = await followUp(ctx.url, keys, 'Anderer Text', first.body.idempotencyKey);
    assert.equal(conflict.res.status, 409);
    for (let i = 0; i < 4; i++) assert.equal((await followUp(ctx.url, keys, `Nachricht ${i}`)).res.status, 201);
    const full = await followUp(ctx.url, keys, 'Eine zu viel');
    assert.deepEqual([full.res.status, full.res.json], [409, { error: 'conversation-full' }]);
    assert.equal((await read(ctx.url, keys)).json.items.length, 6);
  });

  it('lets the team sign in, read, answer, close and delete; the person reads the answer and writing reopens', async () => {
    assert.deepEqual((await signIn(ctx.url, 'WRONG-CREDE-NTIAL')).json, { error: 'sign-in-failed' });
    assert.equal((await signIn(ctx.url, credential, 'andere-stelle')).status, 401, 'a centre without credentials');
    const session = await signIn(ctx.url, credential.toLowerCase());
    assert.equal(session.status, 201, 'case does not matter');
    const { token } = session.json;
    assert.equal((await team(ctx.url, '/v1/inbox/conversations', undefined)).status, 401);

    const { keys } = await startConversation(ctx.url, 'Bitte helfen Sie mir mit dem Jobcenter.');
    const list = await team(ctx.url, '/v1/inbox/conversations?status=new', token);
    assert.equal(list.status, 200);
    const summary = list.json.conversations[0];
    assert.equal(summary.status, 'new');
    assert.equal(summary.canReply, true);
    const preview = await open(summary.first, centreKey.privateKey);
    assert.equal(preview.text, 'Bitte helfen Sie mir mit dem Jobcenter.');

    const detail = await team(ctx.url, `/v1/inbox/conversations/${summary.id}`, token);
    const first = await open(detail.json.items[0].envelope, centreKey.privateKey);
    const reply = { v: 1, kind: 'reply', text: 'Gern. Wir rufen das Jobcenter mit Ihnen zusammen an.', language: 'de' };
    const body = {
      toPerson: await sealTo(await personRecipient(centre, first.replyKey), 'person', reply),
      toCentre: await sealTo(await parsePublicKey(demoPublicKey), 'centre', reply),
      idempotencyKey: idempotencyKey(),
    };
    assert.equal((await team(ctx.url, `/v1/inbox/conversations/${summary.id}/replies`, token, { method: 'POST', body })).status, 201);
    assert.equal((await team(ctx.url, `/v1/inbox/conversations/${summary.id}/replies`, token, { method: 'POST', body })).status, 200, 'a retry stores it once');

    const person = await read(ctx.url, keys);
    assert.equal(person.json.status, 'answered');
    const answer = await open(person.json.items[1].envelope, keys.privateKey, 'person');
    assert.equal(answer.text, reply.text);
    assert.equal(person.json.items[1].author, 'centre');

    assert.equal((await team(ctx.url, `/v1/inbox/conversations/${summary.id}/status`, token, { method: 'POST', body: { closed: true } })).status, 200);
    assert.equal((await team(ctx.url, `/v1/inbox/conversations/${summary.id}`, token)).json.status, 'closed');
    await followUp(ctx.url, keys, 'Noch etwas.');
    assert.equal((await team(ctx.url, `/v1/inbox/conversations/${summary.id}`, token)).json.status, 'new', 'the person writing reopens it');

    assert.equal((await team(ctx.url, `/v1/inbox/conversations/${summary.id}`, token, { method: 'DELETE' })).status, 200);
    assert.equal((await team(ctx.url, `/v1/inbox/conversations/${summary.id}`, token)).status, 404);
    assert.deepEqual((await read(ctx.url, keys)).json, { error: 'code-unknown' });
    const stored = await ctx.relay.store.allItems();
    assert.ok(!stored.some((i) => i.conversation === summary.id), 'deletion deletes every item');

    assert.equal((await team(ctx.url, '/v1/inbox/sessions/current', token, { method: 'DELETE' })).status, 200);
    assert.equal((await team(ctx.url, '/v1/inbox/conversations', token)).status, 401, 'signed out');
  });

  it('cannot answer a person who chose no code, and refuses answers not sealed for this centre', async () => {
    const { token } = (await signIn(ctx.url)).json;
    const envelope = await seal(await parsePublicKey(demoPublicKey), sampleMessage);
    await call(ctx.url, '/v1/messages', { body: { envelope, pow: await solvedPow(ctx.url), idempotencyKey: idempotencyKey(), hp: '' } });
    const list = (await team(ctx.url, '/v1/inbox/conversations', token)).json.conversations;
    const noCode = list.find((c) => !c.canReply);
    const reply = { v: 1, kind: 'reply', text: 'Hallo', language: null };
    const body = { toPerson: await sealTo(await parsePublicKey(demoPublicKey), 'person', reply), toCentre: await sealTo(await parsePublicKey(demoPublicKey), 'centre', reply), idempotencyKey: idempotencyKey() };
    assert.deepEqual((await team(ctx.url, `/v1/inbox/conversations/${noCode.id}/replies`, token, { method: 'POST', body })).json, { error: 'no-mailbox' });
    const { file } = await generateKeyFile('andere-stelle', 'another long passphrase');
    const foreign = { ...body, toCentre: await sealTo(await parsePublicKey(file.publicKey), 'centre', reply) };
    assert.equal((await team(ctx.url, `/v1/inbox/conversations/${noCode.id}/replies`, token, { method: 'POST', body: foreign })).status, 422);
  });

  it('serves the inbox API to the team’s origins only, and sessions expire', async () => {
    assert.equal((await call(ctx.url, '/v1/inbox/sessions', { body: { centre, credential }, from: origin })).status, 403, 'the public site may not sign in');
    const { token } = (await signIn(ctx.url)).json;
    const preflight = await fetch(`${ctx.url}/v1/inbox/conversations`, {
      method: 'OPTIONS',
      headers: { origin: teamOrigin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    assert.equal(preflight.headers.get('access-control-allow-origin'), teamOrigin);
    ctx.offset.seconds = 8 * 3600 + 60;
    try {
      assert.equal((await team(ctx.url, '/v1/inbox/conversations', token)).status, 401);
    } finally {
      ctx.offset.seconds = 0;
    }
  });
});

describe('conversations through faults', () => {
  it('survives a relay restart mid-conversation: the code and the team session still work', async () => {
    const database = join(scratch(), 'relay.sqlite');
    const env = { RELAY_INBOX_CREDENTIALS: await credentialEntry(centre, credential), RELAY_INBOX_ORIGINS: teamOrigin };
    const first = await startTestRelay({ database, env });
    const { keys } = await startConversation(first.url);
    const { token } = (await signIn(first.url)).json;
    await first.relay.close();
    const second = await startTestRelay({ database, env });
    try {
      assert.equal((await read(second.url, keys)).status, 200);
      assert.equal((await followUp(second.url, keys, 'Nach dem Neustart.')).res.status, 201);
      const list = await team(second.url, '/v1/inbox/conversations', token);
      assert.equal(list.status, 200, 'the session lives in the database');
      assert.equal(list.json.conversations[0].itemCount, 2);
    } finally {
      await second.relay.close();
    }
  });

  it('answers 503 when the database is gone, and /health says so', async () => {
    const database = join(scratch(), 'relay.sqlite');
    const ctx = await startTestRelay({ database });
    const { keys } = await startConversation(ctx.url);
    await ctx.relay.store.close();
    try {
      assert.deepEqual([(await read(ctx.url, keys)).status, (await read(ctx.url, keys)).json], [503, { error: 'unavailable' }]);
      assert.equal((await followUp(ctx.url, keys, 'Text')).res.status, 503);
      assert.equal((await fetch(`${ctx.url}/health`)).status, 503);
      assert.ok(ctx.logLines.some((l) => l.startsWith('error: unexpected')), 'the log says why');
    } finally {
      await ctx.relay.close();
    }
  });

  it('deletes conversations after the retention period counted from their last message', async () => {
    const ctx = await startTestRelay({ database: join(scratch(), 'relay.sqlite'), env: { RELAY_RETENTION_DAYS: '7' } });
    try {
      const { keys } = await startConversation(ctx.url);
      ctx.offset.seconds = 6 * 86400;
      await followUp(ctx.url, keys, 'Nach sechs Tagen.');
      ctx.offset.seconds = 10 * 86400;
      await ctx.relay.tick();
      assert.equal((await read(ctx.url, keys)).status, 200, 'kept: the last message is 4 days old');
      ctx.offset.seconds = 13 * 86400 + 120;
      await ctx.relay.tick();
      assert.equal((await read(ctx.url, keys)).status, 403, 'deleted 7 days after the last message');
      assert.equal((await ctx.relay.store.allItems()).length, 0);
    } finally {
      await ctx.relay.close();
    }
  });
});
