/**
 * The relay's configuration, read from environment variables (documented in
 * the package README). Every value is checked at start; a relay with a
 * mistake in its configuration refuses to start and says which variable.
 */
import { randomBytes } from 'node:crypto';
import { parsePublicKey, type CentreKey } from '@wegweiser/contact-form/public-key';
import { parseCredentialEntry, type TeamCredential } from './team.js';

export interface RelayConfig {
  host: string;
  port: number;
  /** SQLite file, or a `postgres://` URL. */
  database: string;
  /** Centres' public keys from RELAY_PUBLIC_KEYS; those kept in the store (`wegweiser-relay centres`) count too. */
  keys: CentreKey[];
  /** Origins (scheme://host[:port]) whose pages may call the relay. */
  allowedOrigins: string[];
  /** Team credentials (hashed) for the counsellors' inbox; none: the inbox is off. */
  inboxCredentials: TeamCredential[];
  /** Origins of the teams' internal pages that may call the inbox API. */
  inboxOrigins: string[];
  /**
   * The relay's own public origin (`https://relay.beratung.example`), for its
   * /inbox/ page. Null: the page works only when the relay is opened on a
   * loopback address over http (development, the demo).
   */
  publicOrigin: string | null;
  /** How long an inbox session lasts, in seconds. */
  sessionSeconds: number;
  /** Items (messages and answers) per conversation. */
  maxConversationItems: number;
  /** Bytes of envelopes per conversation; a message beyond it gets 413. */
  maxConversationBytes: number;
  /** Bytes the whole store may hold (its tables on disk); beyond it new messages get 507. */
  maxStoreBytes: number;
  /** HMAC secret that signs proof-of-work challenges. */
  powSecret: string;
  /** Whether powSecret was generated at start (challenges then die with a restart). */
  powSecretEphemeral: boolean;
  /** PBKDF2 iterations per proof-of-work attempt. */
  powCost: number;
  /** The solver needs between these many attempts (chosen at random per challenge). */
  powCounterMin: number;
  powCounterMax: number;
  /** How long a challenge stays valid, in seconds. */
  powExpiresSeconds: number;
  /** Fewer seconds between challenge and message are refused (a person cannot type that fast). */
  minFillSeconds: number;
  maxBodyBytes: number;
  retentionDays: number;
  /** Requests per hour and client (counted by a daily-rotating keyed hash, in memory). */
  rateLimitChallenges: number;
  rateLimitMessages: number;
  /** Wrong codes per client and hour. */
  rateLimitFailures: number;
  /** Team sign-in attempts per client and hour (a successful one is given back). */
  rateLimitSignIns: number;
  /** Failed team sign-ins per centre and hour, from all clients together, beyond which the log says so (not enforced). */
  rateLimitSignInsPerCentre: number;
  /** Reads and messages per conversation (code) and hour. */
  rateLimitConversation: number;
  /** The person's later messages per client and hour, over all their conversations. */
  rateLimitFollowUps: number;
  /** An IPv6 client is counted by this prefix of its address (64: a household's or a server's /64). */
  rateLimitIpv6Prefix: number;
  /** Read the client address from X-Forwarded-For (only behind your own reverse proxy). */
  trustProxy: boolean;
  smtpUrl: string | null;
  notifyTo: string | null;
  notifyFrom: string;
  /** At most one notification e-mail per centre in this many seconds. */
  notifyMinIntervalSeconds: number;
  /** `info` logs start, stop and counts; `quiet` only errors. */
  log: 'info' | 'quiet';
  /** The time zone whose calendar months the figures count in. */
  timeZone: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max}; it is "${raw}".`);
  return value;
}

function list(env: Env, name: string): string[] {
  return (env[name] ?? '')
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export async function readConfig(env: Env = process.env): Promise<RelayConfig> {
  // May be empty: a network keeps its centres' keys in the store (`wegweiser-relay centres add`).
  const keyTexts = list(env, 'RELAY_PUBLIC_KEYS');
  const keys: CentreKey[] = [];
  for (const text of keyTexts) {
    try {
      keys.push(await parsePublicKey(text));
    } catch (error) {
      throw new ConfigError(`RELAY_PUBLIC_KEYS: ${(error as Error).message}`);
    }
  }
  const origins = (name: string) => {
    const values = list(env, name);
    for (const origin of values) {
      let parsed: URL | undefined;
      try {
        parsed = new URL(origin);
      } catch {
        parsed = undefined;
      }
      if (!parsed || parsed.origin !== origin) throw new ConfigError(`${name}: "${origin}" is not an origin such as https://beratung.example (no path, no trailing slash).`);
    }
    return values;
  };
  const allowedOrigins = origins('RELAY_ALLOWED_ORIGINS');
  const inboxOrigins = origins('RELAY_INBOX_ORIGINS');
  const publicOrigin = origins('RELAY_PUBLIC_ORIGIN');
  if (publicOrigin.length > 1) throw new ConfigError('RELAY_PUBLIC_ORIGIN is one origin: the address the team opens /inbox/ at, e.g. https://relay.beratung.example.');
  const inboxCredentials = list(env, 'RELAY_INBOX_CREDENTIALS').map((entry) => {
    try {
      return parseCredentialEntry(entry);
    } catch (error) {
      throw new ConfigError(`RELAY_INBOX_CREDENTIALS: ${(error as Error).message}`);
    }
  });
  const unknownCentre = inboxCredentials.find((c) => !keys.some((k) => k.centre === c.centre));
  if (unknownCentre) throw new ConfigError(`RELAY_INBOX_CREDENTIALS: no public key in RELAY_PUBLIC_KEYS for centre "${unknownCentre.centre}".`);
  const powCounterMin = integer(env, 'RELAY_POW_COUNTER_MIN', 500, 1, 10_000_000);
  const powCounterMax = integer(env, 'RELAY_POW_COUNTER_MAX', 1500, powCounterMin, 10_000_000);
  const smtpUrl = env.RELAY_SMTP_URL || null;
  const notifyTo = env.RELAY_NOTIFY_TO || null;
  if (smtpUrl && !notifyTo) throw new ConfigError('RELAY_SMTP_URL is set but RELAY_NOTIFY_TO is not: whom should the relay tell about new messages?');
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) throw new ConfigError('RELAY_SMTP_URL must start with smtp:// or smtps://.');
  const log = env.RELAY_LOG ?? 'info';
  if (log !== 'info' && log !== 'quiet') throw new ConfigError('RELAY_LOG must be "info" or "quiet".');
  const timeZone = env.RELAY_TIME_ZONE || 'Europe/Berlin';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new ConfigError(`RELAY_TIME_ZONE must be an IANA time zone such as Europe/Berlin; it is "${timeZone}".`);
  }
  const powSecret = env.RELAY_POW_SECRET || null;
  if (powSecret !== null && powSecret.length < 32) throw new ConfigError('RELAY_POW_SECRET must have at least 32 characters (for example `openssl rand -hex 32`).');
  return {
    host: env.RELAY_HOST || '127.0.0.1',
    port: integer(env, 'RELAY_PORT', 8787, 0, 65535),
    database: env.RELAY_DB || 'relay.sqlite',
    keys,
    allowedOrigins,
    inboxCredentials,
    inboxOrigins,
    publicOrigin: publicOrigin[0] ?? null,
    sessionSeconds: integer(env, 'RELAY_SESSION_HOURS', 8, 1, 24) * 3600,
    maxConversationItems: integer(env, 'RELAY_MAX_CONVERSATION_ITEMS', 200, 2, 10_000),
    maxConversationBytes: integer(env, 'RELAY_MAX_CONVERSATION_KB', 40_960, 64, 1_048_576) * 1024,
    maxStoreBytes: integer(env, 'RELAY_MAX_STORE_MB', 1024, 1, 16_777_216) * 1024 * 1024,
    powSecret: powSecret ?? randomBytes(32).toString('hex'),
    powSecretEphemeral: powSecret === null,
    powCost: integer(env, 'RELAY_POW_COST', 1000, 1, 1_000_000),
    powCounterMin,
    powCounterMax,
    powExpiresSeconds: integer(env, 'RELAY_POW_EXPIRES_SECONDS', 7200, 60, 7 * 86400),
    minFillSeconds: integer(env, 'RELAY_MIN_FILL_SECONDS', 3, 0, 600),
    maxBodyBytes: integer(env, 'RELAY_MAX_BODY_BYTES', 65536, 4096, 1_048_576),
    retentionDays: integer(env, 'RELAY_RETENTION_DAYS', 30, 1, 3650),
    rateLimitChallenges: integer(env, 'RELAY_RATE_LIMIT_CHALLENGES', 60, 1, 1_000_000),
    rateLimitMessages: integer(env, 'RELAY_RATE_LIMIT_MESSAGES', 10, 1, 1_000_000),
    rateLimitFailures: integer(env, 'RELAY_RATE_LIMIT_FAILURES', 20, 1, 1_000_000),
    rateLimitSignIns: integer(env, 'RELAY_RATE_LIMIT_SIGN_INS', 20, 1, 1_000_000),
    rateLimitSignInsPerCentre: integer(env, 'RELAY_RATE_LIMIT_SIGN_INS_PER_CENTRE', 100, 1, 1_000_000),
    rateLimitConversation: integer(env, 'RELAY_RATE_LIMIT_CONVERSATION', 120, 1, 1_000_000),
    rateLimitFollowUps: integer(env, 'RELAY_RATE_LIMIT_FOLLOW_UPS', 30, 1, 1_000_000),
    rateLimitIpv6Prefix: integer(env, 'RELAY_RATE_LIMIT_IPV6_PREFIX', 64, 32, 128),
    trustProxy: env.RELAY_TRUST_PROXY === '1' || env.RELAY_TRUST_PROXY === 'true',
    smtpUrl,
    notifyTo,
    notifyFrom: env.RELAY_NOTIFY_FROM || 'wegweiser-relay@localhost',
    notifyMinIntervalSeconds: integer(env, 'RELAY_NOTIFY_MIN_MINUTES', 10, 0, 1440) * 60,
    log,
    timeZone,
  };
}
