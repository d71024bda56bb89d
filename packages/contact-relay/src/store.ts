/**
 * The relay's store: conversations of encrypted items, the proof-of-work
 * challenges already used, the counsellors' sign-in sessions and the
 * notifications still to send. Two implementations share this interface and
 * one test suite: SQLite (one file, the default) and PostgreSQL (several relay
 * instances behind a load balancer); `openStore` picks by RELAY_DB.
 *
 * There is no column for an IP address, a user agent or anything else about
 * the sender; times are kept to the minute only. A conversation's items carry
 * up to two envelopes: one the centre can open (`toCentre`) and, when the
 * person has a code, one the person can open (`toPerson`). The relay can open
 * neither.
 *
 * Attachments (issue 23) are blobs: ciphertext the relay cannot open, each
 * declared (id, length, SHA-256) by the item it belongs to and uploaded after
 * it, in chunks of `blobChunkBytes`, so that no blob is ever held whole in
 * the relay's memory. A blob counts against the byte quotas from the moment
 * its item is stored, and is deleted with its conversation.
 */
import type { Envelope } from '@wegweiser/contact-form/envelope';
import type { BlobDeclaration } from '@wegweiser/contact-form/attachment-blobs';

export type { BlobDeclaration } from '@wegweiser/contact-form/attachment-blobs';

/**
 * The size of a stored piece of a blob: an upload is written chunk by chunk
 * as it arrives, and a download read chunk by chunk as it is sent, so the
 * relay holds one chunk of a blob at a time (and the driver a copy of it).
 */
export const blobChunkBytes = 256 * 1024;

export type Author = 'person' | 'centre';
export type ConversationStatus = 'new' | 'answered' | 'closed';

/** An item to store; the idempotency key and body hash are already hashed by the caller. */
export interface NewItem {
  author: Author;
  toCentre: Envelope;
  toPerson: Envelope | null;
  idempotencyKey: string;
  bodyHash: string;
  /** The attachments' blobs, declared with the item and uploaded after it (version-3 items). */
  blobs?: BlobDeclaration[];
}

/** A declared blob: whose it is and whether its upload is complete. */
export interface StoredBlob extends BlobDeclaration {
  conversation: string;
  centre: string;
  complete: boolean;
}

export interface StoredItem {
  id: string;
  author: Author;
  /** Unix seconds, rounded down to the minute. */
  receivedAt: number;
  toCentre: Envelope;
  toPerson: Envelope | null;
}

export interface ConversationSummary {
  id: string;
  centre: string;
  /** `new`: the person wrote last; `answered`: the centre did; `closed`: the team closed it. */
  status: ConversationStatus;
  createdAt: number;
  updatedAt: number;
  itemCount: number;
  /** Whether the person has a code (a mailbox), so the team can answer here. */
  canReply: boolean;
  /** The first item's envelope for the centre (the inbox shows a preview from it). */
  first: Envelope;
}

export interface Conversation extends ConversationSummary {
  items: StoredItem[];
}

export interface Mailbox {
  /** Derived from the person's code (base64url, 22 characters). */
  id: string;
  /** SHA-256 of the access secret derived from the code (base64url). */
  verifier: string;
}

export type InsertResult =
  | { status: 'stored'; conversation: string; item: string }
  | { status: 'duplicate'; conversation: string; item: string }
  /** The idempotency key was used for different content. */
  | { status: 'conflict' }
  | { status: 'mailbox-taken' }
  | { status: 'full' }
  /** The conversation's envelopes would pass its byte quota. */
  | { status: 'too-large' }
  /** The whole store is at its byte quota. */
  | { status: 'store-full' }
  | { status: 'not-found' };

/** Byte quotas for a new item; a missing one is no limit. */
export interface Quota {
  /** Envelope and blob bytes per conversation. */
  conversationBytes?: number;
  /** Envelope and blob bytes in the whole store. */
  storeBytes?: number;
}

/** An inbox session: its centre, and the id of the credential that opened it (null for sessions from before the id was kept). */
export interface Session {
  centre: string;
  credential: string | null;
}

/** A centre's public key kept in the store (`wegweiser-relay centres`); `current` is the one the form should use. */
export interface StoredCentreKey {
  centre: string;
  kid: string;
  /** The key as printed by `keygen` (`wwpk1.<centre>.<kid>.<key>.<check>`). */
  publicKey: string;
  current: boolean;
}

/** What `removeCentre` did: nothing (the centre has conversations), or what it removed. */
export type CentreRemoval = { removed: false; conversations: number } | { removed: true; keys: number; credentials: number; conversations: number };

/** Who a credential lets in: a centre's team (its conversations and figures) or the network's coordination office (the figures only). */
export type CredentialRole = 'team' | 'coordinator';

