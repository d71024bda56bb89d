// schema.org OpeningHoursSpecification <-> the OSM subset.
//
// Not exported from index.ts, so that pages that only show hours do not ship it; the package exposes
// it as "@wegweiser/hours/engine/schema-org".
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

import { MONTHS, WEEKDAYS, parseOpeningHours, type ParsedHours, type Rule } from './parse.js';
import { paintDay, type CalendarDay } from './evaluate.js';

/** schema.org's day names in the engine's order (0 = Monday), then public holidays (7). */
const SCHEMA_DAYS = 'Monday Tuesday Wednesday Thursday Friday Saturday Sunday PublicHolidays'.split(' ');
const PUBLIC_HOLIDAYS = 7;
/** A group entry for an object without dayOfWeek. */
const EVERY_DAY = 8;
/** Rule.days for a weekday selected in every week of the month. */
const EVERY_WEEK = 2047;
const MINUTES_PER_DAY = 1440;

export interface OpeningHoursSpecification {
  '@type': 'OpeningHoursSpecification';
  dayOfWeek?: string[];
  opens: string;
  closes: string;
  validFrom?: string;
  validThrough?: string;
}

const rejectSpecification = (path: string, found: unknown, expected: string): never => {
  throw new TypeError(`OpeningHoursSpecification${path}: expected ${expected}, found ${JSON.stringify(found)}`);
};

/** "2026-12-24" → "2026 Dec 24" */
const osmDate = (isoDate: string) => `${isoDate.slice(0, 4)} ${MONTHS[+isoDate.slice(5, 7) - 1]} ${isoDate.slice(8)}`;

/** The OSM weekdays of one rule: 0-6 (Mo-Su) and 7 (PH), sorted; runs of three or more weekdays become ranges (Mo-Fr). */
const osmWeekdays = (days: number[]): string => {
  const names = days.map((day, index) => {
    if (day === EVERY_DAY) {
      return '';
    }
    if (day === PUBLIC_HOLIDAYS) {
      return 'PH';
    }
    // A day between its neighbours (never Sunday, which ends a range) becomes "-".
    const isInsideRange = day < 6 && days[index - 1] === day - 1 && days[index + 1] === day + 1;
    return isInsideRange ? '-' : WEEKDAYS[day];
  });
  // Mo,-,-,-,Fr → Mo-Fr
  return names.join(',').replace(/,(-,)+/g, '-');
};

