/**
 * The relay's store: one SQLite file (node-sqlite3-wasm, SQLite compiled to
 * WebAssembly, so no native build). It holds the encrypted envelopes, the
 * proof-of-work challenges already used, and the notifications still to send.
 * There is no column for an IP address, a user agent or anything else about
 * the sender; the receive time is kept to the minute only.
 */
import { randomBytes } from 'node:crypto';
import sqlite, { type Database } from 'node-sqlite3-wasm';
import type { Envelope } from '@wegweiser/contact-form/envelope';

export interface StoredMessage {
  id: string;
  centre: string;
  /** Unix seconds, rounded down to the minute. */
  receivedAt: number;
  envelope: Envelope;
}

export type InsertResult = { status: 'stored'; id: string } | { status: 'duplicate'; id: string } | { status: 'conflict' };

const schema = `
CREATE TABLE IF NOT EXISTS messages (
  id TEXT PRIMARY KEY,
  centre TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  envelope TEXT NOT NULL,
  idempotency_key TEXT NOT NULL UNIQUE,
  body_hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS messages_received ON messages (received_at);
CREATE TABLE IF NOT EXISTS used_challenges (
  nonce TEXT PRIMARY KEY,
  expires_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS pending_notifications (
  centre TEXT PRIMARY KEY,
  since INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL
);
PRAGMA user_version = 1;
`;

export class Store {
  private db: Database;

  constructor(path: string) {
    this.db = new sqlite.Database(path);
    this.db.exec(schema);
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }

  /** Whether the database answers (for the health check). */
  ping(): boolean {
    try {
      return this.db.get('SELECT 1 AS ok')?.ok === 1;
    } catch {
      return false;
    }
  }

  findByIdempotencyKey(key: string): { id: string; bodyHash: string } | null {
    const row = this.db.get('SELECT id, body_hash FROM messages WHERE idempotency_key = ?', key) as { id: string; body_hash: string } | null;
    return row ? { id: row.id, bodyHash: row.body_hash } : null;
  }

  /**
   * Marks a proof-of-work challenge as used; false if it was used before.
   * `nonce` is unique per challenge and signed, so this makes each one single-use.
   */
  useChallenge(nonce: string, expiresAt: number): boolean {
    const result = this.db.run('INSERT OR IGNORE INTO used_challenges (nonce, expires_at) VALUES (?, ?)', [nonce, expiresAt]);
    return result.changes === 1;
  }

  /** Stores a message and queues a notification for its centre, in one transaction. */
  insert(envelope: Envelope, idempotencyKey: string, bodyHash: string, now: number): InsertResult {
    const existing = this.findByIdempotencyKey(idempotencyKey);
    if (existing) return existing.bodyHash === bodyHash ? { status: 'duplicate', id: existing.id } : { status: 'conflict' };
    const id = randomBytes(16).toString('base64url');
    const minute = Math.floor(now / 60) * 60;
    this.db.exec('BEGIN IMMEDIATE');
    try {
      this.db.run('INSERT INTO messages (id, centre, received_at, envelope, idempotency_key, body_hash) VALUES (?, ?, ?, ?, ?, ?)', [
        id,
        envelope.centre,
        minute,
        JSON.stringify(envelope),
        idempotencyKey,
        bodyHash,
      ]);
      // One pending notification per centre: several messages waiting make one e-mail.
      this.db.run('INSERT OR IGNORE INTO pending_notifications (centre, since, attempts, next_attempt_at) VALUES (?, ?, 0, ?)', [envelope.centre, minute, now]);
      this.db.exec('COMMIT');
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
    return { status: 'stored', id };
  }

  messages(centre?: string): StoredMessage[] {
    const rows = (
      centre
        ? this.db.all('SELECT id, centre, received_at, envelope FROM messages WHERE centre = ? ORDER BY received_at, rowid', centre)
        : this.db.all('SELECT id, centre, received_at, envelope FROM messages ORDER BY received_at, rowid')
    ) as { id: string; centre: string; received_at: number; envelope: string }[];
    return rows.map((r) => ({ id: r.id, centre: r.centre, receivedAt: r.received_at, envelope: JSON.parse(r.envelope) as Envelope }));
  }

  deleteMessage(id: string): boolean {
    return this.db.run('DELETE FROM messages WHERE id = ?', id).changes === 1;
  }

  /** Deletes messages older than the retention period and challenges that have expired. */
  applyRetention(now: number, retentionDays: number): number {
    const deleted = this.db.run('DELETE FROM messages WHERE received_at < ?', now - retentionDays * 86400).changes;
    this.db.run('DELETE FROM used_challenges WHERE expires_at < ?', now);
    return deleted;
  }

  dueNotifications(now: number): { centre: string; attempts: number }[] {
    return this.db.all('SELECT centre, attempts FROM pending_notifications WHERE next_attempt_at <= ?', now) as { centre: string; attempts: number }[];
  }

  pendingNotifications(): number {
    return (this.db.get('SELECT COUNT(*) AS n FROM pending_notifications') as { n: number }).n;
  }

  /** Makes every pending notification due now (at start: a restart often follows a fixed mail server). */
  retryNotificationsNow(now: number): void {
    this.db.run('UPDATE pending_notifications SET next_attempt_at = ?', now);
  }

  notificationSent(centre: string): void {
    this.db.run('DELETE FROM pending_notifications WHERE centre = ?', centre);
  }

  notificationFailed(centre: string, nextAttemptAt: number): void {
    this.db.run('UPDATE pending_notifications SET attempts = attempts + 1, next_attempt_at = ? WHERE centre = ?', [nextAttemptAt, centre]);
  }
}