/** A credential kept in the store: its entry (`<name>:sha256$<salt>$<hash>`, a hash only) and its role. */
export interface StoredCredential {
  id: string;
  /** The centre (team), or the coordination office's name (coordinator). */
  centre: string;
  role: CredentialRole;
  entry: string;
}

/**
 * Time from a first contact to the team's first answer, in buckets: a
 * distribution says what funders ask ("how quickly did people get an
 * answer?") without keeping any conversation's time.
 */
export const answerBuckets = ['under-1h', '1-4h', '4-24h', '1-3d', '3-7d', 'over-7d'] as const;
export type AnswerBucket = (typeof answerBuckets)[number];

/** The upper bounds of the buckets, in seconds (the last is open). */
const answerBucketLimits = [3600, 4 * 3600, 86_400, 3 * 86_400, 7 * 86_400];

export function answerBucketOf(seconds: number): AnswerBucket {
  const index = answerBucketLimits.findIndex((limit) => seconds < limit);
  return answerBuckets[index === -1 ? answerBuckets.length - 1 : index]!;
}

/** The events counted per centre and month. */
export const figureEvents = ['firstContacts', 'followUps', 'answers', 'closed', 'deletedByPerson'] as const;
export type FigureEvent = (typeof figureEvents)[number];

/** One centre's counters for one calendar month: nothing finer, no conversation ids. */
export interface MonthlyFigures extends Record<FigureEvent, number> {
  centre: string;
  /** `YYYY-MM`, in the relay's time zone (RELAY_TIME_ZONE). */
  month: string;
  firstAnswer: Record<AnswerBucket, number>;
}

