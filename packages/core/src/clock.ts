/**
 * Time as widgets see it. Tests, screenshots and Storybook demos replace it
 * with a ManualClock so that "open now" or a 5-second window is reproducible
 * without waiting or patching globals.
 */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(handle: number | undefined): void;
}

const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms) as unknown as number,
  clearTimeout: (handle) => globalThis.clearTimeout(handle),
};

// Shared across separately bundled copies of core, like the localisation store.
const CLOCK_KEY = Symbol.for('@wegweiser/core/clock@1');
const slot = globalThis as unknown as Record<symbol, Clock | undefined>;

/** The clock in force on this page. */
export function clock(): Clock {
  return slot[CLOCK_KEY] ?? systemClock;
}

/** Replaces the page's clock; `undefined` restores the system clock. */
export function useClock(replacement: Clock | undefined): void {
  slot[CLOCK_KEY] = replacement;
}

/**
 * A clock that only moves when told to. Timers fire in order during
 * `advance()`, as they would have in real time.
 */
export class ManualClock implements Clock {
  private time: number;
  private nextHandle = 1;
  private timers = new Map<number, { at: number; callback: () => void }>();

  constructor(start: Date | number | string = 0) {
    const time = parseInstant(start);
    if (time === undefined) throw new RangeError(`ManualClock: not a valid instant: ${String(start)}`);
    this.time = time;
  }

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): number {
    const handle = this.nextHandle++;
    this.timers.set(handle, { at: this.time + Math.max(0, ms), callback });
    return handle;
  }

  clearTimeout(handle: number | undefined): void {
    if (handle !== undefined) this.timers.delete(handle);
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      let next: [number, { at: number; callback: () => void }] | undefined;
      for (const entry of this.timers) {
        if (entry[1].at <= end && (!next || entry[1].at < next[1].at)) next = entry;
      }
      if (!next) break;
      this.timers.delete(next[0]);
      this.time = next[1].at;
      next[1].callback();
    }
    this.time = end;
  }
}

/**
 * Reads an instant from a Date, epoch milliseconds or an ISO 8601 string with
 * an offset or `Z` (a `now` attribute). Strings without an offset are refused:
 * they would mean a different instant in every visitor's time zone.
 */
export function parseInstant(value: Date | number | string | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const text = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return undefined;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : time;
}