/** OSM opening hours (in the subset) from one OpeningHoursSpecification object or an array of them. */
export function fromOpeningHoursSpecification(json: unknown): string {
  // Date selector ('' for the regular week, '#' appended for its public holidays) → day (0-6, 7 = PH,
  // 8 = every day) → "HH:MM-HH:MM" ranges ([] = closed).
  const groups: Record<string, Record<number, string[]>> = { '': {} };
  const objects = [json].flat();
  if (objects.length === 0) {
    rejectSpecification('', json, 'at least one object');
  }
  objects.forEach((object, index) => {
    const path = Array.isArray(json) ? `[${index}]` : '';
    if (!object || typeof object !== 'object' || Array.isArray(object)) {
      rejectSpecification(path, object, 'an object');
    }
    const property = (name: string) => (object as Record<string, unknown>)[name];
    const isMissing = (name: string) => property(name) === undefined || property(name) === null;
    const type = property('@type');
    if (!isMissing('@type') && !/^(https?:\/\/schema\.org\/)?OpeningHoursSpecification$/.test(type as string)) {
      rejectSpecification(path + '.@type', type, '"OpeningHoursSpecification"');
    }
    const time = (name: string): string => {
      const value = property(name);
      if (typeof value !== 'string' || !/^([01]\d|2[0-3]):[0-5]\d(:00)?$|^23:59:59$/.test(value)) {
        return rejectSpecification(path + '.' + name, value, 'a time "HH:MM"');
      }
      return value.slice(0, 5);
    };
    const date = (name: string): string => {
      const value = property(name);
      const isDate = typeof value === 'string' && /^\d{4}-\d\d-\d\d$/.test(value) && new Date(Date.UTC(+value.slice(0, 4), +value.slice(5, 7) - 1, +value.slice(8))).toISOString().slice(0, 10) === value;
      if (!isDate) {
        return rejectSpecification(path + '.' + name, value, 'a date "YYYY-MM-DD"');
      }
      return value;
    };
    const opens = time('opens');
    const closesAsWritten = time('closes');
    const closes = closesAsWritten.replace(/00:00|23:59/, '24:00');
    let dates = '';
    if (!isMissing('validFrom') || !isMissing('validThrough')) {
      const validFrom = date('validFrom');
      const validThrough = date('validThrough');
      if (validThrough < validFrom) {
        rejectSpecification(path + '.validThrough', validThrough, 'a date from validFrom on');
      }
      dates = validFrom === validThrough ? osmDate(validFrom) : osmDate(validFrom) + '-' + osmDate(validThrough);
    }
    if (opens === closes && opens > '00:00') {
      rejectSpecification(path + '.closes', property('closes'), 'a time other than opens');
    }
    const isClosed = opens === '00:00' && closesAsWritten === '00:00';
    const dayOfWeek = property('dayOfWeek');
    const everyDay = isMissing('dayOfWeek');
    if (!everyDay && (dayOfWeek as unknown[]).length === 0) {
      rejectSpecification(path + '.dayOfWeek', dayOfWeek, 'a day such as "Monday"');
    }
    const days = everyDay ? [EVERY_DAY] : [dayOfWeek].flat();
    days.forEach((day, dayIndex) => {
      let entry = EVERY_DAY;
      if (!everyDay) {
        entry = SCHEMA_DAYS.indexOf(typeof day === 'string' ? day.replace(/^https?:\/\/schema\.org\//, '') : '');
        if (entry < 0) {
          rejectSpecification(path + '.dayOfWeek' + (Array.isArray(dayOfWeek) ? `[${dayIndex}]` : ''), day, 'a day such as "Monday"');
        }
      }
      // Public holidays get their own normal rule after the weekdays, so that their hours replace
      // those of the weekday a holiday falls on.
      const group = (groups[dates + (entry === PUBLIC_HOLIDAYS ? '#' : '')] ??= {});
      const ranges = (group[entry] ??= []);
      if (!isClosed) {
        ranges.push(opens + '-' + closes);
      }
    });
  });
  // The regular week, its public holidays, then the dated exceptions (which win), their holidays last.
  const rank = (key: string) => (key.replace('#', '') ? 2 : 0) + (key.endsWith('#') ? 1 : 0);
  const ruleGroups = Object.entries(groups)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([key, byDay]) => {
      // Times ("*" first for every day, "off" for closed) → days with those times.
      const daysByTimes: Record<string, number[]> = {};
      for (const day in byDay) {
        const times = (day === String(EVERY_DAY) ? '*' : '') + (byDay[day]!.join(',') || 'off');
        (daysByTimes[times] ??= []).push(+day);
      }
      const isOff = (times: string) => (times.endsWith('off') ? 1 : 0);
      return Object.entries(daysByTimes)
        .sort(([a], [b]) => isOff(a) - isOff(b))
        .map(([times, days]) => [key.replace('#', ''), osmWeekdays(days), times.replace('*', '')].filter((part) => part).join(' '))
        .join(', ');
    });
  return ruleGroups.filter((rules) => rules).join('; ');
}

/** "HH:MM" of a minute of the week's day; 1440 (midnight at the end) is 23:59, as schema.org writes it. */
const schemaTime = (minute: number): string => {
  if (minute % MINUTES_PER_DAY === 0) {
    return minute === 0 ? '00:00' : '23:59';
  }
  return new Date(minute * 6e4).toISOString().slice(11, 16);
};

/** The open ranges ([start, end) in minutes) of each weekday of the regular week (0 = Monday). */
const regularWeek = (rules: readonly Rule[]): number[][][] => {
  const week = WEEKDAYS.map((_, weekday) => {
    // A day that matches no date, holiday or nth weekday (bit 10, see Rule.days).
    const day: CalendarDay = { weekday_$: weekday, yyyymmdd_$: NaN, weekOfMonthBits_$: 1024, isoDate_$: '' };
    const decidingRule = paintDay(rules, day, { ...day, weekday_$: (weekday + 6) % 7 });
    const ranges: number[][] = [];
    for (let minute = 0; minute < MINUTES_PER_DAY; minute++) {
      const ruleNumber = decidingRule[minute]!;
      const isOpen = ruleNumber > 0 && rules[ruleNumber - 1]!.status === 'open';
      const last = ranges[ranges.length - 1];
      if (isOpen && last?.[1] === minute) {
        last[1]++;
      } else if (isOpen) {
        ranges.push([minute, minute + 1]);
      }
    }
    return ranges;
  });
  // A range to midnight followed by one from midnight is one range past midnight.
  week.forEach((ranges, weekday) => {
    const nextDay = week[(weekday + 1) % 7]!;
    const last = ranges[ranges.length - 1];
    const first = nextDay[0];
    if (last && last[0]! > 0 && last[1] === MINUTES_PER_DAY && first && first[0] === 0 && first[1]! < MINUTES_PER_DAY) {
      nextDay.shift();
      last[1] = MINUTES_PER_DAY + first[1]!;
    }
  });
  return week;
};

/** Whether a rule selects an nth weekday of the month (Th[1]). */
const hasNthWeekday = (rule: Rule) => Boolean(rule.days?.some((bits) => bits !== 0 && bits !== EVERY_WEEK));

/** schema.org OpeningHoursSpecification objects for a spec, and the rules schema.org cannot express. */
export function toOpeningHoursSpecification(spec: string | ParsedHours): { specification: OpeningHoursSpecification[]; unsupported: string[] } {
  const { rules } = typeof spec === 'string' ? parseOpeningHours(spec) : spec;
  const specification: OpeningHoursSpecification[] = [];
  const unsupported: string[] = [];
  const add = (days: number[] | undefined, [opens, closes]: number[], dates?: { validFrom: string; validThrough: string }) => {
    specification.push({
      '@type': 'OpeningHoursSpecification',
      ...(days && { dayOfWeek: days.map((day) => SCHEMA_DAYS[day]!) }),
      opens: schemaTime(opens!),
      closes: schemaTime(closes!),
      ...dates,
    });
  };
  // Weekdays with the same ranges share objects.
  const weekdaysByRanges: Record<string, number[]> = {};
  regularWeek(rules).forEach((ranges, weekday) => {
    if (ranges.length > 0) {
      (weekdaysByRanges[JSON.stringify(ranges)] ??= []).push(weekday);
    }
  });
  for (const ranges in weekdaysByRanges) {
    for (const range of JSON.parse(ranges)) {
      add(weekdaysByRanges[ranges], range);
    }
  }
  for (const rule of rules) {
    const hasDateWithoutYear = Boolean(rule.dates?.some(([from]) => from < 10000));
    if (rule.status === 'unknown' || rule.comment !== undefined || rule.ph || hasNthWeekday(rule) || hasDateWithoutYear) {
      unsupported.push(rule.text);
    }
    if (rule.status === 'unknown' || rule.ph || hasNthWeekday(rule)) {
      continue;
    }
    for (const [from, to] of rule.dates ?? []) {
      if (from < 10000) {
        continue;
      }
      const [validFrom, validThrough] = [from, to].map((yyyymmdd) => String(yyyymmdd).replace(/(....)(..)/, '$1-$2-')) as [string, string];
      const days = rule.days && WEEKDAYS.flatMap((_, weekday) => (rule.days![weekday] ? [weekday] : []));
      const times = rule.status === 'closed' ? [[0, 0]] : (rule.times ?? [[0, MINUTES_PER_DAY]]);
      for (const range of times) {
        add(days, range, { validFrom, validThrough });
      }
    }
  }
  return { specification, unsupported };
}
