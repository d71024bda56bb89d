/**
 * The store in PostgreSQL, for several relay instances behind a load
 * balancer: every instance opens the same database, and everything that must
 * hold across instances (used challenges, sessions, conversations, pending
 * notifications) lives there. Same tables and meaning as the SQLite store.
 *
 * Concurrency: writes run in transactions at READ COMMITTED. An item insert
 * locks its conversation row (`SELECT … FOR UPDATE`), so two instances adding
 * to one conversation get consecutive sequence numbers. Two instances handling
 * the same retry at once both pass the idempotency check; the second insert
 * then hits the UNIQUE idempotency key (or the mailbox), is rolled back and
 * re-run, and the re-run answers `duplicate` (or `conflict`, `mailbox-taken`).
 *
 * Deletion: PostgreSQL has no secure_delete. A DELETE hides the rows at once;
 * the store then runs VACUUM on the tables it deleted from, which removes the
 * dead rows from the table pages and lets their space be reused. See the
 * README's PostgreSQL section for what else an operator must do.
 */
import pg from 'pg';
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
  type StoredCentreKey,
  type StoredCredential,
  type StoredItem,
  type StoredBlob,
  blobChunkBytes,
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

/** 3 (issue 22): centre keys and credentials, and the monthly figures, in the store. 4 (issue 23): attachments' blobs. */
export const postgresSchemaVersion = 4;

/** Any fixed number: the key of the advisory lock that serialises schema set-up across instances. */
const schemaLock = 0x77775e1a;
/** How long an instance holds the notifications it is sending (see dueNotifications). */
const notificationClaimSeconds = 300;

const schema = `
CREATE TABLE IF NOT EXISTS relay_schema (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS conversations (
  id TEXT PRIMARY KEY,
  centre TEXT NOT NULL,
  mailbox TEXT UNIQUE,
  verifier TEXT,
  closed BOOLEAN NOT NULL DEFAULT FALSE,
  last_author TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  item_count INTEGER NOT NULL,
  -- Envelope bytes of all items, for the byte quotas.
  bytes BIGINT NOT NULL DEFAULT 0,
  -- Insertion order, the tie-breaker for "most recently active first" (SQLite's rowid).
  ord BIGINT GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX IF NOT EXISTS conversations_centre ON conversations (centre, updated_at);
CREATE INDEX IF NOT EXISTS conversations_updated ON conversations (updated_at);
CREATE TABLE IF NOT EXISTS items (
  id TEXT PRIMARY KEY,
  conversation TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  author TEXT NOT NULL,
  received_at BIGINT NOT NULL,
  to_centre TEXT NOT NULL,
  to_person TEXT,
  idempotency_key TEXT NOT NULL UNIQUE,
  body_hash TEXT NOT NULL,
  UNIQUE (conversation, seq)
);
CREATE TABLE IF NOT EXISTS used_challenges (
  nonce TEXT PRIMARY KEY,
  expires_at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS used_challenges_expires ON used_challenges (expires_at);
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY,
  centre TEXT NOT NULL,
  expires_at BIGINT NOT NULL,
  credential TEXT
);
CREATE TABLE IF NOT EXISTS pending_notifications (
  centre TEXT PRIMARY KEY,
  since BIGINT NOT NULL,
  waiting INTEGER NOT NULL DEFAULT 1,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL
);
`;

const statusWhere: Record<ConversationStatus, string> = {
  new: "NOT c.closed AND c.last_author = 'person'",
  answered: "NOT c.closed AND c.last_author = 'centre'",
  closed: 'c.closed',
};

/** A unique violation: a concurrent transaction inserted the same idempotency key or mailbox first. */
const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === '23505';

type Queryable = Pick<pg.PoolClient, 'query'>;

