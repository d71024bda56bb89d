// A web-test-runner plugin that runs real relays for the contact form's
// browser tests: `executeServerCommand('contact-relay', { action, ... })`.
// It can cut the connection of the next message posts, before the relay sees
// them or after it stored them (the answer is lost), to test retries.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

let demoKey = null;
/**
 * The DEMO centre's opened private key, opened once per test run: each opening runs scrypt
 * (N = 2^17), and filling a conversation answers it some twenty times, which took over the
 * 20 s a server command may take on a loaded machine.
 */
async function openedDemoKey() {
  const { openKeyFile } = await import('../dist/index.js');
  const { readFileSync } = await import('node:fs');
  demoKey ??= openKeyFile(JSON.parse(readFileSync(here('../demo/demo-private-key.json'), 'utf8')), 'demo-passphrase-not-secret');
  return demoKey;
}

/**
 * The team answers the newest conversation with a code, as the inbox would:
 * open the first message with the centre's private key, seal the answer to the
 * person's key from it and a copy to the centre.
 */
async function answer(store, text, language, quota = {}, file = null) {
  if (file) return answerWithFile(store, text, language, file);
  const { open, sealTo } = await import('@wegweiser/contact-form/envelope');
  const { personRecipient } = await import('@wegweiser/contact-form/conversation');
  const { parsePublicKey } = await import('@wegweiser/contact-form/public-key');
  const key = await openedDemoKey();
  const items = await store.allItems(key.centre);
  // The newest first message with a code (later items are format version 2 and open differently).
  const first = [...items].reverse().find((i) => i.author === 'person' && i.toPerson && i.toCentre.v === 1);
  const opened = await open(first.toCentre, key.privateKey);
  const plaintext = { v: 1, kind: 'reply', text, language };
  const toPerson = await sealTo(await personRecipient(key.centre, opened.replyKey), 'person', plaintext);
  const toCentre = await sealTo(await parsePublicKey(key.publicKey), 'centre', plaintext);
  const unique = Math.random().toString(36).slice(2);
  return store.addItem(first.conversation, { author: 'centre', toCentre, toPerson, idempotencyKey: `answer-${unique}`, bodyHash: unique }, Math.floor(Date.now() / 1000), 200, quota);
}

/**
 * The team answers the newest conversation with a code and a file (issue 23),
 * as the inbox will: format version 3, sealed with the centre's key and linked
 * after the first message, the file as a blob declared with the answer and
 * written to the store. `file`: `{ name, type, bytes }` with `bytes` as an array of numbers.
 */
async function answerWithFile(store, text, language, file) {
  const { open, sealTo } = await import('@wegweiser/contact-form/envelope');
  const { personRecipient, nextLink } = await import('@wegweiser/contact-form/conversation');
  const { sealAttachments } = await import('@wegweiser/contact-form/attachment-blobs');
  const { parsePublicKey } = await import('@wegweiser/contact-form/public-key');
  const key = await openedDemoKey();
  const centreKey = await parsePublicKey(key.publicKey);
  const items = await store.allItems(key.centre);
  const first = [...items].reverse().find((i) => i.author === 'person' && i.toPerson && i.toCentre.v === 1);
  const opened = await open(first.toCentre, key.privateKey);
  const sealed = await sealAttachments(key.centre, [{ name: file.name, type: file.type, bytes: Uint8Array.from(file.bytes) }]);
  const plaintext = { v: 3, kind: 'reply', text, language, ...(await nextLink(opened.replyKey, [opened])), contentKey: sealed.contentKey, attachments: sealed.attachments };
  const writer = { privateKey: key.privateKey, publicKey: centreKey.publicKey };
  const toPerson = await sealTo(await personRecipient(key.centre, opened.replyKey), 'person', plaintext, writer);
  const toCentre = await sealTo(centreKey, 'centre', plaintext, writer);
  const unique = Math.random().toString(36).slice(2);
  const blobs = sealed.blobs.map(({ id, size, sha256 }) => ({ id, size, sha256 }));
  const result = await store.addItem(first.conversation, { author: 'centre', toCentre, toPerson, idempotencyKey: `answer-${unique}`, bodyHash: unique, blobs }, Math.floor(Date.now() / 1000), 200);
  const { blobChunkBytes } = await import('../dist/store.js');
  for (const blob of sealed.blobs) {
    const upload = await store.beginBlobUpload(blob.id);
    for (let seq = 0; seq * blobChunkBytes < blob.bytes.length; seq++) await store.addBlobChunk(blob.id, upload, seq, blob.bytes.subarray(seq * blobChunkBytes, (seq + 1) * blobChunkBytes));
    await store.finishBlobUpload(blob.id, upload);
  }
  return result;
}

