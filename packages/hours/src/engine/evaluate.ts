// Evaluation of parsed opening hours in the centre's zone.
//
// Every rule is read in the zone's wall clock: "Mo 10:00-12:00" is 10:00 on the zone's Monday, whatever
// the runtime's zone. A day is painted minute by minute in wall time, then its real minutes are walked
// from its midnight to the next. On the two DST days each minute's wall clock comes from Intl and never
// goes back: a boundary in the missing hour moves to the jump (Su 01:00-04:00 on 29 March 2026 lasts
// 2 hours, a range from 02:30 starts at 03:00), and one in the repeated hour counts at its first
// occurrence, the repeat keeping the state of the hour's last minute (Su 00:00-06:00 on 25 October 2026
// lasts 7 hours; a range ending at 02:30 ends at the first 02:30).
//
// Rule precedence, as opening_hours.js (the reference implementation of the OSM specification) does it:
// - A normal rule (after ";") whose selectors match the day first clears what earlier rules said about
//   that day, then paints its times. It does not clear when it is "off"/"closed" (Mo-Fr 08:00-18:00;
//   We 12:00-13:00 off closes only the lunch hour), and a rule without any selector clears only when it
//   is open and the rule before it has no selector either (Mo 10:00-12:00; 14:00-16:00 keeps both).
// - An additional rule (after ",") paints without clearing; a fallback rule (after "||", and a ","
//   rule after it) paints only the minutes still closed at that point (including those closed by
//   "off"), its part past midnight too (opening_hours.js lets that part override; we do not).
// - The part of a range past midnight (Fr 22:00-02:00) belongs to the rule's day and is painted into
//   the next day right after the rule itself, without clearing. A later normal rule that matches the
//   next day clears it (Fr 22:00-02:00; Sa 10:00-12:00 is closed at Sa 01:00); a later "off" rule for
//   the first day does not (Mo-Fr 22:00-02:00; We off is open at Th 01:00): both as opening_hours.js.
// - A comment without "open"/"off"/"unknown" means unknown, as in OSM; write `open "…"` for open.
// - PH matches public holidays of `region` (none without a region, none outside 1995-2100).
// - Days are computed once per schedule and kept (a few hundred bytes each).

import { parseOpeningHours, type ParsedHours, type Rule } from './parse.js';
import { holidayOn, holidaysOf, isoDate, type Holiday } from './holidays.js';
import { instant, wall } from './zone.js';

export interface HoursOptions {
  /** IANA zone of the centre. Default 'Europe/Berlin'. */
  timeZone?: string;
  /** ISO 3166-2 Land, e.g. 'DE-BE', for PH. Without it PH never matches. */
  region?: string;
  /** 'DE-BY-AUGSBURG' (with region 'DE-BY') adds the Augsburger Friedensfest. */
  subregion?: string;
}
export type HoursStatus = 'open' | 'closed' | 'unknown';
export interface HoursState {
  status: HoursStatus;
  /** Epoch ms of the last change, if within 8 days back. */
  since?: number;
  /** Epoch ms of the next change, if within 400 days. */
  until?: number;
  comment?: string;
  /** The public holiday of the zone's day containing the instant. */
  holiday?: Holiday;
}
export interface OpenInterval {
  start: number;
  end: number;
  status: 'open' | 'unknown';
  comment?: string;
}
export interface DaySummary {
  /** YYYY-MM-DD in the zone. */
  date: string;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** Open and unknown intervals, clipped to the day. */
  intervals: OpenInterval[];
  holiday?: Holiday;
  /** Instants of the day's wall-clock midnights. */
  start: number;
  end: number;
}

const DAY = 864e5;

/** A calendar day: weekday, yyyymmdd, week-of-month bits (see Rule.days), holiday, date string. */
export interface Day {
  w: number;
  k: number;
  n: number;
  h?: Holiday | undefined;
  s: string;
}

