/**
 * The relay's HTTP interface (Hono):
 *
 * - `GET  /health`        → 200 `{"status":"ok"}`, or 503 when the store does not answer.
 * - `GET  /v1/challenge`  → an ALTCHA proof-of-work challenge.
 * - `POST /v1/messages`   → `{ envelope, pow, idempotencyKey, hp }`; 201 when stored,
 *   200 when the same message (same idempotency key) was stored before.
 *
 * Errors are `{"error": "<code>"}` with a stable code the form understands.
 */
import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { bodyLimit } from 'hono/body-limit';
import { getConnInfo } from '@hono/node-server/conninfo';
import { checkEnvelope, type Envelope } from '@wegweiser/contact-form/envelope';
import type { RelayConfig } from './config.js';
import type { Store } from './store.js';
import type { Log } from './log.js';
import { RateLimiter } from './rate-limit.js';
import { checkSolution, issueChallenge } from './pow.js';

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
  | 'rate-limited'
  | 'unavailable'
  | 'not-found';

export interface AppOptions {
  config: RelayConfig;
  store: Store;
  log: Log;
  /** Unix seconds; tests may move time. */
  now: () => number;
  /** Called after a message was stored (the notifier runs then). */
  onStored?: () => void;
}

const idempotencyPattern = /^[A-Za-z0-9_-]{16,64}$/;

export function createApp({ config, store, log, now, onStored }: AppOptions): Hono {
  const app = new Hono();
  const challengeLimit = new RateLimiter(config.rateLimitChallenges);
  const messageLimit = new RateLimiter(config.rateLimitMessages);
  const keys = new Map(config.keys.map((k) => [`${k.centre}.${k.kid}`, k]));
  const allowed = new Set(config.allowedOrigins);
  const counts = { stored: 0, refused: 0 };

  const fail = (c: Context, status: 400 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503, error: ErrorCode) => {
    if (status !== 404) counts.refused++;
    return c.json({ error }, status);
  };

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

  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    c.header('Strict-Transport-Security', 'max-age=31536000');
    c.header('Cache-Control', 'no-store');
  });

  app.use(
    '/v1/*',
    cors({
      origin: (origin) => (allowed.has(origin) ? origin : null),
      allowMethods: ['GET', 'POST'],
      allowHeaders: ['Content-Type'],
      maxAge: 600,
    }),
  );

  // Browsers enforce CORS on reading the answer; refusing here too means a page
  // elsewhere cannot even make a visitor's browser deliver a message.
  app.use('/v1/*', async (c, next) => {
    const origin = c.req.header('origin');
    if (origin !== undefined && !allowed.has(origin)) return fail(c, 403, 'origin-not-allowed');
    return next();
  });

  app.get('/health', (c) => (store.ping() ? c.json({ status: 'ok' }) : c.json({ status: 'unavailable' }, 503)));

  app.get('/v1/challenge', async (c) => {
    if (!challengeLimit.take(clientAddress(c), now())) return fail(c, 429, 'rate-limited');
    return c.json(await issueChallenge(config, now()));
  });

  app.post(
    '/v1/messages',
    bodyLimit({ maxSize: config.maxBodyBytes, onError: (c) => fail(c, 413, 'too-large') }),
    async (c) => {
      if (!messageLimit.take(clientAddress(c), now())) return fail(c, 429, 'rate-limited');
      if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) return fail(c, 415, 'unsupported-media-type');
      let body: Record<string, unknown>;
      try {
        body = (await c.req.json()) as Record<string, unknown>;
      } catch {
        return fail(c, 400, 'malformed');
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body)) return fail(c, 400, 'malformed');
      const extra = Object.keys(body).filter((k) => !['envelope', 'pow', 'idempotencyKey', 'hp'].includes(k));
      if (extra.length || checkEnvelope(body.envelope).length || typeof body.idempotencyKey !== 'string' || !idempotencyPattern.test(body.idempotencyKey)) {
        return fail(c, 400, 'malformed');
      }
      const raw = body.envelope as Envelope;
      // Keep exactly the envelope's fields, nothing a client slipped in beside them.
      const envelope: Envelope = { v: raw.v, centre: raw.centre, kid: raw.kid, suite: raw.suite, enc: raw.enc, ct: raw.ct };
      if (Object.keys(raw).length !== 6) return fail(c, 400, 'malformed');
      // The honeypot: a field people never see; software that fills in everything fills it.
      if (body.hp !== undefined && body.hp !== '') return fail(c, 422, 'rejected');
      if (!keys.has(`${envelope.centre}.${envelope.kid}`)) return fail(c, 422, 'unknown-key');

      const idempotencyKey = createHash('sha256').update(body.idempotencyKey).digest('base64url');
      const bodyHash = createHash('sha256').update(JSON.stringify(envelope)).digest('base64url');
      try {
        // A retry of a message that did arrive (the answer was lost on the way back) succeeds
        // without spending a new proof of work.
        const before = store.findByIdempotencyKey(idempotencyKey);
        if (before) return before.bodyHash === bodyHash ? c.json({ status: 'stored' }, 200) : fail(c, 409, 'idempotency-conflict');

        const pow = await checkSolution(config, body.pow);
        if (!pow.ok) return fail(c, 422, pow.reason);
        if (now() - pow.issuedAt < config.minFillSeconds) return fail(c, 422, 'too-fast');
        if (!store.useChallenge(pow.nonce, pow.expiresAt)) return fail(c, 422, 'pow-replayed');

        const result = store.insert(envelope, idempotencyKey, bodyHash, now());
        if (result.status === 'conflict') return fail(c, 409, 'idempotency-conflict');
        if (result.status === 'duplicate') return c.json({ status: 'stored' }, 200);
      } catch (error) {
        log.error(`store failed: ${(error as Error).message}`);
        return fail(c, 503, 'unavailable');
      }
      counts.stored++;
      log.info('message stored');
      onStored?.();
      return c.json({ status: 'stored' }, 201);
    },
  );

  app.notFound((c) => fail(c, 404, 'not-found'));
  app.onError((error, c) => {
    log.error(`unexpected: ${error.message}`);
    return fail(c, 503, 'unavailable');
  });
  return app;
}
