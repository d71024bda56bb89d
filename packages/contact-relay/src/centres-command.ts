/**
 * `wegweiser-relay centres …` and `wegweiser-relay coordinator …`: a
 * network's centres (public keys, team credentials) and its coordination
 * office's credential, kept in the relay's database. The running relay reads
 * them on each request (src/centres.ts), so no restart is needed, also with
 * several instances on one PostgreSQL. The database is `--db`, else RELAY_DB.
 */
import { parsePublicKey } from '@wegweiser/contact-form/public-key';
import { openStore, type CredentialRole, type Store } from './store.js';
import { credentialEntry, newCredential, parseCredentialEntry } from './team.js';

export const centresUsage = `  centres add --centre <id> --public-key <key> [--db …]
      Add a centre to the network: its public key (from \`keygen\`) and a new
      team credential, printed once. The running relay accepts it at once.
  centres rotate --centre <id> (--public-key <new key> | --credential) [--db …]
      A new key: the form should use it from now on; the old key stays known,
      so messages sealed to it are still accepted and the old key file still
      reads them. --credential: a new team credential replaces the old ones
      (their sessions end).
  centres remove --centre <id> [--kid <old key id>] [--db …]
      With --kid: forget one earlier key. Without: the centre leaves the
      network (keys and credentials removed, its team signed out; its
      figures stay). Refused while the centre has conversations in the
      store, which its team may not have read yet: the answer says how many.
  centres remove --centre <id> --with-conversations [--db …]
      The centre leaves and its conversations are deleted with it (their
      messages, the people's codes, its queued notification), in one go.
  centres list [--db …]
      Every centre with its keys (the current one marked) and credentials.
  coordinator add --name <office> [--db …]
      A credential for the network's coordination office: it signs in at the
      inbox with the office name and sees the network's figures, nothing else.
  coordinator remove --name <office> [--db …]
  coordinator list [--db …]`;

export class CentresError extends Error {
  override name = 'CentresError';
}

const namePattern = /^[a-z0-9-]{3,64}$/;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

function required(args: string[], name: string, hint: string): string {
  const value = option(args, name);
  if (!value) throw new CentresError(`Give --${name} ${hint}.`);
  return value;
}