/** The zone's day number `dn` (days since 1970-01-01 in wall time) as a calendar day. */
export const dayOf = (dn: number, region?: string, sub?: string): Day => {
  const s = isoDate(dn), k = +s.replace(/-/g, ''), d = k % 100;
  return {
    w: (dn + 3) % 7,
    k,
    // The 1st of the month plus 31 days lands on day 32 - (days in the month) of the next month.
    n: (1 << (((d - 1) / 7) | 0)) | (32 << (((32 - new Date((dn - d + 32) * DAY).getUTCDate() - d) / 7) | 0)),
    h: region && k > 1995e4 && k < 2101e4 ? holidayOn(s, region, sub) : undefined,
    s,
  };
};

export const hit = (r: Rule, D: Day) =>
  (!r.dates ||
    r.dates.some(([a, b]) => {
      const x = D.k % (a > 1e4 ? 1e8 : 1e4);
      return a > b ? x >= a || x <= b : x >= a && x <= b;
    })) &&
  ((r.days ? r.days[D.w]! & D.n : !r.ph) || (r.ph && D.h));

/**
 * Paint one day in wall time: per minute 0 (closed, no rule) or 1 + the index of the rule that
 * decides it. `D` is the day, `P` the day before (for its times past midnight).
 */
export const paint = (rules: Rule[], D: Day, P: Day): Int16Array => {
  const a = new Int16Array(1440), sel = (r: Rule) => r.dates || r.days || r.ph;
  rules.forEach((r, i) => {
    const put = (s: number, e: number) => {
      for (; s < e; s++) if (r.join != '||' || !a[s] || rules[a[s]! - 1]!.status == 'closed') a[s] = i + 1;
    };
    if (hit(r, D)) {
      if (r.join == ';' && r.status != 'closed' && (sel(r) || (r.status == 'open' && i && !sel(rules[i - 1]!)))) a.fill(0);
      // Writes past minute 1439 fall off the typed array; the next day paints them.
      for (const [s, e] of r.times ?? [[0, 1440]]) put(s, e);
    }
    if (r.times && hit(r, P)) for (const [, e] of r.times) put(0, e - 1440);
  });
  return a;
};

interface Runs {
  /** Start of the day, start of the next day. */
  s: number;
  e: number;
  /** [instant, value, instant, value, …]: merged runs, none empty. */
  r: number[];
  D: Day;
}

/**
 * Opening hours of one centre, evaluated in its zone. Methods are bound closures (smaller when
 * minified), so they can be passed around: `const { stateAt } = schedule`.
 */
export class Schedule {
  readonly timeZone: string;
  /** State at an instant (epoch ms). `since` (8 days back) and `until` (400 days ahead) are computed when read. */
  readonly stateAt: (instant: number) => HoursState;
  /** Open and unknown intervals overlapping [from, to), clipped to it, merged and sorted. */
  readonly intervals: (from: number, to: number) => OpenInterval[];
  /** The next instant after `instant` at which the status or the comment changes, within horizonDays (400). */
  readonly nextChange: (instant: number, horizonDays?: number) => number | undefined;
  /** The next instant after `instant` at which the status becomes 'open', within horizonDays (400). */
  readonly nextOpening: (instant: number, horizonDays?: number) => number | undefined;
  /** Seven days, starting with the zone's day that contains the instant. */
  readonly week: (instant: number) => DaySummary[];

