// The relay against a real SQLite file and a real SMTP server on loopback.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../dist/index.js';
import {
  demoKeyFile,
  demoPassphrase,
  eventually,
  idempotencyKey,
  origin,
  post,
  rawDatabase,
  sampleMessage,
  scratch,
  sealed,
  solvedPow,
  startSmtp,
  startTestRelay,
  submission,
  testDatabase,
} from './helpers.mjs';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

/**
 * The relay's command line in a process of its own. Asynchronous on purpose:
 * the relay under test runs in this process, and a blocking spawnSync would
 * freeze it mid-transaction (PostgreSQL then ends the idle transaction).
 */
function runCli(args, { passphrase, input = '' } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, WEGWEISER_KEY_PASSPHRASE: passphrase } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** Decrypts envelopes in a separate process, as the counselling team would. */
function decryptElsewhere(envelopes, { key = fileURLToPath(demoKeyFile), passphrase = demoPassphrase } = {}) {
  return runCli(['decrypt', '--key', key], { passphrase, input: envelopes.map((e) => JSON.stringify(e)).join('\n') });
}

describe('contact relay', () => {
  let dir, database, smtp, ctx;
  before(async () => {
    dir = scratch();
    database = join(dir, 'relay.sqlite');
    smtp = await startSmtp();
    ctx = await startTestRelay({ database, env: { RELAY_RATE_LIMIT_MESSAGES: '1000', RELAY_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, RELAY_NOTIFY_TO: 'team@beratung.example' } });
  });
  after(async () => {
    await ctx.relay.close();
    await smtp.close();
  });

  it('stores a message as ciphertext only, and only the private key opens it, in another process', async () => {
    const body = await submission(ctx.url, { ...sampleMessage, reply: { method: 'phone', value: '0381 000000' } });
    const res = await post(ctx.url, body);
    assert.equal(res.status, 201);
    assert.deepEqual(res.json, { status: 'stored' });

    const [stored] = (await ctx.relay.store.allItems()).slice(-1);
    assert.deepEqual(Object.keys(stored.toCentre).sort(), ['centre', 'ct', 'enc', 'kid', 'suite', 'v']);
    const raw = await rawDatabase(database);
    assert.ok(!raw.includes('anderes arbeiten'), 'the text is not in the database file');
    assert.ok(!raw.includes('0381'), 'the phone number is not in the database file');

    const opened = await decryptElsewhere([stored.toCentre]);
    assert.equal(opened.status, 0, opened.stderr);
    const message = JSON.parse(opened.stdout);
    assert.equal(message.text, sampleMessage.text);
    assert.deepEqual(message.reply, { method: 'phone', value: '0381 000000' });
    assert.equal(message.v, 1);
    assert.equal(message.replyKey, null);
  });

  it('refuses to open a tampered ciphertext or a changed centre, loudly', async () => {
    const envelope = await sealed();
    const bytes = Buffer.from(envelope.ct, 'base64url');
    bytes[5] ^= 0x01;
    const tampered = await decryptElsewhere([{ ...envelope, ct: bytes.toString('base64url') }]);
    assert.equal(tampered.status, 1);
    assert.match(tampered.stderr, /cannot be decrypted/);
    assert.equal(tampered.stdout, '');
    const moved = await decryptElsewhere([{ ...envelope, centre: 'andere-stelle' }]);
    assert.equal(moved.status, 1);
    assert.match(moved.stderr, /cannot be decrypted/);
  });

  it('refuses to open with another key or a wrong passphrase', async () => {
    const other = join(dir, 'other-key.json');
    const keygen = await runCli(['keygen', '--centre', 'demo-beratungsstelle', '--out', other], { passphrase: 'another long passphrase' });
    assert.equal(keygen.status, 0, keygen.stderr);
    assert.match(keygen.stdout, /^wwk1\.demo-beratungsstelle\.[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{8}\n$/);
    const envelope = await sealed();
    const wrongKey = await decryptElsewhere([envelope], { key: other, passphrase: 'another long passphrase' });
    assert.equal(wrongKey.status, 1);
    assert.match(wrongKey.stderr, /cannot be decrypted/);
    const wrongPassphrase = await decryptElsewhere([envelope], { passphrase: 'not the passphrase' });
    assert.equal(wrongPassphrase.status, 1);
    assert.match(wrongPassphrase.stderr, /passphrase is wrong/);
    const again = await runCli(['keygen', '--centre', 'x', '--out', other], { passphrase: 'another long passphrase' });
    assert.equal(again.status, 1);
    assert.match(again.stderr, /not overwritten/);
    const short = await runCli(['keygen', '--centre', 'x', '--out', join(dir, 'short.json')], { passphrase: 'short' });
    assert.equal(short.status, 1);
    assert.match(short.stderr, /at least 12/);
  });

  it('answers malformed submissions with 400 and stores nothing', async () => {
    const before = (await ctx.relay.store.allItems()).length;
    const good = await submission(ctx.url);
    const cases = [
      ['not JSON', '{"envelope":'],
      ['an array', '[]'],
      ['no envelope', { ...good, envelope: undefined }],
      ['an extra field', { ...good, name: 'Maria' }],
      ['an extra envelope field', { ...good, envelope: { ...good.envelope, ip: '203.0.113.9' } }],
      ['a wrong version', { ...good, envelope: { ...good.envelope, v: 2 } }],
      ['a short enc', { ...good, envelope: { ...good.envelope, enc: 'abc' } }],
      ['ciphertext that is not base64url', { ...good, envelope: { ...good.envelope, ct: `${good.envelope.ct.slice(0, -2)}!!` } }],
      ['a missing idempotency key', { ...good, idempotencyKey: undefined }],
      ['a bad idempotency key', { ...good, idempotencyKey: '<script>' }],
    ];
    for (const [name, body] of cases) {
      const res = await post(ctx.url, body);
      assert.equal(res.status, 400, name);
      assert.deepEqual(res.json, { error: 'malformed' }, name);
    }
    const text = await post(ctx.url, JSON.stringify(good), { 'content-type': 'text/plain' });
    assert.equal(text.status, 415);
    const unknown = await post(ctx.url, { ...good, envelope: await sealed(sampleMessage, 'wwk1.andere-stelle.6_ZxqlgAB1CKbp52csKcy-QEfE3aAPALv7GXMYvP5RA.vC6xVt0t').catch(() => null) });
    assert.equal(unknown.status, 400, 'a key with a bad check value does not even seal');
    assert.equal((await ctx.relay.store.allItems()).length, before);
  });

  it('refuses a message for a key it does not know', async () => {
    const other = await runCli(['keygen', '--centre', 'andere-stelle', '--out', join(dir, 'andere.json')], { passphrase: 'another long passphrase' });
    const body = { ...(await submission(ctx.url)), envelope: await sealed(sampleMessage, other.stdout.trim()) };
    const res = await post(ctx.url, body);
    assert.equal(res.status, 422);
    assert.deepEqual(res.json, { error: 'unknown-key' });
  });

  it('refuses an oversized body with 413 before reading it', async () => {
    const good = await submission(ctx.url);
    const res = await post(ctx.url, { ...good, envelope: { ...good.envelope, ct: 'A'.repeat(70_000) } });
    assert.equal(res.status, 413);
    assert.deepEqual(res.json, { error: 'too-large' });
    const big = await post(ctx.url, { ...good, envelope: { ...good.envelope, ct: 'A'.repeat(40_000) } });
    assert.equal(big.status, 400, 'within the body limit but longer than any real message');
  });

  it('refuses a replayed proof of work, and a retry of the same message stores it once', async () => {
    const first = await submission(ctx.url);
    assert.equal((await post(ctx.url, first)).status, 201);
    const count = (await ctx.relay.store.allItems()).length;
    const retry = await post(ctx.url, first);
    assert.equal(retry.status, 200, 'the same idempotency key and body: already stored');
    assert.deepEqual(retry.json, { status: 'stored' });
    const replay = await post(ctx.url, { ...first, envelope: await sealed(), idempotencyKey: idempotencyKey() });
    assert.equal(replay.status, 422);
    assert.deepEqual(replay.json, { error: 'pow-replayed' });
    const conflict = await post(ctx.url, { ...first, envelope: await sealed(), pow: await solvedPow(ctx.url) });
    assert.equal(conflict.status, 409);
    assert.equal((await ctx.relay.store.allItems()).length, count);
  });

  it('refuses a wrong or forged proof of work', async () => {
    const good = await submission(ctx.url);
    const wrong = await post(ctx.url, { ...good, pow: { ...good.pow, solution: { ...good.pow.solution, derivedKey: '00'.repeat(32) } } });
    assert.deepEqual([wrong.status, wrong.json], [422, { error: 'pow-invalid' }]);
    const forged = { ...good.pow.challenge, parameters: { ...good.pow.challenge.parameters, cost: 0 } };
    const res = await post(ctx.url, { ...good, pow: { ...good.pow, challenge: forged } });
    assert.deepEqual([res.status, res.json], [422, { error: 'pow-invalid' }]);
    const none = await post(ctx.url, { ...good, pow: null });
    assert.deepEqual([none.status, none.json], [422, { error: 'pow-invalid' }]);
  });

  it('refuses an expired challenge', async () => {
    ctx.offset.seconds = -3 * 3600;
    const old = await submission(ctx.url);
    ctx.offset.seconds = 0;
    const res = await post(ctx.url, old);
    assert.deepEqual([res.status, res.json], [422, { error: 'pow-expired' }]);
  });

  it('refuses a filled-in honeypot', async () => {
    const res = await post(ctx.url, { ...(await submission(ctx.url)), hp: 'https://spam.example' });
    assert.deepEqual([res.status, res.json], [422, { error: 'rejected' }]);
  });

  it('serves configured origins only, with security headers', async () => {
    const preflight = await fetch(`${ctx.url}/v1/messages`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    assert.equal(preflight.headers.get('access-control-allow-origin'), origin);
    const res = await post(ctx.url, await submission(ctx.url));
    assert.equal(res.headers.get('access-control-allow-origin'), origin);
    for (const header of ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'x-frame-options', 'cache-control']) {
      assert.ok(res.headers.get(header), header);
    }
    const foreign = await post(ctx.url, await submission(ctx.url), { origin: 'https://elsewhere.example' });
    assert.equal(foreign.status, 403);
    assert.equal(foreign.headers.get('access-control-allow-origin'), null);
    const challenge = await fetch(`${ctx.url}/v1/challenge`, { headers: { origin: 'https://elsewhere.example' } });
    assert.equal(challenge.status, 403);
    const health = await fetch(`${ctx.url}/health`);
    assert.deepEqual([health.status, await health.json()], [200, { status: 'ok' }]);
    assert.equal((await fetch(`${ctx.url}/v1/nothing`)).status, 404);
  });

  it('tells the team by e-mail that a message waits, with nothing from the message or about the sender', async () => {
    await eventually(() => smtp.mails.length > 0);
    const mail = smtp.mails[0];
    assert.deepEqual(mail.to, ['team@beratung.example']);
    assert.match(mail.raw, /demo-beratungsstelle/);
    assert.ok(!/127\.0\.0\.1|anderes arbeiten|0381|User-Agent/i.test(mail.raw.split('\r\n\r\n').slice(1).join('')), 'no content, no address');
  });

  it('writes no IP address or user agent to the database or the log', async () => {
    await post(ctx.url, await submission(ctx.url), { 'user-agent': 'TestBrowser/1.0 (unique-agent-marker)', 'x-forwarded-for': '203.0.113.77' });
    const raw = (await rawDatabase(database)).toString('latin1');
    for (const trace of ['127.0.0.1', '203.0.113.77', 'unique-agent-marker', '::1']) {
      assert.ok(!raw.includes(trace), `database contains ${trace}`);
      assert.ok(!ctx.logLines.some((l) => l.includes(trace)), `log contains ${trace}`);
    }
    assert.ok(ctx.logLines.includes('message stored'));
  });
});

describe('contact relay limits', () => {
  it('limits messages per client and hour (429), counting in memory only', async () => {
    const dir = scratch();
    const ctx = await startTestRelay({ database: join(dir, 'r.sqlite'), env: { RELAY_RATE_LIMIT_MESSAGES: '2' } });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await post(ctx.url, await submission(ctx.url))).status);
      assert.deepEqual(statuses, [201, 201, 429]);
    } finally {
      await ctx.relay.close();
    }
  });

  it('refuses a message sent sooner after the challenge than a person can write', async () => {
    const dir = scratch();
    const ctx = await startTestRelay({ database: join(dir, 'r.sqlite'), env: { RELAY_MIN_FILL_SECONDS: '60' } });
    try {
      const body = await submission(ctx.url);
      assert.deepEqual((await post(ctx.url, body)).json, { error: 'too-fast' });
      ctx.offset.seconds = 61;
      assert.equal((await post(ctx.url, body)).status, 201, 'the same challenge works once the time has passed');
    } finally {
      await ctx.relay.close();
    }
  });

  it('deletes conversations after the retention period without activity', async () => {
    const dir = scratch();
    const ctx = await startTestRelay({ database: join(dir, 'r.sqlite'), env: { RELAY_RETENTION_DAYS: '7' } });
    try {
      await post(ctx.url, await submission(ctx.url));
      assert.equal((await ctx.relay.store.allItems()).length, 1);
      ctx.offset.seconds = 6 * 86400;
      await ctx.relay.tick();
      assert.equal((await ctx.relay.store.allItems()).length, 1, 'kept within the period');
      ctx.offset.seconds = 7 * 86400 + 120;
      await ctx.relay.tick();
      assert.equal((await ctx.relay.store.allItems()).length, 0, 'deleted after it');
    } finally {
      await ctx.relay.close();
    }
  });
});

