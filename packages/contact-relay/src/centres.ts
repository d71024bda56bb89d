/**
 * The network's centres as the running relay sees them: the public keys and
 * credentials of the environment (RELAY_PUBLIC_KEYS, RELAY_INBOX_CREDENTIALS:
 * a single centre, as before) together with those kept in the store
 * (`wegweiser-relay centres …`, a network).
 *
 * The store is read on every check (its two small tables, one indexed query),
 * so a centre added, a key rotated or a credential removed with the command
 * line counts from the next request on, in every relay instance on the same
 * database, and a removed credential's sessions end at once.
 *
 * One exception, under a flood of wrong sign-ins (issue 20): once more than
 * `signInFloodFailures` sign-ins have failed within a minute, from all
 * addresses together, a sign-in is refused against a copy of the stored
 * credentials at most `floodCopySeconds` old, so that a flood does not cost a
 * store query per attempt (on SQLite a synchronous one, with file locking, that
 * holds up every other request). A credential found in the copy is confirmed
 * in the store before it is let in, so a removed one stops at once even then;
 * one added during a flood works within those seconds. A configured
 * credential needs no store at all.
 */
import type { CentreKey } from '@wegweiser/contact-form/public-key';
import type { RelayConfig } from './config.js';
import type { CredentialRole, Store } from './store.js';
import { checkCredential, parseCredentialEntry, type TeamCredential } from './team.js';

/** A credential with what it lets in. */
export interface KnownCredential extends TeamCredential {
  role: CredentialRole;
}

/** Failed sign-ins within a minute, from all addresses together, beyond which the relay counts as flooded. */
export const signInFloodFailures = 20;
/** During a sign-in flood, how old (seconds) the copy of the stored credentials may be that refuses a sign-in. */
export const floodCopySeconds = 5;

export class CentreDirectory {
  private readonly configuredKeys: Set<string>;
  private readonly configuredCredentials: KnownCredential[];
  /** The stored credentials as last read, and when (Unix seconds). */
  private storedCopy: { credentials: KnownCredential[]; readAt: number } | null = null;
  /** Failed sign-ins in the minute `minute` (Unix seconds / 60). */
  private failures = { minute: -1, count: 0 };

  constructor(
    config: Pick<RelayConfig, 'keys' | 'inboxCredentials'>,
    private readonly store: Store,
  ) {
    this.configuredKeys = new Set(config.keys.map((key: CentreKey) => `${key.centre}.${key.kid}`));
    this.configuredCredentials = config.inboxCredentials.map((credential) => ({ ...credential, role: 'team' as const }));
  }

  /** Whether `centre`'s key `kid` is known (current or earlier: messages sealed to an earlier key are still accepted). */
  async knowsKey(centre: string, kid: string): Promise<boolean> {
    if (this.configuredKeys.has(`${centre}.${kid}`)) return true;
    return (await this.store.centreKeys()).some((key) => key.centre === centre && key.kid === kid);
  }

  /** The stored credentials, read now (and kept as the copy). */
  private async readStored(now: number): Promise<KnownCredential[]> {
    const credentials = (await this.store.credentials()).map((row) => ({ ...parseCredentialEntry(row.entry), role: row.role }));
    this.storedCopy = { credentials, readAt: now };
    return credentials;
  }

  /** The copy of the stored credentials if it may answer now (a sign-in flood, and the copy recent), else null. */
  private usableCopy(now: number): KnownCredential[] | null {
    const flooded = this.failures.minute === Math.floor(now / 60) && this.failures.count > signInFloodFailures;
    return flooded && this.storedCopy && now - this.storedCopy.readAt < floodCopySeconds ? this.storedCopy.credentials : null;
  }

  /** The credential `secret` is for `name` (a centre, or a coordination office), or null. */
  async signIn(name: string, secret: string, now: number): Promise<KnownCredential | null> {
    const configured = checkCredential(this.configuredCredentials, name, secret);
    if (configured) return configured;
    const copy = this.usableCopy(now);
    let found = checkCredential(copy ?? (await this.readStored(now)), name, secret);
    // Found in the copy: confirmed in the store, where it may have been removed since.
    if (found && copy) found = checkCredential(await this.readStored(now), name, secret);
    if (!found) {
      const minute = Math.floor(now / 60);
      this.failures = { minute, count: (this.failures.minute === minute ? this.failures.count : 0) + 1 };
    }
    return found;
  }

  /** The credential with this id, while it exists (a removed one ends its sessions). */
  async credential(id: string): Promise<KnownCredential | null> {
    const configured = this.configuredCredentials.find((credential) => credential.id === id);
    if (configured) return configured;
    const stored = (await this.store.credentials()).map((row) => ({ ...parseCredentialEntry(row.entry), role: row.role }));
    return stored.find((credential) => credential.id === id) ?? null;
  }

  /** Whether anyone can sign in at all: without credentials there is no inbox. */
  async inboxOn(now: number): Promise<boolean> {
    return this.configuredCredentials.length > 0 || (this.usableCopy(now) ?? (await this.readStored(now))).length > 0;
  }
}
