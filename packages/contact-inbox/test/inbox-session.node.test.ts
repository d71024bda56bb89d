// The inbox's session without a browser (inbox-session.ts): signing in, the key file, the list
// and its arrivals, decrypting and checking a conversation, answers sealed once and sent again
// unchanged, and locking. Messages are sealed here as the form seals them, to the DEMO key;
// `fetch` is a small stand-in for the relay's /v1/inbox API that records what it is sent.
import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { seal, type Envelope } from '@wegweiser/contact-form/envelope';
import { deriveKeys, newCode, readCode } from '@wegweiser/contact-form/conversation';
import { parsePublicKey } from '@wegweiser/contact-form/public-key';
import { AnswerNotSealedError, InboxSession } from '../src/inbox-session.js';
import { InboxError, type Conversation, type ConversationItem } from '../src/inbox-client.js';

const demoKeyText = readFileSync(new URL('../../contact-relay/demo/demo-private-key.json', import.meta.url), 'utf8');
const demoPublicKey = (JSON.parse(demoKeyText) as { publicKey: string }).publicKey;
const centre = 'demo-beratungsstelle';
const passphrase = 'demo-passphrase-not-secret';
const relayUrl = 'https://relay.example/';

/** A person's first message with a code, as the form seals it to the centre. */
async function firstMessage(text: string): Promise<Envelope> {
  const code = (await readCode(await newCode())) as { code: string };
  const keys = await deriveKeys(code.code, centre);
  return seal(await parsePublicKey(demoPublicKey), { text, topic: 'work', language: 'ro', reply: { method: 'code' }, formLocale: 'de' }, keys.replyKey);
}

interface Request {
  method: string;
  path: string;
  body: unknown;
  authorization: string | null;
}

/** The relay as the session sees it: conversations by id, what was asked, and a switch to fail replies. */
class FakeRelay {
  conversations = new Map<string, Conversation>();
  requests: Request[] = [];
  role: 'team' | 'coordinator' = 'team';
  /** The next replies answer 503 (a relay whose database is away) this many times. */
  failReplies = 0;

  add(id: string, first: Envelope, status: Conversation['status'] = 'new', updatedAt = 100): Conversation {
    const conversation: Conversation = { id, centre, status, createdAt: 100, updatedAt, itemCount: 1, canReply: true, first, items: [{ id: `${id}-1`, author: 'person', at: 100, envelope: first }] };
    this.conversations.set(id, conversation);
    return conversation;
  }

  /** Blob id → its bytes as uploaded; `failUploads`: the next uploads answer 503. */
  blobs = new Map<string, Uint8Array>();
  failUploads = 0;

  readonly fetch = async (input: string | URL | globalThis.Request, init: RequestInit = {}): Promise<Response> => {
    const path = new URL(String(input)).pathname;
    const method = init.method ?? 'GET';
    if (method === 'PUT' && path.startsWith('/v1/blobs/')) {
      this.requests.push({ method, path, body: null, authorization: null });
      if (this.failUploads > 0) {
        this.failUploads--;
        return new Response('{"error":"unavailable"}', { status: 503 });
      }
      this.blobs.set(path.slice('/v1/blobs/'.length), new Uint8Array(init.body as Uint8Array));
      return new Response('{"status":"stored"}', { status: 200 });
    }
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    const authorization = new Headers(init.headers).get('Authorization');
    this.requests.push({ method, path, body, authorization });
    const json = (status: number, value: unknown) => new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json' } });
    if (method === 'POST' && path === '/v1/inbox/sessions') {
      return (body as { credential: string }).credential === 'right' ? json(200, { token: 'token-1', expiresAt: 999, role: this.role }) : json(401, { error: 'sign-in-failed' });
    }
    if (authorization !== 'Bearer token-1') return json(401, { error: 'signed-out' });
    if (method === 'DELETE' && path === '/v1/inbox/sessions/current') return json(200, {});
    if (method === 'GET' && path === '/v1/inbox/conversations') return json(200, { conversations: [...this.conversations.values()].map((conversation) => ({ ...conversation, items: undefined })) });
    const match = /^\/v1\/inbox\/conversations\/([^/]+)(\/replies)?$/.exec(path);
    const conversation = match ? this.conversations.get(decodeURIComponent(match[1]!)) : undefined;
    if (!conversation) return json(404, { error: 'not-found' });
    if (method === 'GET') return json(200, conversation);
    if (method === 'POST' && match![2]) {
      if (this.failReplies > 0) {
        this.failReplies--;
        return json(503, { error: 'unavailable' });
      }
      const { toCentre } = body as { toCentre: Envelope };
      conversation.items.push({ id: `${conversation.id}-${conversation.items.length + 1}`, author: 'centre', at: 200, envelope: toCentre });
      conversation.status = 'answered';
      return json(200, { status: 'stored' });
    }
    return json(405, { error: 'method' });
  };
}