export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  private vacuuming: Promise<void> | null = null;
  private vacuumAgain = false;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly timeZone: string,
  ) {}

  /**
   * Connects and creates the tables when they are missing. Several instances
   * starting at once take turns (an advisory lock), so none sees a half-made
   * schema. Fails when the database was set up by a newer relay.
   */
  static async open(url: string, { timeoutMs = 5000, max = 10, timeZone = 'Europe/Berlin' }: StoreOptions & { timeoutMs?: number; max?: number } = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({
      connectionString: url,
      max,
      // A database that is down or frozen must give an error in bounded time,
      // never a request that hangs: the app answers 503 and the form retries.
      // Waiting for a connection (also for a free one in the pool) and every
      // statement are bounded; the client-side read timeout also covers a
      // server that accepted the connection and then stopped answering.
      connectionTimeoutMillis: timeoutMs,
      statement_timeout: timeoutMs,
      lock_timeout: timeoutMs,
      query_timeout: timeoutMs + 1000,
      idle_in_transaction_session_timeout: timeoutMs * 2,
      keepAlive: true,
    });
    // An idle connection that breaks (database restarted) must not crash the process; the pool replaces it.
    pool.on('error', () => {});
    const store = new PostgresStore(pool, timeZone);
    try {
      await store.transaction(async (db) => {
        await db.query('SELECT pg_advisory_xact_lock($1)', [schemaLock]);
        await db.query(schema);
        // Versions 3 and 4 only add tables: made here for a new database and for one of version 2 alike.
        await db.query(networkSchema);
        await db.query(blobSchema('BYTEA'));
        const { rows } = await db.query<{ version: number }>('SELECT version FROM relay_schema');
        if (rows.length === 0) await db.query('INSERT INTO relay_schema (version) VALUES ($1)', [postgresSchemaVersion]);
        else if (rows[0]!.version > postgresSchemaVersion) {
          throw new Error(`the database has schema version ${rows[0]!.version}, newer than this relay understands (${postgresSchemaVersion}); update the relay`);
        } else if (rows[0]!.version < postgresSchemaVersion) {
          if (rows[0]!.version < 2) {
            // Version 2 (issue 20): conversations count their bytes (for the quotas), sessions name their credential.
            // Only here: ALTER TABLE locks the table, and instances start while others serve.
            await db.query('ALTER TABLE conversations ADD COLUMN IF NOT EXISTS bytes BIGINT NOT NULL DEFAULT 0');
            await db.query('ALTER TABLE sessions ADD COLUMN IF NOT EXISTS credential TEXT');
            await db.query('UPDATE conversations c SET bytes = (SELECT COALESCE(SUM(length(to_centre) + COALESCE(length(to_person), 0)), 0) FROM items WHERE conversation = c.id)');
            await db.query('UPDATE used_challenges SET expires_at = ((expires_at + 60) / 60) * 60');
          }
          await db.query('UPDATE relay_schema SET version = $1', [postgresSchemaVersion]);
        }
      });
    } catch (error) {
      await pool.end();
      throw error;
    }
    return store;
  }

  private async transaction<T>(work: (db: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      // An error from the server (it has a SQLSTATE code) leaves the connection
      // usable: roll back. A timeout or a broken connection does not: drop the
      // connection, and the server rolls back when it notices.
      if (error instanceof pg.DatabaseError) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => {
          broken = rollbackError;
        });
      } else broken = error as Error;
      throw error;
    } finally {
      // A connection that could not roll back is destroyed, not returned to the pool.
      client.release(broken);
    }
  }

  /** Runs `work` again when a concurrent duplicate made it fail on a unique key: the re-run sees the other's row. */
  private async retryingUnique<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= 3) throw error;
      }
    }
  }

  async close(): Promise<void> {
    await this.vacuuming;
    // Closing twice (a test closes the store, then the relay) is not an error.
    if (!this.pool.ended) await this.pool.end();
  }

  /** False within about two seconds when the database is down or frozen (the health check must not hang). */
  async ping(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), 2000);
    });
    const answer = this.pool.query<{ ok: number }>('SELECT 1 AS ok').then(
      ({ rows }) => rows[0]?.ok === 1,
      () => false
    );
    try {
      return await Promise.race([answer, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  async useChallenge(nonce: string, expiresAt: number): Promise<boolean> {
    const result = await this.pool.query('INSERT INTO used_challenges (nonce, expires_at) VALUES ($1, $2) ON CONFLICT DO NOTHING', [nonce, challengeForgetAt(expiresAt)]);
    return result.rowCount === 1;
  }

  async findItemByIdempotencyKey(key: string): Promise<{ conversation: string; item: string; bodyHash: string } | null> {
    return this.byIdempotencyKey(this.pool, key);
  }

  private async byIdempotencyKey(db: Queryable, key: string): Promise<{ conversation: string; item: string; bodyHash: string } | null> {
    const { rows } = await db.query<{
      id: string;
      conversation: string;
      body_hash: string;
    }>('SELECT id, conversation, body_hash FROM items WHERE idempotency_key = $1', [key]);
    const row = rows[0];
    return row
      ? {
          conversation: row.conversation,
          item: row.id,
          bodyHash: row.body_hash,
        }
      : null;
  }

  private async repeated(db: Queryable, item: NewItem): Promise<InsertResult | null> {
    const row = await this.byIdempotencyKey(db, item.idempotencyKey);
    if (!row) return null;
    return row.bodyHash === item.bodyHash ? { status: 'duplicate', conversation: row.conversation, item: row.item } : { status: 'conflict' };
  }

  private async insertItem(db: Queryable, conversation: string, seq: number, item: NewItem, at: number): Promise<string> {
    const id = newId();
    await db.query(`INSERT INTO items (${itemColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, itemValues(id, conversation, seq, item, at));
    for (const blob of item.blobs ?? []) {
      await db.query('INSERT INTO blobs (id, conversation, item, size, sha256) VALUES ($1, $2, $3, $4, $5)', [blob.id, conversation, id, blob.size, blob.sha256]);
    }
    return id;
  }

  /** Whether another item declared one of these blob ids already (a retry of the same item is found before). */
  private async blobsTaken(db: Queryable, item: NewItem): Promise<boolean> {
    if (!item.blobs?.length) return false;
    return ((await db.query('SELECT 1 FROM blobs WHERE id = ANY($1)', [item.blobs.map((blob) => blob.id)])).rowCount ?? 0) > 0;
  }

  private async queueNotification(db: Queryable, centre: string, at: number, now: number): Promise<void> {
    // One pending notification per centre: several messages waiting make one e-mail.
    await db.query('INSERT INTO pending_notifications (centre, since, waiting, attempts, next_attempt_at) VALUES ($1, $2, 1, 0, $3) ON CONFLICT (centre) DO UPDATE SET waiting = pending_notifications.waiting + 1', [centre, at, now]);
  }

  /** Adds one to a counter of the centre's month, inside the caller's transaction (rolled back with it). */
  private async count(db: Queryable, centre: string, now: number, counted: FigureEvent | { firstAnswerAfter: number }): Promise<void> {
    await db.query(countStatement(counted, ['$1', '$2']), [centre, calendarMonth(now, this.timeZone)]);
  }

  private async storeBytes(db: Queryable): Promise<number> {
    const { rows } = await db.query<{ bytes: string }>('SELECT COALESCE(SUM(bytes), 0) AS bytes FROM conversations');
    return Number(rows[0]!.bytes);
  }

  /**
   * Envelope bytes over all conversations. Two instances inserting at the
   * same moment may both see room, so the store quota can be passed by a few
   * items (at most one per connection in flight).
   */
  async storedBytes(): Promise<number> {
    return this.storeBytes(this.pool);
  }

  async startConversation(centre: string, mailbox: Mailbox | null, item: NewItem, now: number, quota: Quota = {}): Promise<InsertResult> {
    return this.retryingUnique(() =>
      this.transaction(async (db) => {
        const before = await this.repeated(db, item);
        if (before) return before;
        if (mailbox && (await db.query('SELECT 1 FROM conversations WHERE mailbox = $1', [mailbox.id])).rowCount) {
          // The mailbox may belong to this very message, committed by another
          // instance after the check above: each statement sees what was committed
          // when it began, so look again before calling the code taken.
          return (
            (await this.repeated(db, item)) ?? {
              status: 'mailbox-taken' as const,
            }
          );
        }
        if (await this.blobsTaken(db, item)) return { status: 'conflict' as const };
        const bytes = itemBytes(item);
        // A first message with attachments can pass a conversation's quota on its own.
        if (bytes > (quota.conversationBytes ?? Infinity)) return { status: 'too-large' as const };
        if ((await this.storeBytes(db)) + bytes > (quota.storeBytes ?? Infinity)) return { status: 'store-full' as const };
        const at = minute(now);
        const conversation = newId();
        await db.query(
          'INSERT INTO conversations (id, centre, mailbox, verifier, closed, last_author, created_at, updated_at, item_count, bytes) VALUES ($1, $2, $3, $4, FALSE, $5, $6, $6, 1, $7)',
          [conversation, centre, mailbox?.id ?? null, mailbox?.verifier ?? null, item.author, at, bytes]
        );
        const id = await this.insertItem(db, conversation, 1, item, at);
        await this.queueNotification(db, centre, at, now);
        await this.count(db, centre, now, 'firstContacts');
        return { status: 'stored' as const, conversation, item: id };
      })
    );
  }

  async addItem(conversation: string, item: NewItem, now: number, maxItems: number, quota: Quota = {}): Promise<InsertResult> {
    return this.retryingUnique(() =>
      this.transaction(async (db) => {
        // The row lock first: a concurrent add to this conversation waits here and
        // then sees the count (and any duplicate) the other one committed.
        const { rows } = await db.query<{ centre: string; item_count: number; bytes: string; created_at: string }>(
          'SELECT centre, item_count, bytes, created_at FROM conversations WHERE id = $1 FOR UPDATE',
          [conversation]
        );
        const before = await this.repeated(db, item);
        if (before) return before;
        const row = rows[0];
        if (!row) return { status: 'not-found' as const };
        if (row.item_count >= maxItems) return { status: 'full' as const };
        if (await this.blobsTaken(db, item)) return { status: 'conflict' as const };
        const bytes = itemBytes(item);
        if (Number(row.bytes) + bytes > (quota.conversationBytes ?? Infinity)) return { status: 'too-large' as const };
        if ((await this.storeBytes(db)) + bytes > (quota.storeBytes ?? Infinity)) return { status: 'store-full' as const };
        const at = minute(now);
        // Under the row lock: a concurrent first answer from another instance has committed or waits.
        const firstAnswer = item.author === 'centre' && !(await db.query("SELECT 1 FROM items WHERE conversation = $1 AND author = 'centre' LIMIT 1", [conversation])).rowCount;
        const id = await this.insertItem(db, conversation, row.item_count + 1, item, at);
        await this.count(db, row.centre, now, item.author === 'person' ? 'followUps' : 'answers');
        if (firstAnswer) await this.count(db, row.centre, now, { firstAnswerAfter: at - Number(row.created_at) });
        // A person writing again reopens a closed conversation; the team's answer leaves "closed" as it is.
        await db.query(
          `UPDATE conversations SET item_count = item_count + 1, bytes = bytes + $4, updated_at = $1, last_author = $2${item.author === 'person' ? ', closed = FALSE' : ''} WHERE id = $3`,
          [at, item.author, conversation, bytes]
        );
        if (item.author === 'person') await this.queueNotification(db, row.centre, at, now);
        return { status: 'stored' as const, conversation, item: id };
      })
    );
  }

  async blob(id: string): Promise<StoredBlob | null> {
    const { rows } = await this.pool.query<BlobRow>(`${blobSelect}$1`, [id]);
    return rows[0] ? blobOf(rows[0]) : null;
  }

  async beginBlobUpload(id: string): Promise<string | null> {
    return this.transaction(async (db) => {
      const { rows } = await db.query<{ complete: number }>('SELECT complete FROM blobs WHERE id = $1 FOR UPDATE', [id]);
      if (!rows[0] || Number(rows[0].complete) !== 0) return null;
      // What earlier attempts left is dropped: uploads cut off again and again cannot pile up pieces.
      await db.query('DELETE FROM blob_chunks WHERE blob = $1', [id]);
      return newUploadId();
    });
  }

  async addBlobChunk(id: string, upload: string, seq: number, bytes: Uint8Array): Promise<void> {
    // pg sends a Buffer as a binary parameter: no hex text of the chunk is made.
    await this.pool.query('INSERT INTO blob_chunks (blob, upload, seq, bytes) VALUES ($1, $2, $3, $4)', [id, upload, seq, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
  }

  async finishBlobUpload(id: string, upload: string): Promise<boolean> {
    return this.transaction(async (db) => {
      // The row lock makes two attempts finishing at once take turns: the second finds the blob complete.
      const blob = (await db.query<{ size: string }>('SELECT size FROM blobs WHERE id = $1 AND complete = 0 FOR UPDATE', [id])).rows[0];
      if (!blob) return false;
      const { rows } = await db.query<{ n: string; bytes: string }>('SELECT COUNT(*) AS n, COALESCE(SUM(length(bytes)), 0) AS bytes FROM blob_chunks WHERE blob = $1 AND upload = $2', [id, upload]);
      const size = Number(blob.size);
      if (Number(rows[0]!.bytes) !== size || Number(rows[0]!.n) !== Math.ceil(size / blobChunkBytes)) return false;
      await db.query('UPDATE blobs SET complete = 1, upload = $2 WHERE id = $1', [id, upload]);
      await db.query('DELETE FROM blob_chunks WHERE blob = $1 AND upload <> $2', [id, upload]);
      return true;
    });
  }

  async blobChunk(id: string, seq: number): Promise<Uint8Array | null> {
    const { rows } = await this.pool.query<{ bytes: Buffer }>(
      'SELECT k.bytes FROM blob_chunks k JOIN blobs b ON b.id = k.blob AND b.upload = k.upload WHERE b.id = $1 AND b.complete = 1 AND k.seq = $2',
      [id, seq],
    );
    return rows[0] ? rows[0].bytes : null;
  }

  async findMailbox(mailbox: string): Promise<{
    conversation: string;
    centre: string;
    verifier: string;
  } | null> {
    const { rows } = await this.pool.query<{
      id: string;
      centre: string;
      verifier: string;
    }>('SELECT id, centre, verifier FROM conversations WHERE mailbox = $1', [mailbox]);
    const row = rows[0];
    return row ? { conversation: row.id, centre: row.centre, verifier: row.verifier } : null;
  }

  async conversation(id: string): Promise<Conversation | null> {
    // One snapshot for the summary and the items, so an item added in between cannot make them disagree.
    return this.transaction(async (db) => {
      await db.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const { rows } = await db.query<ConversationRow>(`${summarySelect} WHERE c.id = $1`, [id]);
      if (!rows[0]) return null;
      const items = await db.query<ItemRow>('SELECT id, author, received_at, to_centre, to_person FROM items WHERE conversation = $1 ORDER BY seq', [id]);
      return { ...summaryOf(rows[0]), items: items.rows.map(itemOf) };
    });
  }

  async conversations(centre: string, status?: ConversationStatus): Promise<ConversationSummary[]> {
    const { rows } = await this.pool.query<ConversationRow>(
      `${summarySelect} WHERE c.centre = $1${status ? ` AND ${statusWhere[status]}` : ''} ORDER BY c.updated_at DESC, c.ord DESC`,
      [centre]
    );
    return rows.map(summaryOf);
  }

  async setClosed(id: string, closed: boolean, now: number): Promise<boolean> {
    return this.transaction(async (db) => {
      // The row lock makes two instances closing at once take turns: only the first sees it open and counts.
      const { rows } = await db.query<{ centre: string; closed: boolean }>('SELECT centre, closed FROM conversations WHERE id = $1 FOR UPDATE', [id]);
      const row = rows[0];
      if (!row) return false;
      await db.query('UPDATE conversations SET closed = $1, updated_at = $2 WHERE id = $3', [closed, minute(now), id]);
      if (closed && !row.closed) await this.count(db, row.centre, now, 'closed');
      return true;
    });
  }

  async deleteConversation(id: string, by: DeletedBy = 'team', now = Math.floor(Date.now() / 1000)): Promise<boolean> {
    const deleted = await this.transaction(async (db) => {
      await db.query('DELETE FROM items WHERE conversation = $1', [id]);
      // Of two instances deleting at once, the second finds no row: only one counts.
      const { rows } = await db.query<{ centre: string }>('DELETE FROM conversations WHERE id = $1 RETURNING centre', [id]);
      if (!rows[0]) return false;
      if (by === 'person') await this.count(db, rows[0].centre, now, 'deletedByPerson');
      return true;
    });
    if (deleted) void this.vacuum();
    return deleted;
  }

  /**
   * VACUUM after deleting content: it removes the dead rows from the table
   * pages now, rather than whenever autovacuum comes round. Runs in the
   * background (the answer to the delete does not wait; close() does) and
   * outside any transaction (it must); SKIP_LOCKED passes over a table another
   * instance is vacuuming at the moment. The delete has committed already, so
   * a failure here is nobody's failure: autovacuum will do it later.
   */
  private async vacuum(): Promise<void> {
    if (this.vacuuming) {
      this.vacuumAgain = true;
      return this.vacuuming;
    }
    this.vacuuming = (async () => {
      do {
        this.vacuumAgain = false;
        await this.pool.query('VACUUM (SKIP_LOCKED) items, conversations, blobs, blob_chunks').catch(() => {});
      } while (this.vacuumAgain);
    })().finally(() => {
      this.vacuuming = null;
    });
    return this.vacuuming;
  }

  async allItems(centre?: string): Promise<(StoredItem & { conversation: string; centre: string })[]> {
    const sql = `SELECT i.id, i.author, i.received_at, i.to_centre, i.to_person, i.conversation, c.centre FROM items i JOIN conversations c ON c.id = i.conversation
      ${centre ? 'WHERE c.centre = $1' : ''} ORDER BY i.received_at, c.created_at, c.ord, i.seq`;
    const { rows } = await this.pool.query<ItemRow>(sql, centre ? [centre] : []);
    return rows.map((row) => ({
      ...itemOf(row),
      conversation: row.conversation,
      centre: row.centre,
    }));
  }

  async createSession(tokenHash: string, centre: string, expiresAt: number, credential: string | null = null): Promise<void> {
    await this.pool.query('INSERT INTO sessions (token_hash, centre, expires_at, credential) VALUES ($1, $2, $3, $4)', [tokenHash, centre, expiresAt, credential]);
  }

  async findSession(tokenHash: string, now: number): Promise<Session | null> {
    const { rows } = await this.pool.query<Session>('SELECT centre, credential FROM sessions WHERE token_hash = $1 AND expires_at > $2', [tokenHash, now]);
    return rows[0] ? { centre: rows[0].centre, credential: rows[0].credential } : null;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.pool.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
  }

  async deleteSessions(centre?: string): Promise<number> {
    const result = centre ? await this.pool.query('DELETE FROM sessions WHERE centre = $1', [centre]) : await this.pool.query('DELETE FROM sessions');
    return result.rowCount ?? 0;
  }

  async applyRetention(now: number, retentionDays: number): Promise<number> {
    const deleted = await this.transaction(async (db) => {
      const cutoff = now - retentionDays * 86400;
      await db.query('DELETE FROM items WHERE conversation IN (SELECT id FROM conversations WHERE updated_at < $1)', [cutoff]);
      const conversations = (await db.query('DELETE FROM conversations WHERE updated_at < $1', [cutoff])).rowCount ?? 0;
      await db.query('DELETE FROM used_challenges WHERE expires_at <= $1', [now]);
      await db.query('DELETE FROM sessions WHERE expires_at <= $1', [now]);
      // Rows kept only to space out e-mails, once their interval is over.
      await db.query('DELETE FROM pending_notifications WHERE waiting <= 0 AND next_attempt_at <= $1', [now]);
      return conversations;
    });
    if (deleted > 0) void this.vacuum();
    return deleted;
  }

  /**
   * Claims the due notifications for five minutes: with several instances
   * ticking, only the one that claimed a centre's notification sends it, and
   * if that instance dies before reporting sent or failed, another takes
   * over when the claim runs out. (Unlike SQLite, a second call right after
   * the first returns nothing.)
   */
  async dueNotifications(now: number): Promise<{ centre: string; attempts: number; waiting: number }[]> {
    const { rows } = await this.pool.query<{
      centre: string;
      attempts: number;
      waiting: number;
    }>('UPDATE pending_notifications SET next_attempt_at = $2 WHERE waiting > 0 AND next_attempt_at <= $1 RETURNING centre, attempts, waiting', [now, now + notificationClaimSeconds]);
    return rows;
  }

  async pendingNotifications(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM pending_notifications WHERE waiting > 0');
    return rows[0]!.n;
  }

  async retryNotificationsNow(now: number): Promise<void> {
    await this.pool.query('UPDATE pending_notifications SET next_attempt_at = $1 WHERE waiting > 0 AND attempts > 0', [now]);
  }

  async notificationSent(centre: string, waiting: number, now: number, nextAllowedAt = now): Promise<void> {
    // The row stays (with nothing waiting) until nextAllowedAt, so a message
    // arriving in between is told about then, not at once.
    await this.pool.query('UPDATE pending_notifications SET waiting = waiting - $1, attempts = 0, next_attempt_at = $2 WHERE centre = $3', [waiting, nextAllowedAt, centre]);
  }

  async notificationFailed(centre: string, nextAttemptAt: number): Promise<void> {
    await this.pool.query('UPDATE pending_notifications SET attempts = attempts + 1, next_attempt_at = $1 WHERE centre = $2', [nextAttemptAt, centre]);
  }

  async centreKeys(): Promise<StoredCentreKey[]> {
    const { rows } = await this.pool.query<{ centre: string; kid: string; public_key: string; current: number }>('SELECT centre, kid, public_key, current FROM centre_keys ORDER BY centre, kid');
    return rows.map((row) => ({ centre: row.centre, kid: row.kid, publicKey: row.public_key, current: row.current === 1 }));
  }

  async addCentreKey(key: Omit<StoredCentreKey, 'current'>): Promise<void> {
    await this.transaction(async (db) => {
      await db.query('UPDATE centre_keys SET current = 0 WHERE centre = $1', [key.centre]);
      await db.query('INSERT INTO centre_keys (centre, kid, public_key, current) VALUES ($1, $2, $3, 1) ON CONFLICT (centre, kid) DO UPDATE SET current = 1', [key.centre, key.kid, key.publicKey]);
    });
  }

  async removeCentreKeys(centre: string, kid?: string): Promise<number> {
    const result = kid ? await this.pool.query('DELETE FROM centre_keys WHERE centre = $1 AND kid = $2', [centre, kid]) : await this.pool.query('DELETE FROM centre_keys WHERE centre = $1', [centre]);
    return result.rowCount ?? 0;
  }

  async removeCentre(centre: string, withConversations: boolean): Promise<CentreRemoval> {
    const removal = await this.transaction(async (db): Promise<CentreRemoval> => {
      const { rows } = await db.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM conversations WHERE centre = $1', [centre]);
      const conversations = rows[0]!.n;
      if (conversations > 0 && !withConversations) return { removed: false, conversations };
      await db.query('DELETE FROM items WHERE conversation IN (SELECT id FROM conversations WHERE centre = $1)', [centre]);
      await db.query('DELETE FROM conversations WHERE centre = $1', [centre]);
      await db.query('DELETE FROM pending_notifications WHERE centre = $1', [centre]);
      // Every session of the centre, also one opened with a credential from the environment: the centre is gone.
      await db.query('DELETE FROM sessions WHERE centre = $1', [centre]);
      const credentials = (await db.query("DELETE FROM credentials WHERE centre = $1 AND role = 'team'", [centre])).rowCount ?? 0;
      const keys = (await db.query('DELETE FROM centre_keys WHERE centre = $1', [centre])).rowCount ?? 0;
      return { removed: true, keys, credentials, conversations };
    });
    // As after any deletion of content: the dead rows leave the table pages now.
    if (removal.removed && removal.conversations > 0) void this.vacuum();
    return removal;
  }

  async credentials(): Promise<StoredCredential[]> {
    const { rows } = await this.pool.query<StoredCredential>('SELECT id, centre, role, entry FROM credentials ORDER BY centre, id');
    return rows;
  }

  async addCredential(credential: StoredCredential): Promise<void> {
    await this.pool.query('INSERT INTO credentials (id, centre, role, entry) VALUES ($1, $2, $3, $4)', [credential.id, credential.centre, credential.role, credential.entry]);
  }

  async removeCredentials(centre: string, role: CredentialRole): Promise<number> {
    return this.transaction(async (db) => {
      await db.query('DELETE FROM sessions WHERE credential IN (SELECT id FROM credentials WHERE centre = $1 AND role = $2)', [centre, role]);
      return (await db.query('DELETE FROM credentials WHERE centre = $1 AND role = $2', [centre, role])).rowCount ?? 0;
    });
  }

  async monthlyFigures(centre?: string): Promise<MonthlyFigures[]> {
    const { rows } = centre
      ? await this.pool.query<FiguresRow>('SELECT * FROM monthly_figures WHERE centre = $1 ORDER BY month, centre', [centre])
      : await this.pool.query<FiguresRow>('SELECT * FROM monthly_figures ORDER BY month, centre');
    return rows.map(figuresOf);
  }
}
