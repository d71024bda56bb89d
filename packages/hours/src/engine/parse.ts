// Parser for the subset of the OpenStreetMap `opening_hours` syntax that counselling centres publish
// (https://wiki.openstreetmap.org/wiki/Key:opening_hours/specification). Everything outside the
// subset is rejected with the position, the text found and what was expected: never misread silently.
//
//   hours    = rule { (";" | "," | "||") rule } [";"]
//   rule     = "24/7" [modifier] | [dates] [weekdays] [times] [modifier]          (not empty)
//   dates    = date { "," date }
//   date     = [year] month [day] ["-" ([year] month [day] | day)]    Dec 24 · Dec 24-26 · Jun-Aug · Jan
//              2026 Dec 24-2026 Dec 31 · 2026 Dec 24-2027 Jan 02 · Dec 24-Jan 02 (no year: wraps)
//              The end year may only follow a start year; without it the end is in the start year.
//   weekdays = wday { "," wday }
//   wday     = "PH" | wd ["-" wd] | wd "[" nth {"," nth} "]"          Mo-Fr · Sa-Mo · Th[1] · Mo[-1] · We[1,3]
//   nth      = 1..5 | "-" 1..5
//   times    = time "-" time { "," time "-" time }        end 24:00 allowed; end before start: next day
//   modifier = ("open" | "off" | "closed" | "unknown") [comment] | comment
//   time     = H:MM | HH:MM;  wd = Mo Tu We Th Fr Sa Su;  month = Jan … Dec;  year = 4 digits
//
// A "," after times, a modifier or a comment starts an additional rule; elsewhere it continues a list
// (so ", 14:00-16:00" after times is more times). A "," rule after a "||" rule joins its fallback group.
// Only the exact OSM spelling. A hint names it for other cases of a weekday or month ("mo", "DEC") and
// for German weekday abbreviations ("Di": expected a weekday such as Tu); other words get the plain
// list. Each list names what may come next (with "off" standing for the modifiers and ";" for the
// rule separators).
// Rejected as outside the subset: SH, sunrise/sunset, week, easter, open end "+", intervals "/",
// "PH Mo" (intersection), day offsets, years without a month, times past 24:00, empty rules.

export type RuleStatus = 'open' | 'closed' | 'unknown';

export interface Rule {
  /** How the rule joins the previous one: ';' normal (overrides), ',' additional, '||' fallback (also for a ',' rule after a fallback rule). */
  join: ';' | ',' | '||';
  /** Inclusive date ranges: yyyymmdd with a year, mmdd every year (from > to wraps the year end). */
  dates?: [number, number][];
  /** Per weekday (0 = Mo): bits 0-4 select the 1st-5th, bits 5-9 the last-5th-last of the month; 2047 = every. */
  days?: number[];
  /** Public holidays selected (besides the weekdays). */
  ph?: boolean;
  /** [start, end) in minutes after midnight; end > 1440 reaches into the next day. None: the whole day. */
  times?: [number, number][];
  /** 'open' by default; 'unknown' for a comment without a keyword (as OSM). */
  status: RuleStatus;
  comment?: string;
  /** The rule's own text. */
  text: string;
}

export interface ParsedHours {
  rules: Rule[];
}

export class OpeningHoursError extends Error {
  constructor(
    /** 0-based index into the text. */
    readonly position: number,
    /** The offending text; '' at the end of the input. */
    readonly found: string,
    readonly expected: string[],
  ) {
    super(`at ${position}: found ${found ? `"${found}"` : 'end of input'}, expected ${expected.join(', ').replace(/, ([^,]+)$/, ' or $1')}`);
    this.name = 'OpeningHoursError';
  }
}

export const WD = 'Mo Tu We Th Fr Sa Su'.split(' ');
export const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
const MODS = ['off', 'open', 'closed', 'unknown'];
const W = 'a weekday', P = '"PH"', M = 'a month', T = 'a time', O = '"off"', C = 'a comment', S = '";"';

