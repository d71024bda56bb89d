/**
 * Opening hours: HSDS schedules (RRULE-like: freq, byday, opens_at, closes_at, valid_from/to; or
 * HSDS 2's weekday) written as rules of the opening_hours subset the hours engine reads, one text
 * per channel. A schedule that cannot be written exactly is left out, with the reason.
 */
import { childPath } from '@wegweiser/core/validate';
import { parseOpeningHours } from '@wegweiser/hours/engine';
import type { Centre, Channel } from '../model.js';
import { fold } from '../text.js';
import { isEmpty, type ImportContext, type InputNode } from './reader.js';
import { datePart } from './values.js';

const RRULE_WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const OSM_WEEKDAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
/** HSDS 2's weekday names, folded, to weekday indices (Monday 0). */
const WEEKDAY_NAMES: Record<string, number> = {
  monday: 0, montag: 0, tuesday: 1, dienstag: 1, wednesday: 2, mittwoch: 2, thursday: 3, donnerstag: 3,
  friday: 4, freitag: 4, saturday: 5, samstag: 5, sonnabend: 5, sunday: 6, sonntag: 6,
};
const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/** 2026-10-21 as the hours syntax writes it: "2026 Oct 21". */
const osmDate = (isoDate: string): string => `${isoDate.slice(0, 4)} ${MONTHS[Number(isoDate.slice(5, 7)) - 1]} ${isoDate.slice(8, 10)}`;

/** Minutes since midnight as HH:MM. */
const hhmm = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Weekday indices as OSM: "Mo-Fr", "Mo,We,Fr", "Mo-We,Sa". */
function dayList(weekdays: number[]): string {
  const sorted = [...new Set(weekdays)].sort((a, b) => a - b);
  const parts: string[] = [];
  let runStart = 0;
  while (runStart < sorted.length) {
    let runEnd = runStart;
    while (runEnd + 1 < sorted.length && sorted[runEnd + 1] === sorted[runEnd]! + 1) runEnd++;
    const first = OSM_WEEKDAYS[sorted[runStart]!]!;
    const last = OSM_WEEKDAYS[sorted[runEnd]!]!;
    if (runEnd === runStart) parts.push(first);
    else if (runEnd === runStart + 1) parts.push(`${first},${last}`);
    else parts.push(`${first}-${last}`);
    runStart = runEnd + 1;
  }
  return parts.join(',');
}

