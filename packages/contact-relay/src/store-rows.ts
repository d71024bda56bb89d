/**
 * What the SQLite and PostgreSQL stores share: the row shapes they read and
 * how rows become the store's objects, so both answer exactly alike.
 */
import { randomBytes } from 'node:crypto';
import type { Envelope } from '@wegweiser/contact-form/envelope';
import { answerBucketOf, answerBuckets, statusOf, type AnswerBucket, type Author, type ConversationSummary, type FigureEvent, type MonthlyFigures, type NewItem, type StoredBlob, type StoredItem } from './store.js';

/** Times arrive as numbers from SQLite and as strings from PostgreSQL's BIGINT (Unix seconds fit either). */
type Time = number | string;

export type ConversationRow = {
  id: string;
  centre: string;
  mailbox: string | null;
  closed: number | boolean;
  last_author: Author;
  created_at: Time;
  updated_at: Time;
  item_count: number;
  first: string;
};

export type ItemRow = {
  id: string;
  author: Author;
  received_at: Time;
  to_centre: string;
  to_person: string | null;
  conversation: string;
  centre: string;
};

export const newId = (): string => randomBytes(16).toString('base64url');
/** An upload attempt of a blob (see blobSchema). */
export const newUploadId = (): string => randomBytes(12).toString('base64url');

/** The summary columns, with the first item's envelope for the centre (the inbox's preview). */
export const summarySelect = `SELECT c.id, c.centre, c.mailbox, c.closed, c.last_author, c.created_at, c.updated_at, c.item_count,
  (SELECT to_centre FROM items WHERE conversation = c.id ORDER BY seq LIMIT 1) AS first FROM conversations c`;

export const itemColumns = 'id, conversation, seq, author, received_at, to_centre, to_person, idempotency_key, body_hash';

/** What an item adds to the byte quotas: the stored text of its envelopes (ASCII, so characters are bytes) and its blobs. */
export function itemBytes(item: NewItem): number {
  const blobs = (item.blobs ?? []).reduce((sum, blob) => sum + blob.size, 0);
  return JSON.stringify(item.toCentre).length + (item.toPerson ? JSON.stringify(item.toPerson).length : 0) + blobs;
}

/**
 * Attachments' blobs (issue 23) in both stores; `binary` is the dialect's
 * byte type (BLOB, BYTEA). A blob row is made with its item and deleted with
 * its conversation (ON DELETE CASCADE, down to the chunks). `upload` names
 * the attempt whose chunks make the complete blob: the chunks of an upload cut
 * off are dropped when the next attempt begins, so they cannot pile up.
 */
export const blobSchema = (binary: 'BLOB' | 'BYTEA') => `
CREATE TABLE IF NOT EXISTS blobs (
  id TEXT PRIMARY KEY,
  conversation TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  item TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  complete INTEGER NOT NULL DEFAULT 0,
  upload TEXT
);
CREATE INDEX IF NOT EXISTS blobs_conversation ON blobs (conversation);
CREATE TABLE IF NOT EXISTS blob_chunks (
  blob TEXT NOT NULL REFERENCES blobs (id) ON DELETE CASCADE,
  upload TEXT NOT NULL,
  seq INTEGER NOT NULL,
  bytes ${binary} NOT NULL,
  PRIMARY KEY (blob, upload, seq)
);
`;

/** A blobs row joined with its conversation's centre. */
export type BlobRow = { id: string; conversation: string; centre: string; size: Time; sha256: string; complete: number };

export const blobSelect = 'SELECT b.id, b.conversation, c.centre, b.size, b.sha256, b.complete FROM blobs b JOIN conversations c ON c.id = b.conversation WHERE b.id = ';

export function blobOf(row: BlobRow): StoredBlob {
  return { id: row.id, conversation: row.conversation, centre: row.centre, size: Number(row.size), sha256: row.sha256, complete: Number(row.complete) === 1 };
}

/** The values for `itemColumns`, in order. */
export function itemValues(id: string, conversation: string, seq: number, item: NewItem, at: number): (string | number | null)[] {
  return [id, conversation, seq, item.author, at, JSON.stringify(item.toCentre), item.toPerson ? JSON.stringify(item.toPerson) : null, item.idempotencyKey, item.bodyHash];
}

