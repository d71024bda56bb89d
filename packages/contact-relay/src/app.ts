/**
 * The relay's HTTP interface (Hono). docs/contact-conversations.md describes
 * the protocol; in short:
 *
 * For the person (pages on RELAY_ALLOWED_ORIGINS):
 * - `GET  /health`                   → 200 `{"status":"ok"}`, or 503 when the store does not answer.
 * - `GET  /v1/challenge`             → an ALTCHA proof-of-work challenge.
 * - `POST /v1/messages`              → a first message `{ envelope, pow, idempotencyKey, hp, conversation? }`;
 *   with `conversation: { mailbox, verifier, toPerson }` it opens a mailbox for answers by code.
 *   201 when stored, 200 when the same message (same idempotency key) was stored before.
 * - `POST /v1/conversation`          → `{ mailbox, secret }`: the conversation's envelopes for the person.
 * - `POST /v1/conversation/messages` → `{ mailbox, secret, envelope, toPerson, idempotencyKey }`: write again.
 * - `POST /v1/conversation/delete`   → `{ mailbox, secret }`: the person deletes the conversation.
 * - `POST /v1/conversation/blob`     → `{ mailbox, secret, blob }`: an attachment's blob of the conversation (bytes).
 * - `PUT  /v1/blobs/:id`             → the bytes of an attachment's blob (issue 23), after the item that declared it
 *   (`blobs: [{ id, size, sha256 }]` beside a version-3 envelope, on any of the routes that store an item).
 *   201 when stored, 200 when it was stored before; the length and SHA-256 must be the declared ones.
 *   A wrong code and an unknown mailbox get the same answer (403 `code-unknown`); every attempt is counted
 *   before the code is looked up, and a right one is given back.
 *
 * For the counselling team (the relay's own /inbox/ page, or pages on RELAY_INBOX_ORIGINS),
 * with `Authorization: Bearer <token>` after signing in:
 * - `POST   /v1/inbox/sessions`                    → `{ centre, credential }` → `{ token, expiresAt }`.
 * - `DELETE /v1/inbox/sessions/current`            → signs out.
 * - `GET    /v1/inbox/conversations[?status=…]`    → the centre's conversations (summaries).
 * - `GET    /v1/inbox/conversations/:id`           → one conversation with every item for the centre.
 * - `POST   /v1/inbox/conversations/:id/replies`   → `{ toPerson, toCentre, idempotencyKey }`.
 * - `POST   /v1/inbox/conversations/:id/status`    → `{ closed: boolean }`.
 * - `DELETE /v1/inbox/conversations/:id`           → deletes it with every item.
 * - `GET    /v1/inbox/figures`                     → the centre's own figures, month by month, exact.
 * - `GET    /v1/inbox/blobs/:id`                   → an attachment's blob of one of the centre's conversations (bytes).
 *
 * For the network's coordination office (a coordinator credential, `wegweiser-relay coordinator add`),
 * signing in the same way: only
 * - `GET    /v1/inbox/network-figures`             → every centre side by side and the sum, counts below 5 suppressed;
 * every other inbox route answers it 403 `figures-only`, and the team's figures route too.
 *
 * Errors are `{"error": "<code>"}` with a stable code the elements understand.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono, type Context, type Next } from 'hono';
import { cors } from 'hono/cors';
import { getConnInfo } from '@hono/node-server/conninfo';
import { checkEnvelope, type Envelope } from '@wegweiser/contact-form/envelope';
import { blobIdPattern, checkDeclarations, type BlobDeclaration } from '@wegweiser/contact-form/attachment-blobs';
import type { RelayConfig } from './config.js';
import { blobChunkBytes, type InsertResult, type NewItem, type Store, type StoredBlob } from './store.js';
import type { Log } from './log.js';
import { RateLimits } from './rate-limit.js';
import { checkSolution, issueChallenge } from './pow.js';
import { SpentChallenges } from './spent-challenges.js';
import { limitBodyBytes } from './body-limit.js';
import { newSessionToken, tokenHash } from './team.js';
import { mountInboxPage } from './inbox-page.js';
import { CentreDirectory } from './centres.js';
import { networkFigures, teamFigures } from './figures.js';
import type { CredentialRole } from './store.js';

export type ErrorCode =
  | 'malformed'
  | 'too-large'
  | 'unsupported-media-type'
  | 'origin-not-allowed'
  | 'unknown-key'
  | 'rejected'
  | 'pow-invalid'
  | 'pow-expired'
  | 'pow-replayed'
  | 'too-fast'
  | 'idempotency-conflict'
  /** An attachment's upload that is not the declared blob (length or SHA-256). */
  | 'blob-mismatch'
  | 'code-unknown'
  | 'conversation-full'
  | 'conversation-too-large'
  | 'storage-full'
  | 'no-mailbox'
  | 'sign-in-failed'
  | 'signed-out'
  | 'inbox-off'
  | 'rate-limited'
  | 'unavailable'
  | 'not-found'
  /** A coordinator's session on a route for a centre's team, or a team's on the network's figures. */
  | 'figures-only';