/** A time of day in minutes; a closing time of 00:00 is midnight at the end of the day (1440). */
function minutesOf(value: string, path: string, ctx: ImportContext, isClosing: boolean): number | undefined {
  const match = /^(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(value.trim());
  const hours = Number(match?.[1]);
  const minutes = Number(match?.[2]);
  if (!match || hours > 24 || minutes > 59 || (hours === 24 && minutes > 0)) {
    ctx.r.problem(path, `"${value.slice(0, 20)}" is not a time (HH:MM)`);
    return undefined;
  }
  const zone = match[3]?.toUpperCase().replace(':', '');
  if (zone && zone !== '+0100' && zone !== '+0200') {
    ctx.r.problem(path, `time zone ${match[3]} read as German local time (the directory's hours are local)`);
  }
  const total = hours * 60 + minutes;
  return isClosing && total === 0 ? 1440 : total;
}

/** The recurrence of a schedule: only weekly or monthly, every week or month, without limits the syntax lacks. */
function recurrenceSupported(node: InputNode, ctx: ImportContext, freq: string | undefined): boolean {
  const { r } = ctx;
  if (freq && freq !== 'WEEKLY' && freq !== 'MONTHLY') {
    r.problem(childPath(node.path, 'freq'), `freq ${freq} is not supported (only WEEKLY and MONTHLY)`);
    return false;
  }
  const interval = r.peek(node, 'interval');
  if (interval && interval !== '1') {
    r.problem(childPath(node.path, 'interval'), `an interval of ${interval} (every ${interval} weeks or months) cannot be written in the hours syntax`);
    return false;
  }
  for (const key of ['bymonthday', 'byyearday', 'byweekno', 'count', 'until']) {
    if (!isEmpty(node.obj[key])) {
      r.problem(childPath(node.path, key), `${key} cannot be written in the hours syntax; schedule left out`);
      return false;
    }
  }
  return true;
}

interface ScheduleDay {
  weekday: number;
  /** The nth weekday of the month (1 to 5, -1 to -5), for MONTHLY. */
  nth?: number;
}

/** The days of a schedule: byday (RRULE), or HSDS 2's weekday name. */
function daysOf(node: InputNode, ctx: ImportContext, freq: string | undefined): ScheduleDay[] | undefined {
  const { r } = ctx;
  const days: ScheduleDay[] = [];
  const byday = r.peek(node, 'byday');
  const weekday = r.peek(node, 'weekday');
  if (byday) {
    for (const part of byday.split(',')) {
      const match = /^\s*([+-]?[1-5])?\s*(MO|TU|WE|TH|FR|SA|SU)\s*$/i.exec(part);
      if (!match || (match[1] && freq !== 'MONTHLY')) {
        r.problem(childPath(node.path, 'byday'), `"${part.trim().slice(0, 20)}" is not a weekday the hours syntax can express`);
        return undefined;
      }
      const day: ScheduleDay = { weekday: RRULE_WEEKDAYS.indexOf(match[2]!.toUpperCase()) };
      if (match[1]) day.nth = Number(match[1]);
      days.push(day);
    }
  } else if (weekday && WEEKDAY_NAMES[fold(weekday.trim())] !== undefined) {
    days.push({ weekday: WEEKDAY_NAMES[fold(weekday.trim())]! });
  } else {
    r.problem(node.path, 'a schedule without byday (or weekday) does not say on which days; left out');
    return undefined;
  }
  return days;
}

/** The days as the hours syntax writes them: "Mo-Fr", and nth weekdays as "We[1,3]". */
function daysText(days: ScheduleDay[]): string {
  const everyWeek = days.filter((day) => day.nth === undefined).map((day) => day.weekday);
  const nthByWeekday = new Map<number, number[]>();
  for (const day of days) if (day.nth !== undefined) nthByWeekday.set(day.weekday, [...(nthByWeekday.get(day.weekday) ?? []), day.nth]);
  const nthTexts = [...nthByWeekday].sort((a, b) => a[0] - b[0]).map(([weekday, nths]) => `${OSM_WEEKDAYS[weekday]}[${nths.join(',')}]`);
  return [everyWeek.length ? dayList(everyWeek) : '', ...nthTexts].filter(Boolean).join(',');
}

/**
 * The date range of a schedule's validity, with years ("2025 Jun 01-2025 Dec 31 "), '' for always,
 * undefined when the schedule is left out (ended, or starting later without an end).
 */
function validityOf(node: InputNode, ctx: ImportContext): string | undefined {
  const { r } = ctx;
  const validFrom = r.peek(node, 'valid_from');
  const validTo = r.peek(node, 'valid_to');
  const fromDate = datePart(validFrom);
  const toDate = datePart(validTo);
  if ((validFrom && !fromDate) || (validTo && !toDate)) {
    r.problem(node.path, 'valid_from or valid_to is not a date (YYYY-MM-DD); schedule left out');
    return undefined;
  }
  if (toDate && toDate < ctx.today) {
    r.problem(childPath(node.path, 'valid_to'), `the schedule ended on ${toDate}; left out`);
    return undefined;
  }
  if (toDate) {
    let start = toDate;
    if (fromDate && fromDate < toDate) start = fromDate;
    else if (ctx.today < toDate) start = ctx.today;
    return `${osmDate(start)}-${osmDate(toDate)} `;
  }
  if (fromDate && fromDate > ctx.today) {
    r.problem(childPath(node.path, 'valid_from'), `a schedule starting on ${fromDate} without an end cannot be written in the hours syntax; left out`);
    return undefined;
  }
  return '';
}

/** The channel a schedule is for, from attending_type; walk-in when it says nothing else. */
function channelOf(node: InputNode, ctx: ImportContext): Channel {
  const attending = ctx.r.peek(node, 'attending_type');
  if (!attending) return 'walk-in';
  const folded = fold(attending);
  if (/phone|telefon/.test(folded)) return 'phone';
  if (/chat|online|video|virtual/.test(folded)) return 'chat';
  if (/street|aufsuchend|outreach/.test(folded)) return 'streetwork';
  if (/e-?mail/.test(folded)) return 'email';
  if (!/person|vor ort|walk|offen|drop|besuch|sprechstunde/.test(folded)) {
    ctx.r.problem(childPath(node.path, 'attending_type'), `"${attending.slice(0, 40)}" read as walk-in`);
  }
  return 'walk-in';
}

/** One HSDS schedule as an opening_hours rule, or undefined (with the reason among the problems). */
function scheduleRule(node: InputNode, ctx: ImportContext): { rule: string; channel: Channel } | undefined {
  const { r } = ctx;
  const opens = r.peek(node, 'opens_at');
  const closes = r.peek(node, 'closes_at');
  if (!opens || !closes) {
    r.problem(node.path, 'a schedule without opens_at and closes_at cannot be read as opening hours');
    return undefined;
  }
  const freq = r.peek(node, 'freq')?.toUpperCase();
  if (!recurrenceSupported(node, ctx, freq)) return undefined;
  const days = daysOf(node, ctx, freq);
  if (!days) return undefined;
  const from = minutesOf(opens, childPath(node.path, 'opens_at'), ctx, false);
  const to = minutesOf(closes, childPath(node.path, 'closes_at'), ctx, true);
  if (from === undefined || to === undefined) return undefined;
  if (from === to) {
    r.problem(node.path, 'opens_at and closes_at are the same time; left out');
    return undefined;
  }
  const zone = r.peek(node, 'timezone');
  if (zone && zone !== '1' && zone !== '2') r.problem(childPath(node.path, 'timezone'), `UTC offset ${zone} ignored: the times are read as German local time`);
  const validity = validityOf(node, ctx);
  if (validity === undefined) return undefined;
  const channel = channelOf(node, ctx);
  for (const key of ['opens_at', 'closes_at', 'freq', 'interval', 'byday', 'weekday', 'timezone', 'valid_from', 'valid_to', 'attending_type', 'wkst']) {
    if (!isEmpty(node.obj[key])) r.mark(node, key);
  }
  return { rule: `${validity}${daysText(days)} ${hhmm(from)}-${hhmm(to)}`, channel };
}

/** The schedules for a centre: of this service at this location, else of the service, else of the location. */
export function schedulesFor(service: InputNode, serviceAtLocation: InputNode | undefined, location: InputNode | undefined, ctx: ImportContext): InputNode[] {
  const { r } = ctx;
  if (serviceAtLocation && r.kids(serviceAtLocation, 'schedules').length) return r.kids(serviceAtLocation, 'schedules');
  if (r.kids(service, 'schedules').length) return r.kids(service, 'schedules');
  return location ? r.kids(location, 'schedules') : [];
}

/** A centre's hours per channel, each checked by reading it back with the hours engine. */
export function hoursOf(schedules: InputNode[], ctx: ImportContext, path: string): Centre['hours'] {
  const rules = new Map<Channel, string[]>();
  for (const schedule of schedules) {
    const found = scheduleRule(schedule, ctx);
    if (found) rules.set(found.channel, [...(rules.get(found.channel) ?? []), found.rule]);
  }
  const hours: Partial<Record<Channel, string>> = {};
  for (const [channel, list] of rules) {
    // "," joins additional rules: every schedule adds opening times, none overrides another.
    const text = [...new Set(list)].join(', ');
    try {
      parseOpeningHours(text);
      hours[channel] = text;
    } catch (error) {
      ctx.r.problem(path, `the ${channel} hours "${text.slice(0, 80)}" could not be read back (${(error as Error).message}); left out`);
    }
  }
  return Object.keys(hours).length ? hours : undefined;
}
