// A deliberately naive reference for the engine, written separately from it: it shares no code with
// src/engine. Specs are built as a plain structure (GenRule), printed as an OSM string for the engine,
// and evaluated here directly from the structure, one wall-clock minute at a time, with its own Intl
// formatting of each instant and feiertagejs for public holidays.
import { getHolidays } from 'feiertagejs';

export interface GenWide {
  /** A month range (m2 absent: one month) or a date (d set). */
  y?: number;
  m: number;
  d?: number;
  /** End of a date range: year (only after a year), month, day. */
  end?: { y?: number; m?: number; d: number };
  m2?: number;
}
export interface GenDay {
  from: number;
  to?: number;
  nth?: number[];
}
export interface GenRule {
  join: ';' | ',' | '||';
  always?: boolean;
  wide?: GenWide[];
  days?: GenDay[];
  ph?: boolean;
  /** [start, end] in minutes; end 1440 prints as 24:00; end <= start runs into the next day. */
  times?: [number, number][];
  modifier?: 'open' | 'off' | 'closed' | 'unknown';
  comment?: string;
}

const WEEKDAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');
const clock = (m: number) => `${two(Math.floor(m / 60))}:${two(m % 60)}`;

/** Rules that end in a way after which OSM allows "," as an additional-rule separator. */
export const endsOpenForComma = (r: GenRule) => !!(r.always || r.times || r.modifier || r.comment !== undefined);

/** A rule that starts with its times (a "," before it would continue the previous time list). */
export const startsWithTime = (r: GenRule) => !r.always && !r.wide && !r.days && !r.ph && !!r.times;

export function print(rules: GenRule[]): string {
  return rules
    .map((r, i) => {
      const parts: string[] = [];
      if (r.always) parts.push('24/7');
      if (r.wide)
        parts.push(
          r.wide
            .map((w) => {
              if (w.d === undefined) return MONTH_NAMES[w.m - 1] + (w.m2 ? '-' + MONTH_NAMES[w.m2 - 1] : '');
              let s = (w.y ? w.y + ' ' : '') + MONTH_NAMES[w.m - 1] + ' ' + two(w.d);
              if (w.end) s += '-' + (w.end.y ? w.end.y + ' ' : '') + (w.end.m ? MONTH_NAMES[w.end.m - 1] + ' ' : '') + two(w.end.d);
              return s;
            })
            .join(','),
        );
      if (r.days || r.ph) {
        const items = (r.days ?? []).map((d) => WEEKDAYS[d.from] + (d.nth ? `[${d.nth.join(',')}]` : d.to !== undefined ? '-' + WEEKDAYS[d.to] : ''));
        if (r.ph) items.splice(items.length % 2, 0, 'PH');
        parts.push(items.join(','));
      }
      if (r.times) parts.push(r.times.map(([s, e]) => `${clock(s)}-${e === 1440 ? '24:00' : clock(e)}`).join(','));
      if (r.modifier) parts.push(r.modifier);
      if (r.comment !== undefined) parts.push(`"${r.comment}"`);
      return (i ? (r.join === ';' ? '; ' : r.join === ',' ? ', ' : ' || ') : '') + parts.join(' ');
    })
    .join('');
}

// ---------------------------------------------------------------------------------------------
// Evaluation

interface CalendarDay {
  y: number;
  m: number;
  d: number;
}

const holidayCache = new Map<string, Set<string>>();
/** Berlin one-offs that feiertagejs 1.5 does not know (see holidays.node.test.ts). */
const EXTRA: Record<string, string[]> = { BE: ['2020-05-08', '2025-05-08'] };

/** Public holiday per feiertagejs (region 'BE', …, or 'AUGSBURG') plus the listed one-offs. */
export function isHoliday(region: string, day: CalendarDay): boolean {
  const key = region + day.y;
  let set = holidayCache.get(key);
  if (!set) {
    set = new Set(getHolidays(day.y, region as never).map((h) => h.date.toISOString().slice(0, 10)));
    for (const date of EXTRA[region] ?? []) if (date.startsWith(String(day.y))) set.add(date);
    holidayCache.set(key, set);
  }
  return set.has(`${day.y}-${two(day.m)}-${two(day.d)}`);
}

