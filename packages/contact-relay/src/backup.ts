/**
 * `wegweiser-relay backup` and `wegweiser-relay restore`.
 *
 * A backup holds ciphertext only, but it also keeps deleted conversations for
 * as long as it exists: docs/relay-operations.md says to keep backups no
 * longer than the retention time.
 *
 * SQLite: `VACUUM INTO` writes a consistent, compacted copy while the relay
 * runs (SQLite's file locks keep the relay's writes out for the moment it
 * reads; the busy timeout waits for a write in progress). A restore checks the
 * copy (integrity, schema version, the relay's tables) before it puts it in
 * place, for a stopped relay.
 * PostgreSQL: `pg_dump --format=custom` and `pg_restore` into an empty database.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import sqlite from 'node-sqlite3-wasm';
import { schemaVersion } from './store-sqlite.js';

export const backupUsage = `  backup --db <relay.sqlite | postgres://…> --out <file>
      A copy of the relay's database, safe while the relay runs. SQLite: a
      consistent, compacted copy; PostgreSQL: pg_dump in its custom format.
  restore --from <file> --db <relay.sqlite | postgres://…> [--force]
      Puts a backup in place for a stopped relay. SQLite: checks the copy first
      and never overwrites a database without --force; PostgreSQL: pg_restore
      into an empty database.`;

export class BackupError extends Error {}

const isPostgres = (database: string) => /^postgres(ql)?:\/\//.test(database);

/** How long a backup waits for a write of the running relay to finish. */
const busyTimeoutMs = 10_000;

/** Writes a copy of `database` to `out`, which must not exist yet. */
export function backup(database: string, out: string): void {
  if (existsSync(out)) throw new BackupError(`${out} exists already: choose a new file name (a backup never overwrites one).`);
  if (isPostgres(database)) {
    runPostgresTool('pg_dump', ['--format=custom', `--file=${out}`, '--no-owner', database]);
    return;
  }
  if (!existsSync(database)) throw new BackupError(`${database} does not exist.`);
  const db = new sqlite.Database(database);
  try {
    db.exec(`PRAGMA busy_timeout = ${busyTimeoutMs}`);
    // VACUUM INTO takes the file name as an SQL string literal.
    db.run('VACUUM INTO ?', [out]);
  } finally {
    db.close();
  }
  checkSqliteCopy(out);
}

/** Puts the backup `from` in place as `database` (the relay must be stopped). */
export function restore(from: string, database: string, { force = false } = {}): void {
  if (!existsSync(from)) throw new BackupError(`${from} does not exist.`);
  if (isPostgres(database)) {
    runPostgresTool('pg_restore', ['--exit-on-error', '--no-owner', `--dbname=${database}`, from]);
    return;
  }
  checkSqliteCopy(from);
  if (existsSync(database) && !force) {
    throw new BackupError(`${database} exists: stop the relay and add --force to replace it with the backup (the present database is then gone).`);
  }
  // Copy beside the target, then rename: a half-written database is never in place.
  const temporary = join(dirname(database) || '.', `.restore-${process.pid}.sqlite`);
  copyFileSync(from, temporary);
  for (const leftover of ['-journal', '-wal', '-shm']) rmSync(`${database}${leftover}`, { force: true });
  renameSync(temporary, database);
}

/** A relay database that SQLite finds intact, of a schema this relay can open. */
function checkSqliteCopy(file: string): void {
  let db: InstanceType<typeof sqlite.Database> | undefined;
  try {
    db = new sqlite.Database(file, { readOnly: true });
    const integrity = (db.get('PRAGMA integrity_check') as { integrity_check: string }).integrity_check;
    if (integrity !== 'ok') throw new BackupError(`${file} is damaged: ${integrity}`);
    const version = (db.get('PRAGMA user_version') as { user_version: number }).user_version;
    if (version === 0) throw new BackupError(`${file} is not a relay database (no schema version).`);
    if (version > schemaVersion) throw new BackupError(`${file} was made by a newer relay (schema ${version}; this relay knows ${schemaVersion}): update the relay first.`);
    const tables = (db.all("SELECT name FROM sqlite_master WHERE type = 'table'") as { name: string }[]).map((row) => row.name);
    for (const table of ['conversations', 'items']) {
      if (!tables.includes(table)) throw new BackupError(`${file} is not a relay database (no table ${table}).`);
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} cannot be read as a relay database: ${(error as Error).message}`);
  } finally {
    db?.close();
  }
}

/** pg_dump / pg_restore from the PATH, else from the newest Debian PostgreSQL. */
function runPostgresTool(tool: string, args: string[]): void {
  const debianBins = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql')
        .sort((a, b) => Number(b) - Number(a))
        .map((version) => join('/usr/lib/postgresql', version, 'bin', tool))
    : [];
  const candidates = [tool, ...debianBins.filter((path) => existsSync(path))];
  for (const command of candidates) {
    const result = spawnSync(command, args, { encoding: 'utf8' });
    if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') continue;
    if (result.status !== 0) throw new BackupError(`${tool} failed: ${result.stderr.trim() || result.stdout.trim()}`);
    return;
  }
  throw new BackupError(`${tool} was not found: install PostgreSQL's client tools (Debian: apt-get install postgresql-client).`);
}
