/**
 * Rate limiting without keeping addresses: a client is counted under an
 * HMAC of its address with a random key that exists only in memory and is
 * replaced every UTC day (the counts go with it). Nothing is written to disk
 * or to the log, and yesterday's hashes cannot be linked to today's.
 *
 * An IPv6 client is counted by its network prefix (/64 by default): one
 * household or server gets a whole /64 and can pick any address in it, so
 * counting full addresses would give it 2^64 fresh starts. IPv4-mapped IPv6
 * addresses count as the IPv4 address they carry.
 *
 * Memory is bounded: each limiter holds at most `capacity` clients; a new
 * client beyond that evicts the one seen least recently (a Map keeps insertion
 * order, and every use moves a client to the end, so eviction is O(1)).
 * `prune()`, which the relay runs on its timer, drops windows that are over.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

interface Window {
  start: number;
  count: number;
}

/** Clients per limiter unless told otherwise: about 100 bytes each, so some 10 MB at most. */
export const defaultCapacity = 100_000;

/** The eight 16-bit groups of an IPv6 address (zone id dropped, an embedded IPv4 tail resolved). */
function ipv6Groups(address: string): number[] {
  let text = address.split('%')[0]!.toLowerCase();
  const ipv4Tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (ipv4Tail) {
    const [a, b, c, d] = ipv4Tail.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, ipv4Tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - headGroups.length - tailGroups.length;
  return [...headGroups, ...Array<string>(missing).fill('0'), ...tailGroups].map((group) => parseInt(group, 16));
}

/**
 * What a client is counted as: an IPv4 address as it is, an IPv6 address as
 * its first `ipv6PrefixBits` bits (`2001:db8:aa:bb::/64`), anything else
 * (no address known) as itself.
 */
export function clientKey(address: string, ipv6PrefixBits = 64): string {
  if (isIPv4(address)) return address;
  if (!isIPv6(address.split('%')[0]!)) return address;
  const groups = ipv6Groups(address);
  // ::ffff:a.b.c.d is an IPv4 client reaching a dual-stack socket.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255].join('.');
  }
  const kept = groups.map((group, index) => {
    const bitsLeft = ipv6PrefixBits - index * 16;
    if (bitsLeft >= 16) return group;
    if (bitsLeft <= 0) return 0;
    return group & (0xffff << (16 - bitsLeft)) & 0xffff;
  });
  return `${kept.map((g) => g.toString(16)).join(':')}/${ipv6PrefixBits}`;
}

export class RateLimiter {
  private key = randomBytes(32);
  private day = -1;
  private windows = new Map<string, Window>();

  constructor(
    private readonly limit: number,
    private readonly windowSeconds = 3600,
    private readonly capacity = defaultCapacity,
    private readonly ipv6PrefixBits = 64,
  ) {}

  /** How many clients are being counted now. */
  get size(): number {
    return this.windows.size;
  }

  private id(client: string, now: number): string {
    const day = Math.floor(now / 86400);
    if (day !== this.day) {
      this.day = day;
      this.key = randomBytes(32);
      this.windows.clear();
    }
    return createHmac('sha256', this.key).update(clientKey(client, this.ipv6PrefixBits)).digest('base64url').slice(0, 22);
  }

  /**
   * Counts one attempt; false when the client is over its limit. Count before
   * doing the work the limit protects: requests in flight at the same time
   * then cannot all slip under it.
   */
  take(client: string, now: number): boolean {
    const id = this.id(client, now);
    const window = this.windows.get(id);
    this.windows.delete(id);
    if (!window || now - window.start >= this.windowSeconds) {
      this.windows.set(id, { start: now, count: 1 });
      if (this.windows.size > this.capacity) this.windows.delete(this.windows.keys().next().value!);
      return true;
    }
    this.windows.set(id, window);
    window.count++;
    return window.count <= this.limit;
  }

  /** How many attempts beyond the limit the client has made in its current window (1 after the first refused). */
  refused(client: string, now: number): number {
    const window = this.windows.get(this.id(client, now));
    return window ? Math.max(0, window.count - this.limit) : 0;
  }

  /** Gives back an attempt counted by `take` that turned out fine (a right code, a sign-in that worked). */
  refund(client: string, now: number): void {
    const window = this.windows.get(this.id(client, now));
    if (window && window.count > 0) window.count--;
  }

  /** Drops the windows that are over. The relay runs this on its timer, never on a request. */
  prune(now: number): void {
    for (const [id, window] of this.windows) if (now - window.start >= this.windowSeconds) this.windows.delete(id);
  }
}

/** The relay's limiters, made alike (capacity, IPv6 prefix) and pruned together on the relay's timer. */
export class RateLimits {
  private readonly limiters: RateLimiter[] = [];

  constructor(
    private readonly ipv6PrefixBits = 64,
    private readonly capacity = defaultCapacity,
  ) {}

  /** A new limiter of `limit` attempts per client and hour. */
  limiter(limit: number): RateLimiter {
    const limiter = new RateLimiter(limit, 3600, this.capacity, this.ipv6PrefixBits);
    this.limiters.push(limiter);
    return limiter;
  }

  prune(now: number): void {
    for (const limiter of this.limiters) limiter.prune(now);
  }

  /** Clients counted over all limiters (for the flood benchmark's memory check). */
  get size(): number {
    return this.limiters.reduce((sum, limiter) => sum + limiter.size, 0);
  }
}
