// schema.org OpeningHoursSpecification <-> the OSM subset.
//
// Not exported from index.ts, so that pages that only show hours do not ship it (the engine's 4 kB
// budget); the package can expose it as "@wegweiser/hours/engine/schema-org".
//
// Reading: each object says "open from `opens` to `closes` on `dayOfWeek`" (names or schema.org URLs,
// PublicHolidays = PH; no dayOfWeek = every day), optionally only from `validFrom` to `validThrough`
// (YYYY-MM-DD, both needed). opens = closes = "00:00" means closed; closes "00:00", "23:59" or
// "23:59:59" means midnight; closes before opens runs past midnight. Objects for the same dates add up
// (OSM "," rules); public-holiday hours, then dated objects (special hours) follow as OSM ";" rules and
// so replace the regular hours on their days. Malformed input throws a TypeError naming the property
// path, e.g. "OpeningHoursSpecification[1].dayOfWeek[0]: expected a day such as "Monday", found "Montag"".
//
// Writing: the regular week is evaluated per weekday (so overrides, "off" and ranges past midnight come
// out right) and written as one object per time range, days with equal hours together; a range past
// midnight is one object with closes < opens; all day is 00:00-23:59. Rules with a year-dated
// selector become special hours with validFrom/validThrough (closed: opens = closes = "00:00").
// schema.org cannot say: public holidays, nth weekdays, dates without a year and month ranges,
// "unknown" and comments. The text of each rule that uses one is listed in `unsupported`; what the
// rule says otherwise stays (Mo-Fr,PH keeps Mo-Fr; a comment is dropped, its hours written; an
// "unknown" rule leaves its days without open hours, as it does when evaluated).

import { MONTHS, WEEKDAYS, parseOpeningHours, type ParsedHours } from './parse.js';
import { paint, type Day } from './evaluate.js';

const DAYS = 'Monday Tuesday Wednesday Thursday Friday Saturday Sunday PublicHolidays'.split(' ');

export interface OpeningHoursSpecification {
  '@type': 'OpeningHoursSpecification';
  dayOfWeek?: string[];
  opens: string;
  closes: string;
  validFrom?: string;
  validThrough?: string;
}

