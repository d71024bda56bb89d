// A small static server for the scenario pages: pages/ at /, the built
// one-file bundle (packages/widgets/dist, from `npm run build`) at /wegweiser/,
// and a real contact relay at /relay/ (started in this process on its first
// request, from packages/contact-relay/dist). Same origin for everything, so
// the widgets need no other host and nothing leaves the machine.
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..', '..');
// WW_SR_DIST points at another build, e.g. a deliberately broken copy to show a scenario failing.
export const distDir = process.env.WW_SR_DIST ?? join(root, 'packages', 'widgets', 'dist');
const mounts = [
  ['/wegweiser/', distDir],
  // The team inbox is not in the one-file bundle: its own browser build (pages/inbox.html).
  ['/inbox-assets/', process.env.WW_SR_INBOX_DIST ?? join(root, 'packages', 'contact-inbox', 'dist', 'browser')],
  ['/', join(here, 'pages')],
];
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

const relayDir = join(root, 'packages', 'contact-relay');
const demoKeyFile = join(relayDir, 'demo', 'demo-private-key.json');
/** The DEMO team credential of the scenario relay's inbox (fictional, like the DEMO key; see pages/inbox.html). */
export const demoInboxCredential = 'DEMOT-EAMCR-EDENT-IALSR-TEST0';

/**
 * A real relay for the DEMO centre, as packages/contact-relay/test/wtr-relay-plugin.mjs
 * makes one: SQLite in a temporary folder, cheap proof of work (the machine is
 * slow and the scenarios are about what is heard, not about the work), no
 * rate limits that a few test sends could reach, the team inbox on with the
 * DEMO credential. Only this server's origin may use it.
 */
async function startRelay(origin) {
  const { readConfig, createRelay, credentialEntry } = await import(pathToFileURL(join(relayDir, 'dist', 'index.js')).href);
  const demo = JSON.parse(readFileSync(demoKeyFile, 'utf8'));
  const dir = mkdtempSync(join(tmpdir(), 'ww-sr-relay-'));
  const config = await readConfig({
    RELAY_PUBLIC_KEYS: demo.publicKey,
    RELAY_ALLOWED_ORIGINS: origin,
    RELAY_INBOX_ORIGINS: origin,
    RELAY_INBOX_CREDENTIALS: await credentialEntry(demo.publicKey.split('.')[1], demoInboxCredential),
    RELAY_DB: join(dir, 'relay.sqlite'),
    RELAY_POW_COST: '1',
    RELAY_POW_COUNTER_MIN: '5',
    RELAY_POW_COUNTER_MAX: '20',
    RELAY_MIN_FILL_SECONDS: '0',
    RELAY_RATE_LIMIT_MESSAGES: '1000',
    RELAY_RATE_LIMIT_CHALLENGES: '1000',
    RELAY_RATE_LIMIT_FAILURES: '1000',
    RELAY_RATE_LIMIT_SIGN_INS: '1000',
    RELAY_LOG: 'quiet',
  });
  const relay = await createRelay(config, { log: { info() {}, error() {} } });
  return {
    relay,
    /** The team answers the newest conversation that has a code, as the inbox would (see wtr-relay-plugin.mjs). */
    async answer(text) {
      const { openKeyFile } = await import(pathToFileURL(join(relayDir, 'dist', 'index.js')).href);
      const { open, sealTo } = await import('@wegweiser/contact-form/envelope');
      const { personRecipient } = await import('@wegweiser/contact-form/conversation');
      const { parsePublicKey } = await import('@wegweiser/contact-form/public-key');
      const key = await openKeyFile(demo, 'demo-passphrase-not-secret');
      const items = await relay.store.allItems(key.centre);
      // The newest message of the person with a code (the team's answers carry toPerson too).
      const first = [...items].reverse().find((i) => i.author === 'person' && i.toPerson && i.toCentre.v === 1);
      if (!first) throw new Error('the scenario relay holds no message with a code to answer');
      const opened = await open(first.toCentre, key.privateKey);
      const plaintext = { v: 1, kind: 'reply', text, language: null };
      const toPerson = await sealTo(await personRecipient(key.centre, opened.replyKey), 'person', plaintext);
      const toCentre = await sealTo(await parsePublicKey(key.publicKey), 'centre', plaintext);
      const unique = Math.random().toString(36).slice(2);
      return relay.store.addItem(first.conversation, { author: 'centre', toCentre, toPerson, idempotencyKey: `answer-${unique}`, bodyHash: unique }, Math.floor(Date.now() / 1000), 200);
    },
    /**
     * A person's first message with "answer by code", sent to the relay over HTTP as the form
     * sends it (sealed to the DEMO key, the person's copy and mailbox from a fresh code, a solved
     * proof of work), so that the inbox has a conversation to open and answer. Resolves to the
     * person's code, as the form shows it.
     */
    async receive(text) {
      const { seal, sealTo, firstContact } = await import('@wegweiser/contact-form/envelope');
      const { newCode, readCode, deriveKeys } = await import('@wegweiser/contact-form/conversation');
      const { parsePublicKey } = await import('@wegweiser/contact-form/public-key');
      const { solveChallenge } = await import('altcha-lib');
      const { deriveKey } = await import('altcha-lib/algorithms/pbkdf2');
      const key = await parsePublicKey(demo.publicKey);
      const code = await newCode();
      const keys = await deriveKeys((await readCode(code)).code, key.centre);
      const message = { text, topic: 'housing', language: 'de', reply: { method: 'code' }, formLocale: 'de' };
      const envelope = await seal(key, message, keys.replyKey);
      const toPerson = await sealTo(keys.recipient, 'person', firstContact(message, keys.replyKey));
      const headers = { origin, 'content-type': 'application/json' };
      const challenge = await (await fetch(`${origin}/relay/v1/challenge`, { headers })).json();
      const pow = { challenge, solution: await solveChallenge({ challenge, deriveKey }) };
      const body = { envelope, pow, idempotencyKey: `scenario-${Math.random().toString(36).slice(2)}`.padEnd(16, '0'), hp: '', conversation: { mailbox: keys.mailbox, verifier: keys.verifier, toPerson } };
      const response = await fetch(`${origin}/relay/v1/messages`, { method: 'POST', headers, body: JSON.stringify(body) });
      if (!response.ok) throw new Error(`the scenario relay refused the message: ${response.status} ${await response.text()}`);
      return code;
    },
    async close() {
      await relay.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Starts the server on a free port of 127.0.0.1; resolves to { origin, relay(), close }. */
export async function startServer() {
  if (!existsSync(join(distDir, 'wegweiser.js'))) throw new Error(`${distDir}/wegweiser.js is missing: run \`npm run build\` first`);
  let origin;
  let relay;
  /** The relay, started on first use (most scenarios send nothing). */
  const relayStarted = () => (relay ??= startRelay(origin));
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    if (path === '/relay' || path.startsWith('/relay/')) {
      // The relay's own routes (/v1/…) behind the prefix, as a reverse proxy would mount it.
      const { relay: app } = await relayStarted();
      request.url = request.url.slice('/relay'.length) || '/';
      app.listener(request, response);
      return;
    }
    for (const [prefix, dir] of mounts) {
      if (!path.startsWith(prefix)) continue;
      const file = normalize(join(dir, path.slice(prefix.length) || 'index.html'));
      if (!file.startsWith(dir + sep) && file !== dir) break;
      try {
        const body = await readFile(file);
        response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
        response.end(body);
        return;
      } catch {
        break;
      }
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    relay: relayStarted,
    close: async () => {
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
      if (relay) await (await relay).close();
    },
  };
}
