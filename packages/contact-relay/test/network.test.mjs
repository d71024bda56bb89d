// A regional network on one relay (issue 22): centres kept in the store and
// managed with `wegweiser-relay centres` while the relay runs, key rotation
// under load, six centres each seeing only its own conversations, the monthly
// figures (every event counted once, also with two instances on PostgreSQL and
// across retention), and the coordinator, who reads the figures and nothing else.
// Runs on SQLite and, with WW_RELAY_STORE=postgres, on PostgreSQL.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { seal, sealTo } from '@wegweiser/contact-form/envelope';
import { deriveKeys, newCode, readCode } from '@wegweiser/contact-form/conversation';
import { formatPublicKey, parsePublicKey } from '@wegweiser/contact-form/public-key';
import { teamOpener } from '../dist/team-opener.js';
import { networkFigures } from '../dist/figures.js';
import { call, idempotencyKey, queryDatabase, read, sampleMessage, scratch, solvedPow, startTestRelay, teamOrigin, testDatabase, usingPostgres } from './helpers.mjs';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const run = promisify(execFile);

/** A centre's key pair, made directly (the key file's scrypt would only slow the tests down). */
async function newCentreKey(centre) {
  const { privateKey } = generateKeyPairSync('x25519');
  const jwk = privateKey.export({ format: 'jwk' });
  const publicKey = await formatPublicKey(centre, Buffer.from(jwk.x, 'base64url'));
  return { centre, publicKey, kid: (await parsePublicKey(publicKey)).kid, privateKey: new Uint8Array(Buffer.from(jwk.d, 'base64url')) };
}

/** `wegweiser-relay <args> --db <database>` in its own process, as an operator runs it beside the relay. */
async function relayCommand(database, ...args) {
  const { stdout, stderr } = await run(process.execPath, [cli, ...args, '--db', await testDatabase(database)]);
  return { stdout: stdout.trim(), stderr };
}

/** Adds a centre with the command line; its team credential. */
async function addCentre(database, key) {
  return (await relayCommand(database, 'centres', 'add', '--centre', key.centre, '--public-key', key.publicKey)).stdout;
}

// Generous limits: these tests send many messages from one loopback address.
const networkEnv = {
  RELAY_PUBLIC_KEYS: '',
  RELAY_INBOX_ORIGINS: teamOrigin,
  RELAY_RATE_LIMIT_MESSAGES: '10000',
  RELAY_RATE_LIMIT_CHALLENGES: '10000',
  RELAY_RATE_LIMIT_FOLLOW_UPS: '10000',
  RELAY_RATE_LIMIT_SIGN_INS: '10000',
  RELAY_RATE_LIMIT_CONVERSATION: '10000',
  RELAY_RATE_LIMIT_FAILURES: '10000',
};

/** A person's first message to `key`'s centre with a code; sealed to `key` (the form's public key). */
async function writeFirst(url, key, text = sampleMessage.text) {
  const code = (await readCode(await newCode())).code;
  const keys = await deriveKeys(code, key.centre);
  const message = { ...sampleMessage, text, reply: { method: 'code' } };
  const envelope = await seal(await parsePublicKey(key.publicKey), message, keys.replyKey);
  const toPerson = await sealTo(keys.recipient, 'person', { v: 1, kind: 'first-contact', ...message, replyKey: keys.replyKey });
  const body = { envelope, pow: await solvedPow(url), idempotencyKey: idempotencyKey(), hp: '', conversation: { mailbox: keys.mailbox, verifier: keys.verifier, toPerson } };
  return { keys, body, res: await call(url, '/v1/messages', { body }) };
}

async function writeAgain(url, key, keys, text) {
  const plaintext = { v: 1, kind: 'follow-up', text, formLocale: 'de' };
  const body = {
    mailbox: keys.mailbox,
    secret: keys.secret,
    envelope: await sealTo(await parsePublicKey(key.publicKey), 'centre', plaintext),
    toPerson: await sealTo(keys.recipient, 'person', plaintext),
    idempotencyKey: idempotencyKey(),
  };
  return call(url, '/v1/conversation/messages', { body });
}

