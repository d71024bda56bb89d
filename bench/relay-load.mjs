// The contact relay under load on loopback, part of `npm run bench`
// (bench/run.mjs), also runnable alone: `node bench/relay-load.mjs` prints its
// section (after `npm run build`). A real relay in a process of its own, on
// SQLite and on PostgreSQL (a throwaway server from the machine's packages,
// with fsync on), receives first messages from autocannon for 30 s. Every
// request is a valid one: its own idempotency key, its own solved proof of
// work, a sealed envelope. Afterwards the store is read back: every accepted
// message must be there exactly once.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const relayDir = join(root, 'packages/contact-relay');
const demoKey = JSON.parse(readFileSync(join(relayDir, 'demo/demo-private-key.json'), 'utf8'));
const origin = 'https://beratung.example';
const sha256 = (text) => createHash('sha256').update(text).digest('base64url');

/** The relay's settings: test-sized proof of work, no minimum fill time, rate limits out of the way. */
const relayEnv = (database) => ({
  RELAY_PUBLIC_KEYS: demoKey.publicKey,
  RELAY_ALLOWED_ORIGINS: origin,
  RELAY_PORT: '0',
  RELAY_HOST: '127.0.0.1',
  RELAY_DB: database,
  RELAY_POW_COST: '1',
  RELAY_POW_COUNTER_MIN: '5',
  RELAY_POW_COUNTER_MAX: '20',
  RELAY_MIN_FILL_SECONDS: '0',
  RELAY_POW_SECRET: 'bench-secret-that-is-long-enough-0123456789',
  RELAY_RATE_LIMIT_MESSAGES: '1000000',
  RELAY_RATE_LIMIT_CHALLENGES: '1000000',
  RELAY_RATE_LIMIT_FAILURES: '1000000',
});

/** `node bench/relay-load.mjs --serve`: the relay process. Prints its URL, stops when stdin closes. */
async function serve() {
  const { readConfig, startRelay } = await import(pathToFileURL(join(relayDir, 'dist/index.js')).href);
  const config = await readConfig(process.env);
  const quiet = { info() {}, error: (line) => process.stderr.write(`relay: ${line}\n`) };
  const relay = await startRelay(config, { log: quiet });
  process.stdout.write(`${JSON.stringify({ url: relay.url })}\n`);
  process.stdin.resume();
  process.stdin.on('end', async () => {
    await relay.close();
    process.exit(0);
  });
}

async function startRelayProcess(database) {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--serve'], {
    env: { ...process.env, ...relayEnv(database) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const line = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the relay exited (${code}) before it listened`)));
  });
  const { url } = JSON.parse(line);
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.stdin.end();
      }),
  };
}

/**
 * Requests ready to send: a challenge issued with the relay's own function and
 * secret, solved as the browser would (at test cost), an envelope sealed to
 * the demo key, a fresh idempotency key. Solving and sealing run in batches
 * (the crypto work is asynchronous), before the clock starts.
 */
async function prepare(count, config) {
  const [{ issueChallenge }, { solveChallenge }, { deriveKey }, { seal }, { parsePublicKey }] = await Promise.all([
    import(pathToFileURL(join(relayDir, 'dist/pow.js')).href),
    import('altcha-lib'),
    import('altcha-lib/algorithms/pbkdf2'),
    import('@wegweiser/contact-form/envelope'),
    import('@wegweiser/contact-form/public-key'),
  ]);
  const key = await parsePublicKey(demoKey.publicKey);
  const now = Math.floor(Date.now() / 1000);
  const requests = [];
  for (let start = 0; start < count; start += 200) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(200, count - start) }, async (_, i) => {
        const challenge = await issueChallenge(config, now);
        const [solution, envelope] = await Promise.all([
          solveChallenge({ challenge, deriveKey }),
          seal(key, { text: `Lasttest ${start + i}: Ich möchte etwas anderes arbeiten.`, topic: 'work', language: 'de', reply: { method: 'none' }, formLocale: 'de' }),
        ]);
        const idempotencyKey = randomBytes(18).toString('base64url');
        return { idempotencyKey, body: JSON.stringify({ envelope, pow: { challenge, solution }, idempotencyKey, hp: '' }) };
      })
    );
    requests.push(...batch);
  }
  return requests;
}

/**
 * One autocannon run over `pool`. autocannon stops at most `pool.length -
 * connections` requests in (`maxOverallRequests`), so no request ever goes out
 * without a fresh challenge; if that cap is what ended the run, it says so.
 * Records each key's answer.
 */
async function load(url, pool, { seconds, connections, answers }) {
  const { default: autocannon } = await import('autocannon');
  let next = 0;
  const cap = pool.length - connections;
  const result = await new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${url}/v1/messages`,
        connections,
        pipelining: 1,
        duration: seconds,
        maxOverallRequests: cap,
        requests: [
          {
            method: 'POST',
            path: '/v1/messages',
            headers: { 'content-type': 'application/json', origin },
            setupRequest(request, context) {
              const item = pool[next++];
              if (!item) throw new Error('relay-load: the pool of prepared requests ran out (autocannon went past its cap)');
              // One request in flight per connection: the context remembers whose answer comes next.
              context.key = item.idempotencyKey;
              answers.set(item.idempotencyKey, { status: 0, body: item.body });
              return { ...request, body: item.body };
            },
            onResponse(status, _body, context) {
              answers.get(context.key).status = status;
            },
          },
        ],
      },
      (error, value) => (error ? reject(error) : resolve(value))
    );
  });
  return { result, exhausted: next >= cap, sent: next };
}