  /** Throws OpeningHoursError for a bad spec, RangeError for an unknown zone, region or subregion. */
  constructor(spec: string | ParsedHours, { timeZone: tz = 'Europe/Berlin', region, subregion }: HoursOptions = {}) {
    const { rules } = typeof spec == 'string' ? parseOpeningHours(spec) : spec,
      // Value per rule index + 1: rules with the same status and comment share one (0: closed), so a
      // change is a change a user sees.
      vals = [0],
      V: [HoursStatus, string?][] = [['closed']],
      cache = new Map<number, Runs>(),
      info = (dn: number) => dayOf(dn, region, subregion);
    wall((this.timeZone = tz), 0);
    if (region || subregion) holidaysOf(2000, region!, subregion);
    for (const { status, comment } of rules) {
      const j = V.findIndex(([s, c]) => s == status && c == comment);
      vals.push(j < 0 ? V.push([status, comment]) - 1 : j);
    }

    const day = (dn: number): Runs => {
      let R = cache.get(dn);
      if (!R) {
        const w = dn * DAY, s = instant(tz, w), e = instant(tz, w + DAY), r: number[] = [], D = info(dn), a = paint(rules, D, info(dn - 1));
        // Walk the day's real minutes. On a DST day (not 24 hours long) each one's wall minute comes
        // from zone.ts and never goes back: the hour that repeats keeps the state of its last
        // first-pass minute (so a boundary in it takes its first occurrence) and the minutes of the
        // missing hour are simply never met.
        for (let t = s, i = 0, x = 0, l = -1, f = e - s == DAY; t < e; t += 6e4, i++) {
          const v = vals[a[(x = f ? i : Math.max(x, (wall(tz, t) - w) / 6e4))]!]!;
          if (v !== l) r.push(t, (l = v));
        }
        cache.set(dn, (R = { s, e, r, D }));
      }
      return R;
    };
    // The zone's day containing t. (A fall-back that crosses midnight keeps its repeated hour in the
    // day before: instant() then finds midnight only after it.)
    const dayNo = (t: number) => (wall(tz, t) / DAY) | 0;
    // Merged runs of days a..b: [start, value, …, end].
    const span = (a: number, b: number) => {
      const r: number[] = [];
      for (; a <= b; a++) for (let q = 0, x = day(a).r; q < x.length; q += 2) if (x[q + 1] !== r.at(-1)) r.push(x[q]!, x[q + 1]!);
      return r.push(day(b).e), r;
    };
    // First run start after t, within h days, where f(previous value, value) holds.
    const scan = (t: number, h: number, f: (p: number, x: number) => boolean) => {
      // Every day starts a run, so the horizon check ends the loop.
      for (let n = dayNo(t), p = 0; ; n++)
        for (let q = 0, x = day(n).r; q < x.length; q += 2) {
          if (x[q]! > t + h * DAY) return;
          if (x[q]! > t && f(p, x[q + 1]!)) return x[q];
          p = x[q + 1]!;
        }
    };
    const next = (t: number, h = 400) => scan(t, h, (p, x) => p != x);
    // Index of the run containing t in runs r.
    const find = (r: number[], t: number) => {
      let q = 0;
      while (r[q + 2]! <= t) q += 2;
      return q;
    };

    this.stateAt = (t) => {
      const n = dayNo(t), { r, D } = day(n), [status, comment] = V[r[find(r, t) + 1]!]!;
      return {
        status,
        comment,
        holiday: D.h,
        get since() {
          const x = span(n - 8, n), q = find(x, t);
          return q ? x[q] : undefined;
        },
        get until() {
          return next(t);
        },
      };
    };
    this.intervals = (from, to) => {
      const out: OpenInterval[] = [], r = span(dayNo(from), dayNo(to - 1));
      for (let q = 0; q < r.length - 1; q += 2) {
        const [status, comment] = V[r[q + 1]!]!, start = Math.max(r[q]!, from), end = Math.min(r[q + 2]!, to);
        if (status != 'closed' && start < end) out.push({ start, end, status, comment });
      }
      return out;
    };
    this.nextChange = next;
    this.nextOpening = (t, h = 400) => scan(t, h, (p, x) => V[x]![0] == 'open' && V[p]![0] != 'open');
    this.week = (t) => {
      const n = dayNo(t);
      return [0, 1, 2, 3, 4, 5, 6].map((q) => {
        const { s, e, D } = day(n + q);
        return { date: D.s, weekday: D.w, intervals: this.intervals(s, e), holiday: D.h, start: s, end: e };
      });
    };
  }
}