let relay: FakeRelay;
const realFetch = globalThis.fetch;
beforeEach(() => {
  relay = new FakeRelay();
  globalThis.fetch = relay.fetch as typeof fetch;
});
afterEach(() => {
  globalThis.fetch = realFetch;
});

function newSession(reports: string[] = []): InboxSession {
  const session = new InboxSession({ changed: () => {}, report: (code) => reports.push(code) });
  session.useRelay(relayUrl);
  return session;
}

/** Signed in and the DEMO key open. */
async function openSession(reports: string[] = []): Promise<InboxSession> {
  const session = newSession(reports);
  assert.equal(await session.signIn(centre, 'right'), 'team');
  assert.equal(await session.openKey(demoKeyText, passphrase, false, () => {}), null);
  return session;
}

/** Waits for the background decryption that loading the list starts. */
async function decrypted(session: InboxSession, ciphertexts: string[]): Promise<void> {
  for (let round = 0; round < 200 && ciphertexts.some((ciphertext) => !session.opened.has(ciphertext)); round++) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('inbox session (no browser)', () => {
  it('signs in, refuses a wrong credential, and opens only the signed-in centre’s key', async () => {
    const session = newSession();
    await assert.rejects(session.signIn(centre, 'wrong'), (error: InboxError) => error.kind === 'sign-in-failed');
    assert.equal(session.signedIn, null);
    assert.equal(await session.signIn('beratung-anderswo', 'right'), 'team');
    assert.deepEqual(session.signedIn, { centre: 'beratung-anderswo', expiresAt: 999 });
    assert.deepEqual(await session.openKey(demoKeyText, passphrase, false, () => {}), { refused: 'other-centre', centre });
    // Read through a function: the assertions below would otherwise narrow `session.key` for good.
    const openKey = () => session.key;
    assert.equal(openKey(), null, 'another centre’s key is not kept');
    await session.signIn(centre, 'right');
    const progress: number[] = [];
    assert.equal(await session.openKey(demoKeyText, passphrase, false, (fraction) => progress.push(fraction)), null);
    assert.equal(openKey()?.centre, centre);
    assert.ok(progress.length > 1, 'the key file reports its progress');
    assert.deepEqual(await session.openKey(demoKeyText, passphrase, true, () => {}), { refused: 'already-open' }, 'the same key is not opened twice');
    assert.equal(session.olderKeys.length, 0);
  });

  it('gives a coordinator no key', async () => {
    relay.role = 'coordinator';
    const session = newSession();
    assert.equal(await session.signIn(centre, 'right'), 'coordinator');
    assert.equal(session.key, null);
  });

  it('loads the list, decrypts the first messages and counts only what is new since the last load', async () => {
    const reports: string[] = [];
    const session = await openSession(reports);
    const first = await firstMessage('Ich möchte etwas anderes arbeiten.');
    relay.add('a', first);
    relay.add('b', await firstMessage('Schon beantwortet.'), 'answered');
    assert.equal(await session.loadList(), 1, 'one new conversation');
    await decrypted(session, [first.ct]);
    const opened = session.opened.get(first.ct);
    assert.equal(opened?.kind, 'first-contact');
    assert.equal(opened?.text, 'Ich möchte etwas anderes arbeiten.');
    assert.equal(await session.loadList(), 0, 'nothing arrived since');
    relay.conversations.get('a')!.updatedAt = 160;
    assert.equal(await session.loadList(), 1, 'a new message in it counts again');
    // A message sealed to another key does not open: said once, shown as such.
    relay.add('c', { ...first, ct: first.ct.slice(0, -8) + 'AAAAAAAA' });
    await session.loadList();
    await decrypted(session, [first.ct.slice(0, -8) + 'AAAAAAAA']);
    assert.equal(session.opened.get(first.ct.slice(0, -8) + 'AAAAAAAA'), null);
    assert.deepEqual(reports, ['contact-inbox/undecryptable']);
  });

  it('answers a conversation; a failed send is sent again with the same envelopes and idempotency key', async () => {
    const session = await openSession();
    relay.add('a', await firstMessage('Wann kann ich kommen?'));
    const conversation = (await session.loadConversation('a', () => true))!;
    await session.checked;
    assert.equal(session.answeringStopped(conversation), false);
    assert.equal(InboxSession.suggestedLanguage(session.firstOf(conversation)), 'ro');

    relay.failReplies = 1;
    await assert.rejects(session.sendReply(conversation, 'Dienstag um 10 Uhr.', 'de'), (error: InboxError) => error.kind === 'unavailable');
    assert.equal(await session.sendReply(conversation, 'Dienstag um 10 Uhr.', 'de'), 'sent');
    const replies = relay.requests.filter((request) => request.path.endsWith('/replies')).map((request) => request.body);
    assert.equal(replies.length, 2);
    assert.deepEqual(replies[1], replies[0], 'the retry sends what was sealed the first time');

    // The answer opens for the team and holds its place after the first message.
    const reloaded = (await session.loadConversation('a', () => true))!;
    await session.checked;
    const answer = session.opened.get(reloaded.items[1]!.envelope.ct);
    assert.equal(answer?.kind, 'reply');
    assert.equal(answer?.text, 'Dienstag um 10 Uhr.');
    assert.equal(session.intact.get(reloaded.items[1]!.id), true);

    // Another text is sealed anew: a new idempotency key.
    await session.sendReply(reloaded, 'Oder Mittwoch.', 'de');
    const last = relay.requests.filter((request) => request.path.endsWith('/replies')).at(-1)!.body as { idempotencyKey: string };
    assert.notEqual(last.idempotencyKey, (replies[0] as { idempotencyKey: string }).idempotencyKey);
  });

  it('sends an answer’s files after it, encrypted; a retry uploads only what the relay does not have', async () => {
    const session = await openSession();
    relay.add('a', await firstMessage('Schicken Sie mir das Formular?'));
    const conversation = (await session.loadConversation('a', () => true))!;
    await session.checked;
    const form = new TextEncoder().encode('%PDF-1.4\nAntrag (erfunden)\n%%EOF\n');
    const photo = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const files = [
      { id: 'file-1', name: 'Antrag.pdf', type: 'application/pdf' as const, bytes: form },
      { id: 'file-2', name: 'Foto 1.png', type: 'image/png' as const, bytes: photo },
    ];
    relay.failUploads = 1;
    await assert.rejects(session.sendReply(conversation, 'Hier ist das Formular.', 'de', files), (error: InboxError) => error.kind === 'unavailable');
    assert.equal(await session.sendReply(conversation, 'Hier ist das Formular.', 'de', files), 'sent');
    const replies = relay.requests.filter((request) => request.path.endsWith('/replies'));
    assert.equal(replies.length, 1, 'the stored answer is not sent again');
    const declared = (replies[0]!.body as { blobs: { id: string; size: number }[] }).blobs;
    assert.equal(declared.length, 2);
    assert.deepEqual(
      relay.requests.filter((request) => request.method === 'PUT').map((request) => request.path),
      [`/v1/blobs/${declared[0]!.id}`, `/v1/blobs/${declared[0]!.id}`, `/v1/blobs/${declared[1]!.id}`],
      'the first file once more after the 503, then the second',
    );
    for (const { id, size } of declared) assert.equal(relay.blobs.get(id)?.length, size, 'the upload is the declared blob');
    assert.ok(!Buffer.from(relay.blobs.get(declared[0]!.id)!).includes(Buffer.from('Antrag')), 'the relay gets no plaintext of a file');

    // The team opens its own answer: version 3, and each file opens to the bytes it added.
    const reloaded = (await session.loadConversation('a', () => true))!;
    await session.checked;
    const answer = session.opened.get(reloaded.items[1]!.envelope.ct);
    assert.ok(answer?.kind === 'reply' && answer.v === 3, 'an answer with files is format version 3');
    assert.equal(session.intact.get(reloaded.items[1]!.id), true);
    const { openAttachment } = await import('@wegweiser/contact-form/attachment-blobs');
    const opened = await Promise.all(answer.attachments.map((attachment, index) => openAttachment(centre, answer.contentKey, answer.attachments, index, relay.blobs.get(attachment.blob)!)));
    assert.deepEqual(opened, [form, photo]);
    assert.deepEqual(
      answer.attachments.map((attachment) => attachment.name),
      ['Antrag.pdf', 'Foto 1.png'],
    );
  });

  it('stops answering when the first message changes after it was pinned', async () => {
    const reports: string[] = [];
    const session = await openSession(reports);
    relay.add('a', await firstMessage('Erste Nachricht.'));
    await session.loadConversation('a', () => true);
    await session.checked;
    // The relay swaps the first message for another person's: another reply key.
    const swapped = await firstMessage('Untergeschoben.');
    const conversation = relay.conversations.get('a')!;
    conversation.items = [{ ...conversation.items[0]!, envelope: swapped } as ConversationItem];
    const reloaded = (await session.loadConversation('a', () => true))!;
    await session.checked;
    assert.equal(session.answeringStopped(reloaded), true);
    assert.deepEqual(reports, ['contact-inbox/unverified']);
    assert.equal(await session.sendReply(reloaded, 'Antwort.', null), 'stopped');
    assert.equal(relay.requests.filter((request) => request.path.endsWith('/replies')).length, 0, 'nothing is sent');
  });

  it('says that an answer could not be encrypted, and sends nothing', async () => {
    const session = await openSession();
    relay.add('a', await firstMessage('Hallo.'));
    const conversation = (await session.loadConversation('a', () => true))!;
    await session.checked;
    // The format refuses an empty answer when sealing.
    await assert.rejects(session.sendReply(conversation, '', null), AnswerNotSealedError);
    assert.equal(relay.requests.filter((request) => request.path.endsWith('/replies')).length, 0);
  });

  it('locks: the key’s bytes are zeroed, everything is forgotten and the relay ends the session', async () => {
    const session = await openSession();
    relay.add('a', await firstMessage('Hallo.'));
    await session.loadList();
    const privateKey = session.key!.privateKey;
    await session.lock();
    assert.ok(privateKey.every((byte) => byte === 0), 'the private key is zeroed');
    assert.equal(session.key, null);
    assert.equal(session.signedIn, null);
    assert.equal(session.conversations.length, 0);
    assert.equal(session.opened.size, 0);
    assert.equal(session.client!.token, null);
    const signOut = relay.requests.at(-1)!;
    assert.deepEqual([signOut.method, signOut.path, signOut.authorization], ['DELETE', '/v1/inbox/sessions/current', 'Bearer token-1']);
  });

  it('forgets everything for another relay, and nothing for the same one', async () => {
    const session = await openSession();
    assert.equal(session.useRelay(relayUrl), false);
    assert.ok(session.key);
    assert.equal(session.useRelay('https://other-relay.example/'), true);
    assert.equal(session.key, null);
    assert.equal(session.client!.relay, 'https://other-relay.example/');
  });
});
