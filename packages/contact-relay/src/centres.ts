/**
 * The network's centres as the running relay sees them: the public keys and
 * credentials of the environment (RELAY_PUBLIC_KEYS, RELAY_INBOX_CREDENTIALS:
 * a single centre, as before) together with those kept in the store
 * (`wegweiser-relay centres …`, a network).
 *
 * There is no cache: every check reads the store's two small tables (one
 * indexed query). A centre added, a key rotated or a credential removed with
 * the command line counts from the next request on, in every relay instance
 * on the same database, and a removed credential's sessions end at once.
 */
import type { CentreKey } from '@wegweiser/contact-form/public-key';
import type { RelayConfig } from './config.js';
import type { CredentialRole, Store } from './store.js';
import { checkCredential, parseCredentialEntry, type TeamCredential } from './team.js';

/** A credential with what it lets in. */
export interface KnownCredential extends TeamCredential {
  role: CredentialRole;
}

export class CentreDirectory {
  private readonly configuredKeys: Set<string>;
  private readonly configuredCredentials: KnownCredential[];

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

  private async credentials(): Promise<KnownCredential[]> {
    const stored = (await this.store.credentials()).map((row) => ({ ...parseCredentialEntry(row.entry), role: row.role }));
    return [...this.configuredCredentials, ...stored];
  }

  /** The credential `secret` is for `name` (a centre, or a coordination office), or null. */
  async signIn(name: string, secret: string): Promise<KnownCredential | null> {
    return checkCredential(await this.credentials(), name, secret);
  }

  /** The credential with this id, while it exists (a removed one ends its sessions). */
  async credential(id: string): Promise<KnownCredential | null> {
    return (await this.credentials()).find((credential) => credential.id === id) ?? null;
  }

  /** Whether anyone can sign in at all: without credentials there is no inbox. */
  async inboxOn(): Promise<boolean> {
    return this.configuredCredentials.length > 0 || (await this.store.credentials()).length > 0;
  }
}
