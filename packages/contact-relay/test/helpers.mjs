// Shared set-up for the relay's tests: a real SMTP server on loopback, a real
// SQLite file in a temporary folder, and a proof-of-work solver.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { readConfig, startRelay } from '../dist/index.js';
import { seal, sealTo } from '@wegweiser/contact-form/envelope';
import { deriveKeys, newCode, readCode } from '@wegweiser/contact-form/conversation';
import { parsePublicKey } from '@wegweiser/contact-form/public-key';
import pg from 'pg';
import { createDatabase, sharedPostgres } from './postgres.mjs';

export const demoKeyFile = new URL('../demo/demo-private-key.json', import.meta.url);
export const demoPassphrase = 'demo-passphrase-not-secret';
export const demoPublicKey = JSON.parse(readFileSync(demoKeyFile, 'utf8')).publicKey;
export const origin = 'https://beratung.example';

/**
 * The database's stored bytes, to check what is (not) in it: the SQLite file,
 * or under WW_RELAY_STORE=postgres every row of every table as JSON text.
 */
export async function rawDatabase(database) {
  const resolved = await testDatabase(database);
  if (!/^postgres(ql)?:\/\//.test(resolved)) return readFileSync(resolved);
  const client = new pg.Client({ connectionString: resolved });
  await client.connect();
  try {
    const { rows: tables } = await client.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name");
    const dumps = [];
    for (const { table_name: table } of tables) {
      const { rows } = await client.query(`SELECT row_to_json(t)::text AS row FROM "${table}" t`);
      dumps.push(table, ...rows.map((r) => r.row));
    }
    return Buffer.from(dumps.join('\n'));
  } finally {
    await client.end();
  }
}

export function scratch() {
  return mkdtempSync(join(tmpdir(), 'ww-relay-test-'));
}

/** A real SMTP server on a free loopback port; `mails` collects what arrives. */
export async function startSmtp(port = 0) {
  const mails = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (c) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, mails, port: server.server.address().port, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** Whether this run tests the PostgreSQL store (WW_RELAY_STORE=postgres, see scripts/test.mjs). */
export const usingPostgres = process.env.WW_RELAY_STORE === 'postgres';
const postgresDatabases = new Map();

/**
 * The database a test's SQLite path stands for: the path itself, or under
 * WW_RELAY_STORE=postgres a PostgreSQL database of its own (the same path
 * gives the same database, so a restarted relay finds its data).
 */
export function testDatabase(database) {
  if (!usingPostgres || database === undefined || /^postgres(ql)?:\/\//.test(database)) return Promise.resolve(database);
  if (!postgresDatabases.has(database)) postgresDatabases.set(database, sharedPostgres().then(({ url }) => createDatabase(url)));
  return postgresDatabases.get(database);
}

/** A relay on a free port with test-sized proof of work. */
export async function startTestRelay({ database, env = {}, offset = { seconds: 0 }, logLines = [], ...options } = {}) {
  const config = await readConfig({
    RELAY_PUBLIC_KEYS: demoPublicKey,
    RELAY_ALLOWED_ORIGINS: origin,
    RELAY_PORT: '0',
    RELAY_DB: await testDatabase(database),
    RELAY_POW_COST: '1',
    RELAY_POW_COUNTER_MIN: '5',
    RELAY_POW_COUNTER_MAX: '20',
    RELAY_MIN_FILL_SECONDS: '0',
    RELAY_POW_SECRET: 'test-secret-that-is-long-enough-0123456789',
    ...env,
  });
  const relay = await startRelay(config, {
    now: () => Math.floor(Date.now() / 1000) + offset.seconds,
    log: { info: (l) => logLines.push(l), error: (l) => logLines.push(`error: ${l}`) },
    tickMs: 50,
    notifyRetrySeconds: 0,
    ...options,
  });
  return { relay, config, url: relay.url, offset, logLines };
}

export async function solvedPow(url) {
  const challenge = await (await fetch(`${url}/v1/challenge`, { headers: { origin } })).json();
  const solution = await solveChallenge({ challenge, deriveKey });
  return { challenge, solution };
}

export const sampleMessage = {
  text: 'Ich möchte etwas anderes arbeiten. Können wir sprechen?',
  topic: 'work',
  language: 'ro',
  reply: { method: 'none' },
  formLocale: 'de',
};

export async function sealed(message = sampleMessage, publicKey = demoPublicKey) {
  return seal(await parsePublicKey(publicKey), message);
}

let counter = 0;
export function idempotencyKey() {
  return `test-key-${Date.now().toString(36)}-${(counter++).toString(36).padStart(4, '0')}`;
}

export async function post(url, body, headers = {}) {
  const response = await fetch(`${url}/v1/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  let json = null;
  try {
    json = await response.json();
  } catch {
    /* not JSON */
  }
  return { status: response.status, json, headers: response.headers };
}

export async function submission(url, message) {
  return { envelope: await sealed(message), pow: await solvedPow(url), idempotencyKey: idempotencyKey(), hp: '' };
}

/** Waits until `check` returns true; fails after `ms` (a bound, not a timing assertion). */
export async function eventually(check, ms = 5000) {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

// ---- Conversations by code and the team's inbox ----

export const teamOrigin = 'https://team.beratung.example';
export const credential = 'TEAM1-CREDE-NTIAL-FORTE-STS00';
export const centre = demoPublicKey.split('.')[1];

/** Any request to the relay; `from` is the Origin header (none when null). */
export async function call(url, path, { method = 'POST', body, token, from = origin, headers = {} } = {}) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(from ? { origin: from } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let json = null;
  try {
    json = await response.json();
  } catch {
    /* not JSON */
  }
  return { status: response.status, json, headers: response.headers };
}

/** A person's first message with a new code, as the form sends it. */
export async function startConversation(url, text = sampleMessage.text, headers = {}) {
  const code = (await readCode(await newCode())).code;
  const keys = await deriveKeys(code, centre);
  const message = { ...sampleMessage, text, reply: { method: 'code' } };
  const envelope = await seal(await parsePublicKey(demoPublicKey), message, keys.replyKey);
  const toPerson = await sealTo(keys.recipient, 'person', { v: 1, kind: 'first-contact', ...message, replyKey: keys.replyKey });
  const res = await call(url, '/v1/messages', {
    body: { envelope, pow: await solvedPow(url), idempotencyKey: idempotencyKey(), hp: '', conversation: { mailbox: keys.mailbox, verifier: keys.verifier, toPerson } },
    headers,
  });
  return { code, keys, res };
}

/** The person writes again with the code's keys. */
export async function followUp(url, keys, text, key = idempotencyKey(), headers = {}) {
  const plaintext = { v: 1, kind: 'follow-up', text, formLocale: 'de' };
  const body = {
    mailbox: keys.mailbox,
    secret: keys.secret,
    envelope: await sealTo(await parsePublicKey(demoPublicKey), 'centre', plaintext),
    toPerson: await sealTo(keys.recipient, 'person', plaintext),
    idempotencyKey: key,
  };
  return { body, res: await call(url, '/v1/conversation/messages', { body, headers }) };
}

export const read = (url, keys, headers) => call(url, '/v1/conversation', { body: { mailbox: keys.mailbox, secret: keys.secret }, headers });
export const signIn = async (url, secret = credential, who = centre, headers = {}) => call(url, '/v1/inbox/sessions', { body: { centre: who, credential: secret }, from: teamOrigin, headers });
export const team = (url, path, token, options = {}) => call(url, path, { method: 'GET', token, from: teamOrigin, ...options });

/**
 * Runs SQL on the relay's database (SQLite file or PostgreSQL) behind the
 * relay's back: to check what a store wrote, or to play a relay that tampers.
 * Parameters are `$1`, `$2`… (rewritten to `?` for SQLite, in order).
 */
export async function queryDatabase(database, sql, params = []) {
  const resolved = await testDatabase(database);
  if (/^postgres(ql)?:\/\//.test(resolved)) {
    const client = new pg.Client({ connectionString: resolved });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows;
    } finally {
      await client.end();
    }
  }
  const { default: sqlite } = await import('node-sqlite3-wasm');
  const db = new sqlite.Database(resolved);
  try {
    return db.all(sql.replace(/\$\d+/g, '?'), params);
  } finally {
    db.close();
  }
}
