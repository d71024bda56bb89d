// The store contract: the same cases against SQLite and PostgreSQL, then what
// only PostgreSQL has to show: several relay instances (several pools) at once,
// and a database that goes away and comes back.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { blobChunkBytes, openStore, minute } from '../dist/store.js';
import { PostgresStore, postgresSchemaVersion } from '../dist/store-postgres.js';
import { schemaVersion } from '../dist/store-sqlite.js';
import { scratch } from './helpers.mjs';
import { postgresMissing, startPostgres } from './postgres.mjs';

const missing = postgresMissing();
let cluster = null;

const now = 1_800_000_000;
const day = 86_400;
let counter = 0;
const unique = (prefix) => `${prefix}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
const envelope = (centre, ct = unique('ciphertext')) => ({
  v: 1,
  centre,
  kid: 'kid-test',
  suite: 'test-suite',
  enc: unique('enc'),
  ct,
});
/** A stored item as the app hands it over: envelopes, a hashed idempotency key, a body hash. */
const newItem = (author, { centre = 'centre-a', key = unique('key'), hash = 'hash-1', ct } = {}) => ({
  author,
  toCentre: envelope(centre, ct),
  toPerson: author === 'centre' ? envelope('person') : null,
  idempotencyKey: key,
  bodyHash: hash,
});
const mailbox = () => ({
  id: unique('mailbox').padEnd(22, 'x').slice(0, 22),
  verifier: unique('verifier'),
});

const kinds = [
  {
    name: 'SQLite',
    async fresh() {
      const path = join(scratch(), 'store.sqlite');
      return { store: await openStore(path), path };
    },
  },
  {
    name: 'PostgreSQL',
    // Under CI a missing PostgreSQL fails (the test above); these are skipped, not run against nothing.
    skip: missing ?? false,
    async fresh() {
      const url = await cluster.createDatabase();
      return { store: await openStore(url), url };
    },
  },
];

if (missing && process.env.CI) {
  it('PostgreSQL is installed (CI must run the PostgreSQL store tests)', () => assert.fail(missing));
}

before(async () => {
  if (!missing) cluster = await startPostgres();
});
after(async () => {
  await cluster?.stop();
});

for (const kind of kinds) {
  describe(`store contract: ${kind.name}`, { skip: kind.skip ?? false }, () => {
    const open = [];
    const fresh = async () => {
      const handle = await kind.fresh();
      open.push(handle.store);
      return handle;
    };
    after(async () => {
      for (const store of open) await store.close();
    });

    it('answers the health check and says which kind it is', async () => {
      const { store } = await fresh();
      assert.equal(await store.ping(), true);
      assert.equal(store.kind, kind.name === 'SQLite' ? 'sqlite' : 'postgres');
    });

    it('starts a conversation; a retry is a duplicate, other content under the same key a conflict, a used mailbox taken', async () => {
      const { store } = await fresh();
      const box = mailbox();
      const first = newItem('person', { key: 'key-start', hash: 'hash-a' });
      const stored = await store.startConversation('centre-a', box, first, now + 59);
      assert.equal(stored.status, 'stored');
      const conversation = await store.conversation(stored.conversation);
      assert.equal(conversation.centre, 'centre-a');
      assert.equal(conversation.status, 'new');
      assert.equal(conversation.itemCount, 1);
      assert.equal(conversation.canReply, true);
      assert.equal(conversation.createdAt, minute(now + 59), 'times are kept to the minute');
      assert.equal(conversation.updatedAt, minute(now + 59));
      assert.deepEqual(conversation.first, first.toCentre);
      assert.equal(conversation.items.length, 1);
      assert.deepEqual(conversation.items[0], {
        id: stored.item,
        author: 'person',
        receivedAt: minute(now + 59),
        toCentre: first.toCentre,
        toPerson: null,
      });

      assert.deepEqual(await store.startConversation('centre-a', box, first, now + 120), {
        status: 'duplicate',
        conversation: stored.conversation,
        item: stored.item,
      });
      assert.deepEqual(await store.startConversation('centre-a', box, { ...first, bodyHash: 'hash-b' }, now), { status: 'conflict' });
      assert.deepEqual(await store.startConversation('centre-a', box, newItem('person'), now), { status: 'mailbox-taken' });
      assert.deepEqual(await store.findItemByIdempotencyKey('key-start'), {
        conversation: stored.conversation,
        item: stored.item,
        bodyHash: 'hash-a',
      });
      assert.equal(await store.findItemByIdempotencyKey('key-unknown'), null);
      assert.equal((await store.conversations('centre-a')).length, 1, 'nothing but the first conversation was stored');

      const withoutCode = await store.startConversation('centre-a', null, newItem('person'), now);
      assert.equal(withoutCode.status, 'stored');
      assert.equal((await store.conversation(withoutCode.conversation)).canReply, false);
    });

    it('adds items in order, refuses a full or unknown conversation, and knows retries', async () => {
      const { store } = await fresh();
      const { conversation } = await store.startConversation('centre-a', mailbox(), newItem('person'), now);
      const added = [];
      for (let i = 0; i < 4; i++) {
        const item = newItem(i % 2 === 0 ? 'centre' : 'person');
        const result = await store.addItem(conversation, item, now + 60 * (i + 1), 5);
        assert.equal(result.status, 'stored');
        assert.equal(result.conversation, conversation);
        added.push({ ...item, id: result.item });
      }
      const read = await store.conversation(conversation);
      assert.equal(read.itemCount, 5);
      assert.deepEqual(
        read.items.slice(1).map((i) => [i.id, i.author, i.receivedAt]),
        added.map((a, i) => [a.id, a.author, minute(now + 60 * (i + 1))])
      );
      assert.deepEqual(read.items[1].toPerson, added[0].toPerson, "the centre's item keeps the envelope for the person");
      assert.equal(read.updatedAt, minute(now + 240));

      assert.deepEqual(await store.addItem(conversation, newItem('person'), now, 5), { status: 'full' });
      assert.deepEqual(await store.addItem('no-such-conversation', newItem('person'), now, 5), { status: 'not-found' });
      const retried = added[3];
      assert.deepEqual(await store.addItem(conversation, retried, now, 5), {
        status: 'duplicate',
        conversation,
        item: retried.id,
      });
      assert.deepEqual(await store.addItem(conversation, { ...retried, bodyHash: 'other' }, now, 5), { status: 'conflict' });
      assert.equal((await store.conversation(conversation)).itemCount, 5);
    });

    it('moves between new, answered and closed; a person writing reopens, the centre writing does not', async () => {
      const { store } = await fresh();
      const { conversation } = await store.startConversation('centre-a', mailbox(), newItem('person'), now);
      const status = async () => (await store.conversation(conversation)).status;
      assert.equal(await status(), 'new');
      await store.addItem(conversation, newItem('centre'), now + 60, 100);
      assert.equal(await status(), 'answered');
      assert.equal(await store.setClosed(conversation, true, now + 120), true);
      assert.equal(await status(), 'closed');
      assert.equal((await store.conversation(conversation)).updatedAt, minute(now + 120));
      await store.addItem(conversation, newItem('centre'), now + 180, 100);
      assert.equal(await status(), 'closed', "the centre's answer leaves it closed");
      await store.addItem(conversation, newItem('person'), now + 240, 100);
      assert.equal(await status(), 'new', 'the person writing again reopens it');
      await store.setClosed(conversation, true, now + 300);
      assert.equal(await store.setClosed(conversation, false, now + 360), true);
      assert.equal(await status(), 'new');
      assert.equal(await store.setClosed('no-such-conversation', true, now), false);
    });

    it("lists only a centre's own conversations, most recently active first, by status", async () => {
      const { store } = await fresh();
      const start = async (centre, at) => (await store.startConversation(centre, null, newItem('person', { centre }), at)).conversation;
      const older = await start('centre-a', now);
      const newer = await start('centre-a', now + 600);
      const sameMinute = await start('centre-a', now + 610);
      const elsewhere = await start('centre-b', now + 900);
      assert.deepEqual(
        (await store.conversations('centre-a')).map((c) => c.id),
        [sameMinute, newer, older],
        'newest first; in the same minute the later one first'
      );
      await store.addItem(older, newItem('centre'), now + 1200, 100);
      await store.setClosed(newer, true, now + 660);
      const listed = await store.conversations('centre-a');
      assert.deepEqual(
        listed.map((c) => [c.id, c.status]),
        [
          [older, 'answered'],
          [newer, 'closed'],
          [sameMinute, 'new'],
        ],
        'closing counts as activity too'
      );
      assert.equal(listed[0].itemCount, 2);
      assert.equal(listed[0].first.centre, 'centre-a');
      assert.deepEqual(
        (await store.conversations('centre-a', 'new')).map((c) => c.id),
        [sameMinute]
      );
      assert.deepEqual(
        (await store.conversations('centre-a', 'answered')).map((c) => c.id),
        [older]
      );
      assert.deepEqual(
        (await store.conversations('centre-a', 'closed')).map((c) => c.id),
        [newer]
      );
      assert.deepEqual(
        (await store.conversations('centre-b')).map((c) => c.id),
        [elsewhere]
      );
      assert.deepEqual(await store.conversations('centre-c'), []);
      const all = await store.allItems();
      assert.equal(all.length, 5);
      assert.deepEqual(
        (await store.allItems('centre-b')).map((i) => [i.conversation, i.centre]),
        [[elsewhere, 'centre-b']]
      );
      assert.ok(
        all.every((item, i) => i === 0 || all[i - 1].receivedAt <= item.receivedAt),
        'all items oldest first'
      );
    });

    it("finds a person's mailbox and nothing for an unknown one", async () => {
      const { store } = await fresh();
      const box = mailbox();
      const { conversation } = await store.startConversation('centre-b', box, newItem('person'), now);
      assert.deepEqual(await store.findMailbox(box.id), {
        conversation,
        centre: 'centre-b',
        verifier: box.verifier,
      });
      assert.equal(await store.findMailbox(mailbox().id), null);
    });

    it('deletes a conversation with all its items, and the ciphertext is gone from the files', async () => {
      const handle = await fresh();
      const { store } = handle;
      const marker = `DELETEDCIPHERTEXT${Math.random().toString(36).slice(2)}`;
      const keep = await store.startConversation('centre-a', null, newItem('person'), now);
      const first = newItem('person', { ct: `${marker}A` });
      const { conversation } = await store.startConversation('centre-a', mailbox(), first, now);
      const reply = newItem('centre', { ct: `${marker}B` });
      await store.addItem(conversation, reply, now + 60, 100);
      assert.equal(await store.deleteConversation(conversation), true);
      assert.equal(await store.conversation(conversation), null);
      assert.equal(await store.findItemByIdempotencyKey(first.idempotencyKey), null);
      assert.equal(await store.findItemByIdempotencyKey(reply.idempotencyKey), null);
      assert.deepEqual(
        (await store.allItems()).map((i) => i.conversation),
        [keep.conversation]
      );
      assert.equal(await store.deleteConversation(conversation), false);
      assert.equal(await store.addItem(conversation, newItem('person'), now, 100).then((r) => r.status), 'not-found');

      if (kind.name === 'SQLite') {
        // secure_delete: the deleted content is overwritten in the file, not just unlinked.
        assert.ok(!readFileSync(handle.path).includes(marker), 'the deleted ciphertext is not in the database file');
      } else {
        // PostgreSQL has no secure_delete: the README tells operators to run
        // VACUUM FULL regularly; after it (and a checkpoint) no table file of
        // this database holds the deleted ciphertext.
        const client = new pg.Client({ connectionString: handle.url });
        await client.connect();
        try {
          await client.query('VACUUM FULL items, conversations');
          await client.query('CHECKPOINT');
          const { rows } = await client.query('SELECT oid FROM pg_database WHERE datname = current_database()');
          const dir = join(cluster.dataDir, 'base', String(rows[0].oid));
          const holding = readdirSync(dir).filter((f) => readFileSync(join(dir, f)).includes(marker));
          assert.deepEqual(holding, [], 'no database file holds the deleted ciphertext');
        } finally {
          await client.end();
        }
      }
    });

    it('retention deletes conversations by their last activity, and expired challenges and sessions', async () => {
      const { store } = await fresh();
      const stale = await store.startConversation('centre-a', mailbox(), newItem('person'), now - 31 * day);
      const revived = await store.startConversation('centre-a', mailbox(), newItem('person'), now - 40 * day);
      await store.addItem(revived.conversation, newItem('centre'), now - 2 * day, 100);
      const recent = await store.startConversation('centre-b', null, newItem('person'), now - day);
      await store.useChallenge('nonce-expired', now - 1);
      await store.useChallenge('nonce-valid', now + 300);
      await store.createSession('session-expired', 'centre-a', now);
      await store.createSession('session-valid', 'centre-a', now + 3600);

      assert.equal(await store.applyRetention(now, 30), 1);
      assert.equal(await store.conversation(stale.conversation), null);
      assert.equal((await store.allItems()).filter((i) => i.conversation === stale.conversation).length, 0);
      assert.ok(await store.conversation(revived.conversation), 'an old conversation with recent activity stays');
      assert.ok(await store.conversation(recent.conversation));
      assert.equal(await store.useChallenge('nonce-expired', now + 300), true, 'the expired challenge was forgotten');
      assert.equal(await store.useChallenge('nonce-valid', now + 300), false, 'the valid one is still known as used');
      assert.equal((await store.findSession('session-valid', now))?.centre, 'centre-a');
      assert.equal(await store.applyRetention(now, 30), 0);
    });

    it('sessions expire and can be ended', async () => {
      const { store } = await fresh();
      await store.createSession('token-hash-1', 'centre-a', now + 600);
      assert.equal((await store.findSession('token-hash-1', now))?.centre, 'centre-a');
      assert.equal((await store.findSession('token-hash-1', now + 599))?.centre, 'centre-a');
      assert.equal(await store.findSession('token-hash-1', now + 600), null, 'expired at its expiry time');
      assert.equal(await store.findSession('token-hash-unknown', now), null);
      await store.deleteSession('token-hash-1');
      assert.equal(await store.findSession('token-hash-1', now), null);
      await store.createSession('token-hash-2', 'centre-a', now + 600, 'credential-id-1');
      await store.createSession('token-hash-3', 'centre-b', now + 600, 'credential-id-2');
      assert.deepEqual(await store.findSession('token-hash-2', now), { centre: 'centre-a', credential: 'credential-id-1' }, 'a session names its credential');
      assert.equal(await store.deleteSessions('centre-a'), 1);
      assert.equal(await store.findSession('token-hash-2', now), null);
      assert.equal((await store.findSession('token-hash-3', now))?.centre, 'centre-b', 'other centres stay signed in');
      assert.equal(await store.deleteSessions(), 1);
    });

    it('uses a proof-of-work challenge once only', async () => {
      const { store } = await fresh();
      assert.equal(await store.useChallenge('nonce-1', now + 300), true);
      assert.equal(await store.useChallenge('nonce-1', now + 300), false);
      assert.equal(await store.useChallenge('nonce-2', now + 300), true);
    });

    it('queues one notification per centre for the person writing, with retries', async () => {
      const { store } = await fresh();
      assert.equal(await store.pendingNotifications(), 0);
      const { conversation } = await store.startConversation('centre-a', null, newItem('person'), now);
      await store.startConversation('centre-a', null, newItem('person'), now + 60);
      assert.equal(await store.pendingNotifications(), 1, 'several messages make one notification');
      assert.deepEqual(await store.dueNotifications(now + 60), [{ centre: 'centre-a', attempts: 0, waiting: 2 }]);
      await store.notificationFailed('centre-a', now + 120);
      assert.deepEqual(await store.dueNotifications(now + 119), []);
      assert.deepEqual(await store.dueNotifications(now + 120), [{ centre: 'centre-a', attempts: 1, waiting: 2 }]);
      await store.notificationFailed('centre-a', now + 3600);
      await store.retryNotificationsNow(now + 130);
      assert.deepEqual(await store.dueNotifications(now + 130), [{ centre: 'centre-a', attempts: 2, waiting: 2 }], 'due at once after a restart');
      // A message arrives while the e-mail for the first two is on its way: it is told about next.
      await store.addItem(conversation, newItem('person'), now + 131, 100);
      await store.notificationSent('centre-a', 2, now + 132);
      assert.deepEqual(await store.dueNotifications(now + 132), [{ centre: 'centre-a', attempts: 0, waiting: 1 }], 'none goes untold');
      await store.notificationSent('centre-a', 1, now + 133);
      assert.equal(await store.pendingNotifications(), 0);

      await store.addItem(conversation, newItem('centre'), now + 200, 100);
      assert.equal(await store.pendingNotifications(), 0, "the centre's own answer notifies nobody");
      await store.addItem(conversation, newItem('person'), now + 260, 100);
      await store.startConversation('centre-b', null, newItem('person', { centre: 'centre-b' }), now + 260);
      assert.deepEqual((await store.dueNotifications(now + 260)).map((n) => n.centre).sort(), ['centre-a', 'centre-b']);
    });
  });
}

describe('PostgreSQL: several relay instances on one database', { skip: missing && !process.env.CI ? missing : false }, () => {
  if (missing) return;
  let url;
  const instances = [];
  const instance = async (options) => {
    const store = await PostgresStore.open(url, options);
    instances.push(store);
    return store;
  };
  before(async () => {
    url = await cluster.createDatabase();
  });
  after(async () => {
    for (const store of instances) await store.close().catch(() => {});
  });

  it('sets the schema up once when instances start at the same time', async () => {
    const fresh = await cluster.createDatabase();
    const stores = await Promise.all(Array.from({ length: 6 }, () => PostgresStore.open(fresh)));
    try {
      const client = new pg.Client({ connectionString: fresh });
      await client.connect();
      const { rows } = await client.query('SELECT version FROM relay_schema');
      await client.end();
      assert.deepEqual(rows, [{ version: postgresSchemaVersion }]);
    } finally {
      for (const store of stores) await store.close();
    }
  });

  it('refuses a database set up by a newer relay', async () => {
    const fresh = await cluster.createDatabase();
    await (await PostgresStore.open(fresh)).close();
    const client = new pg.Client({ connectionString: fresh });
    await client.connect();
    await client.query('UPDATE relay_schema SET version = 99');
    await client.end();
    await assert.rejects(PostgresStore.open(fresh), /schema version 99, newer than this relay/);
  });

  it('stores every item exactly once with gapless sequence numbers while two instances add to one conversation and retry each other', async () => {
    const [a, b] = [await instance(), await instance()];
    const { conversation } = await a.startConversation('centre-a', mailbox(), newItem('person'), now);
    const items = Array.from({ length: 120 }, (_, i) => newItem(i % 3 === 0 ? 'centre' : 'person', { key: `concurrent-${i}` }));
    // Every item is sent to both instances at once, as when a retry reaches the other instance.
    const results = await Promise.all(items.flatMap((item, i) => [a.addItem(conversation, item, now + i, 1000), b.addItem(conversation, item, now + i, 1000)]));
    for (let i = 0; i < items.length; i++) {
      const pair = [results[2 * i], results[2 * i + 1]];
      assert.deepEqual(pair.map((r) => r.status).sort(), ['duplicate', 'stored'], `item ${i}: stored once, the other answer a duplicate`);
      assert.equal(pair[0].item, pair[1].item, `item ${i}: both answers name the same item`);
    }
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query('SELECT seq, idempotency_key FROM items WHERE conversation = $1 ORDER BY seq', [conversation]);
    const count = await client.query('SELECT item_count FROM conversations WHERE id = $1', [conversation]);
    await client.end();
    assert.deepEqual(
      rows.map((r) => r.seq),
      Array.from({ length: 121 }, (_, i) => i + 1),
      'sequence numbers 1..n without gaps'
    );
    assert.equal(new Set(rows.map((r) => r.idempotency_key)).size, 121, 'every key once');
    assert.equal(count.rows[0].item_count, 121);
    const read = await b.conversation(conversation);
    assert.equal(read.items.length, 121);
    assert.equal(new Set(read.items.map((i) => i.id)).size, 121);
  });

  it('starts each conversation once when the same first message reaches two instances, and gives a mailbox to one only', async () => {
    const [a, b] = [await instance(), await instance()];
    const firsts = Array.from({ length: 40 }, () => ({
      box: mailbox(),
      item: newItem('person', { centre: 'centre-race' }),
    }));
    const results = await Promise.all(firsts.flatMap(({ box, item }) => [a.startConversation('centre-race', box, item, now), b.startConversation('centre-race', box, item, now)]));
    for (let i = 0; i < firsts.length; i++) {
      const pair = [results[2 * i], results[2 * i + 1]];
      assert.deepEqual(pair.map((r) => r.status).sort(), ['duplicate', 'stored'], `first message ${i}`);
      assert.equal(pair[0].conversation, pair[1].conversation);
    }
    assert.equal((await a.conversations('centre-race')).length, 40);

    // Two different first messages with the same code: one conversation, the other told the mailbox is taken.
    const contested = Array.from({ length: 20 }, () => mailbox());
    const outcomes = await Promise.all(
      contested.flatMap((box) => [a.startConversation('centre-race', box, newItem('person'), now), b.startConversation('centre-race', box, newItem('person'), now)])
    );
    for (let i = 0; i < contested.length; i++) {
      assert.deepEqual([outcomes[2 * i].status, outcomes[2 * i + 1].status].sort(), ['mailbox-taken', 'stored'], `mailbox ${i}`);
    }
  });

  it('lets a challenge be used once across instances, and one instance send each notification', async () => {
    const [a, b] = [await instance(), await instance()];
    const uses = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).useChallenge('shared-nonce', now + 300)));
    assert.equal(uses.filter(Boolean).length, 1);
    await a.startConversation('centre-notify', null, newItem('person', { centre: 'centre-notify' }), now);
    const [dueA, dueB] = await Promise.all([a.dueNotifications(now), b.dueNotifications(now)]);
    const claims = [...dueA, ...dueB].filter((n) => n.centre === 'centre-notify');
    assert.equal(claims.length, 1, 'only one instance claims the notification');
    assert.deepEqual(
      (await b.dueNotifications(now + 301)).filter((n) => n.centre === 'centre-notify'),
      [{ centre: 'centre-notify', attempts: 0, waiting: 1 }],
      'another instance takes over when the claim runs out'
    );
    await a.notificationSent('centre-notify', dueA.concat(dueB).find((n) => n.centre === 'centre-notify').waiting, now);
    await b.createSession('shared-session', 'centre-a', now + 60);
    assert.equal((await a.findSession('shared-session', now))?.centre, 'centre-a', 'a session opened on one instance counts on the other');
  });
});

describe('PostgreSQL: the database goes away and comes back', { skip: missing && !process.env.CI ? missing : false }, () => {
  if (missing) return;
  // A cluster of its own: this test stops and freezes it.
  let own, store;
  before(async () => {
    own = await startPostgres();
    store = await PostgresStore.open(await own.createDatabase(), {
      timeoutMs: 1000,
    });
  });
  after(async () => {
    own.resume();
    await store?.close().catch(() => {});
    await own?.stop();
  });

  /** Runs `operation` and returns how it ended and how long it took (a bound for hangs, not a timing assertion). */
  const settle = async (operation) => {
    const started = Date.now();
    const outcome = await operation().then(
      (value) => ({ value }),
      (error) => ({ error })
    );
    return { ...outcome, ms: Date.now() - started };
  };

  it('stopped: the health check says no and every operation fails, in bounded time; restarted: works again', async () => {
    assert.equal(await store.ping(), true);
    await own.kill();
    const ping = await settle(() => store.ping());
    assert.equal(ping.value, false);
    assert.ok(ping.ms < 5000, `ping answered in ${ping.ms} ms`);
    for (const operation of [
      () => store.startConversation('centre-a', mailbox(), newItem('person'), now),
      () => store.useChallenge('nonce-down', now),
      () => store.conversations('centre-a'),
    ]) {
      const result = await settle(operation);
      assert.ok(result.error, 'rejects, so the app can answer 503');
      assert.ok(result.ms < 5000, `failed in ${result.ms} ms`);
    }
    await own.start();
    assert.equal(await store.ping(), true);
    assert.equal((await store.startConversation('centre-a', mailbox(), newItem('person'), now)).status, 'stored');
  });

  it('frozen (accepts connections, answers nothing): no hang either; thawed: works again', async () => {
    assert.equal(await store.ping(), true);
    own.pause();
    try {
      const ping = await settle(() => store.ping());
      assert.equal(ping.value, false);
      assert.ok(ping.ms < 5000, `ping answered in ${ping.ms} ms`);
      const write = await settle(() => store.startConversation('centre-a', mailbox(), newItem('person'), now));
      assert.ok(write.error, 'rejects');
      assert.ok(write.ms < 10_000, `failed in ${write.ms} ms`);
    } finally {
      own.resume();
    }
    const { conversation } = await store.startConversation('centre-a', mailbox(), newItem('person'), now);
    assert.equal((await store.addItem(conversation, newItem('centre'), now, 100)).status, 'stored');
    assert.equal(await store.ping(), true);
  });
});

describe('SQLite: a database of schema version 2 (before issue 20) is migrated at start', () => {
  it('counts the bytes of existing conversations, keeps sessions (without a credential: they end), and keeps used challenges to the minute', async () => {
    const { default: sqlite } = await import('node-sqlite3-wasm');
    const path = join(scratch(), 'relay.sqlite');
    const envelope = JSON.stringify({ v: 1, centre: 'centre-a', kid: 'abcdefgh', suite: 's', enc: 'e'.repeat(43), ct: 'x'.repeat(100) });
    // The version-2 tables as the relay before issue 20 made them.
    const db = new sqlite.Database(path);
    db.exec(`
      CREATE TABLE conversations (id TEXT PRIMARY KEY, centre TEXT NOT NULL, mailbox TEXT UNIQUE, verifier TEXT, closed INTEGER NOT NULL DEFAULT 0,
        last_author TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, item_count INTEGER NOT NULL);
      CREATE TABLE items (id TEXT PRIMARY KEY, conversation TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE, seq INTEGER NOT NULL,
        author TEXT NOT NULL, received_at INTEGER NOT NULL, to_centre TEXT NOT NULL, to_person TEXT, idempotency_key TEXT NOT NULL UNIQUE,
        body_hash TEXT NOT NULL, UNIQUE (conversation, seq));
      CREATE TABLE used_challenges (nonce TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);
      CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, centre TEXT NOT NULL, expires_at INTEGER NOT NULL);
      CREATE TABLE pending_notifications (centre TEXT PRIMARY KEY, since INTEGER NOT NULL, waiting INTEGER NOT NULL DEFAULT 1,
        attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER NOT NULL);
      PRAGMA user_version = 2;`);
    db.run("INSERT INTO conversations VALUES ('c1', 'centre-a', NULL, NULL, 0, 'person', ?, ?, 1)", [now, now]);
    db.run("INSERT INTO items VALUES ('i1', 'c1', 1, 'person', ?, ?, ?, 'k1', 'h1')", [now, envelope, envelope]);
    db.run("INSERT INTO used_challenges VALUES ('nonce-1', ?)", [now + 7201]);
    db.run("INSERT INTO sessions VALUES ('token-1', 'centre-a', ?)", [now + 3600]);
    db.close();

    const store = await openStore(path);
    try {
      assert.equal(await store.storedBytes(), 2 * envelope.length);
      assert.deepEqual(await store.findSession('token-1', now), { centre: 'centre-a', credential: null });
      assert.equal(await store.useChallenge('nonce-1', now + 7201), false, 'still known as used');
      assert.equal((await store.conversation('c1')).items.length, 1);
    } finally {
      await store.close();
    }
    const after = new sqlite.Database(path, { readOnly: true });
    try {
      assert.deepEqual(after.all('SELECT nonce, expires_at FROM used_challenges'), [{ nonce: 'nonce-1', expires_at: now + 7260 }]);
      assert.equal(after.get('PRAGMA user_version').user_version, schemaVersion);
    } finally {
      after.close();
    }
  });
});

// Schema version 4 (SQLite) and 3 (PostgreSQL) of issue 22 only add tables: a
// database of the version before is the present one without them.
for (const kind of kinds) {
  describe(`${kind.name}: a database of the schema version before issue 22 is migrated at start`, { skip: kind.skip }, () => {
    it('gets the tables of centres, credentials and figures, keeps its conversations, and counts from then on', async () => {
      const { store, path, url } = await kind.fresh();
      const { conversation } = await store.startConversation('centre-a', mailbox(), newItem('person'), now);
      await store.close();
      const previous = kind.name === 'SQLite' ? 3 : 2;
      const dropNew = 'DROP TABLE blob_chunks; DROP TABLE blobs; DROP TABLE centre_keys; DROP TABLE credentials; DROP TABLE monthly_figures;';
      if (path) {
        const { default: sqlite } = await import('node-sqlite3-wasm');
        const db = new sqlite.Database(path);
        db.exec(`${dropNew} PRAGMA user_version = ${previous};`);
        db.close();
      } else {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`${dropNew} UPDATE relay_schema SET version = ${previous};`);
        await client.end();
      }

      const migrated = await openStore(path ?? url);
      try {
        assert.equal((await migrated.conversation(conversation)).items.length, 1);
        assert.deepEqual(await migrated.monthlyFigures(), [], 'nothing counted before the migration');
        assert.equal((await migrated.addItem(conversation, newItem('centre'), now + 600, 100)).status, 'stored');
        const [figures] = await migrated.monthlyFigures();
        assert.equal(figures.answers, 1);
        assert.equal(figures.firstAnswer['under-1h'], 1);
        await migrated.addCentreKey({ centre: 'centre-a', kid: 'kid-1', publicKey: 'wwk1.centre-a.kid-1' });
        assert.equal((await migrated.centreKeys()).length, 1);
      } finally {
        await migrated.close();
      }
      if (path) {
        const { default: sqlite } = await import('node-sqlite3-wasm');
        const db = new sqlite.Database(path, { readOnly: true });
        assert.equal(db.get('PRAGMA user_version').user_version, schemaVersion);
        db.close();
      } else {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        assert.deepEqual((await client.query('SELECT version FROM relay_schema')).rows, [{ version: postgresSchemaVersion }]);
        await client.end();
      }
    });
  });
}

// Schema version 5 (SQLite) and 4 (PostgreSQL) of issue 23 only add the blobs' tables.
for (const kind of kinds) {
  describe(`${kind.name}: a database of the schema version before issue 23 is migrated at start`, { skip: kind.skip }, () => {
    it('gets the tables of attachments’ blobs and keeps its conversations', async () => {
      const { store, path, url } = await kind.fresh();
      const { conversation } = await store.startConversation('centre-a', mailbox(), newItem('person'), now);
      await store.close();
      const dropNew = 'DROP TABLE blob_chunks; DROP TABLE blobs;';
      if (path) {
        const { default: sqlite } = await import('node-sqlite3-wasm');
        const db = new sqlite.Database(path);
        db.exec(`${dropNew} PRAGMA user_version = ${schemaVersion - 1};`);
        db.close();
      } else {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`${dropNew} UPDATE relay_schema SET version = ${postgresSchemaVersion - 1};`);
        await client.end();
      }
      const migrated = await openStore(path ?? url);
      try {
        assert.equal((await migrated.conversation(conversation)).items.length, 1);
        const blob = { id: 'B'.repeat(22), size: 65_564, sha256: 'h'.repeat(43) };
        assert.equal((await migrated.addItem(conversation, { ...newItem('person'), blobs: [blob] }, now + 60, 100)).status, 'stored');
        assert.deepEqual(await migrated.blob(blob.id), { ...blob, conversation, centre: 'centre-a', complete: false });
      } finally {
        await migrated.close();
      }
    });
  });
}

// Attachments' blobs (issue 23): declared with an item, uploaded in chunks, deleted with the conversation.
for (const kind of kinds) {
  describe(`store contract, blobs: ${kind.name}`, { skip: kind.skip ?? false }, () => {
    const size = blobChunkBytes + 1000;
    const bytes = new Uint8Array(size).map((_, i) => i % 253);
    const declared = () => ({ id: unique('blob').padEnd(22, 'b').slice(0, 22), size, sha256: 'h'.repeat(43) });
    const upload = async (store, id, upload, content = bytes) => {
      for (let seq = 0; seq * blobChunkBytes < content.length; seq++) await store.addBlobChunk(id, upload, seq, content.subarray(seq * blobChunkBytes, (seq + 1) * blobChunkBytes));
    };

    it('counts a declared blob at once, completes an upload whose chunks add up, and reads it back chunk by chunk', async () => {
      const { store } = await kind.fresh();
      try {
        const blob = declared();
        const item = { ...newItem('person'), blobs: [blob] };
        const { conversation } = await store.startConversation('centre-a', null, item, now);
        assert.ok((await store.storedBytes()) >= size, 'the declared size counts before the upload');
        assert.equal((await store.startConversation('centre-b', null, { ...newItem('person'), blobs: [blob] }, now)).status, 'conflict', 'a blob id belongs to one item');
        assert.deepEqual(await store.blob(blob.id), { ...blob, conversation, centre: 'centre-a', complete: false });
        assert.equal(await store.blobChunk(blob.id, 0), null, 'nothing to read before it is complete');
        const cut = await store.beginBlobUpload(blob.id);
        await store.addBlobChunk(blob.id, cut, 0, bytes.subarray(0, blobChunkBytes));
        assert.equal(await store.finishBlobUpload(blob.id, cut), false, 'an attempt cut off does not complete');
        const whole = await store.beginBlobUpload(blob.id);
        await upload(store, blob.id, whole);
        const again = await store.beginBlobUpload(blob.id);
        assert.equal(await store.finishBlobUpload(blob.id, whole), false, 'an earlier attempt’s pieces are dropped when the next begins');
        await upload(store, blob.id, again);
        assert.equal(await store.finishBlobUpload(blob.id, again), true);
        assert.equal(await store.finishBlobUpload(blob.id, cut), false, 'complete once');
        assert.equal(await store.beginBlobUpload(blob.id), null);
        assert.equal((await store.blob(blob.id)).complete, true);
        const read = [await store.blobChunk(blob.id, 0), await store.blobChunk(blob.id, 1)];
        assert.deepEqual(Buffer.concat(read), Buffer.from(bytes));
        assert.equal(await store.blobChunk(blob.id, 2), null);
      } finally {
        await store.close();
      }
    });

    it('deletes blobs and their chunks with the conversation, by the team and by retention', async () => {
      const { store } = await kind.fresh();
      try {
        const [a, b] = [declared(), declared()];
        const first = await store.startConversation('centre-a', null, { ...newItem('person'), blobs: [a] }, now);
        const second = await store.startConversation('centre-a', null, { ...newItem('person'), blobs: [b] }, now + 3 * day);
        for (const blob of [a, b]) {
          const attempt = await store.beginBlobUpload(blob.id);
          await upload(store, blob.id, attempt);
          assert.equal(await store.finishBlobUpload(blob.id, attempt), true);
        }
        assert.equal(await store.deleteConversation(first.conversation), true);
        assert.equal(await store.blob(a.id), null);
        assert.equal(await store.blobChunk(a.id, 0), null);
        assert.equal(await store.applyRetention(now + 40 * day, 30), 1);
        assert.equal(await store.blob(b.id), null);
        assert.equal(await store.conversation(second.conversation), null);
        assert.equal(await store.storedBytes(), 0);
      } finally {
        await store.close();
      }
    });
  });
}
