/**
 * Proof-of-work challenges this relay process has seen spent, kept in memory
 * so that a replay is refused before the store is asked: under a flood of
 * replays (issue 20) each one cost an idempotency lookup and an insert, and
 * the SQLite build runs both synchronously on the event loop.
 *
 * Only refusals are short-cut. The store's table of used challenges stays the
 * authority: a challenge this process has not seen spent (after a restart, or
 * spent through another instance on the same database) is checked there as
 * before, and is remembered once the store has said it was used.
 *
 * For each nonce the idempotency key (its hash) of the message that spent it
 * here, or null when the store refused it (spent elsewhere, by a message this
 * process does not know). A spent nonce with another key is a replay; with the
 * spender's key, or an unknown spender, the request may be a retry of a stored
 * message, which only the store can tell.
 *
 * Bounded: at most `capacity` nonces; the oldest go first. Challenges are
 * remembered in about the order they expire, so expired ones are dropped from
 * the front as new ones come; one forgotten early only costs a store query.
 */
export interface SpentChallenge {
  /** The hash of the idempotency key of the message that spent it here; null when the store refused it. */
  spentBy: string | null;
  /** Unix seconds: the challenge's own expiry, after which it is refused as expired anyway. */
  expiresAt: number;
}

export class SpentChallenges {
  private readonly spent = new Map<string, SpentChallenge>();

  constructor(private readonly capacity = 10_000) {}

  /** How many nonces are remembered now. */
  get size(): number {
    return this.spent.size;
  }

  /** What is known here about `nonce`: undefined when nothing (the store decides). */
  find(nonce: string, now: number): SpentChallenge | undefined {
    const known = this.spent.get(nonce);
    return known && known.expiresAt > now ? known : undefined;
  }

  remember(nonce: string, spentBy: string | null, expiresAt: number, now: number): void {
    for (const [oldest, { expiresAt: oldestExpiry }] of this.spent) {
      if (oldestExpiry > now && this.spent.size < this.capacity) break;
      this.spent.delete(oldest);
    }
    this.spent.set(nonce, { spentBy, expiresAt });
  }
}
