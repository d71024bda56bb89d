// Two relay processes on one PostgreSQL behind a small proxy, as a hoster runs
// them for availability (issue 20, "several instances"): people keep sending
// while one instance is killed without warning (SIGKILL) and started again.
// Every accepted message must be stored exactly once, the team told once, and
// the rate limits hold as the README promises for n instances (n × each limit).
//
// PostgreSQL only: SQLite is one file for one process. The run of the relay's
// tests on PostgreSQL (scripts/test.mjs, WW_RELAY_STORE=postgres) runs it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer, request as httpRequest } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { demoPublicKey, eventually, idempotencyKey, origin, queryDatabase, sealed, startSmtp, testDatabase, usingPostgres } from './helpers.mjs';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

async function freePort() {
  const server = createNetServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** `wegweiser-relay serve` in a process of its own; resolves once it listens. */
async function startInstance(env) {
  const child = spawn(process.execPath, [cli, 'serve'], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await new Promise((resolve, reject) => {
    createInterface({ input: child.stderr }).on('line', (line) => {
      if (line.startsWith('wegweiser-relay listening on')) resolve();
    });
    void exited.then((code) => reject(new Error(`the relay exited (${code}) before it listened`)));
  });
  return {
    /** No goodbye: the process is gone mid-request, as after a crash or an OOM kill. */
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Round robin over the instances, as nginx does by default: a refused
 * connection is tried on the next instance; a request lost after it was sent
 * answers 502 (nginx does not resend a POST), and the client retries.
 */
async function startProxy(ports) {
  let next = 0;
  const forward = (port, req, body, res, triesLeft) => {
    const upstream = httpRequest({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', (error) => {
      if (error.code === 'ECONNREFUSED' && triesLeft > 0) return forward(ports[next++ % ports.length], req, body, res, triesLeft - 1);
      if (!res.headersSent) res.writeHead(502).end();
      else res.destroy();
    });
    upstream.end(body);
  };
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => forward(ports[next++ % ports.length], req, Buffer.concat(chunks), res, ports.length - 1));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

async function call(url, path, { method = 'POST', body, client }) {
  try {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { origin, 'x-forwarded-for': client, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json().catch(() => null);
    return { status: response.status, json };
  } catch {
    return { status: 0, json: null };
  }
}

/**
 * One message sent as the contact form sends it: the same envelope and
 * idempotency key on every attempt, a new proof of work when the old one was
 * used or refused, a short pause after a lost or failed answer.
 */
async function sendLikeTheForm(url, client, text) {
  const body = { envelope: await sealed({ text, topic: 'work', language: 'de', reply: { method: 'none' }, formLocale: 'de' }), idempotencyKey: idempotencyKey(), hp: '' };
  let pow = null;
  for (let attempt = 1; attempt <= 40; attempt++) {
    if (!pow) {
      const challenge = await call(url, '/v1/challenge', { method: 'GET', client });
      if (challenge.status !== 200) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        continue;
      }
      pow = { challenge: challenge.json, solution: await solveChallenge({ challenge: challenge.json, deriveKey }) };
    }
    const answer = await call(url, '/v1/messages', { body: { ...body, pow }, client });
    if (answer.status === 201 || answer.status === 200) return { idempotencyKey: body.idempotencyKey, attempts: attempt };
    if (answer.status === 422 && /^pow-/.test(answer.json?.error ?? '')) pow = null;
    else if (answer.status !== 0 && answer.status < 500) throw new Error(`refused: ${answer.status} ${answer.json?.error}`);
    else await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not accepted after 40 attempts: ${text}`);
}

describe('two relay instances on one PostgreSQL, one killed mid-run', { skip: usingPostgres ? false : 'PostgreSQL only (run with WW_RELAY_STORE=postgres)' }, () => {
  let database, smtp, ports, proxy;
  const instances = [];
  let env;

  before(async () => {
    database = await testDatabase('two-instances');
    smtp = await startSmtp();
    ports = [await freePort(), await freePort()];
    env = {
      RELAY_DB: database,
      RELAY_PUBLIC_KEYS: demoPublicKey,
      RELAY_ALLOWED_ORIGINS: origin,
      RELAY_HOST: '127.0.0.1',
      RELAY_POW_COST: '1',
      RELAY_POW_COUNTER_MIN: '5',
      RELAY_POW_COUNTER_MAX: '20',
      RELAY_MIN_FILL_SECONDS: '0',
      // The same secret on every instance (README): a challenge from one is checked by the other.
      RELAY_POW_SECRET: 'two-instances-secret-long-enough-0123456789',
      RELAY_TRUST_PROXY: '1',
      RELAY_RATE_LIMIT_MESSAGES: '1000',
      RELAY_RATE_LIMIT_CHALLENGES: '1000',
      RELAY_RATE_LIMIT_FAILURES: '3',
      RELAY_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      RELAY_NOTIFY_TO: 'team@beratung.example',
      RELAY_LOG: 'quiet',
    };
    for (const port of ports) instances.push(await startInstance({ ...env, RELAY_PORT: String(port) }));
    proxy = await startProxy(ports);
  });

  after(async () => {
    await proxy?.close();
    for (const instance of instances) await instance.stop().catch(() => {});
    await smtp?.close();
  });

  test('every accepted message is stored once, and the team is told once', async () => {
    const people = 6;
    const messagesEach = 8;
    const accepted = [];
    let killed = false;
    let restarted = false;
    const person = async (index) => {
      for (let n = 0; n < messagesEach; n++) {
        accepted.push(await sendLikeTheForm(proxy.url, `198.51.100.${index + 1}`, `Nachricht ${n} von Person ${index}`));
        // A third of the way through, instance 1 dies; at two thirds it is back.
        if (!killed && accepted.length >= (people * messagesEach) / 3) {
          killed = true;
          await instances[0].kill();
        } else if (killed && !restarted && accepted.length >= (2 * people * messagesEach) / 3) {
          restarted = true;
          instances[0] = await startInstance({ ...env, RELAY_PORT: String(ports[0]) });
        }
      }
    };
    await Promise.all(Array.from({ length: people }, (_, index) => person(index)));
    assert.ok(killed && restarted, 'the run went through the kill and the restart');
    assert.equal(accepted.length, people * messagesEach);

    const rows = await queryDatabase(database, 'SELECT idempotency_key FROM items');
    const stored = rows.map((row) => row.idempotency_key).sort();
    // The relay keeps a hash of each idempotency key, not the key.
    const hashed = (key) => createHash('sha256').update(key).digest('base64url');
    assert.deepEqual(stored, accepted.map((message) => hashed(message.idempotencyKey)).sort(), 'each accepted message exactly once, nothing else');
    const conversations = await queryDatabase(database, 'SELECT COUNT(*)::int AS n FROM conversations');
    assert.equal(conversations[0].n, people * messagesEach);

    // One e-mail for all of it: the first instance to claim the centre's notification sends it,
    // and the next is not due for RELAY_NOTIFY_MIN_MINUTES (10). A claim lost with the killed
    // instance would be sent after 5 minutes by the other (README); then none arrives here.
    await eventually(() => smtp.mails.length >= 1, 15_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(smtp.mails.length, 1, 'told once, not once per instance');
  });

  test('rate limits hold per instance: with two, a client gets at most twice each limit', async () => {
    const client = '198.51.100.200';
    const statuses = [];
    for (let attempt = 0; attempt < 10; attempt++) {
      const wrong = { mailbox: 'A'.repeat(22), secret: 'B'.repeat(43) };
      statuses.push((await call(proxy.url, '/v1/conversation', { body: wrong, client })).status);
    }
    const refusedForTheCode = statuses.filter((status) => status === 403).length;
    assert.ok(refusedForTheCode >= 3 && refusedForTheCode <= 2 * 3, `between one and two limits of wrong codes answered (${statuses.join(' ')})`);
    assert.deepEqual(statuses.slice(-4), [429, 429, 429, 429], 'then only 429');
  });
});
