/**
 * What the SQLite and PostgreSQL stores share: the row shapes they read and
 * how rows become the store's objects, so both answer exactly alike.
 */
import { randomBytes } from 'node:crypto';
import type { Envelope } from '@wegweiser/contact-form/envelope';
import { statusOf, type Author, type ConversationSummary, type NewItem, type StoredItem } from './store.js';

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

/** The summary columns, with the first item's envelope for the centre (the inbox's preview). */
export const summarySelect = `SELECT c.id, c.centre, c.mailbox, c.closed, c.last_author, c.created_at, c.updated_at, c.item_count,
  (SELECT to_centre FROM items WHERE conversation = c.id ORDER BY seq LIMIT 1) AS first FROM conversations c`;

export const itemColumns = 'id, conversation, seq, author, received_at, to_centre, to_person, idempotency_key, body_hash';

/** What an item adds to the byte quotas: the stored text of its envelopes (ASCII, so characters are bytes). */
export function itemBytes(item: NewItem): number {
  return JSON.stringify(item.toCentre).length + (item.toPerson ? JSON.stringify(item.toPerson).length : 0);
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