async function withStore<T>(args: string[], work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(option(args, 'db') ?? process.env.RELAY_DB ?? 'relay.sqlite', { timeZone: process.env.RELAY_TIME_ZONE || undefined });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Makes a credential, keeps its hash in the store and prints it once. */
async function issueCredential(store: Store, name: string, role: CredentialRole): Promise<void> {
  const credential = newCredential();
  const entry = await credentialEntry(name, credential);
  await store.addCredential({ id: parseCredentialEntry(entry).id, centre: name, role, entry });
  const who = role === 'coordinator' ? `the coordination office "${name}"` : `the team of ${name}`;
  process.stderr.write(`Credential for ${who} (give it to them; it is not shown again, the relay keeps only a hash):\n`);
  process.stdout.write(`${credential}\n`);
}

const centreNames = async (store: Store) => new Set((await store.centreKeys()).map((key) => key.centre));
const coordinatorNames = async (store: Store) => new Set((await store.credentials()).filter((row) => row.role === 'coordinator').map((row) => row.centre));

async function readKey(text: string, centre: string) {
  let key;
  try {
    key = await parsePublicKey(text);
  } catch (error) {
    throw new CentresError(`--public-key: ${(error as Error).message}`);
  }
  if (key.centre !== centre) throw new CentresError(`The public key is for centre "${key.centre}", not "${centre}".`);
  return { centre, kid: key.kid, publicKey: text };
}

export async function centresCommand(args: string[]): Promise<number> {
  const [action] = args;
  return withStore(args, async (store) => {
    switch (action) {
      case 'add': {
        const centre = required(args, 'centre', '<id> (lower-case letters, digits, hyphens)');
        const key = await readKey(required(args, 'public-key', '<key> as printed by `wegweiser-relay keygen`'), centre);
        if ((await centreNames(store)).has(centre)) throw new CentresError(`${centre} is in the network already: use \`centres rotate\` for a new key or credential.`);
        if ((await coordinatorNames(store)).has(centre)) throw new CentresError(`"${centre}" is the name of a coordination office: choose another centre id.`);
        await store.addCentreKey(key);
        await issueCredential(store, centre, 'team');
        process.stderr.write(`${centre} added (key ${key.kid}). The relay accepts its messages and its team's sign-in now.\n`);
        return 0;
      }
      case 'rotate': {
        const centre = required(args, 'centre', '<id>');
        if (!(await centreNames(store)).has(centre)) throw new CentresError(`${centre} is not in the network: \`centres add\` it first.`);
        const keyText = option(args, 'public-key');
        if (keyText) {
          const key = await readKey(keyText, centre);
          await store.addCentreKey(key);
          process.stderr.write(`${centre}: key ${key.kid} is now the current one; earlier keys stay known. Put the new public key into the form; the inbox reads messages sealed to the old key once the old key file is opened beside the new one (Open an earlier key), until they have expired.\n`);
          return 0;
        }
        if (!args.includes('--credential')) throw new CentresError('Give --public-key <new key> or --credential.');
        const removed = await store.removeCredentials(centre, 'team');
        await issueCredential(store, centre, 'team');
        process.stderr.write(`${removed} earlier credential${removed === 1 ? '' : 's'} of ${centre} removed; their sessions have ended.\n`);
        return 0;
      }
      case 'remove': {
        const centre = required(args, 'centre', '<id>');
        const kid = option(args, 'kid');
        if (kid) {
          const key = (await store.centreKeys()).find((row) => row.centre === centre && row.kid === kid);
          if (!key) throw new CentresError(`${centre} has no key ${kid}.`);
          if (key.current) throw new CentresError(`${kid} is ${centre}'s current key: rotate to a new key first.`);
          await store.removeCentreKeys(centre, kid);
          process.stderr.write(`${centre}: key ${kid} forgotten; messages sealed to it are refused from now on.\n`);
          return 0;
        }
        const removal = await store.removeCentre(centre, args.includes('--with-conversations'));
        if (!removal.removed) {
          const { conversations } = removal;
          throw new CentresError(
            `${centre} has ${conversations} conversation${conversations === 1 ? '' : 's'} in the store; nothing was removed. ` +
              'Let its team read and answer them (or hand them over), then remove the centre with --with-conversations, which deletes them for good.',
          );
        }
        const { keys, credentials, conversations } = removal;
        if (!keys && !credentials && !conversations) throw new CentresError(`${centre} is not in the network.`);
        process.stderr.write(
          `${centre} removed (${keys} key(s), ${credentials} credential(s), ${conversations} conversation(s) deleted; its team is signed out). Its figures stay.\n`,
        );
        return 0;
      }
      case 'list': {
        const keys = await store.centreKeys();
        const credentials = await store.credentials();
        if (!keys.length) process.stderr.write('No centres in the store (RELAY_PUBLIC_KEYS may name some).\n');
        for (const centre of await centreNames(store)) {
          const teamCredentials = credentials.filter((row) => row.role === 'team' && row.centre === centre).length;
          const kids = keys.filter((row) => row.centre === centre).map((row) => (row.current ? `${row.kid} (current)` : row.kid));
          process.stdout.write(`${centre}\tkeys: ${kids.join(', ')}\tteam credentials: ${teamCredentials}\n`);
        }
        return 0;
      }
      default:
        process.stderr.write(`Usage:\n${centresUsage}\n`);
        return 1;
    }
  });
}

export async function coordinatorCommand(args: string[]): Promise<number> {
  const [action] = args;
  return withStore(args, async (store) => {
    switch (action) {
      case 'add': {
        const name = required(args, 'name', '<office> (lower-case letters, digits, hyphens), e.g. koordination-rlp');
        if (!namePattern.test(name)) throw new CentresError('--name: 3 to 64 lower-case letters, digits or hyphens.');
        if ((await centreNames(store)).has(name)) throw new CentresError(`"${name}" is a centre's id: choose another name for the coordination office.`);
        await issueCredential(store, name, 'coordinator');
        process.stderr.write(`It signs in at the relay's /inbox/ page with "${name}" and this credential, and sees the network's figures only.\n`);
        return 0;
      }
      case 'remove': {
        const name = required(args, 'name', '<office>');
        const removed = await store.removeCredentials(name, 'coordinator');
        if (!removed) throw new CentresError(`No coordinator "${name}".`);
        process.stderr.write(`Coordinator "${name}" removed; its sessions have ended.\n`);
        return 0;
      }
      case 'list':
        for (const name of await coordinatorNames(store)) process.stdout.write(`${name}\n`);
        return 0;
      default:
        process.stderr.write(`Usage:\n${centresUsage}\n`);
        return 1;
    }
  });
}
