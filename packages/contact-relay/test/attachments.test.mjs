// Attachments (issue 23) against a real relay, on the store WW_RELAY_STORE selects
// (SQLite by default, PostgreSQL in the relay-postgres gate): a message with files
// sealed as the form seals it, the blobs uploaded after it, read back by the team
// and opened to the identical bytes; what the relay refuses and what it keeps.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { credentialEntry, generateKeyFile, openKeyFile } from '../dist/index.js';
import { firstContact, open, seal, sealTo } from '@wegweiser/contact-form/envelope';
import { checkChain, deriveKeys, newCode, nextLink, openItems, readCode } from '@wegweiser/contact-form/conversation';
import { openAttachment, sealAttachments } from '@wegweiser/contact-form/attachment-blobs';
import { parsePublicKey } from '@wegweiser/contact-form/public-key';
import {
  call,
  centre,
  credential,
  demoKeyFile,
  demoPassphrase,
  demoPublicKey,
  idempotencyKey,
  queryDatabase,
  rawDatabase,
  read,
  sampleMessage,
  scratch,
  signIn,
  solvedPow,
  startTestRelay,
  team,
  teamOrigin,
  usingPostgres,
} from './helpers.mjs';

const marker = 'JOBCENTER-BESCHEID-GEHEIM';
/** A test "letter": a text that must never appear in the database, long enough for several chunks. */
const letter = new TextEncoder().encode(`%PDF-1.4\n${`${marker} Sehr geehrte Frau Muster, Ihr Antrag vom 3. November. `.repeat(12_000)}`);
const photo = new Uint8Array(40_000).map((_, i) => (i * 31) % 251);
const files = [
  { name: 'Bescheid-Jobcenter.pdf', type: 'application/pdf', bytes: letter },
  { name: 'Foto 1.jpg', type: 'image/jpeg', bytes: photo },
];

/** A first message with files, as the form sends it: the envelope, the blob declarations, then each blob. */
async function sendWithFiles(url, { text = sampleMessage.text, withFiles = files, upload = true, publicKey = demoPublicKey } = {}) {
  const key = await parsePublicKey(publicKey);
  const sealed = await sealAttachments(key.centre, withFiles);
  const envelope = await seal(key, { ...sampleMessage, text }, null, sealed);
  const declarations = sealed.blobs.map(({ id, size, sha256 }) => ({ id, size, sha256 }));
  const body = { envelope, pow: await solvedPow(url), idempotencyKey: idempotencyKey(), hp: '', blobs: declarations };
  const res = await call(url, '/v1/messages', { body });
  const uploads = [];
  if (upload && res.status === 201) for (const blob of sealed.blobs) uploads.push(await putBlob(url, blob.id, blob.bytes));
  return { sealed, body, res, uploads };
}

async function putBlob(url, id, bytes, headers = {}) {
  const response = await fetch(`${url}/v1/blobs/${id}`, { method: 'PUT', headers: { 'content-type': 'application/octet-stream', origin: 'https://beratung.example', ...headers }, body: bytes });
  return { status: response.status, json: await response.json().catch(() => null) };
}

async function download(url, id, token) {
  const response = await fetch(`${url}/v1/inbox/blobs/${id}`, { headers: { origin: teamOrigin, authorization: `Bearer ${token}` } });
  return { status: response.status, bytes: new Uint8Array(await response.arrayBuffer()) };
}

