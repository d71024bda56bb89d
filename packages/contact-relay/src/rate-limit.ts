/**
 * Rate limiting without keeping addresses: a client is counted under an
 * HMAC of its address with a random key that exists only in memory and is
 * replaced every UTC day (the counts go with it). Nothing is written to disk
 * or to the log, and yesterday's hashes cannot be linked to today's.
 */
import { createHmac, randomBytes } from 'node:crypto';

interface Window {
  start: number;
  count: number;
}

export class RateLimiter {
  private key = randomBytes(32);
  private day = -1;
  private windows = new Map<string, Window>();

  constructor(
    private readonly limit: number,
    private readonly windowSeconds = 3600,
  ) {}

  private id(address: string, now: number): string {
    const day = Math.floor(now / 86400);
    if (day !== this.day) {
      this.day = day;
      this.key = randomBytes(32);
      this.windows.clear();
    }
    return createHmac('sha256', this.key).update(address).digest('base64url').slice(0, 22);
  }

  /** Whether the client has used up its limit, without counting this request (for counting failures only). */
  exhausted(address: string, now: number): boolean {
    const window = this.windows.get(this.id(address, now));
    return window !== undefined && now - window.start < this.windowSeconds && window.count >= this.limit;
  }

  /** Counts one request; false when the client is over its limit. */
  take(address: string, now: number): boolean {
    const id = this.id(address, now);
    const window = this.windows.get(id);
    if (!window || now - window.start >= this.windowSeconds) {
      this.windows.set(id, { start: now, count: 1 });
      // Keep memory bounded even under a flood of new addresses.
      if (this.windows.size > 100_000) this.prune(now);
      return true;
    }
    window.count++;
    return window.count <= this.limit;
  }

  private prune(now: number): void {
    for (const [id, window] of this.windows) if (now - window.start >= this.windowSeconds) this.windows.delete(id);
  }
}
