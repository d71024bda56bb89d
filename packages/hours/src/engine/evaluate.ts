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

const DAY_MS = 864e5;
const MINUTE_MS = 6e4;
const MINUTES_PER_DAY = 1440;
/** How far `nextChange` and `nextOpening` look ahead by default, and `since` looks back. */
const HORIZON_DAYS = 400;
const SINCE_DAYS = 8;

/**
 * A calendar day in the zone, with what the rules' selectors ask about it. Names ending in `_$` are
 * internal: every bundle renames them to short ones (scripts/browser-bundle.mjs).
 */
export interface CalendarDay {
  /** 0 = Monday … 6 = Sunday. */
  weekday_$: number;
  /** The date as a number, 20261224. */
  yyyymmdd_$: number;
  /** Which week of the month the day is in, as Rule.days selects it: bits 0-4 the 1st-5th, bits 5-9 the last-5th last. */
  weekOfMonthBits_$: number;
  holiday_$?: Holiday | undefined;
  /** YYYY-MM-DD */
  isoDate_$: string;
}

/** The zone's day number `dayNumber` (days since 1970-01-01 in wall time) as a calendar day. */
export const calendarDay = (dayNumber: number, region?: string, subregion?: string): CalendarDay => {
  const date = isoDate(dayNumber);
  const yyyymmdd = +date.replace(/-/g, '');
  const dayOfMonth = yyyymmdd % 100;
  // Day 32 of a month lands on day 32 - (days in the month) of the next month.
  const daysInMonth = 32 - new Date((dayNumber - dayOfMonth + 32) * DAY_MS).getUTCDate();
  const weekFromStart = Math.floor((dayOfMonth - 1) / 7);
  const weekFromEnd = Math.floor((daysInMonth - dayOfMonth) / 7);
  const hasHolidays = region && yyyymmdd > 19950000 && yyyymmdd < 21010000;
  return {
    // Day 0 was a Thursday.
    weekday_$: (dayNumber + 3) % 7,
    yyyymmdd_$: yyyymmdd,
    weekOfMonthBits_$: (1 << weekFromStart) | (32 << weekFromEnd),
    holiday_$: hasHolidays ? holidayOn(date, region, subregion) : undefined,
    isoDate_$: date,
  };
};

/** Whether the rule's dates include the day (true without dates). */
const matchesDates = (rule: Rule, day: CalendarDay): boolean => {
  if (!rule.dates) {
    return true;
  }
  return rule.dates.some(([from, to]) => {
    // A range with a year compares yyyymmdd, one without mmdd.
    const date = from > 10000 ? day.yyyymmdd_$ : day.yyyymmdd_$ % 10000;
    if (from > to) {
      return date >= from || date <= to;
    }
    return date >= from && date <= to;
  });
};

/** Whether the rule's weekdays or PH include the day (true without either). */
const matchesWeekdays = (rule: Rule, day: CalendarDay): boolean => {
  if (rule.ph && day.holiday_$) {
    return true;
  }
  if (rule.days) {
    return (rule.days[day.weekday_$]! & day.weekOfMonthBits_$) !== 0;
  }
  return !rule.ph;
};

/** Whether every selector of the rule matches the day. */
export const ruleMatches = (rule: Rule, day: CalendarDay): boolean => matchesDates(rule, day) && matchesWeekdays(rule, day);

const hasSelector = (rule: Rule): boolean => Boolean(rule.dates || rule.days || rule.ph);

/**
 * Paint one day in wall time: per minute 0 (closed, no rule) or 1 + the index of the rule that
 * decides it. `previousDay` is the day before, for its times past midnight.
 */
export const paintDay = (rules: readonly Rule[], day: CalendarDay, previousDay: CalendarDay): Int16Array => {
  const decidingRule = new Int16Array(MINUTES_PER_DAY);
  rules.forEach((rule, index) => {
    const paint = (from: number, to: number) => {
      // The part past midnight is painted into the next day, when that day is painted.
      const until = Math.min(to, MINUTES_PER_DAY);
      for (let minute = from; minute < until; minute++) {
        const current = decidingRule[minute]!;
        // A fallback rule paints only the minutes still closed.
        if (rule.join !== '||' || current === 0 || rules[current - 1]!.status === 'closed') {
          decidingRule[minute] = index + 1;
        }
      }
    };
    if (ruleMatches(rule, day)) {
      // Whether a normal rule first clears the day: see "Rule precedence" above.
      const followsRuleWithoutSelector = rule.status === 'open' && index > 0 && !hasSelector(rules[index - 1]!);
      if (rule.join === ';' && rule.status !== 'closed' && (hasSelector(rule) || followsRuleWithoutSelector)) {
        decidingRule.fill(0);
      }
      for (const [start, end] of rule.times ?? [[0, MINUTES_PER_DAY]]) {
        paint(start, end);
      }
    }
    if (rule.times && ruleMatches(rule, previousDay)) {
      for (const [, end] of rule.times) {
        paint(0, end - MINUTES_PER_DAY);
      }
    }
  });
  return decidingRule;
};

