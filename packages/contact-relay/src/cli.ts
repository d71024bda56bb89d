#!/usr/bin/env node
/**
 * `wegweiser-relay <command>`:
 *
 *   keygen --centre <id> [--out private-key.json]   create a key pair
 *   serve                                            run the relay (configured by RELAY_* variables)
 *   credential --centre <id>                         create a team credential for the inbox
 *   read --key <file> [--db relay.sqlite] [--delete] decrypt and show stored conversations
 *   decrypt --key <file>                             decrypt envelopes (JSON, one per line) from stdin
 *   backup --db <db> --out <file>                    a copy of the database, safe while the relay runs
 *   restore --from <file> --db <db> [--force]        put a backup in place for a stopped relay
 *   demo                                             a local relay with the public DEMO key, for Storybook
 *
 * The passphrase is asked for on the terminal (not echoed), or read from
 * WEGWEISER_KEY_PASSPHRASE where no terminal is available (scripts, tests).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Envelope, type Plaintext } from '@wegweiser/contact-form/envelope';
import { teamOpener } from './team-opener.js';
import { ConfigError, readConfig } from './config.js';
import { generateKeyFile, openKeyFile, KeyFileError } from './key-file.js';
import { startRelay } from './server.js';
import { openStore } from './store.js';
import { credentialEntry, newCredential } from './team.js';
import { sessionsCommand, sessionsUsage } from './sessions-command.js';
import { backup, BackupError, backupUsage, restore } from './backup.js';
import { centresCommand, CentresError, centresUsage, coordinatorCommand } from './centres-command.js';

const usage = `Usage: wegweiser-relay <command>

  keygen --centre <id> [--out private-key.json]
      Create the centre's key pair. The private key is written to the file,
      protected by a passphrase you choose; the public key is printed for the
      form's public-key attribute and for RELAY_PUBLIC_KEYS.
  credential --centre <id>
      Create a team credential for the counsellors' inbox. The credential is
      printed once for the team; the line for RELAY_INBOX_CREDENTIALS holds
      only its hash.
  serve
      Run the relay. Configuration: RELAY_* environment variables (see README).
  read --key <file> [--db relay.sqlite | --db postgres://…] [--delete]
      Decrypt and show the stored conversations for the key's centre.
  decrypt --key <file>
      Decrypt envelopes (JSON, one per line) from standard input.
  demo
      A local relay on http://127.0.0.1:8787 with the public DEMO key, for Storybook.
${sessionsUsage}
${centresUsage}
${backupUsage}`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

async function askHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) throw new KeyFileError('No terminal to ask for the passphrase: set WEGWEISER_KEY_PASSPHRASE.');
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let value = '';
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          resolve(value);
          return;
        }
        if (char === '\u0003') {
          stdin.setRawMode(false);
          reject(new KeyFileError('Cancelled.'));
          return;
        }
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else value += char;
      }
    };
    stdin.on('data', onData);
  });
}

async function passphrase(confirm: boolean): Promise<string> {
  const fromEnv = process.env.WEGWEISER_KEY_PASSPHRASE;
  if (fromEnv) return fromEnv;
  const first = await askHidden('Passphrase: ');
  if (confirm && (await askHidden('The same passphrase again: ')) !== first) throw new KeyFileError('The two passphrases differ.');
  return first;
}

async function loadKey(args: string[]) {
  const path = option(args, 'key');
  if (!path) throw new KeyFileError('Give the private key file with --key <file>.');
  return openKeyFile(JSON.parse(readFileSync(path, 'utf8')), await passphrase(false));
}

function show(id: string, receivedAt: number, m: Plaintext): string {
  const when = new Date(receivedAt * 1000).toISOString().slice(0, 16).replace('T', ' ');
  let about: string;
  if (m.kind === 'first-contact') {
    const reply = m.reply.method === 'none' ? 'no answer needed' : m.reply.method === 'code' ? 'here, by code (anonymous)' : `${m.reply.method}: ${m.reply.value}`;
    about = `topic: ${m.topic ?? '–'} · language: ${m.language ?? '–'} · form shown in: ${m.formLocale} · answer: ${reply}`;
  } else about = m.kind === 'follow-up' ? 'the person wrote again' : 'answer from the team';
  return [`── ${id} · ${when} UTC`, about, '', m.text, ''].join('\n');
}

const demoKeyPath = fileURLToPath(new URL('../demo/demo-private-key.json', import.meta.url));
/**
 * The public keys of the fictional Rhineland-Palatinate network (six centres,
 * demo/network/), for the service finder's anonymous-contact demo. Their
 * private key files use the same public passphrase as the demo key.
 */
