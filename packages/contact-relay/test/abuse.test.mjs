// The relay under abuse: what the external review of December 2026 (issue 20)
// found, each as a live attack on a real relay (SQLite by default, PostgreSQL
// in the second run), plus the limiter's own bounds.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { AsyncLocalStorage } from 'node:async_hooks';
import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import * as relayModule from '../dist/index.js';
import { parseCredentialEntry } from '../dist/team.js';
const { ConfigError, RateLimiter, clientKey, credentialEntry, openKeyFile, readConfig } = relayModule;
import { deriveKeys, newCode, readCode } from '@wegweiser/contact-form/conversation';
import {
  call,
  centre,
  credential,
  demoKeyFile,
  demoPassphrase,
  demoPublicKey,
  eventually,
  followUp,
  idempotencyKey,
  origin,
  post,
  queryDatabase,
  read,
  scratch,
  sealed,
  signIn,
  solvedPow,
  startConversation,
  startSmtp,
  startTestRelay,
  submission,
  team,
  teamOrigin,
  testDatabase,
  usingPostgres,
} from './helpers.mjs';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const from = (address) => ({ 'x-forwarded-for': address });
const statuses = (results) => results.map((r) => r.status ?? r.res.status).sort();
const count = (list, value) => list.filter((v) => v === value).length;

const running = [];
async function relay(options = {}) {
  const ctx = await startTestRelay({ database: join(scratch(), 'relay.sqlite'), ...options, env: { RELAY_TRUST_PROXY: '1', RELAY_RATE_LIMIT_MESSAGES: '1000', RELAY_INBOX_ORIGINS: teamOrigin, ...options.env } });
  running.push(ctx);
  return ctx;
}
after(async () => {
  for (const ctx of running) await ctx.relay.close().catch(() => {});
});