/** A day's runs: from each instant on, a state, until the next. */
interface DayRuns {
  /** The instants of the day's start and of the next day's start. */
  start_$: number;
  end_$: number;
  /** [instant, state, instant, state, …]: merged runs, none empty; a state is an index into Schedule's #states. */
  runs_$: number[];
  day_$: CalendarDay;
}

/** The index in `runs` ([instant, state, …, end]) of the run that contains `instant`. */
const runIndexAt = (runs: number[], instant: number): number => {
  let index = 0;
  while (runs[index + 2]! <= instant) {
    index += 2;
  }
  return index;
};

/**
 * Opening hours of one centre, evaluated in its zone. The public methods are bound, so they can be
 * passed around: `const { stateAt } = schedule`.
 */
export class Schedule {
  readonly timeZone: string;
  readonly #rules: readonly Rule[];
  readonly #region: string | undefined;
  readonly #subregion: string | undefined;
  /** What a user sees, one entry per distinct status and comment; 0 is closed. */
  readonly #states: [HoursStatus, string?][] = [['closed']];
  /** Per rule index + 1 (as paintDay counts), the index of its state in #states; 0 (no rule) is closed. */
  readonly #stateOfRule: number[] = [0];
  readonly #dayRuns = new Map<number, DayRuns>();

  /** Throws OpeningHoursError for a bad spec, RangeError for an unknown zone, region or subregion. */
  constructor(spec: string | ParsedHours, { timeZone = 'Europe/Berlin', region, subregion }: HoursOptions = {}) {
    this.#rules = (typeof spec === 'string' ? parseOpeningHours(spec) : spec).rules;
    this.timeZone = timeZone;
    this.#region = region;
    this.#subregion = subregion;
    // Unknown zones, regions and subregions fail here rather than at the first evaluation.
    wall(timeZone, 0);
    if (region || subregion) {
      holidaysOf(2000, region!, subregion);
    }
    // Rules with the same status and comment share a state, so a change of state is a change a user sees.
    for (const { status, comment } of this.#rules) {
      const known = this.#states.findIndex(([knownStatus, knownComment]) => knownStatus === status && knownComment === comment);
      if (known < 0) {
        this.#stateOfRule.push(this.#states.length);
        this.#states.push([status, comment]);
      } else {
        this.#stateOfRule.push(known);
      }
    }
  }

  /** State at an instant (epoch ms). `since` (8 days back) and `until` (400 days ahead) are computed when read. */
  readonly stateAt = (instant: number): HoursState => {
    const dayNumber = this.#dayNumberAt(instant);
    const { runs_$: runs, day_$: day } = this.#runsOfDay(dayNumber);
    const [status, comment] = this.#states[runs[runIndexAt(runs, instant) + 1]!]!;
    // `since` and `until` are worked out only when read: most callers want the status alone.
    const since = (): number | undefined => {
      const runsBefore = this.#runsOfDays(dayNumber - SINCE_DAYS, dayNumber);
      const index = runIndexAt(runsBefore, instant);
      return index > 0 ? runsBefore[index] : undefined;
    };
    const until = (): number | undefined => this.nextChange(instant);
    return {
      status,
      comment,
      holiday: day.holiday_$,
      get since() {
        return since();
      },
      get until() {
        return until();
      },
    };
  };

  /** Open and unknown intervals overlapping [from, to), clipped to it, merged and sorted. */
  readonly intervals = (from: number, to: number): OpenInterval[] => {
    const intervals: OpenInterval[] = [];
    const runs = this.#runsOfDays(this.#dayNumberAt(from), this.#dayNumberAt(to - 1));
    for (let index = 0; index < runs.length - 1; index += 2) {
      const [status, comment] = this.#states[runs[index + 1]!]!;
      const start = Math.max(runs[index]!, from);
      const end = Math.min(runs[index + 2]!, to);
      if (status !== 'closed' && start < end) {
        intervals.push({ start, end, status, comment });
      }
    }
    return intervals;
  };

  /** The next instant after `instant` at which the status or the comment changes, within horizonDays (400). */
  readonly nextChange = (instant: number, horizonDays = HORIZON_DAYS): number | undefined =>
    this.#firstRunAfter(instant, horizonDays, (previousState, state) => previousState !== state);

