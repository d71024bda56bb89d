/**
 * The store in one SQLite file (node-sqlite3-wasm: SQLite compiled to
 * WebAssembly, so no native build). One relay process per file.
 */
import sqlite, { type Database } from 'node-sqlite3-wasm';
import {
  minute,
  calendarMonth,
  challengeForgetAt,
  type Conversation,
  type ConversationStatus,
  type ConversationSummary,
  type CentreRemoval,
  type CredentialRole,
  type DeletedBy,
  type FigureEvent,
  type InsertResult,
  type Mailbox,
  type MonthlyFigures,
  type NewItem,
  type Quota,
  type Session,
  type Store,
  type StoreOptions,
  blobChunkBytes,
  type StoredCentreKey,
  type StoredCredential,
  type StoredItem,
  type StoredBlob,
} from './store.js';
import {
  blobOf,
  blobSchema,
  blobSelect,
  countStatement,
  figuresOf,
  itemBytes,
  itemColumns,
  itemOf,
  itemValues,
  networkSchema,
  newId,
  newUploadId,
  summaryOf,
  summarySelect,
  type BlobRow,
  type ConversationRow,
  type FiguresRow,
  type ItemRow,
} from './store-rows.js';

/** 4 (issue 22): centre keys and credentials, and the monthly figures, in the store. 5 (issue 23): attachments' blobs. */
export const schemaVersion = 5;

