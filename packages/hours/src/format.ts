/**
 * Intl formatting of instants in the centre's time zone, in the widget's
 * locale: times (24-hour in German, the locale's own habit elsewhere),
 * weekdays and dates. Formatters are cached; building one is expensive.
 */
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    cache.set(key, format);
  }
  return format;
}

/**
 * "18:00" or "6:00 PM", as the locale writes times. A 24-hour locale gets two
 * hour digits ("09:00", as DIN 5008 writes it): browsers' data differ on
 * `numeric` there, and the same badge must read the same everywhere.
 */
export function formatTime(instant: number, locale: string, timeZone: string): string {
  const cycle = formatter(locale, timeZone, { hour: 'numeric' }).resolvedOptions().hourCycle;
  const hour = cycle === 'h23' || cycle === 'h24' ? '2-digit' : 'numeric';
  return formatter(locale, timeZone, { hour, minute: '2-digit' }).format(instant);
}

export const formatWeekday = (instant: number, locale: string, timeZone: string): string =>
  formatter(locale, timeZone, { weekday: 'long' }).format(instant);

export const formatDate = (instant: number, locale: string, timeZone: string): string =>
  formatter(locale, timeZone, { day: 'numeric', month: 'long' }).format(instant);

export const formatDayAndDate = (instant: number, locale: string, timeZone: string): string =>
  formatter(locale, timeZone, { weekday: 'short', day: 'numeric', month: 'numeric' }).format(instant);

/** The calendar date `YYYY-MM-DD` of an instant in a zone. */
export function zonedDate(instant: number, timeZone: string): string {
  const parts = formatter('en-CA', timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Whole days from one zoned date to another (`2026-03-28` → `2026-03-30` is 2). */
export function daysBetween(fromDate: string, toDate: string): number {
  return Math.round((Date.parse(`${toDate}T00:00:00Z`) - Date.parse(`${fromDate}T00:00:00Z`)) / 86_400_000);
}

/** The zone's long name in the locale at that instant, e.g. "Mitteleuropäische Sommerzeit". */
export function zoneName(instant: number, locale: string, timeZone: string): string {
  const parts = formatter(locale, timeZone, { timeZoneName: 'long' }).formatToParts(instant);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/** An ISO 8601 string with the zone's offset, for `<time datetime>`. */
export function isoInZone(instant: number, timeZone: string): string {
  const parts = formatter('en-CA', timeZone, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const wall = Date.UTC(+get('year'), +get('month') - 1, +get('day'), +get('hour'), +get('minute'));
  const offset = Math.round((wall - Math.floor(instant / 60_000) * 60_000) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