describe('contact relay when the mail server is down', () => {
  it('retries the notification until the mail server answers again', async () => {
    const dir = scratch();
    const probe = await startSmtp();
    const port = probe.port;
    await probe.close();
    const ctx = await startTestRelay({ database: join(dir, 'r.sqlite'), env: { RELAY_SMTP_URL: `smtp://127.0.0.1:${port}`, RELAY_NOTIFY_TO: 'team@beratung.example' } });
    let smtp;
    try {
      assert.equal((await post(ctx.url, await submission(ctx.url))).status, 201);
      await eventually(() => ctx.logLines.filter((l) => l.startsWith('error: notification failed')).length >= 2);
      smtp = await startSmtp(port);
      await eventually(() => smtp.mails.length === 1);
      assert.equal((await ctx.relay.store.allItems()).length, 1);
    } finally {
      await ctx.relay.close();
      await smtp?.close();
    }
  });

  it('keeps the message, retries the notification, and sends it after a restart', async () => {
    const dir = scratch();
    const database = join(dir, 'relay.sqlite');
    // Find a port, then close the SMTP server: the relay meets a refused connection.
    const probe = await startSmtp();
    const port = probe.port;
    await probe.close();
    const env = { RELAY_SMTP_URL: `smtp://127.0.0.1:${port}`, RELAY_NOTIFY_TO: 'team@beratung.example' };
    const first = await startTestRelay({ database, env, notifyRetrySeconds: 3600 });
    const res = await post(first.url, await submission(first.url));
    assert.equal(res.status, 201, 'the person is told it arrived: it did');
    await eventually(() => first.logLines.some((l) => l.startsWith('error: notification failed')));
    assert.equal(await first.relay.store.pendingNotifications(), 1);
    await first.relay.close();

    // Restart with the message waiting and the mail server back.
    const smtp = await startSmtp(port);
    const second = await startTestRelay({ database, env });
    try {
      await eventually(() => smtp.mails.length === 1);
      // The store hears "sent" just after the mail server took the e-mail.
      await eventually(async () => (await second.relay.store.pendingNotifications()) === 0);
      assert.equal((await second.relay.store.allItems()).length, 1, 'the message is still there');
    } finally {
      await second.relay.close();
      await smtp.close();
    }
    const store = await openStore(await testDatabase(database));
    assert.equal((await store.allItems()).length, 1);
    await store.close();
  });
});