/** How a conversation is deleted: only the person's own deletion is counted. */
export type DeletedBy = 'person' | 'team' | 'command';

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Whether the database answers (for the health check). */
  ping(): Promise<boolean>;
  close(): Promise<void>;

  /**
   * Marks a proof-of-work challenge as used; false if it was used before. It
   * is remembered until `challengeForgetAt(expiresAt)`: to the minute.
   */
  useChallenge(nonce: string, expiresAt: number): Promise<boolean>;

  findItemByIdempotencyKey(key: string): Promise<{ conversation: string; item: string; bodyHash: string } | null>;
  /**
   * Starts a conversation with the person's first message and queues a
   * notification, in one transaction; `store-full` past `quota.storeBytes`.
   */
  startConversation(centre: string, mailbox: Mailbox | null, item: NewItem, now: number, quota?: Quota): Promise<InsertResult>;
  /**
   * Adds an item. A person's item reopens a closed conversation and queues a
   * notification; `full` when the conversation has `maxItems` items already,
   * `too-large` or `store-full` when the item would pass a byte quota.
   */
  addItem(conversation: string, item: NewItem, now: number, maxItems: number, quota?: Quota): Promise<InsertResult>;
  /** Envelope and blob bytes held, over all conversations. */
  storedBytes(): Promise<number>;

  /** A declared blob, or null when no stored item declared it (or its conversation is gone). */
  blob(id: string): Promise<StoredBlob | null>;
  /**
   * Starts an upload of a declared, incomplete blob: the upload's id, or null
   * when it is complete or unknown. The pieces of earlier attempts are dropped
   * (an attempt still running then fails to complete, and its client retries).
   */
  beginBlobUpload(id: string): Promise<string | null>;
  /** Writes the `seq`th chunk of an upload (0, 1, …), each `blobChunkBytes` long but the last. */
  addBlobChunk(id: string, upload: string, seq: number, bytes: Uint8Array): Promise<void>;
  /**
   * Completes an upload whose chunks add up to the declared length (the
   * caller checked the hash while they arrived) and drops the chunks of any
   * other attempt; false when the blob is complete already, gone, or the
   * chunks do not add up (another attempt interfered).
   */
  finishBlobUpload(id: string, upload: string): Promise<boolean>;
  /** The `seq`th chunk of a complete blob, or null past its end. */
  blobChunk(id: string, seq: number): Promise<Uint8Array | null>;

  findMailbox(mailbox: string): Promise<{ conversation: string; centre: string; verifier: string } | null>;
  conversation(id: string): Promise<Conversation | null>;
  /** A centre's conversations, most recently active first. */
  conversations(centre: string, status?: ConversationStatus): Promise<ConversationSummary[]>;
  /** Closes or reopens; a closing (open → closed) is counted in the month's figures. */
  setClosed(id: string, closed: boolean, now: number): Promise<boolean>;
  /**
   * Deletes a conversation with all its items (SQLite overwrites the deleted
   * content: secure_delete); a deletion by the person is counted.
   */
  deleteConversation(id: string, by?: DeletedBy, now?: number): Promise<boolean>;
  /** Every item of a centre (or of all centres), oldest first, for the command line's `read`. */
  allItems(centre?: string): Promise<(StoredItem & { conversation: string; centre: string })[]>;

  createSession(tokenHash: string, centre: string, expiresAt: number, credential?: string | null): Promise<void>;
  /** The session, or null when it is unknown or expired. */
  findSession(tokenHash: string, now: number): Promise<Session | null>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Ends every session of a centre (or of all centres); returns how many. */
  deleteSessions(centre?: string): Promise<number>;

  /**
   * Deletes conversations without activity for the retention period, and
   * expired challenges and sessions; returns the number of conversations deleted.
   */
  applyRetention(now: number, retentionDays: number): Promise<number>;

  /**
   * Centres with messages the team has not been told about, whose next e-mail
   * is due; `waiting` counts the messages so far.
   */
  dueNotifications(now: number): Promise<{ centre: string; attempts: number; waiting: number }[]>;
  pendingNotifications(): Promise<number>;
  /**
   * Makes every notification whose sending failed due now (at start: a restart
   * often follows a fixed mail server). Never one waiting out
   * RELAY_NOTIFY_MIN_MINUTES after a sent e-mail: with several instances, a
   * restarted one would send that e-mail a second time.
   */
  retryNotificationsNow(now: number): Promise<void>;
  /**
   * The e-mail for `waiting` messages went out. Messages that arrived while it
   * was being sent, and any that arrive later, stay queued and are due at
   * `nextAllowedAt` (the minimum interval between e-mails): none goes untold.
   */
  notificationSent(centre: string, waiting: number, now: number, nextAllowedAt?: number): Promise<void>;
  notificationFailed(centre: string, nextAttemptAt: number): Promise<void>;

  /** Every centre key kept in the store (a small table, read on each use: no instance holds a stale copy). */
  centreKeys(): Promise<StoredCentreKey[]>;
  /** Adds a key and makes it the centre's current one; its other keys stay known (messages sealed to them stay accepted and readable). */
  addCentreKey(key: Omit<StoredCentreKey, 'current'>): Promise<void>;
  /** Forgets one key (`kid`) or every key of the centre; returns how many. */
  removeCentreKeys(centre: string, kid?: string): Promise<number>;
  /**
   * A centre leaves the network, in one transaction: its keys, its team's
   * credentials and sessions, its queued notification, and with
   * `withConversations` its conversations with their items, blobs and
   * mailboxes (the bytes they held leave the store's total with them). Without
   * `withConversations`, a centre that still has conversations is left
   * untouched (`removed: false`, and how many): its team may not have read
   * them yet. The monthly figures stay, for the year's report.
   */
  removeCentre(centre: string, withConversations: boolean): Promise<CentreRemoval>;
  credentials(): Promise<StoredCredential[]>;
  addCredential(credential: StoredCredential): Promise<void>;
  /** Forgets a centre's (or coordinator's) credentials and ends their sessions; returns how many credentials. */
  removeCredentials(centre: string, role: CredentialRole): Promise<number>;
  /** The counters, oldest month first; of one centre, or of all. */
  monthlyFigures(centre?: string): Promise<MonthlyFigures[]>;
}

/** Options every store takes. */
export interface StoreOptions {
  /** The time zone whose calendar months the figures count in (default Europe/Berlin). */
  timeZone?: string;
}

/** The calendar month (`YYYY-MM`) of Unix seconds in a time zone. */
export function calendarMonth(now: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(new Date(now * 1000));
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}`;
}

/** Rounds Unix seconds down to the minute: the store keeps no finer time. */
export const minute = (now: number): number => Math.floor(now / 60) * 60;

/**
 * When a used challenge may be forgotten: the first whole minute after it
 * expired (retention deletes rows whose time has come). Not earlier, or it
 * could be replayed while still valid; not to the second, which would date
 * the message it paid for.
 */
export const challengeForgetAt = (expiresAt: number): number => Math.ceil((expiresAt + 1) / 60) * 60;

export const statusOf = (closed: boolean, lastAuthor: Author): ConversationStatus => (closed ? 'closed' : lastAuthor === 'person' ? 'new' : 'answered');

/** Opens the store RELAY_DB names: a `postgres://` or `postgresql://` URL, otherwise a SQLite file path. */
export async function openStore(database: string, options: StoreOptions = {}): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(database)) {
    const { PostgresStore } = await import('./store-postgres.js');
    return PostgresStore.open(database, options);
  }
  const { SqliteStore } = await import('./store-sqlite.js');
  return new SqliteStore(database, options);
}