describe('team sign-in (findings 1 and 7)', () => {
  it('counts sign-in attempts before checking them: 60 parallel wrong sign-ins from one address get at most 20 answers of 401', async () => {
    const ctx = await relay({ env: { RELAY_INBOX_CREDENTIALS: await credentialEntry(centre, credential) } });
    const results = await Promise.all(Array.from({ length: 60 }, () => signIn(ctx.url, 'WRONG-WRONG-WRONG-WRONG-WRONG', centre, from('203.0.113.5'))));
    const got = statuses(results);
    assert.equal(count(got, 401), 20, `401s: ${count(got, 401)}`);
    assert.equal(count(got, 429), 40);
    assert.equal((await signIn(ctx.url, credential, centre, from('203.0.113.5'))).status, 429, 'the right credential waits too');
    assert.equal((await signIn(ctx.url, credential, centre, from('203.0.113.6'))).status, 201, 'another address signs in');
  });

  it('keeps credentials as keyed SHA-256 (no scrypt per sign-in) and refuses the old scrypt entries with a clear message', async () => {
    const entry = await credentialEntry(centre, credential);
    assert.match(entry, /^[a-z0-9-]+:sha256\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    const old = `${centre}:scrypt$${'A'.repeat(22)}$${'B'.repeat(43)}`;
    await assert.rejects(readConfig({ RELAY_PUBLIC_KEYS: demoPublicKey, RELAY_INBOX_CREDENTIALS: old }), (error) => error instanceof ConfigError && /wegweiser-relay credential/.test(error.message));
  });

  it('keeps wrong codes and sign-ins apart: 20 wrong codes from one office do not lock its team out', async () => {
    const ctx = await relay({ env: { RELAY_INBOX_CREDENTIALS: await credentialEntry(centre, credential) } });
    const stranger = await deriveKeys((await readCode(await newCode())).code, centre);
    for (let i = 0; i < 20; i++) assert.equal((await read(ctx.url, stranger, from('192.0.2.44'))).status, 403);
    assert.equal((await read(ctx.url, stranger, from('192.0.2.44'))).status, 429, 'codes are limited');
    assert.equal((await signIn(ctx.url, credential, centre, from('192.0.2.44'))).status, 201, 'the team still signs in');
  });

  it('counts failed sign-ins per centre too, across addresses, and says so in the log without locking the team out', async () => {
    const ctx = await relay({ env: { RELAY_INBOX_CREDENTIALS: await credentialEntry(centre, credential), RELAY_RATE_LIMIT_SIGN_INS_PER_CENTRE: '5' } });
    for (let i = 0; i < 8; i++) assert.equal((await signIn(ctx.url, 'WRONG-WRONG-WRONG-WRONG-WRONG', centre, from(`198.51.100.${10 + i}`))).status, 401);
    assert.equal(ctx.logLines.filter((l) => /more than 5 failed sign-ins for one centre/.test(l)).length, 1, 'said once');
    assert.equal((await signIn(ctx.url, credential, centre, from('198.51.100.99'))).status, 201, 'the team still signs in');
  });
});

describe('the rate limiter (finding 2)', () => {
  it('counts an IPv6 client by its /64 (30 wrong codes from 30 addresses of one /64 meet the limit)', async () => {
    const ctx = await relay();
    const stranger = await deriveKeys((await readCode(await newCode())).code, centre);
    const got = [];
    for (let i = 1; i <= 30; i++) got.push((await read(ctx.url, stranger, from(`2001:db8:aa:bb::${i.toString(16)}`))).status);
    assert.equal(count(got, 403), 20);
    assert.equal(count(got, 429), 10);
    assert.equal((await read(ctx.url, stranger, from('2001:db8:aa:bc::1'))).status, 403, 'the next /64 is another client');
  });

  it('keys addresses: IPv6 by prefix (64 or 56), IPv4-mapped IPv6 as IPv4', () => {
    assert.equal(clientKey('2001:db8:aa:bb:1:2:3:4', 64), clientKey('2001:0db8:00aa:00bb::ffff', 64));
    assert.notEqual(clientKey('2001:db8:aa:bb::1', 64), clientKey('2001:db8:aa:bc::1', 64));
    assert.equal(clientKey('2001:db8:aa:bb::1', 56), clientKey('2001:db8:aa:bc::1', 56));
    assert.equal(clientKey('::ffff:192.0.2.1', 64), clientKey('192.0.2.1', 64));
    assert.notEqual(clientKey('192.0.2.1', 64), clientKey('192.0.2.2', 64));
    assert.equal(clientKey('fe80::1%eth0', 64), clientKey('fe80::2', 64));
  });

  it('holds a fixed number of clients (least recently seen evicted) and prunes expired windows', () => {
    const limiter = new RateLimiter(3, 3600, 1000);
    const now = 1_800_000_000;
    for (let i = 0; i < 5000; i++) limiter.take(`10.0.${i >> 8}.${i & 255}`, now);
    assert.equal(limiter.size, 1000);
    limiter.prune(now + 3600);
    assert.equal(limiter.size, 0);
  });

  it('gives back a counted attempt that succeeded', () => {
    const limiter = new RateLimiter(2);
    const now = 1_800_000_000;
    assert.ok(limiter.take('192.0.2.1', now));
    limiter.refund('192.0.2.1', now);
    assert.ok(limiter.take('192.0.2.1', now));
    assert.ok(limiter.take('192.0.2.1', now));
    assert.ok(!limiter.take('192.0.2.1', now));
  });
});

describe('follow-ups, quotas and notifications (finding 3)', () => {
  it('limits follow-ups per client, across conversations', async () => {
    const ctx = await relay({ env: { RELAY_RATE_LIMIT_FOLLOW_UPS: '3' } });
    const one = await startConversation(ctx.url);
    const two = await startConversation(ctx.url);
    const got = [];
    for (const keys of [one.keys, two.keys, one.keys, two.keys]) got.push((await followUp(ctx.url, keys, 'Noch etwas.', undefined, from('203.0.113.77'))).res.status);
    assert.deepEqual(got, [201, 201, 201, 429]);
    assert.equal((await followUp(ctx.url, two.keys, 'Von woanders.', undefined, from('203.0.113.78'))).res.status, 201);
  });

  it('refuses a follow-up beyond the conversation’s byte quota with 413, storing nothing', async () => {
    const ctx = await relay({ env: { RELAY_MAX_CONVERSATION_KB: '64' } });
    const { keys } = await startConversation(ctx.url);
    const long = 'ä'.repeat(5900);
    const got = [];
    for (let i = 0; i < 8; i++) got.push((await followUp(ctx.url, keys, long)).res);
    const refused = got.find((r) => r.status !== 201);
    assert.deepEqual([refused?.status, refused?.json], [413, { error: 'conversation-too-large' }]);
    const items = (await read(ctx.url, keys)).json.items.length;
    assert.equal(items, 1 + count(got.map((r) => r.status), 201));
    const bytes = (await ctx.relay.store.allItems()).reduce((sum, i) => sum + JSON.stringify(i.toCentre).length + JSON.stringify(i.toPerson).length, 0);
    assert.ok(bytes <= 64 * 1024, `${bytes} bytes stored`);
  });

  it('answers 507 when the whole store is at its quota; a message that fits later is taken', async () => {
    const ctx = await relay({ env: { RELAY_MAX_STORE_MB: '1', RELAY_MAX_CONVERSATION_KB: '100000', RELAY_MAX_CONVERSATION_ITEMS: '10000', RELAY_RATE_LIMIT_CONVERSATION: '10000', RELAY_RATE_LIMIT_FOLLOW_UPS: '10000' } });
    const { keys } = await startConversation(ctx.url);
    const long = 'ä'.repeat(5900);
    let last;
    for (let i = 0; i < 80; i++) {
      last = (await followUp(ctx.url, keys, long)).res;
      if (last.status !== 201) break;
    }
    assert.deepEqual([last.status, last.json], [507, { error: 'storage-full' }]);
    assert.equal((await startConversation(ctx.url, long)).res.status, 507, 'a first message too');
    assert.equal((await call(ctx.url, '/v1/conversation/delete', { body: { mailbox: keys.mailbox, secret: keys.secret } })).status, 200);
    assert.equal((await startConversation(ctx.url, long)).res.status, 201, 'room again after a deletion');
  });

  it('e-mails the team at most once per RELAY_NOTIFY_MIN_MINUTES, and tells about what waited after that', async () => {
    const smtp = await startSmtp();
    try {
      const ctx = await relay({ env: { RELAY_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, RELAY_NOTIFY_TO: 'team@beratung.example', RELAY_NOTIFY_MIN_MINUTES: '10' } });
      const { keys } = await startConversation(ctx.url);
      await eventually(() => smtp.mails.length === 1);
      for (let i = 0; i < 6; i++) {
        assert.equal((await followUp(ctx.url, keys, `Nachricht ${i}`)).res.status, 201);
        await ctx.relay.tick();
      }
      await ctx.relay.tick();
      assert.equal(smtp.mails.length, 1, 'six more messages within ten minutes: no new e-mail');
      ctx.offset.seconds = 10 * 60;
      await ctx.relay.tick();
      await eventually(() => smtp.mails.length === 2);
      await ctx.relay.tick();
      assert.equal(smtp.mails.length, 2, 'one e-mail for all that waited');
    } finally {
      await smtp.close();
    }
  });
});

describe('codes on several instances, sessions, mailboxes (findings 5, 6, 9)', () => {
  it('counts wrong codes before looking them up: 60 parallel wrong codes get at most 20 answers of 403', async () => {
    const database = join(scratch(), 'relay.sqlite');
    const ctx = await relay({ database });
    const stranger = await deriveKeys((await readCode(await newCode())).code, centre);
    // On PostgreSQL the lookups are held up by a table lock until every request
    // has arrived, as on a busy database: a limit checked before the lookup and
    // counted after it would let all 60 through.
    const holdUp = usingPostgres ? new pg.Client({ connectionString: await testDatabase(database) }) : null;
    if (holdUp) {
      await holdUp.connect();
      await holdUp.query('BEGIN');
      await holdUp.query('LOCK TABLE conversations IN ACCESS EXCLUSIVE MODE');
    }
    const pending = Promise.all(Array.from({ length: 60 }, () => read(ctx.url, stranger, from('203.0.113.9'))));
    if (holdUp) {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await holdUp.query('COMMIT');
      await holdUp.end();
    }
    const got = statuses(await pending);
    assert.equal(count(got, 403), 20, `403s: ${count(got, 403)}`);
    assert.equal(count(got, 429), 40);
  });

  it('a right code does not use up the failure limit', async () => {
    const ctx = await relay();
    const { keys } = await startConversation(ctx.url);
    for (let i = 0; i < 25; i++) assert.equal((await read(ctx.url, keys, from('203.0.113.10'))).status, 200);
  });

  it('ends the sessions of a credential that was removed from the configuration', async () => {
    const database = join(scratch(), 'relay.sqlite');
    const other = 'OTHER-CREDE-NTIAL-FORTE-STS00';
    const [removedEntry, keptEntry] = [await credentialEntry(centre, credential), await credentialEntry(centre, other)];
    const first = await relay({ database, env: { RELAY_INBOX_CREDENTIALS: `${removedEntry} ${keptEntry}` } });
    const revoked = (await signIn(first.url)).json.token;
    const kept = (await signIn(first.url, other)).json.token;
    await first.relay.close();
    const second = await relay({ database, env: { RELAY_INBOX_CREDENTIALS: keptEntry } });
    assert.equal((await team(second.url, '/v1/inbox/conversations', revoked)).status, 401, 'the removed credential’s session is over');
    assert.equal((await team(second.url, '/v1/inbox/conversations', kept)).status, 200, 'the other credential’s session goes on');
  });

  it('`wegweiser-relay sessions end` signs a centre’s team out everywhere', async () => {
    const database = join(scratch(), 'relay.sqlite');
    const ctx = await relay({ database, env: { RELAY_INBOX_CREDENTIALS: await credentialEntry(centre, credential) } });
    const { token } = (await signIn(ctx.url)).json;
    const ended = spawnSync(process.execPath, [cli, 'sessions', 'end', '--centre', centre], { encoding: 'utf8', env: { ...process.env, RELAY_DB: await testDatabase(database) } });
    assert.equal(ended.status, 0, ended.stderr);
    assert.match(ended.stdout, /1 session/);
    assert.equal((await team(ctx.url, '/v1/inbox/conversations', token)).status, 401);
  });

  it('answers a first message for a mailbox that exists like any other refusal', async () => {
    const ctx = await relay();
    const { keys } = await startConversation(ctx.url);
    const envelope = await sealed();
    const again = await call(ctx.url, '/v1/messages', {
      body: { envelope, pow: await solvedPow(ctx.url), idempotencyKey: idempotencyKey(), hp: '', conversation: { mailbox: keys.mailbox, verifier: keys.verifier, toPerson: envelope } },
    });
    assert.deepEqual([again.status, again.json], [422, { error: 'rejected' }]);
  });
});

describe('times, origins, proof of work, key file, headers (findings 8, 10-13)', () => {
  it('keeps the expiry of a used challenge to the minute (rounded up, so it cannot be replayed early)', async () => {
    const database = join(scratch(), 'relay.sqlite');
    const ctx = await relay({ database });
    const pow = await solvedPow(ctx.url);
    assert.equal((await startConversation(ctx.url)).res.status, 201);
    const rows = await queryDatabase(database, 'SELECT expires_at FROM used_challenges');
    assert.ok(rows.length >= 1);
    for (const { expires_at: expiresAt } of rows) assert.equal(Number(expiresAt) % 60, 0, `${expiresAt}`);
    assert.ok(Math.max(...rows.map((r) => Number(r.expires_at))) >= pow.challenge.parameters.expiresAt - 1);
  });

  it('serves the inbox API to the configured public origin, not to whatever the Host header says', async () => {
    const ctx = await relay({ env: { RELAY_INBOX_CREDENTIALS: await credentialEntry(centre, credential), RELAY_PUBLIC_ORIGIN: 'https://relay.beratung.example' } });
    const { port } = new URL(ctx.url);
    const ask = (originHeader, host) =>
      new Promise((resolve, reject) => {
        const body = JSON.stringify({ centre, credential });
        const req = request({ host: '127.0.0.1', port, path: '/v1/inbox/sessions', method: 'POST', headers: { host, origin: originHeader, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode, allow: res.headers['access-control-allow-origin'] }));
        });
        req.on('error', reject);
        req.end(body);
      });
    assert.deepEqual(await ask('http://evil.test', 'evil.test'), { status: 403, allow: undefined });
    assert.equal((await ask(`https://127.0.0.1:${port}`, `127.0.0.1:${port}`)).status, 403, 'the scheme counts');
    assert.equal((await ask('https://relay.beratung.example', 'relay.beratung.example')).status, 201);
    assert.equal((await ask(teamOrigin, 'relay.beratung.example')).status, 201);
  });

  it('without RELAY_PUBLIC_ORIGIN, the own inbox page works only on a loopback address over http', async () => {
    const ctx = await relay({ env: { RELAY_INBOX_CREDENTIALS: await credentialEntry(centre, credential) } });
    const own = new URL(ctx.url).origin;
    assert.equal((await call(ctx.url, '/v1/inbox/sessions', { body: { centre, credential }, from: own })).status, 201);
    assert.equal((await call(ctx.url, '/v1/inbox/sessions', { body: { centre, credential }, from: own.replace('http:', 'https:') })).status, 403);
  });

  it('draws the proof-of-work counter between RELAY_POW_COUNTER_MIN and _MAX, both ends included', async () => {
    const ctx = await relay({ env: { RELAY_POW_COUNTER_MIN: '5', RELAY_POW_COUNTER_MAX: '6' } });
    const counters = new Set();
    for (let i = 0; i < 24; i++) {
      const challenge = await (await fetch(`${ctx.url}/v1/challenge`, { headers: { origin } })).json();
      counters.add((await solveChallenge({ challenge, deriveKey })).counter);
    }
    assert.deepEqual([...counters].sort(), [5, 6]);
  });

  it('refuses a key file whose authentication tag is cut short', async () => {
    const file = JSON.parse(readFileSync(demoKeyFile, 'utf8'));
    const data = Buffer.from(file.ciphertext, 'base64url');
    await assert.rejects(openKeyFile({ ...file, ciphertext: data.subarray(data.length - 12).toString('base64url') }, demoPassphrase), /damaged/);
    assert.equal((await openKeyFile(file, demoPassphrase)).centre, centre, 'the whole file opens');
  });

  it('says Vary: Origin once, on every path of the person’s side', async () => {
    const ctx = await relay();
    const { keys } = await startConversation(ctx.url);
    for (const path of ['/v1/conversation', '/v1/conversation/messages', '/v1/conversation/delete']) {
      const res = await call(ctx.url, path, { body: { mailbox: keys.mailbox, secret: keys.secret.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) } });
      assert.equal(res.headers.get('vary'), 'Origin', path);
    }
    const challenge = await fetch(`${ctx.url}/v1/challenge`, { headers: { origin } });
    assert.equal(challenge.headers.get('vary'), 'Origin');
  });
});