export interface AppOptions {
  config: RelayConfig;
  store: Store;
  log: Log;
  /** Unix seconds; tests may move time. */
  now: () => number;
  /** Called after a person's message was stored (the notifier runs then). */
  onStored?: () => void;
  /** The rate limiters' home; the relay prunes them on its timer. */
  limits?: RateLimits;
}

type Status = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503 | 507;
type Body = Record<string, unknown>;

const idempotencyPattern = /^[A-Za-z0-9_-]{16,64}$/;
const mailboxPattern = /^[A-Za-z0-9_-]{22}$/;
const secretPattern = /^[A-Za-z0-9_-]{43}$/;
const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');
// Compared against when a mailbox does not exist, so both cases take the same work.
const absentVerifier = sha256('no mailbox');

/** Exactly the envelope's fields, nothing a client slipped in beside them; null when malformed. */
function envelopeOf(value: unknown): Envelope | null {
  if (checkEnvelope(value).length || Object.keys(value as object).length !== 6) return null;
  const e = value as Envelope;
  return { v: e.v, centre: e.centre, kid: e.kid, suite: e.suite, enc: e.enc, ct: e.ct };
}

/**
 * The blobs declared beside an item's envelopes: exactly a well-formed list
 * with a version-3 envelope (which carries attachments), none otherwise; null
 * when malformed.
 */
function blobsOf(value: unknown, ...envelopes: (Envelope | null)[]): BlobDeclaration[] | undefined | null {
  const attached = envelopes.filter((e) => e !== null).map((e) => e.v === 3);
  if (value === undefined) return attached.some(Boolean) ? null : undefined;
  if (!attached.every(Boolean) || checkDeclarations(value).length) return null;
  return (value as BlobDeclaration[]).map(({ id, size, sha256 }) => ({ id, size, sha256 }));
}

/** Only these fields, `required` among them. */
function hasFields(body: Body, required: string[], optional: string[] = []): boolean {
  return required.every((k) => k in body) && Object.keys(body).every((k) => required.includes(k) || optional.includes(k));
}