function demoNetworkKeys(): string[] {
  const folder = fileURLToPath(new URL('../demo/network/', import.meta.url));
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => (JSON.parse(readFileSync(join(folder, name), 'utf8')) as { publicKey: string }).publicKey);
}

/** Public on purpose, like the demo key's passphrase: the demo relay is for Storybook only. */
const demoCredential = 'DEMO0-CREDE-NTIAL-NOTSE-CRET0';

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'keygen': {
      const centre = option(args, 'centre');
      const out = option(args, 'out') ?? 'private-key.json';
      if (!centre) throw new KeyFileError('Give the centre id with --centre <id> (lower-case letters, digits, hyphens), e.g. --centre beratung-rostock.');
      if (existsSync(out)) throw new KeyFileError(`${out} exists already; it is not overwritten. Choose another --out.`);
      const { file, publicKey } = await generateKeyFile(centre, await passphrase(true));
      writeFileSync(out, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
      process.stderr.write(`Private key written to ${out} (protected by your passphrase). Keep it and the passphrase safe: without them no message can be read.\n\nPublic key (for the form's public-key attribute and RELAY_PUBLIC_KEYS):\n`);
      process.stdout.write(`${publicKey}\n`);
      return 0;
    }
    case 'credential': {
      const centre = option(args, 'centre');
      if (!centre) throw new KeyFileError('Give the centre id with --centre <id>, the same as in its public key.');
      const credential = newCredential();
      const entry = await credentialEntry(centre, credential);
      process.stderr.write('Team credential (give it to the counselling team; it is not shown again):\n');
      process.stdout.write(`${credential}\n`);
      process.stderr.write(`\nAdd this entry to RELAY_INBOX_CREDENTIALS (it holds only a hash of the credential):\n`);
      process.stdout.write(`${entry}\n`);
      return 0;
    }
    case 'serve': {
      const config = await readConfig();
      const relay = await startRelay(config);
      process.stderr.write(`wegweiser-relay listening on ${relay.url} for ${config.keys.map((k) => k.centre).join(', ')}\n`);
      if (config.powSecretEphemeral) process.stderr.write('RELAY_POW_SECRET is not set: challenges are signed with a random secret and stop working after a restart.\n');
      if (!relay.notifier.enabled) process.stderr.write('RELAY_SMTP_URL is not set: nobody is told about new messages.\n');
      if (!config.allowedOrigins.length) process.stderr.write('RELAY_ALLOWED_ORIGINS is empty: no web page may send messages.\n');
      const stop = () => void relay.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return -1;
    }
    case 'demo': {
      const demo = JSON.parse(readFileSync(demoKeyPath, 'utf8')) as { publicKey: string };
      const centre = demo.publicKey.split('.')[1]!;
      const network = demoNetworkKeys();
      const networkCentres = network.map((key) => key.split('.')[1]!);
      const config = await readConfig({
        RELAY_PUBLIC_KEYS: [demo.publicKey, ...network].join(' '),
        RELAY_ALLOWED_ORIGINS: 'http://localhost:6006 http://127.0.0.1:6006',
        RELAY_INBOX_ORIGINS: 'http://localhost:6006 http://127.0.0.1:6006',
        RELAY_INBOX_CREDENTIALS: (await Promise.all([centre, ...networkCentres].map((id) => credentialEntry(id, demoCredential)))).join(' '),
        RELAY_PORT: process.env.RELAY_PORT ?? '8787',
        RELAY_DB: process.env.RELAY_DB ?? join(tmpdir(), 'wegweiser-demo-relay.sqlite'),
        RELAY_POW_COUNTER_MIN: '100',
        RELAY_POW_COUNTER_MAX: '300',
        RELAY_MIN_FILL_SECONDS: '2',
        RELAY_RETENTION_DAYS: '1',
      });
      const relay = await startRelay(config);
      process.stderr.write(
        `DEMO relay on ${relay.url} (store: ${config.database}).\n` +
          'It uses the DEMO key pair from packages/contact-relay/demo/, whose passphrase is public: never send real messages to it.\n' +
          `Inbox: ${relay.url}/inbox/ (centre "${centre}", DEMO credential "${demoCredential}", key passphrase "demo-passphrase-not-secret").\n` +
          `Also the fictional Rhineland-Palatinate network (demo/network/, same credential and passphrase): ${networkCentres.join(', ')}.\n` +
          `Read what arrived: WEGWEISER_KEY_PASSPHRASE=demo-passphrase-not-secret node ${fileURLToPath(import.meta.url)} read --key ${demoKeyPath} --db ${config.database}\n`,
      );
      const stop = () => void relay.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return -1;
    }
    case 'read': {
      const key = await loadKey(args);
      const store = await openStore(option(args, 'db') ?? 'relay.sqlite');
      try {
        const items = await store.allItems(key.centre);
        if (!items.length) process.stderr.write(`No messages for ${key.centre}.\n`);
        let failed = 0;
        const opened = new Set<string>();
        const openForTeam = await teamOpener(key);
        for (const stored of items) {
          try {
            const message = await openForTeam(stored.toCentre, stored.conversation);
            process.stdout.write(`${show(`${stored.conversation}/${stored.id}`, stored.receivedAt, message)}\n`);
            opened.add(stored.conversation);
          } catch (error) {
            failed++;
            process.stderr.write(`── ${stored.id}: ${(error as Error).message}\n`);
          }
        }
        // Whole conversations only, and only those that could all be read.
        if (args.includes('--delete') && !failed) for (const id of opened) await store.deleteConversation(id, 'command');
        return failed ? 1 : 0;
      } finally {
        await store.close();
      }
    }
    case 'sessions':
      return sessionsCommand(args);
    case 'centres':
      return centresCommand(args);
    case 'coordinator':
      return coordinatorCommand(args);
    case 'backup': {
      const database = option(args, 'db');
      const out = option(args, 'out');
      if (!database || !out) throw new BackupError('Give the database and the backup file: backup --db <relay.sqlite | postgres://…> --out <file>.');
      backup(database, out);
      process.stderr.write(`Backup written to ${out}. It holds deleted conversations for as long as it exists: keep it no longer than RELAY_RETENTION_DAYS.\n`);
      return 0;
    }
    case 'restore': {
      const from = option(args, 'from');
      const database = option(args, 'db');
      if (!from || !database) throw new BackupError('Give the backup and the database: restore --from <file> --db <relay.sqlite | postgres://…> [--force].');
      restore(from, database, { force: args.includes('--force') });
      process.stderr.write(`Restored ${from} as ${database}. Start the relay.\n`);
      return 0;
    }
    case 'decrypt': {
      const openForTeam = await teamOpener(await loadKey(args));
      const input = readFileSync(0, 'utf8');
      for (const line of input.split('\n').filter((l) => l.trim())) {
        process.stdout.write(`${JSON.stringify(await openForTeam(JSON.parse(line) as Envelope))}\n`);
      }
      return 0;
    }
    case undefined:
    case '--help':
    case 'help':
      process.stdout.write(`${usage}\n`);
      return command ? 0 : 1;
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${usage}\n`);
      return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    const known = error instanceof KeyFileError || error instanceof ConfigError || error instanceof BackupError || error instanceof CentresError || (error as Error)?.name === 'EnvelopeError';
    process.stderr.write(`wegweiser-relay: ${known ? (error as Error).message : String((error as Error)?.stack ?? error)}\n`);
    process.exitCode = 1;
  },
);