/**
 * Every call the relay makes to its real store from now on, by method name;
 * not the store's calls to itself (the PostgreSQL store's helpers). The relay's
 * own timer (retention, notifications) is kept out by the tests' long tickMs.
 */
function storeCalls(store) {
  const calls = [];
  const insideStore = new AsyncLocalStorage();
  for (let proto = Object.getPrototypeOf(store); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name === 'constructor' || Object.hasOwn(store, name) || typeof store[name] !== 'function') continue;
      const original = store[name];
      store[name] = (...args) => {
        if (!insideStore.getStore()) calls.push(name);
        return insideStore.run(true, () => original.apply(store, args));
      };
    }
  }
  return calls;
}

describe('a flood answered before the store (issue 20, bench/relay-flood.mjs)', () => {
  const quietTimer = { tickMs: 3_600_000 };

  it('refuses an unsolved proof of work without asking the store', async () => {
    const ctx = await relay(quietTimer);
    const good = await submission(ctx.url);
    const calls = storeCalls(ctx.relay.store);
    const unsolved = await post(ctx.url, { ...good, pow: { ...good.pow, solution: { counter: 1, derivedKey: '00'.repeat(32) } } });
    assert.deepEqual([unsolved.status, unsolved.json], [422, { error: 'pow-invalid' }]);
    assert.deepEqual(calls, []);
  });

  it('refuses a made-up expired challenge as invalid without asking the store; a real expired one is still told apart', async () => {
    const ctx = await relay(quietTimer);
    const good = await submission(ctx.url);
    const calls = storeCalls(ctx.relay.store);
    // altcha-lib reports expiry before it checks the signature: anyone can write an expired challenge.
    const madeUp = { ...good.pow.challenge, parameters: { ...good.pow.challenge.parameters, expiresAt: 1 } };
    const res = await post(ctx.url, { ...good, pow: { ...good.pow, challenge: madeUp } });
    assert.deepEqual([res.status, res.json], [422, { error: 'pow-invalid' }]);
    assert.deepEqual(calls, []);
    ctx.offset.seconds = -3 * 3600;
    const old = await submission(ctx.url);
    ctx.offset.seconds = 0;
    const expired = await post(ctx.url, old);
    assert.deepEqual([expired.status, expired.json], [422, { error: 'pow-expired' }]);
    const unsolved = await post(ctx.url, { ...old, pow: { ...old.pow, solution: { counter: 1, derivedKey: '00'.repeat(32) } } });
    assert.deepEqual([unsolved.status, unsolved.json], [422, { error: 'pow-invalid' }], 'expired and unsolved');
  });

  it('still answers a retry of a stored message after its challenge expired', async () => {
    const ctx = await relay(quietTimer);
    const first = await submission(ctx.url);
    assert.equal((await post(ctx.url, first)).status, 201);
    const realNow = Date.now;
    // altcha-lib reads the clock itself; three hours on, the challenge (two hours) has expired.
    Date.now = () => realNow() + 3 * 3600 * 1000;
    try {
      const retry = await post(ctx.url, first);
      assert.deepEqual([retry.status, retry.json], [200, { status: 'stored' }]);
    } finally {
      Date.now = realNow;
    }
  });

  it('refuses a replay of a challenge it saw spent without asking the store; a retry of the message is still answered', async () => {
    const ctx = await relay(quietTimer);
    const first = await submission(ctx.url);
    assert.equal((await post(ctx.url, first)).status, 201);
    const calls = storeCalls(ctx.relay.store);
    for (let i = 0; i < 3; i++) {
      const replay = await post(ctx.url, { ...first, idempotencyKey: idempotencyKey() });
      assert.deepEqual([replay.status, replay.json], [422, { error: 'pow-replayed' }]);
    }
    assert.deepEqual(calls, []);
    const retry = await post(ctx.url, first);
    assert.deepEqual([retry.status, retry.json], [200, { status: 'stored' }]);
    assert.deepEqual(calls, ['findItemByIdempotencyKey'], 'a retry is the store’s to answer');
  });

  it('still refuses a replay after a restart and through another instance on the same database (the store decides), then without writing', async () => {
    const database = join(scratch(), 'relay.sqlite');
    const first = await relay({ database, ...quietTimer });
    const message = await submission(first.url);
    assert.equal((await post(first.url, message)).status, 201);
    const second = await relay({ database, ...quietTimer });
    const calls = storeCalls(second.relay.store);
    const replay = () => post(second.url, { ...message, idempotencyKey: idempotencyKey() });
    assert.deepEqual((await replay()).json, { error: 'pow-replayed' }, 'another instance, running at the same time');
    assert.deepEqual(calls.splice(0), ['findItemByIdempotencyKey', 'useChallenge']);
    assert.deepEqual((await replay()).json, { error: 'pow-replayed' });
    assert.deepEqual(calls, ['findItemByIdempotencyKey'], 'known used: no second insert');
    assert.equal((await post(second.url, message)).status, 200, 'the message’s own retry, through the other instance');
    await first.relay.close();
    const restarted = await relay({ database, ...quietTimer });
    assert.deepEqual((await post(restarted.url, { ...message, idempotencyKey: idempotencyKey() })).json, { error: 'pow-replayed' }, 'after a restart');
  });

  it('answers sign-ins over the limit before asking the store, also when every credential is in the store', async () => {
    const ctx = await relay(quietTimer);
    const entry = await credentialEntry(centre, credential);
    await ctx.relay.store.addCredential({ id: parseCredentialEntry(entry).id, centre, role: 'team', entry });
    for (let i = 0; i < 20; i++) assert.equal((await signIn(ctx.url, 'WRONG-WRONG-WRONG-WRONG-WRONG', centre, from('198.18.0.1'))).status, 401);
    const calls = storeCalls(ctx.relay.store);
    for (let i = 0; i < 5; i++) assert.equal((await signIn(ctx.url, 'WRONG-WRONG-WRONG-WRONG-WRONG', centre, from('198.18.0.1'))).status, 429);
    assert.deepEqual(calls, []);
    assert.equal((await signIn(ctx.url, credential, centre, from('198.18.0.2'))).status, 201, 'the team, from its own address');
  });

  it('under a flood of wrong sign-ins from many addresses, refuses them against a recent copy of the stored credentials; a right one is confirmed in the store', async () => {
    const ctx = await relay(quietTimer);
    const entry = await credentialEntry(centre, credential);
    const stored = { id: parseCredentialEntry(entry).id, centre, role: 'team', entry };
    await ctx.relay.store.addCredential(stored);
    const wrongFrom = (i) => signIn(ctx.url, `WRONG-WRONG-WRONG-WRONG-${String(i).padStart(5, '0')}`, centre, from(`198.18.${i >> 8}.${i & 255}`));
    const calls = storeCalls(ctx.relay.store);
    // Each address stays under its own limit; together they are a flood (more than 20 failures in a minute).
    for (let i = 0; i < 21; i++) assert.equal((await wrongFrom(i)).status, 401);
    assert.ok(calls.filter((name) => name === 'credentials').length >= 21, 'below the flood line every refusal asks the store');
    calls.splice(0);
    for (let i = 21; i < 41; i++) assert.equal((await wrongFrom(i)).status, 401);
    // The copy may be read again once when it turns 5 s old during these 20.
    assert.ok(calls.filter((name) => name === 'credentials').length <= 2, `store reads for 20 refusals: ${calls.length}`);
    calls.splice(0);
    assert.equal((await signIn(ctx.url, credential, centre, from('192.0.2.50'))).status, 201, 'the team signs in during the flood');
    assert.ok(calls.includes('credentials'), 'confirmed in the store');
    await ctx.relay.store.removeCredentials(centre, 'team');
    assert.equal((await signIn(ctx.url, credential, centre, from('192.0.2.51'))).status, 401, 'a removed credential stops at once (401, not 404: during the flood the copy still says the inbox is on)');
  });

  it('gives the refusals of a flood the security headers too (set before the route runs)', async () => {
    const ctx = await relay({ ...quietTimer, env: { RELAY_RATE_LIMIT_MESSAGES: '1' } });
    const good = await submission(ctx.url);
    const answers = {
      unsolved: await post(ctx.url, { ...good, pow: { ...good.pow, solution: { counter: 1, derivedKey: '00'.repeat(32) } } }, from('198.18.1.1')),
      limited: await post(ctx.url, good, from('198.18.1.1')),
      oversize: await post(ctx.url, { ...good, pad: 'x'.repeat(70_000) }, from('198.18.1.2')),
      unknown: await post(`${ctx.url}/nothing`, {}),
    };
    assert.deepEqual(Object.values(answers).map((a) => a.status), [422, 429, 413, 404]);
    for (const [name, answer] of Object.entries(answers)) {
      assert.equal(answer.headers.get('content-security-policy'), "default-src 'none'; frame-ancestors 'none'", name);
      for (const header of ['x-content-type-options', 'referrer-policy', 'x-frame-options', 'cross-origin-opener-policy', 'strict-transport-security', 'cache-control']) assert.ok(answer.headers.get(header), `${name}: ${header}`);
    }
    assert.equal(answers.limited.headers.get('vary'), 'Origin');
  });

  it('answers a body declared too large by its Content-Length at once, before it arrives', async () => {
    const ctx = await relay(quietTimer);
    const { port } = new URL(ctx.url);
    const status = await new Promise((resolve) => {
      const req = request({ host: '127.0.0.1', port, path: '/v1/messages', method: 'POST', headers: { origin, 'content-type': 'application/json', 'content-length': String(10_000_000) } }, (res) => {
        res.resume();
        resolve(res.statusCode);
        req.destroy();
      });
      req.on('error', () => {});
      req.flushHeaders();
    });
    assert.equal(status, 413);
  });
});