export function createApp({ config, store, log, now, onStored, limits = new RateLimits(config.rateLimitIpv6Prefix) }: AppOptions): Hono {
  const app = new Hono();
  const challengeLimit = limits.limiter(config.rateLimitChallenges);
  const messageLimit = limits.limiter(config.rateLimitMessages);
  // Wrong codes and team sign-ins are counted apart: a shared office address
  // where someone mistypes codes must not lock the team out of its inbox.
  const codeFailureLimit = limits.limiter(config.rateLimitFailures);
  const signInLimit = limits.limiter(config.rateLimitSignIns);
  const signInCentreLimit = limits.limiter(config.rateLimitSignInsPerCentre);
  const conversationLimit = limits.limiter(config.rateLimitConversation);
  const followUpLimit = limits.limiter(config.rateLimitFollowUps);
  const spentChallenges = new SpentChallenges();
  const quota = { conversationBytes: config.maxConversationBytes, storeBytes: config.maxStoreBytes };
  const directory = new CentreDirectory(config, store);
  const allowed = new Set(config.allowedOrigins);
  const inboxAllowed = new Set(config.inboxOrigins);

  const fail = (c: Context, status: Status, error: ErrorCode) => c.json({ error }, status);
  const isCentreKey = (e: Envelope) => directory.knowsKey(e.centre, e.kid);

  const clientAddress = (c: Context): string => {
    if (config.trustProxy) {
      // The last entry is the one our own proxy appended; earlier ones are the client's word.
      const forwarded = c.req.header('x-forwarded-for')?.split(',').pop()?.trim();
      if (forwarded) return forwarded;
    }
    try {
      return getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      return 'unknown';
    }
  };

  /** The JSON body as an object, or a failure response. */
  const readBody = async (c: Context): Promise<Body | Response> => {
    if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) return fail(c, 415, 'unsupported-media-type');
    try {
      const body = (await c.req.json()) as unknown;
      if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as Body;
    } catch {
      /* answered below */
    }
    return fail(c, 400, 'malformed');
  };

  const stored = (c: Context, result: InsertResult) => {
    switch (result.status) {
      case 'stored':
        return c.json({ status: 'stored' }, 201);
      case 'duplicate':
        return c.json({ status: 'stored' }, 200);
      case 'conflict':
        return fail(c, 409, 'idempotency-conflict');
      case 'mailbox-taken':
        // Said like any other refusal: the answer must not tell whether a mailbox exists.
        return fail(c, 422, 'rejected');
      case 'full':
        return fail(c, 409, 'conversation-full');
      case 'too-large':
        return fail(c, 413, 'conversation-too-large');
      case 'store-full':
        return fail(c, 507, 'storage-full');
      case 'not-found':
        return fail(c, 404, 'not-found');
    }
  };

  const newItem = (author: NewItem['author'], toCentre: Envelope, toPerson: Envelope | null, key: string, blobs?: BlobDeclaration[]): NewItem => ({
    author,
    toCentre,
    toPerson,
    idempotencyKey: sha256(key),
    // The blobs are part of what a retry must repeat; items without them hash as before.
    bodyHash: sha256(JSON.stringify(blobs ? [toCentre, toPerson, blobs] : [toCentre, toPerson])),
    ...(blobs ? { blobs } : {}),
  });

  /**
   * Streams a complete blob out chunk by chunk, each read from the store when
   * the connection wants the next (highWaterMark 0): one chunk in memory at a time.
   */
  const sendBlob = (c: Context, blob: StoredBlob) => {
    let seq = 0;
    const stream = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          const chunk = await store.blobChunk(blob.id, seq++);
          if (chunk) controller.enqueue(chunk);
          else controller.close();
        },
      },
      { highWaterMark: 0 },
    );
    return c.body(stream, 200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(blob.size) });
  };

  // Set before the route runs, so that Hono builds every response with them:
  // set on a finished response, each header copied it into a new Response
  // (seven per request, garbage under the flood of issue 20). The inbox page
  // sets its own Content-Security-Policy over this one.
  app.use('*', async (c, next) => {
    c.header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    c.header('Strict-Transport-Security', 'max-age=31536000');
    c.header('Cache-Control', 'no-store');
    await next();
  });

  // Any store failure is a calm 503 that the elements retry; the log says why.
  app.onError((error, c) => {
    log.error(`unexpected: ${error.message}`);
    return fail(c, 503, 'unavailable');
  });

  /**
   * Whether a page of `origin` may use the inbox API: the teams' own pages
   * (RELAY_INBOX_ORIGINS) and the relay's /inbox/ page at RELAY_PUBLIC_ORIGIN.
   * The Host header is the client's word (a page on any domain pointed at the
   * relay sends its own), so it counts only when no public origin is set and
   * it names a loopback address opened over http: development and the demo.
   */
  const inboxOriginAllowed = (c: Context, origin: string) => {
    if (inboxAllowed.has(origin) || origin === config.publicOrigin) return true;
    const host = c.req.header('host') ?? '';
    return config.publicOrigin === null && /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\]):\d+$/.test(host) && origin === `http://${host}`;
  };

  // The team's inbox: its own origins, plus the relay's own /inbox/ page.
  app.use(
    '/v1/inbox/*',
    cors({
      origin: (origin, c) => (inboxOriginAllowed(c, origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'DELETE'],
      allowHeaders: ['Content-Type', 'Authorization'],
      maxAge: 600,
    }),
  );
  // Sign-in attempts are counted per address before anything that costs (issue 20):
  // a flood of them is answered 429 before a store query, also on a relay whose
  // credentials are all in the store (the inbox-on check below reads them).
  // One that succeeds is given back.
  app.post('/v1/inbox/sessions', async (c, next) => {
    if (!signInLimit.take(clientAddress(c), now())) return fail(c, 429, 'rate-limited');
    return next();
  });
  app.use('/v1/inbox/*', async (c, next) => {
    const origin = c.req.header('origin');
    if (origin !== undefined && !inboxOriginAllowed(c, origin)) return fail(c, 403, 'origin-not-allowed');
    if (!(await directory.inboxOn(now()))) return fail(c, 404, 'inbox-off');
    return next();
  });

  // Browsers enforce CORS on reading the answer; refusing here too means a page
  // elsewhere cannot even make a visitor's browser deliver a message.
  const personCors = cors({ origin: (origin) => (allowed.has(origin) ? origin : null), allowMethods: ['GET', 'POST'], allowHeaders: ['Content-Type'], maxAge: 600 });
  const personOrigin = async (c: Context, next: Next) => {
    const origin = c.req.header('origin');
    if (origin !== undefined && !allowed.has(origin)) return fail(c, 403, 'origin-not-allowed');
    return next();
  };
  // Each path once: a wildcard such as /v1/conversation/* also matches /v1/conversation, and the checks ran twice.
  for (const path of ['/v1/challenge', '/v1/messages', '/v1/conversation', '/v1/conversation/messages', '/v1/conversation/delete', '/v1/conversation/blob']) app.use(path, personCors, personOrigin);
  // Blobs are uploaded by the person's form and by the team's inbox (answers with attachments).
  const blobOriginAllowed = (c: Context, origin: string) => allowed.has(origin) || inboxOriginAllowed(c, origin);
  app.use(
    '/v1/blobs/*',
    cors({ origin: (origin, c) => (blobOriginAllowed(c, origin) ? origin : null), allowMethods: ['PUT'], allowHeaders: ['Content-Type'], maxAge: 600 }),
    async (c, next) => {
      const origin = c.req.header('origin');
      if (origin !== undefined && !blobOriginAllowed(c, origin)) return fail(c, 403, 'origin-not-allowed');
      return next();
    },
  );

  const limitBody = limitBodyBytes(config.maxBodyBytes, (c) => fail(c, 413, 'too-large'));

  app.get('/health', async (c) => ((await store.ping()) ? c.json({ status: 'ok' }) : c.json({ status: 'unavailable' }, 503)));

  app.get('/v1/challenge', async (c) => {
    if (!challengeLimit.take(clientAddress(c), now())) return fail(c, 429, 'rate-limited');
    return c.json(await issueChallenge(config, now()));
  });

  app.post('/v1/messages', limitBody, async (c) => {
    if (!messageLimit.take(clientAddress(c), now())) return fail(c, 429, 'rate-limited');
    const body = await readBody(c);
    if (body instanceof Response) return body;
    if (!hasFields(body, ['envelope', 'pow', 'idempotencyKey'], ['hp', 'conversation', 'blobs'])) return fail(c, 400, 'malformed');
    const envelope = envelopeOf(body.envelope);
    // A first message is format version 1, or 3 with attachments: nobody could open a version-2 one (its writer's key is not known yet).
    if (!envelope || envelope.v === 2 || typeof body.idempotencyKey !== 'string' || !idempotencyPattern.test(body.idempotencyKey)) return fail(c, 400, 'malformed');
    let mailbox: { id: string; verifier: string } | null = null;
    let toPerson: Envelope | null = null;
    if (body.conversation !== undefined) {
      const conv = body.conversation as Body;
      if (typeof conv !== 'object' || conv === null || !hasFields(conv, ['mailbox', 'verifier', 'toPerson'])) return fail(c, 400, 'malformed');
      toPerson = envelopeOf(conv.toPerson);
      if (typeof conv.mailbox !== 'string' || !mailboxPattern.test(conv.mailbox) || typeof conv.verifier !== 'string' || !secretPattern.test(conv.verifier) || !toPerson || toPerson.v !== envelope.v || toPerson.centre !== envelope.centre) {
        return fail(c, 400, 'malformed');
      }
      mailbox = { id: conv.mailbox, verifier: conv.verifier };
    }
    const blobs = blobsOf(body.blobs, envelope, toPerson);
    if (blobs === null) return fail(c, 400, 'malformed');
    // The honeypot: a field people never see; software that fills in everything fills it.
    if (body.hp !== undefined && body.hp !== '') return fail(c, 422, 'rejected');

    // What can be refused without the store comes first (issue 20: a flood of
    // unsolved and replayed submissions must not reach the database). A retry
    // repeats its request, proof of work included, so an invalid one is never a retry.
    const pow = await checkSolution(config, body.pow);
    if (!pow.ok && pow.reason === 'pow-invalid') return fail(c, 422, 'pow-invalid');
    const item = newItem('person', envelope, toPerson, body.idempotencyKey, blobs);
    const spent = pow.ok ? spentChallenges.find(pow.nonce, now()) : undefined;
    // Spent here by another message: a replay, whatever this key may have stored.
    if (spent && spent.spentBy !== null && spent.spentBy !== item.idempotencyKey) return fail(c, 422, 'pow-replayed');
    if (!(await isCentreKey(envelope))) return fail(c, 422, 'unknown-key');

    // A retry of a message that did arrive (the answer was lost on the way back) succeeds
    // without spending a new proof of work, even after its challenge expired.
    const before = await store.findItemByIdempotencyKey(item.idempotencyKey);
    if (before) return before.bodyHash === item.bodyHash ? c.json({ status: 'stored' }, 200) : fail(c, 409, 'idempotency-conflict');

    if (!pow.ok) return fail(c, 422, pow.reason);
    if (now() - pow.issuedAt < config.minFillSeconds) return fail(c, 422, 'too-fast');
    // The store said before that this challenge is used; asking again would only cost an insert.
    if (spent) return fail(c, 422, 'pow-replayed');
    if (!(await store.useChallenge(pow.nonce, pow.expiresAt))) {
      spentChallenges.remember(pow.nonce, null, pow.expiresAt, now());
      return fail(c, 422, 'pow-replayed');
    }
    spentChallenges.remember(pow.nonce, item.idempotencyKey, pow.expiresAt, now());

    const result = await store.startConversation(envelope.centre, mailbox, item, now(), quota);
    if (result.status === 'stored') {
      log.info(mailbox ? 'conversation started (with code)' : 'message stored');
      onStored?.();
    }
    return stored(c, result);
  });

  /** The conversation a code opens, or a failure response that says nothing about whether it exists. */
  const byCode = async (c: Context, body: Body): Promise<{ conversation: string; centre: string } | Response> => {
    if (typeof body.mailbox !== 'string' || !mailboxPattern.test(body.mailbox) || typeof body.secret !== 'string' || !secretPattern.test(body.secret)) {
      return fail(c, 400, 'malformed');
    }
    // Counted before the lookup (which waits for the database), so requests in
    // flight at the same time cannot all slip under the limit; a right code is given back.
    const address = clientAddress(c);
    if (!codeFailureLimit.take(address, now())) return fail(c, 429, 'rate-limited');
    const found = await store.findMailbox(body.mailbox);
    // The verifier is SHA-256 over the secret's bytes (what the browser derived), not over its text.
    const presented = Buffer.from(createHash('sha256').update(Buffer.from(body.secret, 'base64url')).digest('base64url'));
    const match = timingSafeEqual(presented, Buffer.from(found?.verifier ?? absentVerifier)) && found !== null;
    if (!match) return fail(c, 403, 'code-unknown');
    codeFailureLimit.refund(address, now());
    if (!conversationLimit.take(body.mailbox, now())) return fail(c, 429, 'rate-limited');
    return { conversation: found.conversation, centre: found.centre };
  };

  app.post('/v1/conversation', limitBody, async (c) => {
    const body = await readBody(c);
    if (body instanceof Response) return body;
    if (!hasFields(body, ['mailbox', 'secret'])) return fail(c, 400, 'malformed');
    const found = await byCode(c, body);
    if (found instanceof Response) return found;
    const conversation = await store.conversation(found.conversation);
    if (!conversation) return fail(c, 403, 'code-unknown');
    return c.json({
      status: conversation.status,
      items: conversation.items.filter((i) => i.toPerson).map((i) => ({ id: i.id, author: i.author, at: i.receivedAt, envelope: i.toPerson })),
    });
  });

  app.post('/v1/conversation/messages', limitBody, async (c) => {
    const body = await readBody(c);
    if (body instanceof Response) return body;
    if (!hasFields(body, ['mailbox', 'secret', 'envelope', 'toPerson', 'idempotencyKey'], ['blobs'])) return fail(c, 400, 'malformed');
    const envelope = envelopeOf(body.envelope);
    const toPerson = envelopeOf(body.toPerson);
    const blobs = blobsOf(body.blobs, envelope, toPerson);
    if (!envelope || !toPerson || blobs === null || typeof body.idempotencyKey !== 'string' || !idempotencyPattern.test(body.idempotencyKey)) return fail(c, 400, 'malformed');
    // Per client as well as per conversation: one client with many codes must not fill the store.
    if (!followUpLimit.take(clientAddress(c), now())) return fail(c, 429, 'rate-limited');
    const found = await byCode(c, body);
    if (found instanceof Response) return found;
    if (envelope.centre !== found.centre || toPerson.centre !== found.centre || !(await isCentreKey(envelope))) return fail(c, 422, 'unknown-key');
    const result = await store.addItem(found.conversation, newItem('person', envelope, toPerson, body.idempotencyKey, blobs), now(), config.maxConversationItems, quota);
    if (result.status === 'stored') {
      log.info('conversation: message from the person stored');
      onStored?.();
    }
    return stored(c, result);
  });

  app.post('/v1/conversation/delete', limitBody, async (c) => {
    const body = await readBody(c);
    if (body instanceof Response) return body;
    if (!hasFields(body, ['mailbox', 'secret'])) return fail(c, 400, 'malformed');
    const found = await byCode(c, body);
    if (found instanceof Response) return found;
    await store.deleteConversation(found.conversation, 'person', now());
    log.info('conversation deleted by the person');
    return c.json({ status: 'deleted' });
  });

  app.post('/v1/conversation/blob', limitBody, async (c) => {
    const body = await readBody(c);
    if (body instanceof Response) return body;
    if (!hasFields(body, ['mailbox', 'secret', 'blob']) || typeof body.blob !== 'string' || !blobIdPattern.test(body.blob)) return fail(c, 400, 'malformed');
    const found = await byCode(c, body);
    if (found instanceof Response) return found;
    const blob = await store.blob(body.blob);
    if (!blob || blob.conversation !== found.conversation || !blob.complete) return fail(c, 404, 'not-found');
    return sendBlob(c, blob);
  });

  /**
   * An attachment's blob, after the item that declared it. The body is read
   * as it arrives and written to the store in chunks of blobChunkBytes, each
   * gathered in one buffer that is used again once the store has written the
   * chunk before (the write is awaited, so the driver is done with it): the
   * relay never holds the whole blob, only one chunk and the request's
   * pieces on their way. Its
   * length must be declared in Content-Length and match, and its SHA-256 is
   * computed on the way; only then is it complete and can be downloaded.
   * Knowing the random id is the permission: only the writer has it before
   * the item is read.
   */
  app.put('/v1/blobs/:id', async (c) => {
    const id = c.req.param('id');
    const blob = blobIdPattern.test(id) ? await store.blob(id) : null;
    if (!blob) return fail(c, 404, 'not-found');
    if (blob.complete) return c.json({ status: 'stored' }, 200);
    // Node's own request stream when there is one (no copy of each piece into a web stream); else the Request's body.
    const source = (c.env as { incoming?: AsyncIterable<Uint8Array> } | undefined)?.incoming ?? (c.req.raw.body as unknown as AsyncIterable<Uint8Array> | null);
    if (c.req.header('content-length') !== String(blob.size) || !source) return fail(c, 400, 'malformed');
    const upload = await store.beginBlobUpload(id);
    if (!upload) return c.json({ status: 'stored' }, 200);
    const hash = createHash('sha256');
    let received = 0;
    let seq = 0;
    const buffer = Buffer.allocUnsafe(Math.min(blobChunkBytes, blob.size));
    let filled = 0;
    for await (const piece of source) {
      received += piece.length;
      if (received > blob.size) return fail(c, 413, 'too-large');
      hash.update(piece);
      for (let offset = 0; offset < piece.length; ) {
        // This chunk's length: a whole one, or what is left of the blob.
        const length = Math.min(blobChunkBytes, blob.size - seq * blobChunkBytes);
        const taken = Math.min(length - filled, piece.length - offset);
        buffer.set(piece.subarray(offset, offset + taken), filled);
        filled += taken;
        offset += taken;
        if (filled === length) {
          await store.addBlobChunk(id, upload, seq++, buffer.subarray(0, length));
          filled = 0;
        }
      }
    }
    if (received !== blob.size || hash.digest('base64url') !== blob.sha256) return fail(c, 422, 'blob-mismatch');
    if (!(await store.finishBlobUpload(id, upload))) {
      // Another attempt at the same blob finished first, or interfered: the client tries again, and then learns which.
      return (await store.blob(id))?.complete ? c.json({ status: 'stored' }, 200) : fail(c, 503, 'unavailable');
    }
    log.info('attachment stored');
    return c.json({ status: 'stored' }, 201);
  });

  // ---- The counselling team's inbox ----

  app.post('/v1/inbox/sessions', limitBody, async (c) => {
    const body = await readBody(c);
    if (body instanceof Response) return body;
    if (!hasFields(body, ['centre', 'credential']) || typeof body.centre !== 'string' || typeof body.credential !== 'string' || body.credential.length > 200) {
      return fail(c, 400, 'malformed');
    }
    const credential = await directory.signIn(body.centre, body.credential, now());
    if (!credential) {
      // Failures per centre, from all addresses, are counted and reported, not
      // enforced: refusing the centre's sign-ins would let anyone with a few
      // addresses lock its team out (the credential's 125 bits keep guessers out).
      if (!signInCentreLimit.take(body.centre, now()) && signInCentreLimit.refused(body.centre, now()) === 1) {
        log.error(`inbox: more than ${config.rateLimitSignInsPerCentre} failed sign-ins for one centre within an hour, from several addresses`);
      }
      log.info('inbox: sign-in failed');
      return fail(c, 401, 'sign-in-failed');
    }
    // Counted on the way in (above, before the inbox-on check).
    signInLimit.refund(clientAddress(c), now());
    const token = newSessionToken();
    const expiresAt = now() + config.sessionSeconds;
    await store.createSession(tokenHash(token), body.centre, expiresAt, credential.id);
    log.info(credential.role === 'coordinator' ? 'inbox: coordinator signed in' : 'inbox: signed in');
    return c.json({ token, centre: body.centre, role: credential.role, expiresAt }, 201);
  });

  /**
   * The session's centre (or coordination office) and role, or a 401; a
   * session whose credential is no longer configured or stored is over.
   */
  const session = async (c: Context): Promise<{ centre: string; hash: string; role: CredentialRole } | Response> => {
    const token = /^Bearer ([A-Za-z0-9_-]{43})$/.exec(c.req.header('authorization') ?? '')?.[1];
    if (!token) return fail(c, 401, 'signed-out');
    const hash = tokenHash(token);
    const found = await store.findSession(hash, now());
    const credential = found?.credential ? await directory.credential(found.credential) : null;
    if (!found || !credential || credential.centre !== found.centre) return fail(c, 401, 'signed-out');
    return { centre: found.centre, hash, role: credential.role };
  };

  /** A session of `role`, or a 401 (signed out) or 403 `figures-only` (the other role). */
  const sessionOf = async (c: Context, role: CredentialRole) => {
    const found = await session(c);
    if (found instanceof Response) return found;
    return found.role === role ? found : fail(c, 403, 'figures-only');
  };

  /** The team's session and the conversation in the URL, which must be the session centre's. */
  const teamConversation = async (c: Context) => {
    const team = await sessionOf(c, 'team');
    if (team instanceof Response) return team;
    const conversation = await store.conversation(c.req.param('id') ?? '');
    if (!conversation || conversation.centre !== team.centre) return fail(c, 404, 'not-found');
    return { team, conversation };
  };

  app.delete('/v1/inbox/sessions/current', async (c) => {
    const team = await session(c);
    if (team instanceof Response) return team;
    await store.deleteSession(team.hash);
    return c.json({ status: 'signed-out' });
  });

  app.get('/v1/inbox/conversations', async (c) => {
    const team = await sessionOf(c, 'team');
    if (team instanceof Response) return team;
    const status = c.req.query('status');
    if (status !== undefined && status !== 'new' && status !== 'answered' && status !== 'closed') return fail(c, 400, 'malformed');
    return c.json({ conversations: await store.conversations(team.centre, status) });
  });

  app.get('/v1/inbox/conversations/:id', async (c) => {
    const found = await teamConversation(c);
    if (found instanceof Response) return found;
    const { items, ...summary } = found.conversation;
    return c.json({ ...summary, items: items.map((i) => ({ id: i.id, author: i.author, at: i.receivedAt, envelope: i.toCentre })) });
  });

  app.post('/v1/inbox/conversations/:id/replies', limitBody, async (c) => {
    const found = await teamConversation(c);
    if (found instanceof Response) return found;
    const body = await readBody(c);
    if (body instanceof Response) return body;
    if (!hasFields(body, ['toPerson', 'toCentre', 'idempotencyKey'], ['blobs'])) return fail(c, 400, 'malformed');
    const toPerson = envelopeOf(body.toPerson);
    const toCentre = envelopeOf(body.toCentre);
    const blobs = blobsOf(body.blobs, toCentre, toPerson);
    if (!toPerson || !toCentre || blobs === null || typeof body.idempotencyKey !== 'string' || !idempotencyPattern.test(body.idempotencyKey)) return fail(c, 400, 'malformed');
    const { centre } = found.team;
    if (toPerson.centre !== centre || toCentre.centre !== centre || !(await isCentreKey(toCentre))) return fail(c, 422, 'unknown-key');
    if (!found.conversation.canReply) return fail(c, 409, 'no-mailbox');
    const result = await store.addItem(found.conversation.id, newItem('centre', toCentre, toPerson, body.idempotencyKey, blobs), now(), config.maxConversationItems, quota);
    if (result.status === 'stored') log.info('inbox: answer stored');
    return stored(c, result);
  });

  app.post('/v1/inbox/conversations/:id/status', limitBody, async (c) => {
    const found = await teamConversation(c);
    if (found instanceof Response) return found;
    const body = await readBody(c);
    if (body instanceof Response) return body;
    if (!hasFields(body, ['closed']) || typeof body.closed !== 'boolean') return fail(c, 400, 'malformed');
    await store.setClosed(found.conversation.id, body.closed, now());
    return c.json({ status: body.closed ? 'closed' : 'open' });
  });

  app.delete('/v1/inbox/conversations/:id', async (c) => {
    const found = await teamConversation(c);
    if (found instanceof Response) return found;
    await store.deleteConversation(found.conversation.id, 'team', now());
    log.info('inbox: conversation deleted');
    return c.json({ status: 'deleted' });
  });

  app.get('/v1/inbox/figures', async (c) => {
    const team = await sessionOf(c, 'team');
    if (team instanceof Response) return team;
    return c.json(teamFigures(team.centre, config.timeZone, await store.monthlyFigures(team.centre)));
  });

  app.get('/v1/inbox/blobs/:id', async (c) => {
    const team = await sessionOf(c, 'team');
    if (team instanceof Response) return team;
    const id = c.req.param('id');
    const blob = blobIdPattern.test(id) ? await store.blob(id) : null;
    // Another centre's blob is answered as one that does not exist.
    if (!blob || blob.centre !== team.centre || !blob.complete) return fail(c, 404, 'not-found');
    return sendBlob(c, blob);
  });

  app.get('/v1/inbox/network-figures', async (c) => {
    const coordinator = await sessionOf(c, 'coordinator');
    if (coordinator instanceof Response) return coordinator;
    const centres = [...config.keys.map((key) => key.centre), ...(await store.centreKeys()).map((key) => key.centre)];
    return c.json(networkFigures(centres, config.timeZone, await store.monthlyFigures()));
  });

  mountInboxPage(app, () => directory.inboxOn(now()));
  app.notFound((c) => fail(c, 404, 'not-found'));
  return app;
}