export function summaryOf(row: ConversationRow): ConversationSummary {
  return {
    id: row.id,
    centre: row.centre,
    status: statusOf(row.closed === true || row.closed === 1, row.last_author),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    itemCount: Number(row.item_count),
    canReply: row.mailbox !== null,
    first: JSON.parse(row.first) as Envelope,
  };
}

export function itemOf(row: ItemRow): StoredItem {
  return {
    id: row.id,
    author: row.author,
    receivedAt: Number(row.received_at),
    toCentre: JSON.parse(row.to_centre) as Envelope,
    toPerson: row.to_person === null ? null : (JSON.parse(row.to_person) as Envelope),
  };
}

/**
 * Centres, credentials and monthly figures: the same tables in both stores
 * (INTEGER and TEXT mean the same there). A centre key's `current` is 0 or 1.
 */
export const networkSchema = `
CREATE TABLE IF NOT EXISTS centre_keys (
  centre TEXT NOT NULL,
  kid TEXT NOT NULL,
  public_key TEXT NOT NULL,
  current INTEGER NOT NULL,
  PRIMARY KEY (centre, kid)
);
CREATE TABLE IF NOT EXISTS credentials (
  id TEXT PRIMARY KEY,
  centre TEXT NOT NULL,
  role TEXT NOT NULL,
  entry TEXT NOT NULL
);
-- Counters only: per centre and calendar month, no conversation ids, no finer time.
CREATE TABLE IF NOT EXISTS monthly_figures (
  centre TEXT NOT NULL,
  month TEXT NOT NULL,
  first_contacts INTEGER NOT NULL DEFAULT 0,
  follow_ups INTEGER NOT NULL DEFAULT 0,
  answers INTEGER NOT NULL DEFAULT 0,
  closed INTEGER NOT NULL DEFAULT 0,
  deleted_by_person INTEGER NOT NULL DEFAULT 0,
  answered_under_1h INTEGER NOT NULL DEFAULT 0,
  answered_1_4h INTEGER NOT NULL DEFAULT 0,
  answered_4_24h INTEGER NOT NULL DEFAULT 0,
  answered_1_3d INTEGER NOT NULL DEFAULT 0,
  answered_3_7d INTEGER NOT NULL DEFAULT 0,
  answered_over_7d INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (centre, month)
);
`;

const eventColumns: Record<FigureEvent, string> = {
  firstContacts: 'first_contacts',
  followUps: 'follow_ups',
  answers: 'answers',
  closed: 'closed',
  deletedByPerson: 'deleted_by_person',
};

const bucketColumns: Record<AnswerBucket, string> = {
  'under-1h': 'answered_under_1h',
  '1-4h': 'answered_1_4h',
  '4-24h': 'answered_4_24h',
  '1-3d': 'answered_1_3d',
  '3-7d': 'answered_3_7d',
  'over-7d': 'answered_over_7d',
};

/**
 * The statement that adds one to a counter, in the writing transaction. Both
 * SQLite and PostgreSQL take `INSERT … ON CONFLICT DO UPDATE`: the first event
 * of a month makes the row, every later one adds to it, and two instances
 * counting at once wait for each other on the row instead of losing one.
 * `placeholders` are the dialect's two parameter marks (centre, month).
 */
export function countStatement(counted: FigureEvent | { firstAnswerAfter: number }, placeholders: [string, string]): string {
  const column = typeof counted === 'string' ? eventColumns[counted] : bucketColumns[answerBucketOf(counted.firstAnswerAfter)];
  return `INSERT INTO monthly_figures (centre, month, ${column}) VALUES (${placeholders[0]}, ${placeholders[1]}, 1)
    ON CONFLICT (centre, month) DO UPDATE SET ${column} = monthly_figures.${column} + 1`;
}

/** A monthly_figures row (counts arrive as numbers from SQLite, as numbers or strings from PostgreSQL). */
export type FiguresRow = Record<string, string | number>;

export function figuresOf(row: FiguresRow): MonthlyFigures {
  const count = (column: string) => Number(row[column]);
  const firstAnswer = Object.fromEntries(answerBuckets.map((bucket) => [bucket, count(bucketColumns[bucket])])) as Record<AnswerBucket, number>;
  return {
    centre: String(row.centre),
    month: String(row.month),
    firstContacts: count('first_contacts'),
    followUps: count('follow_ups'),
    answers: count('answers'),
    closed: count('closed'),
    deletedByPerson: count('deleted_by_person'),
    firstAnswer,
  };
}