/**
 * Fills one of the relay's byte quotas, as a long conversation or months of use
 * would. `conversation`: real answers to the newest conversation with a code
 * (long ones, then short ones) until not even a short one fits. `store`: first
 * messages with large meaningless ciphertexts (nobody opens them) until the
 * store is full.
 */
async function fill(relay, config, what) {
  const quota = { conversationBytes: config.maxConversationBytes, storeBytes: config.maxStoreBytes };
  if (what === 'conversation') {
    for (const length of [4000, 300]) {
      let result;
      do {
        result = await answer(relay.store, `Antwort zum Auffüllen (Test). ${'x'.repeat(length)}`, 'de', quota);
      } while (result.status === 'stored');
    }
    return true;
  }
  const centre = config.keys[0].centre;
  let added = 0;
  for (const length of [60_000, 1000]) {
    let result;
    do {
      const unique = `fill-${added++}-${Math.random().toString(36).slice(2)}`;
      const filler = { v: 1, centre, ct: 'A'.repeat(length) };
      result = await relay.store.startConversation(centre, null, { author: 'person', toCentre: filler, toPerson: null, idempotencyKey: unique, bodyHash: unique }, Math.floor(Date.now() / 1000), quota);
    } while (result.status === 'stored');
  }
  return added;
}

export function contactRelayPlugin() {
  const relays = new Map();
  let next = 0;

  // `inboxCredential`: turns on the team inbox for the demo centre with this credential, for pages on `origin`.
  // `keyFiles`: more DEMO key files the relay accepts, relative to demo/ (e.g. the network's, 'network/demo-rlp-trier.json').
  // `env`: more RELAY_* settings, e.g. small byte quotas (RELAY_MAX_CONVERSATION_KB, RELAY_MAX_STORE_MB).
  // `coordinator`: `{ name, credential }` of a network's coordination office, kept in the store as `wegweiser-relay coordinator add` keeps it.
  async function start({ origin, minFillSeconds = 0, inboxCredential, coordinator, keyFiles = [], env = {} }) {
    const { readConfig, createRelay, credentialEntry } = await import('../dist/index.js');
    const { readFileSync } = await import('node:fs');
    const demo = JSON.parse(readFileSync(here('../demo/demo-private-key.json'), 'utf8'));
    const more = keyFiles.map((file) => JSON.parse(readFileSync(here(`../demo/${file}`), 'utf8')).publicKey);
    const config = await readConfig({
      RELAY_PUBLIC_KEYS: [demo.publicKey, ...more].join(' '),
      RELAY_ALLOWED_ORIGINS: origin,
      RELAY_DB: join(mkdtempSync(join(tmpdir(), 'ww-wtr-relay-')), 'relay.sqlite'),
      RELAY_POW_COST: '1',
      RELAY_POW_COUNTER_MIN: '5',
      RELAY_POW_COUNTER_MAX: '20',
      RELAY_MIN_FILL_SECONDS: String(minFillSeconds),
      RELAY_RATE_LIMIT_MESSAGES: '1000',
      RELAY_RATE_LIMIT_CHALLENGES: '1000',
      RELAY_LOG: 'quiet',
      ...(inboxCredential || coordinator ? { RELAY_INBOX_ORIGINS: origin, RELAY_RATE_LIMIT_FAILURES: '1000', RELAY_RATE_LIMIT_SIGN_INS: '1000' } : {}),
      ...(inboxCredential ? { RELAY_INBOX_CREDENTIALS: await credentialEntry(demo.publicKey.split('.')[1], inboxCredential) } : {}),
      ...Object.fromEntries(Object.entries(env).filter(([name]) => name.startsWith('RELAY_'))),
    });
    const relay = await createRelay(config, { log: { info() {}, error() {} } });
    if (coordinator) {
      const { parseCredentialEntry } = await import('../dist/team.js');
      const entry = await credentialEntry(coordinator.name, coordinator.credential);
      await relay.store.addCredential({ id: parseCredentialEntry(entry).id, centre: coordinator.name, role: 'coordinator', entry });
    }
    const state = { relay, config, cut: { before: 0, after: 0, blobs: 0, blobsUnavailable: 0 }, posts: 0 };
    const server = createServer((req, res) => {
      // No keep-alive: Chromium silently resends a request whose reused connection
      // drops, which would hide the cut this plugin makes on purpose.
      res.setHeader('Connection', 'close');
      if (req.method === 'POST' && (req.url === '/v1/messages' || req.url === '/v1/conversation/messages')) {
        state.posts++;
        if (state.cut.before > 0) {
          state.cut.before--;
          req.socket.destroy();
          return;
        }
        if (state.cut.after > 0) {
          state.cut.after--;
          // Let the relay store the message, then lose its answer on the way back.
          res.writeHead = () => {
            req.socket.destroy();
            return res;
          };
        }
      }
      // Attachments' uploads (issue 23): cut the connection, or answer 503 as a relay whose database is away.
      if (req.method === 'PUT' && req.url.startsWith('/v1/blobs/')) {
        if (state.cut.blobs > 0) {
          state.cut.blobs--;
          req.socket.destroy();
          return;
        }
        if (state.cut.blobsUnavailable > 0) {
          state.cut.blobsUnavailable--;
          res.writeHead(503, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': req.headers.origin ?? '*' });
          res.end('{"error":"unavailable"}');
          return;
        }
      }
      relay.listener(req, res);
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const id = String(next++);
    relays.set(id, { ...state, server, state });
    return { id, url: `http://127.0.0.1:${server.address().port}`, publicKey: demo.publicKey, publicKeys: more };
  }

  async function stop(id) {
    const entry = relays.get(id);
    if (!entry) return;
    relays.delete(id);
    await new Promise((resolve) => {
      entry.server.close(resolve);
      entry.server.closeAllConnections();
    });
    await entry.relay.close();
  }

  return {
    name: 'contact-relay',
    // @hpke/common's never-taken Node fallback imports "crypto"; give the browser a stand-in.
    resolveImport({ source, context }) {
      if (source === 'crypto' && context.path.includes('/@hpke/')) return '/packages/contact-form/test/node-crypto-stub.js';
      return undefined;
    },
    async executeCommand({ command, payload }) {
      if (command !== 'contact-relay') return undefined;
      const entry = relays.get(payload.id);
      switch (payload.action) {
        case 'start':
          return start(payload);
        case 'cut':
          entry.state.cut = { before: payload.before ?? 0, after: payload.after ?? 0, blobs: payload.blobs ?? 0, blobsUnavailable: payload.blobsUnavailable ?? 0 };
          return true;
        case 'posts':
          return entry.state.posts;
        case 'messages':
          return (await entry.relay.store.allItems()).map((m) => m.toCentre);
        case 'items':
          // What the database holds, for checks that it is ciphertext only.
          return entry.relay.store.allItems();
        case 'answer':
          return answer(entry.relay.store, payload.text, payload.language ?? null, {}, payload.file ?? null);
        case 'fill':
          return fill(entry.relay, entry.state.config, payload.what);
        case 'close':
          return entry.relay.store.setClosed((await entry.relay.store.allItems())[0].conversation, true, Math.floor(Date.now() / 1000));
        case 'decrypt': {
          // In a separate process, with the private key file, as the counselling team would.
          // `keyFile` (relative to demo/): another DEMO centre's key; it throws when that key cannot open every message.
          const envelopes = (await entry.relay.store.allItems()).map((m) => JSON.stringify(m.toCentre));
          const result = spawnSync(process.execPath, [here('../dist/cli.js'), 'decrypt', '--key', here(`../demo/${payload.keyFile ?? 'demo-private-key.json'}`)], {
            input: envelopes.join('\n'),
            encoding: 'utf8',
            env: { ...process.env, WEGWEISER_KEY_PASSPHRASE: 'demo-passphrase-not-secret' },
          });
          if (result.status !== 0) throw new Error(result.stderr);
          return result.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line));
        }
        case 'stop':
          await stop(payload.id);
          return true;
        default:
          throw new Error(`contact-relay: unknown action ${payload.action}`);
      }
    },
    async serverStop() {
      for (const id of [...relays.keys()]) await stop(id);
    },
  };
}
