// Parser for the subset of the OpenStreetMap `opening_hours` syntax that counselling centres publish
// (https://wiki.openstreetmap.org/wiki/Key:opening_hours/specification). Everything outside the
// subset is rejected with the position, the text found and what was expected: never misread silently.
// Each step of the grammar below has its module in parse/: tokens (and the reader the steps share),
// rule, dates, weekdays, times, modifier (with the comment).
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

import { parseRule, type Rule } from './parse/rule.js';
import { Tokens } from './parse/tokens.js';

export type { Rule, RuleStatus } from './parse/rule.js';
export { MONTHS, OpeningHoursError, WEEKDAYS } from './parse/tokens.js';

export interface ParsedHours {
  rules: Rule[];
}

export function parseOpeningHours(text: string): ParsedHours {
  const tokens = new Tokens(text);
  const rules: Rule[] = [];
  let join: Rule['join'] = ';';
  for (;;) {
    const [rule, expectedNext] = parseRule(tokens, text, join);
    rules.push(rule);
    if (tokens.current === '') {
      return { rules };
    }
    if (tokens.accept(';')) {
      join = ';';
      // A trailing ";" ends the text.
      if (tokens.current === '') {
        return { rules };
      }
    } else if (tokens.accept('||')) {
      join = '||';
    } else if (tokens.accept(',')) {
      // A "," rule after a fallback rule belongs to its fallback group (as opening_hours.js reads it).
      join = join === '||' ? '||' : ',';
    } else {
      tokens.fail(expectedNext);
    }
  }
}