const schema = `
CREATE TABLE IF NOT EXISTS conversations (
  id TEXT PRIMARY KEY,
  centre TEXT NOT NULL,
  mailbox TEXT UNIQUE,
  verifier TEXT,
  closed INTEGER NOT NULL DEFAULT 0,
  last_author TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  item_count INTEGER NOT NULL,
  -- Envelope bytes of all items, for the byte quotas.
  bytes INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS conversations_centre ON conversations (centre, updated_at);
CREATE INDEX IF NOT EXISTS conversations_updated ON conversations (updated_at);
CREATE TABLE IF NOT EXISTS items (
  id TEXT PRIMARY KEY,
  conversation TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  author TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  to_centre TEXT NOT NULL,
  to_person TEXT,
  idempotency_key TEXT NOT NULL UNIQUE,
  body_hash TEXT NOT NULL,
  UNIQUE (conversation, seq)
);
-- WITHOUT ROWID: rows sorted by the random nonce, not kept in the order they came (which would match the conversations').
CREATE TABLE IF NOT EXISTS used_challenges (
  nonce TEXT PRIMARY KEY,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY,
  centre TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  credential TEXT
);
CREATE TABLE IF NOT EXISTS pending_notifications (
  centre TEXT PRIMARY KEY,
  since INTEGER NOT NULL,
  waiting INTEGER NOT NULL DEFAULT 1,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL
);
`;

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  private db: Database;
  private readonly timeZone: string;

  constructor(path: string, { timeZone = 'Europe/Berlin' }: StoreOptions = {}) {
    this.timeZone = timeZone;
    this.db = new sqlite.Database(path);
    // Deleted rows are overwritten with zeros, not just unlinked: deletion really deletes.
    // The busy timeout lets `wegweiser-relay centres` write while the relay runs (each waits for the other's write).
    this.db.exec('PRAGMA secure_delete = ON; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
    const version = (this.db.get('PRAGMA user_version') as { user_version: number }).user_version;
    this.transaction(() => {
      // Versions 4 and 5 only add tables (networkSchema, blobSchema), so a version-3 database needs nothing else.
      this.db.exec(schema);
      this.db.exec(networkSchema);
      this.db.exec(blobSchema('BLOB'));
      if (version === 1) this.migrateFromVersion1();
      if (version === 1 || version === 2) this.migrateToVersion3();
      this.db.exec(`PRAGMA user_version = ${schemaVersion}`);
    });
  }

  /** Version 0.1 kept single messages; each becomes a conversation of one item, without a mailbox. */
  private migrateFromVersion1(): void {
    const rows = this.db.all('SELECT id, centre, received_at, envelope, idempotency_key, body_hash FROM messages') as {
      id: string;
      centre: string;
      received_at: number;
      envelope: string;
      idempotency_key: string;
      body_hash: string;
    }[];
    for (const row of rows) {
      const conversation = newId();
      this.db.run('INSERT INTO conversations (id, centre, mailbox, verifier, closed, last_author, created_at, updated_at, item_count) VALUES (?, ?, NULL, NULL, 0, ?, ?, ?, 1)', [
        conversation,
        row.centre,
        'person',
        row.received_at,
        row.received_at,
      ]);
      this.db.run('INSERT INTO items (id, conversation, seq, author, received_at, to_centre, to_person, idempotency_key, body_hash) VALUES (?, ?, 1, ?, ?, ?, NULL, ?, ?)', [
        row.id,
        conversation,
        'person',
        row.received_at,
        row.envelope,
        row.idempotency_key,
        row.body_hash,
      ]);
    }
    this.db.exec('DROP TABLE messages');
  }

  /**
   * Version 3 (issue 20): conversations count their bytes, sessions name their
   * credential, used challenges expire to the minute and are stored by nonce.
   */
  private migrateToVersion3(): void {
    const columns = (table: string) => (this.db.all(`PRAGMA table_info(${table})`) as { name: string }[]).map((c) => c.name);
    if (!columns('conversations').includes('bytes')) this.db.exec('ALTER TABLE conversations ADD COLUMN bytes INTEGER NOT NULL DEFAULT 0');
    this.db.exec('UPDATE conversations SET bytes = (SELECT COALESCE(SUM(length(to_centre) + COALESCE(length(to_person), 0)), 0) FROM items WHERE conversation = conversations.id)');
    if (!columns('sessions').includes('credential')) this.db.exec('ALTER TABLE sessions ADD COLUMN credential TEXT');
    this.db.exec(`CREATE TABLE used_challenges_by_nonce (nonce TEXT PRIMARY KEY, expires_at INTEGER NOT NULL) WITHOUT ROWID;
      INSERT INTO used_challenges_by_nonce SELECT nonce, ((expires_at + 60) / 60) * 60 FROM used_challenges;
      DROP TABLE used_challenges;
      ALTER TABLE used_challenges_by_nonce RENAME TO used_challenges;`);
  }

  private transaction<T>(work: () => T): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  async close(): Promise<void> {
    if (this.db.isOpen) this.db.close();
  }

  async ping(): Promise<boolean> {
    try {
      return this.db.get('SELECT 1 AS ok')?.ok === 1;
    } catch {
      return false;
    }
  }

  async useChallenge(nonce: string, expiresAt: number): Promise<boolean> {
    return this.db.run('INSERT OR IGNORE INTO used_challenges (nonce, expires_at) VALUES (?, ?)', [nonce, challengeForgetAt(expiresAt)]).changes === 1;
  }

  async findItemByIdempotencyKey(key: string): Promise<{ conversation: string; item: string; bodyHash: string } | null> {
    const row = this.db.get('SELECT id, conversation, body_hash FROM items WHERE idempotency_key = ?', key) as { id: string; conversation: string; body_hash: string } | null;
    return row ? { conversation: row.conversation, item: row.id, bodyHash: row.body_hash } : null;
  }

  private repeated(item: NewItem): InsertResult | null {
    const row = this.db.get('SELECT id, conversation, body_hash FROM items WHERE idempotency_key = ?', item.idempotencyKey) as { id: string; conversation: string; body_hash: string } | null;
    if (!row) return null;
    return row.body_hash === item.bodyHash ? { status: 'duplicate', conversation: row.conversation, item: row.id } : { status: 'conflict' };
  }

  private insertItem(conversation: string, seq: number, item: NewItem, at: number): string {
    const id = newId();
    this.db.run(`INSERT INTO items (${itemColumns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, itemValues(id, conversation, seq, item, at));
    for (const blob of item.blobs ?? []) {
      this.db.run('INSERT INTO blobs (id, conversation, item, size, sha256) VALUES (?, ?, ?, ?, ?)', [blob.id, conversation, id, blob.size, blob.sha256]);
    }
    return id;
  }

  /** Whether another item declared one of these blob ids already (a retry of the same item is found before). */
  private blobsTaken(item: NewItem): boolean {
    return (item.blobs ?? []).some((blob) => this.db.get('SELECT 1 AS taken FROM blobs WHERE id = ?', blob.id));
  }

  private queueNotification(centre: string, at: number, now: number): void {
    // One pending notification per centre: several messages waiting make one e-mail.
    this.db.run(
      'INSERT INTO pending_notifications (centre, since, waiting, attempts, next_attempt_at) VALUES (?, ?, 1, 0, ?) ON CONFLICT (centre) DO UPDATE SET waiting = waiting + 1',
      [centre, at, now],
    );
  }

  /** Adds one to a counter of the centre's month (inside the caller's transaction). */
  private count(centre: string, now: number, counted: FigureEvent | { firstAnswerAfter: number }): void {
    this.db.run(countStatement(counted, ['?', '?']), [centre, calendarMonth(now, this.timeZone)]);
  }

  private storeBytesSync(): number {
    return (this.db.get('SELECT COALESCE(SUM(bytes), 0) AS bytes FROM conversations') as { bytes: number }).bytes;
  }

  async storedBytes(): Promise<number> {
    return this.storeBytesSync();
  }

  async startConversation(centre: string, mailbox: Mailbox | null, item: NewItem, now: number, quota: Quota = {}): Promise<InsertResult> {
    return this.transaction(() => {
      const before = this.repeated(item);
      if (before) return before;
      if (mailbox && this.db.get('SELECT 1 AS taken FROM conversations WHERE mailbox = ?', mailbox.id)) return { status: 'mailbox-taken' as const };
      if (this.blobsTaken(item)) return { status: 'conflict' as const };
      const bytes = itemBytes(item);
      // A first message with attachments can pass a conversation's quota on its own.
      if (bytes > (quota.conversationBytes ?? Infinity)) return { status: 'too-large' as const };
      if (this.storeBytesSync() + bytes > (quota.storeBytes ?? Infinity)) return { status: 'store-full' as const };
      const at = minute(now);
      const conversation = newId();
      this.db.run('INSERT INTO conversations (id, centre, mailbox, verifier, closed, last_author, created_at, updated_at, item_count, bytes) VALUES (?, ?, ?, ?, 0, ?, ?, ?, 1, ?)', [
        conversation,
        centre,
        mailbox?.id ?? null,
        mailbox?.verifier ?? null,
        item.author,
        at,
        at,
        bytes,
      ]);
      const id = this.insertItem(conversation, 1, item, at);
      this.queueNotification(centre, at, now);
      this.count(centre, now, 'firstContacts');
      return { status: 'stored' as const, conversation, item: id };
    });
  }

  async addItem(conversation: string, item: NewItem, now: number, maxItems: number, quota: Quota = {}): Promise<InsertResult> {
    return this.transaction(() => {
      const before = this.repeated(item);
      if (before) return before;
      const row = this.db.get('SELECT centre, item_count, bytes, created_at FROM conversations WHERE id = ?', conversation) as { centre: string; item_count: number; bytes: number; created_at: number } | null;
      if (!row) return { status: 'not-found' as const };
      if (row.item_count >= maxItems) return { status: 'full' as const };
      if (this.blobsTaken(item)) return { status: 'conflict' as const };
      const bytes = itemBytes(item);
      if (row.bytes + bytes > (quota.conversationBytes ?? Infinity)) return { status: 'too-large' as const };
      if (this.storeBytesSync() + bytes > (quota.storeBytes ?? Infinity)) return { status: 'store-full' as const };
      const at = minute(now);
      const firstAnswer = item.author === 'centre' && !this.db.get("SELECT 1 AS answered FROM items WHERE conversation = ? AND author = 'centre' LIMIT 1", conversation);
      const id = this.insertItem(conversation, row.item_count + 1, item, at);
      this.count(row.centre, now, item.author === 'person' ? 'followUps' : 'answers');
      if (firstAnswer) this.count(row.centre, now, { firstAnswerAfter: at - row.created_at });
      // A person writing again reopens a closed conversation; the team's answer leaves "closed" as it is.
      this.db.run(
        `UPDATE conversations SET item_count = item_count + 1, bytes = bytes + ?, updated_at = ?, last_author = ?${item.author === 'person' ? ', closed = 0' : ''} WHERE id = ?`,
        [bytes, at, item.author, conversation],
      );
      if (item.author === 'person') this.queueNotification(row.centre, at, now);
      return { status: 'stored' as const, conversation, item: id };
    });
  }

  async blob(id: string): Promise<StoredBlob | null> {
    const row = this.db.get(`${blobSelect}?`, id) as BlobRow | null;
    return row ? blobOf(row) : null;
  }

  async beginBlobUpload(id: string): Promise<string | null> {
    return this.transaction(() => {
      const row = this.db.get('SELECT complete FROM blobs WHERE id = ?', id) as { complete: number } | null;
      if (!row || row.complete !== 0) return null;
      // What earlier attempts left is dropped: uploads cut off again and again cannot pile up pieces.
      this.db.run('DELETE FROM blob_chunks WHERE blob = ?', id);
      return newUploadId();
    });
  }

  async addBlobChunk(id: string, upload: string, seq: number, bytes: Uint8Array): Promise<void> {
    this.db.run('INSERT INTO blob_chunks (blob, upload, seq, bytes) VALUES (?, ?, ?, ?)', [id, upload, seq, bytes]);
  }

  async finishBlobUpload(id: string, upload: string): Promise<boolean> {
    return this.transaction(() => {
      const chunks = this.db.get('SELECT COUNT(*) AS n, COALESCE(SUM(length(bytes)), 0) AS bytes FROM blob_chunks WHERE blob = ? AND upload = ?', [id, upload]) as { n: number; bytes: number };
      const blob = this.db.get('SELECT size FROM blobs WHERE id = ? AND complete = 0', id) as { size: number } | null;
      if (!blob || chunks.bytes !== blob.size || chunks.n !== Math.ceil(blob.size / blobChunkBytes)) return false;
      this.db.run('UPDATE blobs SET complete = 1, upload = ? WHERE id = ?', [upload, id]);
      this.db.run('DELETE FROM blob_chunks WHERE blob = ? AND upload <> ?', [id, upload]);
      return true;
    });
  }

  async blobChunk(id: string, seq: number): Promise<Uint8Array | null> {
    const row = this.db.get('SELECT k.bytes FROM blob_chunks k JOIN blobs b ON b.id = k.blob AND b.upload = k.upload WHERE b.id = ? AND b.complete = 1 AND k.seq = ?', [id, seq]) as { bytes: Uint8Array } | null;
    return row ? row.bytes : null;
  }

  async findMailbox(mailbox: string): Promise<{ conversation: string; centre: string; verifier: string } | null> {
    const row = this.db.get('SELECT id, centre, verifier FROM conversations WHERE mailbox = ?', mailbox) as { id: string; centre: string; verifier: string } | null;
    return row ? { conversation: row.id, centre: row.centre, verifier: row.verifier } : null;
  }

  async conversation(id: string): Promise<Conversation | null> {
    const row = this.db.get(`${summarySelect} WHERE c.id = ?`, id) as ConversationRow | null;
    if (!row) return null;
    const items = this.db.all('SELECT id, author, received_at, to_centre, to_person FROM items WHERE conversation = ? ORDER BY seq', id) as ItemRow[];
    return { ...summaryOf(row), items: items.map(itemOf) };
  }

  async conversations(centre: string, status?: ConversationStatus): Promise<ConversationSummary[]> {
    const rows = this.db.all(`${summarySelect} WHERE c.centre = ? ORDER BY c.updated_at DESC, c.rowid DESC`, centre) as ConversationRow[];
    const all = rows.map(summaryOf);
    return status ? all.filter((c) => c.status === status) : all;
  }

  async setClosed(id: string, closed: boolean, now: number): Promise<boolean> {
    return this.transaction(() => {
      const row = this.db.get('SELECT centre, closed FROM conversations WHERE id = ?', id) as { centre: string; closed: number } | null;
      if (!row) return false;
      this.db.run('UPDATE conversations SET closed = ?, updated_at = ? WHERE id = ?', [closed ? 1 : 0, minute(now), id]);
      if (closed && row.closed === 0) this.count(row.centre, now, 'closed');
      return true;
    });
  }

  async deleteConversation(id: string, by: DeletedBy = 'team', now = Math.floor(Date.now() / 1000)): Promise<boolean> {
    return this.transaction(() => {
      const row = this.db.get('SELECT centre FROM conversations WHERE id = ?', id) as { centre: string } | null;
      if (!row) return false;
      this.db.run('DELETE FROM items WHERE conversation = ?', id);
      this.db.run('DELETE FROM conversations WHERE id = ?', id);
      if (by === 'person') this.count(row.centre, now, 'deletedByPerson');
      return true;
    });
  }

  async allItems(centre?: string): Promise<(StoredItem & { conversation: string; centre: string })[]> {
    const sql = `SELECT i.id, i.author, i.received_at, i.to_centre, i.to_person, i.conversation, c.centre FROM items i JOIN conversations c ON c.id = i.conversation
      ${centre ? 'WHERE c.centre = ?' : ''} ORDER BY i.received_at, c.created_at, i.seq`;
    const rows = (centre ? this.db.all(sql, centre) : this.db.all(sql)) as ItemRow[];
    return rows.map((row) => ({ ...itemOf(row), conversation: row.conversation, centre: row.centre }));
  }

  async createSession(tokenHash: string, centre: string, expiresAt: number, credential: string | null = null): Promise<void> {
    this.db.run('INSERT INTO sessions (token_hash, centre, expires_at, credential) VALUES (?, ?, ?, ?)', [tokenHash, centre, expiresAt, credential]);
  }

  async findSession(tokenHash: string, now: number): Promise<Session | null> {
    const row = this.db.get('SELECT centre, credential FROM sessions WHERE token_hash = ? AND expires_at > ?', [tokenHash, now]) as Session | null;
    return row ? { centre: row.centre, credential: row.credential } : null;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    this.db.run('DELETE FROM sessions WHERE token_hash = ?', tokenHash);
  }

  async deleteSessions(centre?: string): Promise<number> {
    return centre ? this.db.run('DELETE FROM sessions WHERE centre = ?', centre).changes : this.db.run('DELETE FROM sessions').changes;
  }

  async applyRetention(now: number, retentionDays: number): Promise<number> {
    return this.transaction(() => {
      const cutoff = now - retentionDays * 86400;
      this.db.run('DELETE FROM items WHERE conversation IN (SELECT id FROM conversations WHERE updated_at < ?)', cutoff);
      const deleted = this.db.run('DELETE FROM conversations WHERE updated_at < ?', cutoff).changes;
      this.db.run('DELETE FROM used_challenges WHERE expires_at <= ?', now);
      this.db.run('DELETE FROM sessions WHERE expires_at <= ?', now);
      // Rows kept only to space out e-mails, once their interval is over.
      this.db.run('DELETE FROM pending_notifications WHERE waiting <= 0 AND next_attempt_at <= ?', now);
      return deleted;
    });
  }

  async dueNotifications(now: number): Promise<{ centre: string; attempts: number; waiting: number }[]> {
    return this.db.all('SELECT centre, attempts, waiting FROM pending_notifications WHERE waiting > 0 AND next_attempt_at <= ?', now) as { centre: string; attempts: number; waiting: number }[];
  }

  async pendingNotifications(): Promise<number> {
    return (this.db.get('SELECT COUNT(*) AS n FROM pending_notifications WHERE waiting > 0') as { n: number }).n;
  }

  async retryNotificationsNow(now: number): Promise<void> {
    this.db.run('UPDATE pending_notifications SET next_attempt_at = ? WHERE waiting > 0 AND attempts > 0', now);
  }

  async notificationSent(centre: string, waiting: number, now: number, nextAllowedAt = now): Promise<void> {
    // The row stays (with nothing waiting) until nextAllowedAt, so a message
    // arriving in between is told about then, not at once.
    this.db.run('UPDATE pending_notifications SET waiting = waiting - ?, attempts = 0, next_attempt_at = ? WHERE centre = ?', [waiting, nextAllowedAt, centre]);
  }

  async notificationFailed(centre: string, nextAttemptAt: number): Promise<void> {
    this.db.run('UPDATE pending_notifications SET attempts = attempts + 1, next_attempt_at = ? WHERE centre = ?', [nextAttemptAt, centre]);
  }

  async centreKeys(): Promise<StoredCentreKey[]> {
    const rows = this.db.all('SELECT centre, kid, public_key, current FROM centre_keys ORDER BY centre, kid') as { centre: string; kid: string; public_key: string; current: number }[];
    return rows.map((row) => ({ centre: row.centre, kid: row.kid, publicKey: row.public_key, current: row.current === 1 }));
  }

  async addCentreKey(key: Omit<StoredCentreKey, 'current'>): Promise<void> {
    this.transaction(() => {
      this.db.run('UPDATE centre_keys SET current = 0 WHERE centre = ?', key.centre);
      this.db.run('INSERT INTO centre_keys (centre, kid, public_key, current) VALUES (?, ?, ?, 1) ON CONFLICT (centre, kid) DO UPDATE SET current = 1', [key.centre, key.kid, key.publicKey]);
    });
  }

  async removeCentreKeys(centre: string, kid?: string): Promise<number> {
    return kid ? this.db.run('DELETE FROM centre_keys WHERE centre = ? AND kid = ?', [centre, kid]).changes : this.db.run('DELETE FROM centre_keys WHERE centre = ?', centre).changes;
  }

  async removeCentre(centre: string, withConversations: boolean): Promise<CentreRemoval> {
    return this.transaction(() => {
      const { n: conversations } = this.db.get('SELECT COUNT(*) AS n FROM conversations WHERE centre = ?', centre) as { n: number };
      if (conversations > 0 && !withConversations) return { removed: false, conversations };
      // The mailboxes are columns of the conversations; secure_delete overwrites what is deleted.
      this.db.run('DELETE FROM items WHERE conversation IN (SELECT id FROM conversations WHERE centre = ?)', centre);
      this.db.run('DELETE FROM conversations WHERE centre = ?', centre);
      this.db.run('DELETE FROM pending_notifications WHERE centre = ?', centre);
      // Every session of the centre, also one opened with a credential from the environment: the centre is gone.
      this.db.run('DELETE FROM sessions WHERE centre = ?', centre);
      const credentials = this.db.run("DELETE FROM credentials WHERE centre = ? AND role = 'team'", centre).changes;
      const keys = this.db.run('DELETE FROM centre_keys WHERE centre = ?', centre).changes;
      return { removed: true, keys, credentials, conversations };
    });
  }

  async credentials(): Promise<StoredCredential[]> {
    return this.db.all('SELECT id, centre, role, entry FROM credentials ORDER BY centre, id') as unknown as StoredCredential[];
  }

  async addCredential(credential: StoredCredential): Promise<void> {
    this.db.run('INSERT INTO credentials (id, centre, role, entry) VALUES (?, ?, ?, ?)', [credential.id, credential.centre, credential.role, credential.entry]);
  }

  async removeCredentials(centre: string, role: CredentialRole): Promise<number> {
    return this.transaction(() => {
      this.db.run('DELETE FROM sessions WHERE credential IN (SELECT id FROM credentials WHERE centre = ? AND role = ?)', [centre, role]);
      return this.db.run('DELETE FROM credentials WHERE centre = ? AND role = ?', [centre, role]).changes;
    });
  }

  async monthlyFigures(centre?: string): Promise<MonthlyFigures[]> {
    const rows = (centre ? this.db.all('SELECT * FROM monthly_figures WHERE centre = ? ORDER BY month, centre', centre) : this.db.all('SELECT * FROM monthly_figures ORDER BY month, centre')) as FiguresRow[];
    return rows.map(figuresOf);
  }
}