async function replyBody(key, keys, text = 'Gern, wir melden uns.') {
  const reply = { v: 1, kind: 'reply', text, language: 'de' };
  return { toPerson: await sealTo(keys.recipient, 'person', reply), toCentre: await sealTo(await parsePublicKey(key.publicKey), 'centre', reply), idempotencyKey: idempotencyKey() };
}

const signIn = (url, name, credential) => call(url, '/v1/inbox/sessions', { body: { centre: name, credential }, from: teamOrigin });
const team = (url, path, token, options = {}) => call(url, path, { method: 'GET', token, from: teamOrigin, ...options });
const tokenOf = async (url, name, credential) => {
  const answer = await signIn(url, name, credential);
  assert.equal(answer.status, 201, `${name} signs in`);
  return answer.json.token;
};
const conversationsOf = async (url, token) => (await team(url, '/v1/inbox/conversations', token)).json.conversations;

describe('centres kept in the store, managed while the relay runs', () => {
  let ctx;
  const database = join(scratch(), 'network.sqlite');
  before(async () => {
    ctx = await startTestRelay({ database, env: networkEnv });
  });
  after(() => ctx.relay.close());

  it('accepts a centre added with `centres add` without a restart; `rotate --credential` ends the old credential’s sessions; `remove --with-conversations` signs the team out and refuses its key', async () => {
    const key = await newCentreKey('beratung-mainz');
    assert.equal((await signIn(ctx.url, 'beratung-mainz', 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA')).status, 404, 'no credential yet: the inbox is off');
    assert.equal((await writeFirst(ctx.url, key)).res.status, 422, 'unknown key before it is added');

    const credential = await addCentre(database, key);
    assert.match(credential, /^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/);
    assert.equal((await writeFirst(ctx.url, key)).res.status, 201, 'the running relay accepts the new centre');
    const token = await tokenOf(ctx.url, 'beratung-mainz', credential);
    assert.equal((await conversationsOf(ctx.url, token)).length, 1);
    assert.match((await relayCommand(database, 'centres', 'list')).stdout, new RegExp(`beratung-mainz\\tkeys: ${key.kid} \\(current\\)\\tteam credentials: 1`));
    await assert.rejects(relayCommand(database, 'centres', 'add', '--centre', 'beratung-mainz', '--public-key', key.publicKey), /in the network already/);

    const newCredential = (await relayCommand(database, 'centres', 'rotate', '--centre', 'beratung-mainz', '--credential')).stdout;
    assert.equal((await team(ctx.url, '/v1/inbox/conversations', token)).status, 401, 'the old credential’s session has ended');
    assert.equal((await signIn(ctx.url, 'beratung-mainz', credential)).status, 401);
    const newToken = await tokenOf(ctx.url, 'beratung-mainz', newCredential);

    await assert.rejects(relayCommand(database, 'centres', 'remove', '--centre', 'beratung-mainz'), /has 1 conversation in the store; nothing was removed/);
    assert.equal((await team(ctx.url, '/v1/inbox/conversations', newToken)).status, 200, 'refused: the team is still signed in');
    await relayCommand(database, 'centres', 'remove', '--centre', 'beratung-mainz', '--with-conversations');
    assert.equal((await team(ctx.url, '/v1/inbox/conversations', newToken)).status, 404, 'no credential left anywhere: the inbox is off');
    assert.equal((await writeFirst(ctx.url, key)).res.status, 422, 'its key is refused');
  });
});

describe('a centre leaving with conversations in the store', () => {
  let ctx;
  const database = join(scratch(), 'leaving.sqlite');
  before(async () => {
    ctx = await startTestRelay({ database, env: networkEnv });
  });
  after(() => ctx.relay.close());
  // COUNT(*) is a bigint, which PostgreSQL's client gives as a string.
  const count = async (sql, params) => Number((await queryDatabase(database, sql, params))[0].n);

  it('`centres remove` refuses while the centre has conversations and says how many; `--with-conversations` deletes them, their mailboxes and the queued notification in one go, keeps the figures and leaves the other centres alone', async () => {
    const leaving = await newCentreKey('beratung-zweibruecken');
    const staying = await newCentreKey('beratung-pirmasens');
    const credential = await addCentre(database, leaving);
    await addCentre(database, staying);
    const first = await writeFirst(ctx.url, leaving, 'eins');
    assert.equal(first.res.status, 201);
    assert.equal((await writeFirst(ctx.url, leaving, 'zwei')).res.status, 201);
    assert.equal((await writeAgain(ctx.url, leaving, first.keys, 'noch etwas')).status, 201);
    const other = await writeFirst(ctx.url, staying, 'bleibt');
    assert.equal(other.res.status, 201);
    const token = await tokenOf(ctx.url, leaving.centre, credential);
    const figures = await queryDatabase(database, 'SELECT * FROM monthly_figures WHERE centre = $1', [leaving.centre]);
    assert.equal(figures.length, 1);
    assert.equal(await count('SELECT COUNT(*) AS n FROM pending_notifications WHERE centre = $1', [leaving.centre]), 1, 'a notification is queued');

    await assert.rejects(relayCommand(database, 'centres', 'remove', '--centre', leaving.centre), /has 2 conversations in the store; nothing was removed/);
    assert.equal((await conversationsOf(ctx.url, token)).length, 2, 'refused: the team still signs in and sees both');
    assert.equal((await read(ctx.url, first.keys)).status, 200, 'and the person still reads the answer page');
    assert.equal((await writeFirst(ctx.url, leaving, 'drei')).res.status, 201, 'and its key is still accepted');

    const { stderr } = await relayCommand(database, 'centres', 'remove', '--centre', leaving.centre, '--with-conversations');
    assert.match(stderr, /1 key\(s\), 1 credential\(s\), 3 conversation\(s\) deleted/);
    assert.equal(await count('SELECT COUNT(*) AS n FROM conversations WHERE centre = $1', [leaving.centre]), 0);
    assert.equal(await count('SELECT COUNT(*) AS n FROM items'), 1, 'only the other centre’s message is left');
    assert.equal(await count('SELECT COUNT(*) AS n FROM pending_notifications WHERE centre = $1', [leaving.centre]), 0, 'no notification for a team that is gone');
    assert.deepEqual((await read(ctx.url, first.keys)).json, { error: 'code-unknown' }, 'the code opens nothing: the mailbox went with its conversation');
    assert.equal((await team(ctx.url, '/v1/inbox/conversations', token)).status, 401, 'the team is signed out');
    assert.equal((await writeFirst(ctx.url, leaving, 'vier')).res.status, 422, 'its key is refused');
    assert.deepEqual(await queryDatabase(database, 'SELECT * FROM monthly_figures WHERE centre = $1', [leaving.centre]), figures.map((row) => ({ ...row, first_contacts: row.first_contacts + 1 })), 'the figures stay (with the third message counted before), and nothing counts the deletion as the person’s');

    assert.equal(await count('SELECT COUNT(*) AS n FROM conversations WHERE centre = $1', [staying.centre]), 1);
    assert.equal((await read(ctx.url, other.keys)).status, 200, 'the other centre’s person still reads the conversation');
    await assert.rejects(relayCommand(database, 'centres', 'remove', '--centre', leaving.centre), /not in the network/);
  });
});

describe('a key rotated under load', () => {
  let ctx;
  const database = join(scratch(), 'rotation.sqlite');
  before(async () => {
    ctx = await startTestRelay({ database, env: networkEnv });
  });
  after(() => ctx.relay.close());

  it('loses no message sent before, during or after the rotation, and the old and the new key read them all', async () => {
    const oldKey = await newCentreKey('beratung-trier');
    const newKey = await newCentreKey('beratung-trier');
    const credential = await addCentre(database, oldKey);
    const sent = [];
    const send = (key, text) => {
      sent.push(text);
      return writeFirst(ctx.url, key, text).then(({ res }) => res.status);
    };
    // Messages in flight while the command line rotates the key; pages that still have the old key keep sending to it.
    const during = Array.from({ length: 12 }, (_, i) => send(oldKey, `vor und während ${i}`));
    const rotation = relayCommand(database, 'centres', 'rotate', '--centre', 'beratung-trier', '--public-key', newKey.publicKey);
    const statuses = await Promise.all([...during, rotation.then(() => 'rotated')]);
    const afterRotation = await Promise.all([...Array.from({ length: 12 }, (_, i) => send(newKey, `neu ${i}`)), ...Array.from({ length: 4 }, (_, i) => send(oldKey, `alte Seite ${i}`))]);
    assert.deepEqual([...statuses, ...afterRotation].filter((status) => status !== 201 && status !== 'rotated'), [], 'every message stored');
    assert.match((await relayCommand(database, 'centres', 'list')).stdout, new RegExp(`${newKey.kid} \\(current\\)`));

    const token = await tokenOf(ctx.url, 'beratung-trier', credential);
    const conversations = await conversationsOf(ctx.url, token);
    assert.equal(conversations.length, sent.length);
    // The inbox holds both key files: each message opens with the key its envelope names.
    const openers = new Map([
      [oldKey.kid, await teamOpener(oldKey)],
      [newKey.kid, await teamOpener(newKey)],
    ]);
    const texts = [];
    for (const summary of conversations) texts.push((await openers.get(summary.first.kid)(summary.first, summary.id)).text);
    assert.deepEqual(texts.sort(), [...sent].sort());

    await assert.rejects(relayCommand(database, 'centres', 'remove', '--centre', 'beratung-trier', '--kid', newKey.kid), /current key/);
    await relayCommand(database, 'centres', 'remove', '--centre', 'beratung-trier', '--kid', oldKey.kid);
    assert.equal((await writeFirst(ctx.url, oldKey)).res.status, 422, 'a forgotten key is refused');
    assert.equal((await writeFirst(ctx.url, newKey)).res.status, 201);
  });
});

describe('six centres on one relay', () => {
  let ctx;
  const database = join(scratch(), 'six.sqlite');
  before(async () => {
    ctx = await startTestRelay({ database, env: networkEnv });
  });
  after(() => ctx.relay.close());

  it('each team signs in and sees only its own conversations; a message to centre A reaches A and nobody else', async () => {
    const names = ['mainz', 'ludwigshafen', 'trier', 'koblenz', 'kaiserslautern', 'neustadt'].map((place) => `beratung-${place}`);
    const keys = await Promise.all(names.map(newCentreKey));
    const credentials = [];
    for (const key of keys) credentials.push(await addCentre(database, key));
    for (const key of keys) for (const n of [1, 2]) assert.equal((await writeFirst(ctx.url, key, `an ${key.centre} ${n}`)).res.status, 201);

    const tokens = await Promise.all(keys.map((key, i) => tokenOf(ctx.url, key.centre, credentials[i])));
    const lists = await Promise.all(tokens.map((token) => conversationsOf(ctx.url, token)));
    for (const [i, key] of keys.entries()) {
      const open = await teamOpener(key);
      assert.equal(lists[i].length, 2, `${key.centre} sees its two conversations`);
      assert.deepEqual((await Promise.all(lists[i].map((summary) => open(summary.first, summary.id)))).map((m) => m.text).sort(), [`an ${key.centre} 1`, `an ${key.centre} 2`]);
      const other = lists[(i + 1) % keys.length][0];
      assert.equal((await team(ctx.url, `/v1/inbox/conversations/${other.id}`, tokens[i])).status, 404, 'another centre’s conversation is not found');
      await assert.rejects((await teamOpener(key))(other.first, other.id), 'and its key cannot open it');
    }
    assert.equal((await signIn(ctx.url, keys[0].centre, credentials[1])).status, 401, 'a credential opens only its own centre');
  });
});

describe('the monthly figures', () => {
  let ctx;
  const database = join(scratch(), 'figures.sqlite');
  let key;
  let credential;
  let token;
  before(async () => {
    ctx = await startTestRelay({ database, env: networkEnv });
    key = await newCentreKey('beratung-koblenz');
    credential = await addCentre(database, key);
    token = await tokenOf(ctx.url, key.centre, credential);
  });
  after(() => ctx.relay.close());

  const figures = async () => (await team(ctx.url, '/v1/inbox/figures', token)).json;

  it('counts each event once (retries and repeated closing included) and keeps the counts through retention', async () => {
    const first = await writeFirst(ctx.url, key);
    assert.equal((await call(ctx.url, '/v1/messages', { body: first.body })).status, 200, 'a retry is stored once');
    const second = await writeFirst(ctx.url, key);
    await writeFirst(ctx.url, key);
    assert.equal((await writeAgain(ctx.url, key, first.keys, 'noch eine Frage')).status, 201);
    const [one] = (await conversationsOf(ctx.url, token)).filter((summary) => summary.status === 'new' && summary.itemCount === 2);

    ctx.offset.seconds = 2 * 3600;
    const reply = await replyBody(key, first.keys);
    assert.equal((await team(ctx.url, `/v1/inbox/conversations/${one.id}/replies`, token, { method: 'POST', body: reply })).status, 201);
    assert.equal((await team(ctx.url, `/v1/inbox/conversations/${one.id}/replies`, token, { method: 'POST', body: reply })).status, 200, 'a retried answer counts once');
    assert.equal((await team(ctx.url, `/v1/inbox/conversations/${one.id}/replies`, token, { method: 'POST', body: await replyBody(key, first.keys, 'Noch etwas') })).status, 201);
    const close = { method: 'POST', body: { closed: true } };
    assert.equal((await team(ctx.url, `/v1/inbox/conversations/${one.id}/status`, token, close)).status, 200);
    assert.equal((await team(ctx.url, `/v1/inbox/conversations/${one.id}/status`, token, close)).status, 200, 'closing a closed one is no new closing');
    assert.equal((await call(ctx.url, '/v1/conversation/delete', { body: { mailbox: second.keys.mailbox, secret: second.keys.secret } })).status, 200);

    const expected = {
      firstContacts: 3,
      followUps: 1,
      answers: 2,
      closed: 1,
      deletedByPerson: 1,
      firstAnswer: { 'under-1h': 0, '1-4h': 1, '4-24h': 0, '1-3d': 0, '3-7d': 0, 'over-7d': 0 },
    };
    const counted = await figures();
    assert.equal(counted.centre, key.centre);
    assert.equal(counted.timeZone, 'Europe/Berlin');
    assert.equal(counted.months.length, 1);
    const { month, ...counts } = counted.months[0];
    assert.match(month, /^\d{4}-\d{2}$/);
    assert.deepEqual(counts, expected);

    ctx.offset.seconds = 40 * 86400;
    await ctx.relay.tick();
    // Forty days on, the session has expired too: sign in again.
    token = await tokenOf(ctx.url, key.centre, credential);
    assert.equal((await conversationsOf(ctx.url, token)).length, 0, 'retention deleted every conversation');
    const { month: keptMonth, ...kept } = (await figures()).months[0];
    assert.equal(keptMonth, month);
    assert.deepEqual(kept, expected, 'the counts survive the deletion of the conversations');
  });
});

describe('the figures with two relay instances on one PostgreSQL', { skip: usingPostgres ? false : 'PostgreSQL only (WW_RELAY_STORE=postgres): SQLite is one file for one process' }, () => {
  let a;
  let b;
  const database = join(scratch(), 'two-instances.sqlite');
  before(async () => {
    a = await startTestRelay({ database, env: networkEnv });
    b = await startTestRelay({ database, env: networkEnv, offset: a.offset });
  });
  after(async () => {
    await a.relay.close();
    await b.relay.close();
  });

  it('counts every event exactly once while both instances handle the same requests at once, and across a retention run on both', async () => {
    const key = await newCentreKey('beratung-ludwigshafen');
    const credential = await addCentre(database, key);
    const token = await tokenOf(a.url, key.centre, credential);
    // Eight first contacts spread over both instances at once, and one more sent to both (a retry reaching the other).
    const firsts = await Promise.all(Array.from({ length: 8 }, (_, i) => writeFirst(i % 2 ? a.url : b.url, key, `Nachricht ${i}`)));
    assert.ok(firsts.every(({ res }) => res.status === 201));
    const code = (await readCode(await newCode())).code;
    const keys = await deriveKeys(code, key.centre);
    const message = { ...sampleMessage, reply: { method: 'code' } };
    const body = {
      envelope: await seal(await parsePublicKey(key.publicKey), message, keys.replyKey),
      pow: await solvedPow(a.url),
      idempotencyKey: idempotencyKey(),
      hp: '',
      conversation: { mailbox: keys.mailbox, verifier: keys.verifier, toPerson: await sealTo(keys.recipient, 'person', { v: 1, kind: 'first-contact', ...message, replyKey: keys.replyKey }) },
    };
    const twice = await Promise.all([call(a.url, '/v1/messages', { body }), call(b.url, '/v1/messages', { body })]);
    assert.ok(twice.some((answer) => answer.status === 201));

    const [x, y] = firsts;
    const open = await teamOpener(key);
    const idOf = async (text) => {
      const all = await conversationsOf(a.url, token);
      const opened = await Promise.all(all.map(async (summary) => ({ summary, text: (await open(summary.first, summary.id)).text })));
      return opened.find((conversation) => conversation.text === text).summary.id;
    };
    const xId = await idOf('Nachricht 0');
    // The same answer at both instances at once, and two different answers to another conversation at once.
    const sameReply = await replyBody(key, x.keys);
    const repliesX = await Promise.all([a, b].map((relay) => team(relay.url, `/v1/inbox/conversations/${xId}/replies`, token, { method: 'POST', body: sameReply })));
    assert.deepEqual(repliesX.map((answer) => answer.status).sort(), [200, 201]);
    const yId = await idOf('Nachricht 1');
    const repliesY = await Promise.all([a, b].map(async (relay, i) => team(relay.url, `/v1/inbox/conversations/${yId}/replies`, token, { method: 'POST', body: await replyBody(key, y.keys, `Antwort ${i}`) })));
    assert.deepEqual(repliesY.map((answer) => answer.status), [201, 201]);
    // Closing at both at once, and the person deleting at both at once.
    await Promise.all([a, b].map((relay) => team(relay.url, `/v1/inbox/conversations/${xId}/status`, token, { method: 'POST', body: { closed: true } })));
    const z = firsts[2];
    await Promise.all([a, b].map((relay) => call(relay.url, '/v1/conversation/delete', { body: { mailbox: z.keys.mailbox, secret: z.keys.secret } })));

    const expected = {
      firstContacts: 9,
      followUps: 0,
      answers: 3,
      closed: 1,
      deletedByPerson: 1,
      firstAnswer: { 'under-1h': 2, '1-4h': 0, '4-24h': 0, '1-3d': 0, '3-7d': 0, 'over-7d': 0 },
    };
    const countsAt = async (relay, session) => {
      const [{ month, ...counts }] = (await team(relay.url, '/v1/inbox/figures', session)).json.months;
      assert.match(month, /^\d{4}-\d{2}$/);
      return counts;
    };
    assert.deepEqual(await countsAt(a, token), expected);
    a.offset.seconds = 40 * 86400;
    await Promise.all([a.relay.tick(), b.relay.tick()]);
    // Forty days on, the session has expired too: sign in again.
    const freshToken = await tokenOf(b.url, key.centre, credential);
    assert.equal((await conversationsOf(b.url, freshToken)).length, 0, 'retention ran');
    assert.deepEqual(await countsAt(b, freshToken), expected);
  });
});

describe('the coordinator', () => {
  let ctx;
  const database = join(scratch(), 'coordinator.sqlite');
  before(async () => {
    ctx = await startTestRelay({ database, env: networkEnv });
  });
  after(() => ctx.relay.close());

  it('reads the network’s figures, every centre side by side and the sum with counts below 5 suppressed, and every conversation route refuses it', async () => {
    const mainz = await newCentreKey('beratung-mainz');
    const trier = await newCentreKey('beratung-trier');
    const mainzToken = await tokenOf(ctx.url, mainz.centre, await addCentre(database, mainz));
    await addCentre(database, trier);
    const coordinatorCredential = (await relayCommand(database, 'coordinator', 'add', '--name', 'koordination-rlp')).stdout;
    await assert.rejects(relayCommand(database, 'coordinator', 'add', '--name', 'beratung-mainz'), /centre's id/);
    const mainzFirsts = [];
    for (let i = 0; i < 7; i++) mainzFirsts.push(await writeFirst(ctx.url, mainz));
    for (let i = 0; i < 2; i++) await writeFirst(ctx.url, trier);

    const signedIn = await signIn(ctx.url, 'koordination-rlp', coordinatorCredential);
    assert.equal(signedIn.status, 201);
    assert.equal(signedIn.json.role, 'coordinator');
    const token = signedIn.json.token;
    const id = (await conversationsOf(ctx.url, mainzToken))[0].id;
    const reply = await replyBody(mainz, mainzFirsts[0].keys);
    const refused = [
      ['GET', '/v1/inbox/conversations'],
      ['GET', '/v1/inbox/conversations?status=new'],
      ['GET', `/v1/inbox/conversations/${id}`],
      ['POST', `/v1/inbox/conversations/${id}/replies`, reply],
      ['POST', `/v1/inbox/conversations/${id}/status`, { closed: true }],
      ['DELETE', `/v1/inbox/conversations/${id}`],
      ['GET', '/v1/inbox/figures'],
    ];
    for (const [method, path, body] of refused) {
      const answer = await team(ctx.url, path, token, { method, body });
      assert.equal(answer.status, 403, `${method} ${path}`);
      assert.deepEqual(answer.json, { error: 'figures-only' });
    }
    // The person's routes take a code, never a session: the coordinator's token opens nothing there either.
    for (const path of ['/v1/conversation', '/v1/conversation/messages', '/v1/conversation/delete']) {
      const answer = await call(ctx.url, path, { body: {}, token });
      assert.equal(answer.status, 400, path);
    }
    assert.equal((await conversationsOf(ctx.url, mainzToken)).length, 7, 'nothing was deleted');
    assert.equal((await team(ctx.url, '/v1/inbox/network-figures', mainzToken)).status, 403, 'a team does not read the network’s figures');

    const network = (await team(ctx.url, '/v1/inbox/network-figures', token)).json;
    assert.deepEqual(network.centres, ['beratung-mainz', 'beratung-trier']);
    assert.equal(network.threshold, 5);
    const [month] = network.months;
    assert.deepEqual(month.centres['beratung-trier'].firstContacts, { count: null, suppressed: true });
    assert.deepEqual(month.centres['beratung-mainz'].firstContacts, { count: null, suppressed: true }, 'suppressed too, or the sum would give Trier’s count away');
    assert.deepEqual(month.total.firstContacts, { count: 9 });
    assert.deepEqual(month.total.answers, { count: null, suppressed: true });

    assert.equal((await team(ctx.url, '/v1/inbox/sessions/current', token, { method: 'DELETE' })).status, 200, 'it can sign out');
    await relayCommand(database, 'coordinator', 'remove', '--name', 'koordination-rlp');
    assert.equal((await signIn(ctx.url, 'koordination-rlp', coordinatorCredential)).status, 401);
  });
});

describe('network figures suppression', () => {
  const zero = { firstContacts: 0, followUps: 0, answers: 0, closed: 0, deletedByPerson: 0, firstAnswer: { 'under-1h': 0, '1-4h': 0, '4-24h': 0, '1-3d': 0, '3-7d': 0, 'over-7d': 0 } };
  const row = (centre, counts) => ({ ...zero, centre, month: '2026-11', ...counts });

  it('shows counts of 5 and more, suppresses smaller ones (0 included), and a second one where a single one would follow from the sum', () => {
    const figures = networkFigures(['a', 'b', 'c'], 'Europe/Berlin', [row('a', { firstContacts: 10, answers: 6 }), row('b', { firstContacts: 3, answers: 7 }), row('c', { firstContacts: 20, answers: 8 })]);
    const { centres, total } = figures.months[0];
    assert.deepEqual([centres.a.firstContacts, centres.b.firstContacts, centres.c.firstContacts], [{ count: null, suppressed: true }, { count: null, suppressed: true }, { count: 20 }]);
    assert.deepEqual(total.firstContacts, { count: 33 });
    assert.deepEqual([centres.a.answers, centres.b.answers, centres.c.answers, total.answers], [{ count: 6 }, { count: 7 }, { count: 8 }, { count: 21 }]);
    assert.deepEqual([centres.a.closed, total.closed], [{ count: null, suppressed: true }, { count: null, suppressed: true }]);
  });

  it('lists a centre without any event with suppressed zeros', () => {
    const figures = networkFigures(['a', 'quiet'], 'Europe/Berlin', [row('a', { firstContacts: 12 })]);
    assert.deepEqual(figures.months[0].centres.quiet.firstContacts, { count: null, suppressed: true });
  });
});
