// A throwaway PostgreSQL server for the relay's tests and the load benchmark,
// from the machine's own packages (Debian: apt-get install postgresql; the
// binaries live in /usr/lib/postgresql/<version>/bin). Nothing is downloaded.
// Each call makes a fresh cluster in a temporary folder, listening on
// 127.0.0.1 on a free port, with fsync off (a test cluster need not survive a
// power cut; commits stay synchronous, so a killed server loses nothing);
// stop() shuts it down and deletes the folder.
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** The newest PostgreSQL's bin folder, or null. WW_PG_BIN overrides the search. */
export function findPostgres() {
  const candidates = [];
  if (process.env.WW_PG_BIN) candidates.push(process.env.WW_PG_BIN);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => /^\d+(\.\d+)?$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => join(debian, v, 'bin')));
  }
  try {
    // Other systems (Homebrew, Fedora) put the binaries on the PATH.
    candidates.push(
      execFileSync('pg_config', ['--bindir'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim()
    );
  } catch {
    /* no pg_config */
  }
  return candidates.find((dir) => ['initdb', 'pg_ctl', 'postgres'].every((b) => existsSync(join(dir, b)))) ?? null;
}

/**
 * Null when PostgreSQL is installed, otherwise why its tests cannot run. Test
 * files turn this into a failing test under CI (CI installs PostgreSQL, see
 * .ci/run) and into a loud skip on a developer's machine.
 */
export function postgresMissing() {
  if (findPostgres()) return null;
  const message =
    'PostgreSQL server binaries not found (looked in WW_PG_BIN, /usr/lib/postgresql/*/bin and pg_config --bindir). ' +
    'Install them (Debian: apt-get install postgresql) to run the PostgreSQL store tests.';
  if (!process.env.CI) console.warn(`\n!!! SKIPPING the PostgreSQL tests: ${message}\n`);
  return message;
}

/** A new empty database on the server `adminUrl` points to (as a superuser); its URL. */
export async function createDatabase(adminUrl, name = `t_${Math.random().toString(36).slice(2, 12)}`) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.href;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const live = new Set();
let exitHookInstalled = false;
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // A test run that ends early must not leave a postgres behind.
  process.on('exit', () => {
    for (const cluster of live) cluster.stopSync();
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      for (const cluster of live) cluster.stopSync();
      process.kill(process.pid, signal);
    });
  }
}

/**
 * Starts a fresh cluster (`durable: true` keeps fsync on, for benchmarks). Returns { url, port, dataDir, createDatabase(name?),
 * stop(), kill(), start(), pause(), resume() }:
 * - url: the `postgres` database as the superuser (trust auth on loopback only).
 * - createDatabase(): a new empty database, its URL.
 * - kill() stops the server at once (like a crash), start() brings it back on the same port.
 * - pause() freezes every server process (SIGSTOP): connections are accepted by
 *   the kernel but nothing answers, the nastiest way a database can be down;
 *   resume() thaws them.
 */
export async function startPostgres({ maxConnections = 200, durable = false } = {}) {
  const bin = findPostgres();
  if (!bin) throw new Error('PostgreSQL server binaries not found (see postgresMissing()).');
  installExitHook();
  const root = process.getuid?.() === 0;
  const owner = root
    ? {
        uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
        gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
      }
    : null;
  const dir = mkdtempSync(join(tmpdir(), 'ww-pg-'));
  const dataDir = join(dir, 'data');
  const socketDir = join(dir, 'socket');
  mkdirSync(socketDir);
  if (owner) {
    // initdb refuses to run as root: the cluster belongs to the postgres system user.
    for (const path of [dir, socketDir]) chownSync(path, owner.uid, owner.gid);
  }
  const as = (cmd, args) => (owner ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]);
  const exec = (name, args) => run(...as(join(bin, name), args), { encoding: 'utf8' });

  await exec('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  const options = [
    '-c listen_addresses=127.0.0.1',
    `-p ${port}`,
    `-k ${socketDir}`,
    `-c max_connections=${maxConnections}`,
    // Durable (the benchmark): PostgreSQL's defaults, every commit flushed to disk.
    ...(durable ? [] : ['-c fsync=off', '-c full_page_writes=off']),
  ].join(' ');
  const logFile = join(dir, 'postgres.log');
  if (owner) {
    writeFileSync(logFile, '');
    chownSync(logFile, owner.uid, owner.gid);
  }
  const start = () => exec('pg_ctl', ['-D', dataDir, '-l', logFile, '-o', options, '-w', '-t', '30', 'start']);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let running = false;
  let stopped = false;

  /** The postmaster and its children (backends, background workers). */
  const serverPids = () => {
    const pidFile = join(dataDir, 'postmaster.pid');
    if (!existsSync(pidFile)) return [];
    const main = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    const children = readdirSync('/proc')
      .filter((p) => /^\d+$/.test(p))
      .filter((p) => {
        try {
          // Field 4 of /proc/<pid>/stat is the parent; the name in field 2 may contain spaces.
          const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
          return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === main;
        } catch {
          return false;
        }
      })
      .map(Number);
    return [main, ...children];
  };
  const signalAll = (signal) => {
    for (const pid of serverPids()) {
      try {
        process.kill(pid, signal);
      } catch {
        /* already gone */
      }
    }
  };

  const cluster = {
    url,
    port,
    dataDir,
    logFile,
    createDatabase: (name) => createDatabase(url, name),
    async start() {
      await start();
      running = true;
    },
    /** Stops at once, as a crash would; start() brings it back. */
    async kill() {
      signalAll('SIGCONT');
      await exec('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      running = false;
    },
    pause() {
      signalAll('SIGSTOP');
    },
    resume() {
      signalAll('SIGCONT');
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      live.delete(cluster);
      if (running) {
        signalAll('SIGCONT');
        await exec('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']).catch(() => exec('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']));
      }
      rmSync(dir, { recursive: true, force: true });
    },
    stopSync() {
      if (stopped) return;
      stopped = true;
      try {
        signalAll('SIGCONT');
        execFileSync(...as(join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop']), { stdio: 'ignore' });
      } catch {
        /* it was not running */
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  live.add(cluster);
  try {
    await cluster.start();
  } catch (error) {
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
    cluster.stopSync();
    throw new Error(`PostgreSQL did not start: ${error.message}\n${log}`);
  }
  return cluster;
}

let shared = null;
/**
 * The server for the relay suite under WW_RELAY_STORE=postgres, which creates
 * a database per relay in it: the one postgres-setup.mjs started for the whole
 * run (WW_PG_URL), or else one for this process, started on first use and
 * stopped at exit.
 */
export function sharedPostgres() {
  if (process.env.WW_PG_URL) return Promise.resolve({ url: process.env.WW_PG_URL });
  shared ??= startPostgres().then((cluster) => {
    process.once('beforeExit', () => cluster.stop());
    return cluster;
  });
  return shared;
}
