// Wall clock <-> instant in an IANA zone through Intl only, so the runtime's own zone (process.env.TZ,
// the browser's setting) never matters. A "wall" value is the zone's local date and time written as
// milliseconds of a UTC clock, so Date.UTC arithmetic and `/ 864e5` give calendar days.

const DAY = 864e5;
// The offset of each zone at the UTC midnights and, on days with a change, the quarter hours that are
// asked for: every offset change since 1972 falls on a quarter hour, and Intl's formatToParts (a few
// µs) then runs about twice per day evaluated, shared by all schedules. Formatters are kept per zone;
// their keys are prefixed with "z" so that no zone name meets an inherited property ('constructor').
const cache: Record<string, number> = {};
const formats: Record<string, Intl.DateTimeFormat> = {};

/** The zone's offset at instant `q` (ms). Throws RangeError for an unknown zone. */
const off = (tz: string, q: number): number =>
  (cache[tz + q] ??= (() => {
    const p: Record<string, number> = {};
    // h23: some engines print midnight as 24 with hour12: false.
    for (const { type, value } of (formats['z' + tz] ??= new Intl.DateTimeFormat('en', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' })).formatToParts(q))
      p[type] = +value;
    return Date.UTC(p.year!, p.month! - 1, p.day, p.hour, p.minute) - q;
  })());

/**
 * Wall clock of instant `t` in zone `tz`. A UTC day whose two ends share an offset has it throughout
 * (no zone changes twice in a day and back), so only transition days ask Intl per quarter hour.
 */
export const wall = (tz: string, t: number): number => {
  const d = t - (t % DAY), a = off(tz, d);
  return t + (a == off(tz, d + DAY) ? a : off(tz, t - (t % 9e5)));
};

/**
 * The instant at which the zone's wall clock shows `w`: in a fall-back overlap the first occurrence;
 * in a spring-forward gap the instant after the offset in force before it (for a midnight that does
 * not exist, the instant the clock jumps). evaluate.ts walks transition days minute by minute instead.
 */
export const instant = (tz: string, w: number): number => {
  const a = w - wall(tz, w - DAY) + w - DAY, b = w - wall(tz, w + DAY) + w + DAY;
  return a == b || wall(tz, a) == w || wall(tz, b) != w ? a : b;
};