  /** The next instant after `instant` at which the status becomes 'open', within horizonDays (400). */
  readonly nextOpening = (instant: number, horizonDays = HORIZON_DAYS): number | undefined =>
    this.#firstRunAfter(instant, horizonDays, (previousState, state) => this.#states[state]![0] === 'open' && this.#states[previousState]![0] !== 'open');

  /** Seven days, starting with the zone's day that contains the instant. */
  readonly week = (instant: number): DaySummary[] => {
    const firstDay = this.#dayNumberAt(instant);
    return [0, 1, 2, 3, 4, 5, 6].map((offset) => {
      const { start_$: start, end_$: end, day_$: day } = this.#runsOfDay(firstDay + offset);
      return { date: day.isoDate_$, weekday: day.weekday_$, intervals: this.intervals(start, end), holiday: day.holiday_$, start, end };
    });
  };

  /**
   * The zone's day containing `instant`. (A fall-back that crosses midnight keeps its repeated hour in
   * the day before: instant() then finds midnight only after it.)
   */
  #dayNumberAt(instant: number): number {
    return Math.floor(wall(this.timeZone, instant) / DAY_MS);
  }

  #calendarDay(dayNumber: number): CalendarDay {
    return calendarDay(dayNumber, this.#region, this.#subregion);
  }

  /** The runs of a day, worked out the first time the day is asked for and kept. */
  #runsOfDay(dayNumber: number): DayRuns {
    const known = this.#dayRuns.get(dayNumber);
    if (known) {
      return known;
    }
    const timeZone = this.timeZone;
    const stateOfRule = this.#stateOfRule;
    const wallMidnight = dayNumber * DAY_MS;
    const start = instant(timeZone, wallMidnight);
    const end = instant(timeZone, wallMidnight + DAY_MS);
    const day = this.#calendarDay(dayNumber);
    const decidingRule = paintDay(this.#rules, day, this.#calendarDay(dayNumber - 1));
    const isDstDay = end - start !== DAY_MS;
    const runs: number[] = [];
    let lastState = -1;
    // Walk the day's real minutes. On a DST day (not 24 hours long) each one's wall minute comes from
    // zone.ts and never goes back: the hour that repeats keeps the state of its last first-pass minute
    // (so a boundary in it takes its first occurrence) and the minutes of the missing hour are simply
    // never met.
    let wallMinute = 0;
    for (let minute = start, realMinute = 0; minute < end; minute += MINUTE_MS, realMinute++) {
      if (isDstDay) {
        wallMinute = Math.max(wallMinute, (wall(timeZone, minute) - wallMidnight) / MINUTE_MS);
      } else {
        wallMinute = realMinute;
      }
      const state = stateOfRule[decidingRule[wallMinute]!]!;
      if (state !== lastState) {
        runs.push(minute, state);
        lastState = state;
      }
    }
    const dayRuns: DayRuns = { start_$: start, end_$: end, runs_$: runs, day_$: day };
    this.#dayRuns.set(dayNumber, dayRuns);
    return dayRuns;
  }

  /** The merged runs of the days `firstDay` to `lastDay`: [instant, state, …, end of the last day]. */
  #runsOfDays(firstDay: number, lastDay: number): number[] {
    const merged: number[] = [];
    for (let dayNumber = firstDay; dayNumber <= lastDay; dayNumber++) {
      const runs = this.#runsOfDay(dayNumber).runs_$;
      for (let index = 0; index < runs.length; index += 2) {
        if (runs[index + 1] !== merged.at(-1)) {
          merged.push(runs[index]!, runs[index + 1]!);
        }
      }
    }
    merged.push(this.#runsOfDay(lastDay).end_$);
    return merged;
  }

  /** The start of the first run after `instant`, within `horizonDays`, whose state and the one before it pass `isWanted`. */
  #firstRunAfter(instant: number, horizonDays: number, isWanted: (previousState: number, state: number) => boolean): number | undefined {
    const horizon = instant + horizonDays * DAY_MS;
    let previousState = 0;
    // Every day starts a run, so the horizon check ends the loop.
    for (let dayNumber = this.#dayNumberAt(instant); ; dayNumber++) {
      const runs = this.#runsOfDay(dayNumber).runs_$;
      for (let index = 0; index < runs.length; index += 2) {
        const runStart = runs[index]!;
        const state = runs[index + 1]!;
        if (runStart > horizon) {
          return undefined;
        }
        if (runStart > instant && isWanted(previousState, state)) {
          return runStart;
        }
        previousState = state;
      }
    }
  }
}