export function parseOpeningHours(text: string): ParsedHours {
  const k: [string, number][] = [], re = /\s*(24\/7|\|\||\d+:\d+|\d+|\p{L}+|"[^"]*"?|\S)/uy;
  for (let m; (m = re.exec(text)); ) k.push([m[1]!, re.lastIndex - m[1]!.length]);
  k.push(['', text.length]);
  let i = 0, join: Rule['join'] = ';';
  const rules: Rule[] = [];
  const cur = () => k[i]![0];
  const eat = (s: string) => cur() == s && !!++i;
  const fail = (e: string[], j = i): never => {
    const [w, p] = k[j]!, l = w.toLowerCase(),
      // A near miss (other case, German abbreviation) of a name expected here gets its OSM spelling.
      h = [...WD, ...MONTHS].find((x) => x.toLowerCase() == l) ?? 'Tu We Th Su'.split(' ')['di mi do so'.split(' ').indexOf(l)],
      x = h && (h[2] ? M : W);
    if (x && e.includes(x)) e = [x + ' such as ' + h];
    throw new OpeningHoursError(p, w, e);
  };
  const small = () => /^\d\d?$/.test(cur());
  const num = () => {
    const n = +cur();
    if (!small() || n < 1 || n > 5) fail(['a number 1-5']);
    i++;
    return n;
  };
  const isYear = () => /^\d{4}$/.test(cur());
  const month = () => MONTHS.indexOf(cur()) + 1;
  const weekday = () => WD.indexOf(cur());
  const day = (m: number) => {
    const n = +cur();
    if (!small() || new Date(Date.UTC(2000, m - 1, n)).getUTCDate() != n) fail(['a day of ' + MONTHS[m - 1]]);
    i++;
    return n;
  };
  const time = (end?: boolean) => {
    const m = /^(\d\d?):([0-5]\d)$/.exec(cur()), v = m ? +m[1]! * 60 + +m[2]! : 1e4;
    if (v > (end ? 1440 : 1439)) fail(['a time 00:00-' + (end ? '24:00' : '23:59')]);
    i++;
    return v;
  };
  const date = (): [number, number] => {
    const y = isYear() ? +k[i++]![0] : 0, m = month();
    let d = 0;
    if (!m) fail([M]);
    i++;
    if (small()) d = day(m);
    const from = y * 1e4 + m * 100 + (d || 1);
    let to = from - (d || 1) + (d || 31);
    if (eat('-')) {
      const j = i, y2 = y && isYear() ? +k[i++]![0] : 0, m2 = month();
      if (m2) i++;
      else if (y2 || !d) fail([M]);
      to = (y2 || y) * 1e4 + (m2 || m) * 100 + (d ? day(m2 || m) : 31);
      // Only a range without a year may run into the next year (Dec 24-Jan 02); "Dec 26-24" and
      // "2026 Dec 24-Jan 02" (write 2026 Dec 24-2027 Jan 02) are mistakes.
      if (to < from && (y || !m2)) fail(['a later date'], j);
    }
    return [from, to];
  };

  for (;;) {
    const i0 = i, r: Rule = { join, status: 'open', text: '' };
    let e = [W, P, M, T];
    if (eat('24/7')) {
      r.times = [[0, 1440]];
      e = [O, C, S];
    } else {
      if (isYear() || month()) {
        r.dates = [];
        do r.dates.push(date());
        while (eat(','));
        e = [W, P, T, O, S];
      }
      if (weekday() >= 0 || cur() == 'PH') {
        const days = [0, 0, 0, 0, 0, 0, 0];
        do
          if (eat('PH')) r.ph = true;
          else {
            const a = weekday();
            let z = a;
            if (a < 0) fail([W, P]);
            i++;
            r.days = days;
            if (eat('['))
              do
                // Bits 0-4: the 1st to 5th such weekday of the month; 5-9: the last to 5th last.
                days[a]! |= eat('-') ? 16 << num() : 1 << (num() - 1);
              while (eat(',') || (eat(']') ? 0 : fail(['","', '"]"'])));
            else {
              if (eat('-')) {
                if ((z = weekday()) < 0) fail([W]);
                i++;
              }
              // 2047 includes bit 10, which no calendar day has: schema-org.ts uses it for "any week".
              for (let x = a; ; x = (x + 1) % 7) if (((days[x] = 2047), x == z)) break;
            }
          }
        while (eat(','));
        e = [T, O, S];
      }
      if (/^\d+:/.test(cur())) {
        r.times = [];
        do {
          const a = time();
          if (!eat('-')) fail(['"-"']);
          const b = time(true);
          if (a == b) fail(['a time other than ' + k[i - 1]![0]], i - 1);
          r.times.push([a, b < a ? b + 1440 : b]);
        } while (cur() == ',' && /^\d+:/.test(k[i + 1]![0]) && ++i);
        e = [O, C, S];
      }
    }
    const s = MODS.indexOf(cur());
    if (s >= 0) {
      r.status = MODS[s || 2] as RuleStatus; // off (0) is closed (2)
      i++;
      e = [C, S];
    }
    if (cur()[0] == '"') {
      if (!/^".*"$/s.test(cur())) fail(['a closing "']);
      r.comment = cur().slice(1, -1);
      if (s < 0) r.status = 'unknown';
      i++;
      e = [S];
    }
    if (i == i0) fail(e);
    r.text = text.slice(k[i0]![1], k[i - 1]![1] + k[i - 1]![0].length);
    rules.push(r);
    if (!cur()) return { rules };
    // A "," rule after a fallback rule belongs to its fallback group (as opening_hours.js reads it).
    join = eat(';') ? ';' : eat('||') ? '||' : eat(',') ? (join == '||' ? join : ',') : fail(e);
    if (join == ';' && !cur()) return { rules };
  }
}
