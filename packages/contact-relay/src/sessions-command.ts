/**
 * `wegweiser-relay sessions end --centre <id> | --all [--db …]`: signs the
 * counsellors out everywhere, for example after a laptop was lost or a
 * credential was shared by mistake. Removing a credential from
 * RELAY_INBOX_CREDENTIALS ends its sessions too (the relay checks each
 * session's credential); this command ends them without a restart, and ends
 * every session of a centre at once. The database is `--db`, else RELAY_DB.
 */
import { openStore } from './store.js';

export const sessionsUsage = `  sessions end (--centre <id> | --all) [--db relay.sqlite | --db postgres://…]
      Sign the team of one centre (or of every centre) out of the inbox everywhere.`;

export async function sessionsCommand(args: string[]): Promise<number> {
  const option = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const centre = option('centre');
  if (args[0] !== 'end' || (!centre && !args.includes('--all'))) {
    process.stderr.write(`Usage:\n${sessionsUsage}\n`);
    return 1;
  }
  const store = await openStore(option('db') ?? process.env.RELAY_DB ?? 'relay.sqlite');
  try {
    const ended = await store.deleteSessions(centre);
    process.stdout.write(`${ended} session${ended === 1 ? '' : 's'} ended${centre ? ` for ${centre}` : ''}.\n`);
    return 0;
  } finally {
    await store.close();
  }
}