/** OSM opening hours (in the subset) from one OpeningHoursSpecification object or an array of them. */
export function fromOpeningHoursSpecification(json: unknown): string {
  // date selector → day (0-6, 7 = PH, 8 = every day) → "HH:MM-HH:MM" ranges ([] = closed)
  const groups: Record<string, Record<number, string[]>> = { '': {} }, list = [json].flat();
  const bad = (path: string, found: unknown, want: string): never => {
    throw new TypeError(`OpeningHoursSpecification${path}: expected ${want}, found ${JSON.stringify(found)}`);
  };
  if (!list.length) bad('', json, 'at least one object');
  list.forEach((o, n) => {
    const at = Array.isArray(json) ? `[${n}]` : '';
    if (!o || typeof o != 'object' || Array.isArray(o)) bad(at, o, 'an object');
    const get = (p: string) => (o as Record<string, unknown>)[p], type = get('@type');
    if (type != null && !/^(https?:\/\/schema\.org\/)?OpeningHoursSpecification$/.test(type as string)) bad(at + '.@type', type, '"OpeningHoursSpecification"');
    const time = (p: string) => {
      const v = get(p);
      if (!/^([01]\d|2[0-3]):[0-5]\d(:00)?$|^23:59:59$/.test(v as string)) bad(at + '.' + p, v, 'a time "HH:MM"');
      return (v as string).slice(0, 5);
    };
    const date = (p: string) => {
      const v = get(p) as string, d = new Date(Date.UTC(+v?.slice(0, 4), +v?.slice(5, 7) - 1, +v?.slice(8)));
      if (!/^\d{4}-\d\d-\d\d$/.test(v) || d.toISOString().slice(0, 10) != v) bad(at + '.' + p, v, 'a date "YYYY-MM-DD"');
      return v;
    };
    const opens = time('opens'), c = time('closes'), closes = c.replace(/00:00|23:59/, '24:00');
    let key = '';
    if (get('validFrom') != null || get('validThrough') != null) {
      const [a, b] = [date('validFrom'), date('validThrough')].map((v) => `${v.slice(0, 4)} ${MONTHS[+v.slice(5, 7) - 1]} ${v.slice(8)}`);
      if (get('validThrough')! < get('validFrom')!) bad(at + '.validThrough', get('validThrough'), 'a date from validFrom on');
      key = a == b ? a! : a + '-' + b;
    }
    if (opens == closes && opens > '00:00') bad(at + '.closes', get('closes'), 'a time other than opens');
    const days = get('dayOfWeek') ?? 8;
    if ((days as unknown[]).length === 0) bad(at + '.dayOfWeek', days, 'a day such as "Monday"');
    [days].flat().forEach((d, i) => {
      const x = days == 8 ? 8 : DAYS.indexOf(typeof d == 'string' ? d.replace(/^https?:\/\/schema\.org\//, '') : '');
      if (x < 0) bad(at + '.dayOfWeek' + (Array.isArray(days) ? `[${i}]` : ''), d, 'a day such as "Monday"');
      // Public holidays get their own normal rule after the weekdays, so that their hours replace
      // those of the weekday a holiday falls on.
      ((groups[key + (x == 7 ? '#' : '')] ??= {})[x] ??= []).push(...(opens + c == '00:0000:00' ? [] : [opens + '-' + closes]));
    });
  });
  // The regular week, its public holidays, then the dated exceptions (which win), their holidays last.
  const rank = (k: string) => (k.replace('#', '') ? 2 : 0) + +k.endsWith('#');
  return Object.entries(groups)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([dates, byDay]) => {
      const rules: Record<string, number[]> = {};
      for (const d in byDay) (rules[(d == '8' ? '*' : '') + (byDay[d]!.join(',') || 'off')] ??= []).push(+d);
      return Object.entries(rules)
        .sort(([a], [b]) => +a.endsWith('off') - +b.endsWith('off'))
        .map(([times, ds]) => {
          // Mo,Tu,We,Th,Fr → Mo-Fr
          const days = ds.map((d, i) => (d > 7 ? '' : d > 6 ? 'PH' : d < 6 && ds[i - 1] == d - 1 && ds[i + 1] == d + 1 ? '-' : WEEKDAYS[d])).join(',').replace(/,(-,)+/g, '-');
          return [dates.replace('#', ''), days, times.replace('*', '')].filter((x) => x).join(' ');
        })
        .join(', ');
    })
    .filter((x) => x)
    .join('; ');
}

/** schema.org OpeningHoursSpecification objects for a spec, and the rules schema.org cannot express. */
export function toOpeningHoursSpecification(spec: string | ParsedHours): { specification: OpeningHoursSpecification[]; unsupported: string[] } {
  const { rules } = typeof spec == 'string' ? parseOpeningHours(spec) : spec, specification: OpeningHoursSpecification[] = [], unsupported: string[] = [];
  const hm = (m: number) => (m % 1440 ? new Date(m * 6e4).toISOString().slice(11, 16) : m ? '23:59' : '00:00');
  const add = (days: number[] | undefined, [s, e]: number[], dates?: object) =>
    specification.push({ '@type': 'OpeningHoursSpecification', ...(days && { dayOfWeek: days.map((d) => DAYS[d]!) }), opens: hm(s!), closes: hm(e!), ...dates });
  // The regular week: a day that matches no date, holiday or nth weekday (bit 10, see Rule.days).
  const week = WEEKDAYS.map((_, w) => {
    const D: Day = { w, k: NaN, n: 1024, s: '' }, a = paint(rules, D, { ...D, w: (w + 6) % 7 }), r: number[][] = [];
    for (let m = 0; m < 1440; m++) {
      const open = a[m] && rules[a[m]! - 1]!.status == 'open', last = r[r.length - 1];
      if (open && last?.[1] == m) last[1]++;
      else if (open) r.push([m, m + 1]);
    }
    return r;
  });
  // A range to midnight followed by one from midnight is one range past midnight.
  week.forEach((r, w) => {
    const next = week[(w + 1) % 7]!;
    if (r[r.length - 1]?.[1] == 1440 && next[0]?.[0] === 0 && next[0][1]! < 1440 && r[r.length - 1]![0]) r[r.length - 1]![1] = 1440 + next.shift()![1]!;
  });
  const same: Record<string, number[]> = {};
  week.forEach((r, w) => r.length && (same[JSON.stringify(r)] ??= []).push(w));
  for (const k in same) for (const range of JSON.parse(k)) add(same[k], range);
  for (const r of rules) {
    if (r.status == 'unknown' || r.comment != null || r.ph || r.days?.some((x) => x % 2047) || r.dates?.some(([a]) => a < 1e4)) unsupported.push(r.text);
    if (r.status == 'unknown' || r.ph || r.days?.some((x) => x % 2047)) continue;
    for (const [a, b] of r.dates ?? []) {
      const [validFrom, validThrough] = [a, b].map((x) => String(x).replace(/(....)(..)/, '$1-$2-'));
      const days = r.days && WEEKDAYS.flatMap((_, d) => (r.days![d] ? [d] : []));
      if (a > 1e4) for (const t of r.status == 'closed' ? [[0, 0]] : r.times ?? [[0, 1440]]) add(days, t, { validFrom, validThrough });
    }
  }
  return { specification, unsupported };
}