describe('attachments: encrypted blobs beside a message', () => {
  let ctx, database, centreKey, other;
  before(async () => {
    database = join(scratch(), 'relay.sqlite');
    centreKey = await openKeyFile(JSON.parse(readFileSync(demoKeyFile, 'utf8')), demoPassphrase);
    other = await generateKeyFile('andere-stelle', 'another long passphrase');
    ctx = await startTestRelay({
      database,
      env: {
        RELAY_PUBLIC_KEYS: `${demoPublicKey} ${other.publicKey}`,
        RELAY_RATE_LIMIT_MESSAGES: '1000',
        RELAY_INBOX_CREDENTIALS: `${await credentialEntry(centre, credential)} ${await credentialEntry('andere-stelle', 'TEAM2-CREDE-NTIAL-FORTE-STS00')}`,
        RELAY_INBOX_ORIGINS: teamOrigin,
      },
    });
  });
  after(async () => {
    await ctx.relay.close();
  });

  it('stores a message with two files; the team opens the envelope and both blobs to the identical bytes', async () => {
    const { sealed, res, uploads } = await sendWithFiles(ctx.url, { text: 'Was will dieser Brief von mir?' });
    assert.equal(res.status, 201);
    assert.deepEqual(
      uploads.map((u) => u.status),
      [201, 201],
    );
    assert.equal((await putBlob(ctx.url, sealed.blobs[0].id, sealed.blobs[0].bytes)).status, 200, 'a repeated upload is a success, stored once');
    const { token } = (await signIn(ctx.url)).json;
    const list = (await team(ctx.url, '/v1/inbox/conversations', token)).json.conversations;
    const detail = (await team(ctx.url, `/v1/inbox/conversations/${list[0].id}`, token)).json;
    const message = await open(detail.items[0].envelope, centreKey.privateKey);
    assert.equal(message.v, 3);
    assert.equal(message.text, 'Was will dieser Brief von mir?');
    assert.deepEqual(
      message.attachments.map((a) => [a.name, a.type, a.size]),
      [
        ['Bescheid-Jobcenter.pdf', 'application/pdf', letter.length],
        ['Foto 1.jpg', 'image/jpeg', photo.length],
      ],
    );
    for (const [index, attachment] of message.attachments.entries()) {
      const got = await download(ctx.url, attachment.blob, token);
      assert.equal(got.status, 200);
      assert.equal(got.bytes.length, sealed.blobs[index].size, 'the padded length, as declared');
      const opened = await openAttachment(centre, message.contentKey, message.attachments, index, got.bytes);
      assert.deepEqual(opened, files[index].bytes);
    }
  });

  it('pads every blob: the relay learns the count and padded sizes, never names, types or contents', async () => {
    const { sealed } = await sendWithFiles(ctx.url);
    assert.deepEqual(
      sealed.blobs.map((b) => b.size % 65536),
      [28, 28],
      'iv and tag on a multiple of 64 KiB',
    );
    const rows = await queryDatabase(database, 'SELECT size FROM blobs WHERE id = $1', [sealed.blobs[1].id]);
    assert.equal(Number(rows[0].size), 65536 + 28, 'a 40 kB photo looks like any file under 64 KiB');
    const raw = (await rawDatabase(database)).toString('latin1');
    assert.ok(raw.length > letter.length, 'the blobs are in the database');
    for (const secret of [marker, 'Sehr geehrte', 'Bescheid-Jobcenter', 'Foto 1.jpg', 'application/pdf', 'image/jpeg', '%PDF']) {
      assert.ok(!raw.includes(secret), `no "${secret}" in the database`);
      // PostgreSQL's rows are dumped as JSON, with bytes as hexadecimal text.
      assert.ok(!raw.includes(Buffer.from(secret).toString('hex')), `no "${secret}" in the database, as bytes`);
    }
    assert.ok(raw.includes(Buffer.from(sealed.blobs[0].bytes.subarray(0, 64)).toString(usingPostgres ? 'hex' : 'latin1')), 'the check reads the stored blobs');
    assert.ok(!ctx.logLines.some((line) => /Bescheid|Foto|pdf|jpeg/i.test(line)), 'the log names no file');
  });

  it('refuses an upload that is not the declared blob, and a changed or swapped blob does not open', async () => {
    const { sealed, body } = await sendWithFiles(ctx.url, { upload: false });
    const [first, second] = sealed.blobs;
    const changed = first.bytes.slice();
    changed[1000] ^= 1;
    assert.deepEqual(await putBlob(ctx.url, first.id, changed), { status: 422, json: { error: 'blob-mismatch' } });
    assert.equal((await putBlob(ctx.url, first.id, first.bytes.subarray(0, 1000), {})).status, 400, 'a length other than the declared one');
    assert.equal((await putBlob(ctx.url, 'A'.repeat(22), first.bytes)).status, 404, 'no blob without a message that declared it');
    assert.equal((await putBlob(ctx.url, first.id, first.bytes)).status, 201, 'the right bytes after a wrong attempt');
    assert.equal((await putBlob(ctx.url, second.id, second.bytes)).status, 201);

    const message = await open(body.envelope, centreKey.privateKey);
    await assert.rejects(openAttachment(centre, message.contentKey, message.attachments, 0, changed), /changed/);
    await assert.rejects(openAttachment(centre, message.contentKey, message.attachments, 1, first.bytes), /changed/, 'a blob in another place of the list');
    const elsewhere = await sendWithFiles(ctx.url, { upload: false });
    await assert.rejects(openAttachment(centre, message.contentKey, message.attachments, 0, elsewhere.sealed.blobs[0].bytes), /changed/, 'a blob of another message');
    await assert.rejects(openAttachment('andere-stelle', message.contentKey, message.attachments, 0, first.bytes), /changed/, 'a blob for another centre');

    // A relay that changes a stored chunk behind everybody's back: the team's browser refuses the file.
    const { token } = (await signIn(ctx.url)).json;
    const intact = await download(ctx.url, first.id, token);
    assert.deepEqual(await openAttachment(centre, message.contentKey, message.attachments, 0, intact.bytes), letter);
    const [chunk] = await queryDatabase(database, 'SELECT bytes FROM blob_chunks WHERE blob = $1 AND seq = 0', [first.id]);
    const tampered = Buffer.from(chunk.bytes);
    tampered[5000] ^= 0x40;
    await queryDatabase(database, 'UPDATE blob_chunks SET bytes = $1 WHERE blob = $2 AND seq = 0', [tampered, first.id]);
    const stored = await download(ctx.url, first.id, token);
    assert.equal(stored.bytes.length, first.size);
    await assert.rejects(openAttachment(centre, message.contentKey, message.attachments, 0, stored.bytes), /changed/);
  });

  it('refuses blobs beside a version-1 envelope, a version-3 envelope without them, and malformed declarations', async () => {
    const key = await parsePublicKey(demoPublicKey);
    const sealed = await sealAttachments(key.centre, files);
    const declarations = sealed.blobs.map(({ id, size, sha256 }) => ({ id, size, sha256 }));
    const v1 = await seal(key, sampleMessage);
    const v3 = await seal(key, sampleMessage, null, sealed);
    const send = async (envelope, blobs) => (await call(ctx.url, '/v1/messages', { body: { envelope, pow: await solvedPow(ctx.url), idempotencyKey: idempotencyKey(), hp: '', ...(blobs ? { blobs } : {}) } })).status;
    assert.equal(await send(v1, declarations), 400);
    assert.equal(await send(v3, undefined), 400);
    assert.equal(await send(v3, [...declarations, declarations[0]]), 400, 'a blob twice');
    assert.equal(await send(v3, [{ ...declarations[0], size: 10 }]), 400, 'a blob shorter than any padded file');
    assert.equal(await send(v3, [{ ...declarations[0], name: 'x.pdf' }]), 400, 'nothing beside id, size and sha256');
  });

  it('gives a blob to a signed-in team of its centre only', async () => {
    const { sealed } = await sendWithFiles(ctx.url);
    const own = (await signIn(ctx.url)).json.token;
    const foreign = (await signIn(ctx.url, 'TEAM2-CREDE-NTIAL-FORTE-STS00', 'andere-stelle')).json.token;
    assert.equal((await download(ctx.url, sealed.blobs[0].id, own)).status, 200);
    assert.equal((await download(ctx.url, sealed.blobs[0].id, foreign)).status, 404, 'another centre’s team is told it does not exist');
    assert.equal((await download(ctx.url, sealed.blobs[0].id, 'x'.repeat(43))).status, 401);
    const { sealed: notYet } = await sendWithFiles(ctx.url, { upload: false });
    assert.equal((await download(ctx.url, notYet.blobs[0].id, own)).status, 404, 'a blob not uploaded yet');
  });

  it('gives the person the files of their own conversation with the code, and no other', async () => {
    const key = await parsePublicKey(demoPublicKey);
    const keys = await deriveKeys((await readCode(await newCode())).code, centre);
    const sealed = await sealAttachments(centre, files);
    const message = { ...sampleMessage, text: 'Mit Code und Brief.', reply: { method: 'code' } };
    const envelope = await seal(key, message, keys.replyKey, sealed);
    const toPerson = await sealTo(keys.recipient, 'person', firstContact(message, keys.replyKey, sealed));
    const blobs = sealed.blobs.map(({ id, size, sha256 }) => ({ id, size, sha256 }));
    const res = await call(ctx.url, '/v1/messages', { body: { envelope, pow: await solvedPow(ctx.url), idempotencyKey: idempotencyKey(), hp: '', conversation: { mailbox: keys.mailbox, verifier: keys.verifier, toPerson }, blobs } });
    assert.equal(res.status, 201);
    for (const blob of sealed.blobs) assert.equal((await putBlob(ctx.url, blob.id, blob.bytes)).status, 201);

    const mine = await open((await read(ctx.url, keys)).json.items[0].envelope, keys.privateKey, 'person');
    assert.equal(mine.v, 3);
    const fetchBlob = async (blob, secret = keys.secret) => {
      const response = await fetch(`${ctx.url}/v1/conversation/blob`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://beratung.example' }, body: JSON.stringify({ mailbox: keys.mailbox, secret, blob }) });
      return { status: response.status, bytes: new Uint8Array(await response.arrayBuffer()) };
    };
    const got = await fetchBlob(mine.attachments[0].blob);
    assert.equal(got.status, 200);
    assert.deepEqual(await openAttachment(centre, mine.contentKey, mine.attachments, 0, got.bytes), letter);
    const elsewhere = await sendWithFiles(ctx.url);
    assert.equal((await fetchBlob(elsewhere.sealed.blobs[0].id)).status, 404, 'another conversation’s file');
    const other = await deriveKeys((await readCode(await newCode())).code, centre);
    assert.equal((await fetchBlob(mine.attachments[0].blob, other.secret)).status, 403, 'a wrong code');

    // The person writes again with a file (version 3, sealed with the code's key); the team reads it in its place.
    const photoOnly = await sealAttachments(centre, [files[1]]);
    const followUp = { v: 3, kind: 'follow-up', text: 'Noch ein Foto.', formLocale: 'de', ...(await nextLink(keys.replyKey, [mine])), contentKey: photoOnly.contentKey, attachments: photoOnly.attachments };
    const writer = { privateKey: keys.privateKey, publicKey: keys.recipient.publicKey };
    const body = {
      mailbox: keys.mailbox,
      secret: keys.secret,
      envelope: await sealTo(key, 'centre', followUp, writer),
      toPerson: await sealTo(keys.recipient, 'person', followUp, writer),
      idempotencyKey: idempotencyKey(),
    };
    assert.equal((await call(ctx.url, '/v1/conversation/messages', { body })).status, 400, 'a version-3 item without its blobs');
    const declared = photoOnly.blobs.map(({ id, size, sha256 }) => ({ id, size, sha256 }));
    assert.equal((await call(ctx.url, '/v1/conversation/messages', { body: { ...body, blobs: declared } })).status, 201);
    assert.equal((await putBlob(ctx.url, photoOnly.blobs[0].id, photoOnly.blobs[0].bytes)).status, 201);
    const { token } = (await signIn(ctx.url)).json;
    const list = (await team(ctx.url, '/v1/inbox/conversations', token)).json.conversations;
    const detail = (await team(ctx.url, `/v1/inbox/conversations/${list.find((c) => c.canReply && c.itemCount === 2).id}`, token)).json;
    const opened = await openItems(detail.items, centreKey.privateKey, 'centre', { centre: key.publicKey, person: null });
    assert.deepEqual(await checkChain(opened, keys.replyKey), [true, true], 'both items hold their places');
    const later = opened[1].message;
    assert.equal(later.v, 3);
    assert.equal(opened[1].sender, 'person');
    const photoBlob = await download(ctx.url, later.attachments[0].blob, token);
    assert.deepEqual(await openAttachment(centre, later.contentKey, later.attachments, 0, photoBlob.bytes), photo);
  });

  it('deletes the blobs with their conversation', async () => {
    const { sealed } = await sendWithFiles(ctx.url, { text: 'Bitte löschen.' });
    const { token } = (await signIn(ctx.url)).json;
    const list = (await team(ctx.url, '/v1/inbox/conversations', token)).json.conversations;
    assert.equal((await team(ctx.url, `/v1/inbox/conversations/${list[0].id}`, token, { method: 'DELETE' })).status, 200);
    assert.equal((await download(ctx.url, sealed.blobs[0].id, token)).status, 404);
    const ids = sealed.blobs.map((b) => b.id);
    for (const id of ids) {
      assert.deepEqual(await queryDatabase(database, 'SELECT id FROM blobs WHERE id = $1', [id]), []);
      assert.deepEqual(await queryDatabase(database, 'SELECT seq FROM blob_chunks WHERE blob = $1', [id]), []);
    }
  });
});

describe('attachments: quotas and retention', () => {
  it('answers a message whose files pass the conversation quota with 413, and the same text without files is stored', async () => {
    const ctx = await startTestRelay({ database: join(scratch(), 'relay.sqlite'), env: { RELAY_MAX_CONVERSATION_KB: '256' } });
    try {
      const tooLarge = await sendWithFiles(ctx.url, { text: 'Mit Brief.' });
      assert.deepEqual([tooLarge.res.status, tooLarge.res.json], [413, { error: 'conversation-too-large' }]);
      const withPhoto = await sendWithFiles(ctx.url, { text: 'Nur mit Foto.', withFiles: [files[1]] });
      assert.equal(withPhoto.res.status, 201, 'a small file fits');
      const textOnly = await call(ctx.url, '/v1/messages', { body: { envelope: await seal(await parsePublicKey(demoPublicKey), { ...sampleMessage, text: 'Mit Brief.' }), pow: await solvedPow(ctx.url), idempotencyKey: idempotencyKey(), hp: '' } });
      assert.equal(textOnly.status, 201);
    } finally {
      await ctx.relay.close();
    }
  });

  it('counts blobs against the store quota (507) from the moment their message is stored', async () => {
    const ctx = await startTestRelay({ database: join(scratch(), 'relay.sqlite'), env: { RELAY_MAX_STORE_MB: '1' } });
    try {
      const fivePhotos = Array.from({ length: 5 }, (_, i) => ({ ...files[1], name: `Foto ${i + 1}.jpg` }));
      const first = await sendWithFiles(ctx.url, { upload: false, withFiles: fivePhotos });
      assert.equal(first.res.status, 201);
      assert.ok((await ctx.relay.store.storedBytes()) > 5 * 65_536, 'declared, not yet uploaded, and counted');
      const second = await sendWithFiles(ctx.url);
      assert.deepEqual([second.res.status, second.res.json], [507, { error: 'storage-full' }]);
    } finally {
      await ctx.relay.close();
    }
  });

  it('deletes blobs by retention with their conversation', async () => {
    const database = join(scratch(), 'relay.sqlite');
    const ctx = await startTestRelay({ database, env: { RELAY_RETENTION_DAYS: '7' } });
    try {
      const { sealed } = await sendWithFiles(ctx.url);
      assert.equal((await queryDatabase(database, 'SELECT id FROM blobs')).length, 2);
      ctx.offset.seconds = 8 * 86400;
      await ctx.relay.tick();
      assert.deepEqual(await queryDatabase(database, 'SELECT id FROM blobs'), []);
      assert.deepEqual(await queryDatabase(database, 'SELECT blob FROM blob_chunks'), []);
      assert.equal((await putBlob(ctx.url, sealed.blobs[0].id, sealed.blobs[0].bytes)).status, 404);
    } finally {
      await ctx.relay.close();
    }
  });
});
