// `wegweiser-relay backup` and `restore`, as a hoster uses them: a running
// relay with conversations is backed up, the backup restored into a new
// database, and a new relay on it serves every conversation: the team reads
// each one with the key, signs in to the inbox, and the person reads theirs
// with the code. Runs on SQLite, and again on PostgreSQL (WW_RELAY_STORE).
import { describe, it, before, after } from 'node:test';
import { rmSync } from 'node:fs';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { credentialEntry } from '../dist/index.js';
import {
  centre,
  credential,
  demoKeyFile,
  demoPassphrase,
  read,
  scratch,
  signIn,
  startConversation,
  startTestRelay,
  team,
  teamOrigin,
  testDatabase,
  usingPostgres,
} from './helpers.mjs';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const relayCommand = (...args) =>
  spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, WEGWEISER_KEY_PASSPHRASE: demoPassphrase } });

describe('backup and restore', () => {
  let dir, original, restored, backupFile, conversations, teamEnv;
  before(async () => {
    dir = scratch();
    original = await testDatabase(join(dir, 'original.sqlite'));
    restored = await testDatabase(join(dir, 'restored.sqlite'));
    backupFile = join(dir, usingPostgres ? 'relay.dump' : 'backup.sqlite');
    teamEnv = { RELAY_INBOX_CREDENTIALS: await credentialEntry(centre, credential), RELAY_INBOX_ORIGINS: teamOrigin };
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('backs up a running relay with conversations', async () => {
    const ctx = await startTestRelay({ database: original, env: teamEnv });
    try {
      conversations = [];
      for (const text of ['Ich brauche eine Krankenversicherung.', 'Wo bekomme ich ein Basiskonto?', 'Kann ich anonym bleiben?']) {
        const started = await startConversation(ctx.url, text);
        assert.equal(started.res.status, 201, JSON.stringify(started.res.json));
        conversations.push({ text, keys: started.keys });
      }
      const result = relayCommand('backup', '--db', original, '--out', backupFile);
      assert.equal(result.status, 0, result.stderr);
      assert.ok(existsSync(backupFile));
      const again = relayCommand('backup', '--db', original, '--out', backupFile);
      assert.equal(again.status, 1, 'a backup never overwrites a file');
      assert.match(again.stderr, /exists already/);
    } finally {
      await ctx.relay.close();
    }
  });

  it('restores into a new database where every conversation opens with the key, the inbox works and the person reads theirs', async () => {
    const result = relayCommand('restore', '--from', backupFile, '--db', restored);
    assert.equal(result.status, 0, result.stderr);

    const readOut = relayCommand('read', '--key', fileURLToPath(demoKeyFile), '--db', restored);
    assert.equal(readOut.status, 0, readOut.stderr);
    for (const { text } of conversations) assert.ok(readOut.stdout.includes(text), `${text} in:\n${readOut.stdout}`);

    const ctx = await startTestRelay({ database: restored, env: teamEnv });
    try {
      const session = await signIn(ctx.url);
      assert.equal(session.status, 201, JSON.stringify(session.json));
      const list = await team(ctx.url, '/v1/inbox/conversations', session.json.token);
      assert.equal(list.status, 200);
      assert.equal(list.json.conversations.length, conversations.length);
      for (const { keys } of conversations) {
        const own = await read(ctx.url, keys);
        assert.equal(own.status, 200, JSON.stringify(own.json));
        assert.equal(own.json.items.length, 1);
      }
    } finally {
      await ctx.relay.close();
    }
  });

  it('refuses what is not a relay backup, and never overwrites a database without --force', { skip: usingPostgres && 'SQLite files only' }, () => {
    const notRelay = join(dir, 'not-a-relay.sqlite');
    writeFileSync(notRelay, 'this is not a database');
    const damaged = relayCommand('restore', '--from', notRelay, '--db', join(dir, 'new.sqlite'));
    assert.equal(damaged.status, 1);
    assert.match(damaged.stderr, /cannot be read as a relay database|not a relay database/);
    assert.ok(!existsSync(join(dir, 'new.sqlite')));

    const overwrite = relayCommand('restore', '--from', backupFile, '--db', restored);
    assert.equal(overwrite.status, 1);
    assert.match(overwrite.stderr, /--force/);
    const forced = relayCommand('restore', '--from', backupFile, '--db', restored, '--force');
    assert.equal(forced.status, 0, forced.stderr);
  });
});