const previous = ({ y, m, d }: CalendarDay): CalendarDay => {
  const t = new Date(Date.UTC(y, m - 1, d - 1));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
};
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const weekdayOf = ({ y, m, d }: CalendarDay) => (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
/** Compare [a, b, c] tuples. */
const cmp = (a: number[], b: number[]) => a[0]! - b[0]! || a[1]! - b[1]! || (a[2] ?? 0) - (b[2] ?? 0);

function inWide(w: GenWide, day: CalendarDay): boolean {
  if (w.d === undefined) {
    const last = w.m2 ?? w.m;
    return w.m <= last ? day.m >= w.m && day.m <= last : day.m >= w.m || day.m <= last;
  }
  if (w.y === undefined) {
    const from = [w.m, w.d], to = [w.end?.m ?? w.m, w.end?.d ?? w.d], x = [day.m, day.d];
    return cmp(from, to) <= 0 ? cmp(x, from) >= 0 && cmp(x, to) <= 0 : cmp(x, from) >= 0 || cmp(x, to) <= 0;
  }
  const from = [w.y, w.m, w.d];
  let to = from;
  if (w.end) {
    to = [w.end.y ?? w.y, w.end.m ?? w.m, w.end.d];
  }
  const x = [day.y, day.m, day.d];
  return cmp(x, from) >= 0 && cmp(x, to) <= 0;
}

function dayMatches(g: GenDay, day: CalendarDay): boolean {
  const wd = weekdayOf(day);
  if (g.nth) {
    if (wd !== g.from) return false;
    const fromStart = Math.ceil(day.d / 7), fromEnd = -Math.ceil((daysInMonth(day.y, day.m) - day.d + 1) / 7);
    return g.nth.includes(fromStart) || g.nth.includes(fromEnd);
  }
  const to = g.to ?? g.from;
  return g.from <= to ? wd >= g.from && wd <= to : wd >= g.from || wd <= to;
}

const hasSelector = (r: GenRule) => !!(r.wide || r.days || r.ph);

function matches(r: GenRule, day: CalendarDay, region: string | undefined): boolean {
  if (r.wide && !r.wide.some((w) => inWide(w, day))) return false;
  if (!r.days && !r.ph) return true;
  return !!r.days?.some((g) => dayMatches(g, day)) || (!!r.ph && !!region && isHoliday(region, day));
}

export type RefStatus = 'open' | 'closed' | 'unknown';
export const statusOf = (r: GenRule): RefStatus =>
  r.modifier === 'off' || r.modifier === 'closed' ? 'closed' : r.modifier === 'unknown' || (!r.modifier && r.comment !== undefined) ? 'unknown' : 'open';

/** The OSM state of wall-clock minute `minute` (0-1439) of `day`. */
export function stateOfMinute(rules: GenRule[], day: CalendarDay, minute: number, region?: string): { status: RefStatus; comment?: string } {
  let state: { status: RefStatus; comment?: string } = { status: 'closed' };
  const before = previous(day);
  let fallback = false;
  rules.forEach((r, i) => {
    const status = statusOf(r);
    // "," continues the group of the rule before it, so after "||" it is a fallback too.
    fallback = r.join === '||' || (r.join === ',' && fallback);
    const apply = () => {
      if (fallback && state.status !== 'closed') return;
      state = { status, comment: r.comment };
    };
    if (matches(r, day, region)) {
      // A normal rule that is not "off" starts the day afresh (OSM/opening_hours.js), so does a rule
      // without selectors that is open after another one without selectors.
      if (r.join === ';' && status !== 'closed' && (hasSelector(r) || (i > 0 && status === 'open' && !hasSelector(rules[i - 1]!)))) state = { status: 'closed' };
      const ranges = r.always || !r.times ? [[0, 1440]] : r.times.map(([s, e]) => [s, e <= s ? e + 1440 : e]);
      if (ranges.some(([s, e]) => minute >= s! && minute < Math.min(e!, 1440))) apply();
    }
    if (r.times && matches(r, before, region) && r.times.some(([s, e]) => e <= s && minute < e)) apply();
  });
  return state;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** The wall clock of an instant, through Swedish formatting ("2026-03-29 01:59"), minute precision. */
export function wallClock(zone: string, t: number) {
  let f = formatters.get(zone);
  if (!f) formatters.set(zone, (f = new Intl.DateTimeFormat('sv-SE', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })));
  const [, y, m, d, hh, mm] = /(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d)/.exec(f.format(t))!.map(Number);
  return { y: y!, m: m!, d: d!, hh: hh!, mm: mm! };
}

/**
 * The reference state at an instant. In the hour a fall-back repeats, boundaries count at their first
 * occurrence, so the second pass keeps the state of the repeated hour's last minute.
 */
export function referenceState(rules: GenRule[], zone: string, t: number, region?: string) {
  const w = wallClock(zone, t), back = wallClock(zone, t - 3600000);
  const repeated = back.y === w.y && back.m === w.m && back.d === w.d && back.hh === w.hh && back.mm === w.mm;
  return stateOfMinute(rules, w, repeated ? w.hh * 60 + 59 : w.hh * 60 + w.mm, region);
}

const same = (a: { status: string; comment?: string }, b: { status: string; comment?: string }) => a.status === b.status && a.comment === b.comment;

/** First minute boundary after t, within `minutes`, where the reference state differs from t's. */
export function referenceNextChange(rules: GenRule[], zone: string, t: number, minutes: number, region?: string): number | undefined {
  const now = referenceState(rules, zone, t, region);
  for (let u = Math.floor(t / 60000) * 60000 + 60000, n = 0; n < minutes; u += 60000, n++) if (!same(referenceState(rules, zone, u, region), now)) return u;
  return undefined;
}

/** Start of the minute run that contains t, if it began within `minutes`. */
export function referenceSince(rules: GenRule[], zone: string, t: number, minutes: number, region?: string): number | undefined {
  const now = referenceState(rules, zone, t, region);
  for (let u = Math.floor(t / 60000) * 60000, n = 0; n < minutes; u -= 60000, n++) if (!same(referenceState(rules, zone, u - 60000, region), now)) return u;
  return undefined;
}