export async function benchRelayLoad({ seconds = Number(process.env.BENCH_RELAY_SECONDS ?? 30), connections = 20 } = {}) {
  if (!existsSync(join(relayDir, 'dist/index.js'))) throw new Error('bench/relay-load.mjs needs the built relay: run `npm run build` first.');
  const { postgresMissing, startPostgres } = await import(pathToFileURL(join(relayDir, 'test/postgres.mjs')).href);
  const rows = [];
  const notes = [];
  let postgresVersion = '';

  const runStore = async (name, database) => {
    const { readConfig, openStore } = await import(pathToFileURL(join(relayDir, 'dist/index.js')).href);
    const config = await readConfig(relayEnv(database));
    const relay = await startRelayProcess(database);
    const answers = new Map();
    let timed;
    try {
      // A short warm-up sizes the pool for the timed run, with room to spare.
      const warm = await load(relay.url, await prepare(3000, config), { seconds: 3, connections, answers });
      const warmStored = [...answers.values()].filter((a) => a.status === 201).length;
      const pool = await prepare(Math.ceil((warmStored / warm.result.duration) * seconds * 1.6) + 2000, config);
      const before = new Set(answers.keys());
      timed = await load(relay.url, pool, { seconds, connections, answers });
      timed.stored = [...answers].filter(([key, a]) => !before.has(key) && a.status === 201).length;

      // Requests cut off when autocannon stopped got no answer: the form would retry
      // them with the same key and body, so do that; a stored one answers 200.
      const unanswered = [...answers].filter(([, a]) => a.status < 200 || a.status >= 300);
      timed.retried = unanswered.length;
      // The relay finishes what it received even when the client has gone; let it.
      await new Promise((resolve) => setTimeout(resolve, 500));
      for (const [, answer] of unanswered) {
        const response = await fetch(`${relay.url}/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: answer.body });
        answer.status = response.status;
        await response.arrayBuffer();
      }
    } finally {
      await relay.stop();
    }

    // Nothing lost: every accepted key is stored, each exactly once, and nothing else is.
    const store = await openStore(database);
    try {
      const accepted = [...answers].filter(([, a]) => a.status === 200 || a.status === 201).map(([key]) => key);
      const found = await Promise.all(accepted.map((key) => store.findItemByIdempotencyKey(sha256(key))));
      const items = await store.allItems();
      const missing = found.filter((f) => f === null).length;
      const distinct = new Set(found.filter(Boolean).map((f) => f.item)).size;
      const intact = missing === 0 && distinct === accepted.length && items.length === accepted.length;
      const { result } = timed;
      rows.push(
        `| ${name} | ${Math.round(timed.stored / result.duration)} | ${result.latency.p50} ms | ${result.latency.p97_5} ms | ${result.latency.p99} ms | ${result.non2xx} | ${
          result.errors
        } (${result.timeouts}) | ${
          intact ? `yes: ${items.length} accepted, ${items.length} stored once each` : `**NO**: ${accepted.length} accepted, ${items.length} stored, ${missing} missing`
        } |`
      );
      if (timed.exhausted)
        notes.push(`${name}: the prepared requests ran out and the run ended after ${result.duration} s instead of ${seconds} s; the rate is per second of the run.`);
      if (timed.retried)
        notes.push(
          `${name}: ${timed.retried} request(s) in flight when the run stopped got no answer; retried with the same idempotency key as the form does, all included above.`
        );
    } finally {
      await store.close();
    }
  };

  const dir = mkdtempSync(join(tmpdir(), 'ww-relay-bench-'));
  try {
    await runStore('SQLite (one file)', join(dir, 'relay.sqlite'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const missing = postgresMissing();
  if (missing) notes.push(`PostgreSQL: not measured (${missing})`);
  else {
    const cluster = await startPostgres({ durable: true });
    try {
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: cluster.url });
      await client.connect();
      postgresVersion = ` ${(await client.query('SHOW server_version')).rows[0].server_version.split(' ')[0]}`;
      await client.end();
      await runStore('PostgreSQL (one relay instance)', await cluster.createDatabase('relay_bench'));
    } finally {
      await cluster.stop();
    }
  }

  return `## Contact relay under load (bench/relay-load.mjs)

A real relay (its own Node process) on loopback receives first messages (\`POST /v1/messages\`)
from autocannon: ${connections} connections, one request in flight each, ${seconds} s per store after a 3 s
warm-up. Every request is valid and different: its own idempotency key, its own solved
proof-of-work challenge (challenges are single-use), an envelope sealed to the demo key; all
prepared before the clock starts. **Proof of work is set to test size** (cost 1, 5–20 iterations):
the real cost is paid by the sender's browser, the relay only checks a signature, so this does not
flatter the relay. The machine's ${os.cpus().length} cores are shared by the load generator, the relay and the
database. SQLite syncs every commit to disk (its defaults); PostgreSQL${postgresVersion} runs with its
defaults (fsync on), the relay's pool has 10 connections. "Nothing lost": afterwards the store is read back;
every message answered 201 (or 200 for a retry) must be stored exactly once, and nothing else.
With every commit waiting for the disk, other work on a shared machine moves these figures a lot
from run to run (SQLite most); compare the stores within one run.

| Store | Stored messages per second | p50 | p97.5 | p99 | Non-2xx answers | Errors (of which timeouts) | Nothing lost |
| --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}
${notes.length ? `\n${notes.map((n) => `- ${n}`).join('\n')}\n` : ''}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv[2] === '--serve') await serve();
  else console.log(await benchRelayLoad());
}
