// Wall clock <-> instant in an IANA zone through Intl only, so the runtime's own zone (process.env.TZ,
// the browser's setting) never matters. A "wall" value is the zone's local date and time written as
// milliseconds of a UTC clock, so Date.UTC arithmetic and `/ 864e5` give calendar days.

const DAY_MS = 864e5;
const QUARTER_HOUR_MS = 9e5;
// The offset of each zone at the UTC midnights and, on days with a change, the quarter hours that are
// asked for: every offset change since 1972 falls on a quarter hour, and Intl's formatToParts (a few
// µs) then runs about twice per day evaluated, shared by all schedules. Formatters are kept per zone;
// their keys are prefixed with "z" so that no zone name meets an inherited property ('constructor').
const offsetCache: Record<string, number> = {};
const formatters: Record<string, Intl.DateTimeFormat> = {};

/** The zone's offset at instant `utcInstant` (ms), worked out through Intl. Throws RangeError for an unknown zone. */
const measureOffset = (timeZone: string, utcInstant: number): number => {
  // h23: some engines print midnight as 24 with hour12: false.
  const formatter = (formatters['z' + timeZone] ??= new Intl.DateTimeFormat('en', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }));
  const fields: Record<string, number> = {};
  for (const { type, value } of formatter.formatToParts(utcInstant)) {
    fields[type] = +value;
  }
  return Date.UTC(fields.year!, fields.month! - 1, fields.day, fields.hour, fields.minute) - utcInstant;
};

/** The zone's offset at instant `utcInstant` (ms), cached. */
const offsetAt = (timeZone: string, utcInstant: number): number => (offsetCache[timeZone + utcInstant] ??= measureOffset(timeZone, utcInstant));

/**
 * Wall clock of instant `utcInstant` in `timeZone`. A UTC day whose two ends share an offset has it
 * throughout (no zone changes twice in a day and back), so only transition days ask Intl per quarter hour.
 */
export const wall = (timeZone: string, utcInstant: number): number => {
  const utcMidnight = utcInstant - (utcInstant % DAY_MS);
  const offsetAtMidnight = offsetAt(timeZone, utcMidnight);
  if (offsetAtMidnight === offsetAt(timeZone, utcMidnight + DAY_MS)) {
    return utcInstant + offsetAtMidnight;
  }
  return utcInstant + offsetAt(timeZone, utcInstant - (utcInstant % QUARTER_HOUR_MS));
};

/**
 * The instant at which the zone's wall clock shows `wallTime`: in a fall-back overlap the first
 * occurrence; in a spring-forward gap the instant after the offset in force before it (for a midnight
 * that does not exist, the instant the clock jumps). evaluate.ts walks transition days minute by minute
 * instead.
 */
export const instant = (timeZone: string, wallTime: number): number => {
  // The candidates with the offsets of a day before and a day after.
  const withEarlierOffset = wallTime - (wall(timeZone, wallTime - DAY_MS) - (wallTime - DAY_MS));
  const withLaterOffset = wallTime - (wall(timeZone, wallTime + DAY_MS) - (wallTime + DAY_MS));
  if (withEarlierOffset === withLaterOffset || wall(timeZone, withEarlierOffset) === wallTime || wall(timeZone, withLaterOffset) !== wallTime) {
    return withEarlierOffset;
  }
  return withLaterOffset;
};
