// What a visitor would see for typical and tricky opening hours of a counselling centre in Berlin.
// Instants are written with their offset, so the machine's zone never matters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OpeningHoursError, Schedule, parseOpeningHours, type HoursOptions } from '../../src/engine/index.js';

const at = (iso: string) => Date.parse(iso);
const iso = (t: number | undefined) => (t === undefined ? undefined : new Date(t).toISOString());
const BE: HoursOptions = { region: 'DE-BE' };
/** Status (and comment, if any) at each instant. */
const states = (spec: string, instants: string[], options: HoursOptions = {}) => {
  const s = new Schedule(spec, options);
  return instants.map((i) => {
    const { status, comment } = s.stateAt(at(i));
    return comment === undefined ? status : `${status} "${comment}"`;
  });
};
/** Open/unknown intervals as ISO pairs. */
const spans = (spec: string, from: string, to: string, options: HoursOptions = {}) =>
  new Schedule(spec, options).intervals(at(from), at(to)).map((i) => `${iso(i.start)} ${iso(i.end)} ${i.status}${i.comment === undefined ? '' : ' ' + i.comment}`);

test('a range past midnight on the last day of a month reaches into the next month', () => {
  // Saturday 31 January 2026.
  assert.deepEqual(states('Sa 22:00-02:00', ['2026-01-31T21:59:00+01:00', '2026-01-31T22:00:00+01:00', '2026-02-01T01:59:00+01:00', '2026-02-01T02:00:00+01:00']), ['closed', 'open', 'open', 'closed']);
  assert.deepEqual(spans('Sa 22:00-02:00', '2026-01-31T00:00:00+01:00', '2026-02-02T00:00:00+01:00'), ['2026-01-31T21:00:00.000Z 2026-02-01T01:00:00.000Z open']);
});

test('a range past midnight on the last day of the year reaches into the new year, unless PH closes it', () => {
  // Thursday 31 December 2026; 1 January is a public holiday.
  const instants = ['2026-12-31T23:00:00+01:00', '2027-01-01T02:59:00+01:00', '2027-01-01T03:00:00+01:00'];
  assert.deepEqual(states('Th 22:00-03:00', instants), ['open', 'open', 'closed']);
  assert.deepEqual(states('Th 22:00-03:00; PH off', instants), ['open', 'open', 'closed'], 'without a region PH never matches');
  assert.deepEqual(states('Th 22:00-03:00; PH off', instants, BE), ['open', 'closed', 'closed'], 'PH off closes the whole of 1 January, as in OSM');
  const s = new Schedule('Th 22:00-03:00; PH off', BE);
  assert.equal(s.stateAt(at('2027-01-01T01:00:00+01:00')).holiday?.name.de, 'Neujahr');
  assert.equal(s.stateAt(at('2026-12-31T23:00:00+01:00')).holiday, undefined);
});

test('a public holiday on a weekend', () => {
  // Tag der Deutschen Einheit 2026 is a Saturday.
  assert.deepEqual(states('Sa 10:00-14:00; PH off', ['2026-10-03T11:00:00+02:00', '2026-10-10T11:00:00+02:00'], BE), ['closed', 'open']);
  // Ostersonntag is a public holiday in Brandenburg only.
  const easter = ['2026-04-05T12:00:00+02:00', '2026-04-05T14:00:00+02:00'];
  assert.deepEqual(states('Mo-Fr 10:00-16:00; PH 11:00-13:00', easter, { region: 'DE-BB' }), ['open', 'closed']);
  assert.deepEqual(states('Mo-Fr 10:00-16:00; PH 11:00-13:00', easter, BE), ['closed', 'closed']);
  const s = new Schedule('Sa 10:00-14:00; PH off', BE), state = s.stateAt(at('2026-10-03T11:00:00+02:00'));
  assert.deepEqual(state.holiday, { id: 'german-unity-day', date: '2026-10-03', name: { de: 'Tag der Deutschen Einheit', en: 'German Unity Day' } });
  assert.equal(iso(s.nextOpening(at('2026-10-03T11:00:00+02:00'))), '2026-10-10T08:00:00.000Z');
});

test('PH,Sa and PH with its own hours', () => {
  const spec = 'Mo-Sa 10:00-18:00; PH,Sa off';
  assert.deepEqual(states(spec, ['2026-05-01T11:00:00+02:00', '2026-05-02T11:00:00+02:00', '2026-05-04T11:00:00+02:00'], BE), ['closed', 'closed', 'open']);
  assert.deepEqual(states('Mo-Fr 10:00-18:00; PH 10:00-14:00', ['2026-05-01T13:00:00+02:00', '2026-05-01T15:00:00+02:00'], BE), ['open', 'closed']);
});

test('Augsburger Friedensfest only with the Augsburg subregion', () => {
  const friedensfest = ['2026-08-07T12:00:00+02:00', '2026-08-08T12:00:00+02:00'];
  assert.deepEqual(states('24/7; PH off', friedensfest, { region: 'DE-BY' }), ['open', 'open']);
  assert.deepEqual(states('24/7; PH off', friedensfest, { region: 'DE-BY', subregion: 'DE-BY-AUGSBURG' }), ['open', 'closed']);
});

test('nth weekday of the month: Th[1], Mo[-1], We[1,3]', () => {
  assert.deepEqual(states('Th[1] 18:00-20:00', ['2026-03-05T19:00:00+01:00', '2026-03-12T19:00:00+01:00', '2026-04-02T19:00:00+02:00']), ['open', 'closed', 'open']);
  assert.deepEqual(states('Mo[-1] 18:00-20:00', ['2026-03-30T19:00:00+02:00', '2026-03-23T19:00:00+01:00', '2026-02-23T19:00:00+01:00']), ['open', 'closed', 'open']);
  assert.deepEqual(
    states('We[1,3] 18:00-20:00', ['2026-03-04T19:00:00+01:00', '2026-03-11T19:00:00+01:00', '2026-03-18T19:00:00+01:00', '2026-03-25T19:00:00+01:00']),
    ['open', 'closed', 'open', 'closed'],
  );
});

test('month ranges and month lists', () => {
  const spec = 'Mo-Fr 14:00-18:00; Jun-Aug Mo-Fr 09:00-12:00';
  assert.deepEqual(states(spec, ['2026-07-06T10:00:00+02:00', '2026-07-06T15:00:00+02:00', '2026-05-04T10:00:00+02:00', '2026-05-04T15:00:00+02:00']), ['open', 'closed', 'closed', 'open']);
  assert.deepEqual(states('Nov-Feb Sa 10:00-12:00', ['2026-12-05T11:00:00+01:00', '2027-02-27T11:00:00+01:00', '2026-03-07T11:00:00+01:00']), ['open', 'open', 'closed']);
  assert.deepEqual(states('Jan,Mar Mo 10:00-12:00', ['2026-01-05T11:00:00+01:00', '2026-02-02T11:00:00+01:00', '2026-03-02T11:00:00+01:00']), ['open', 'closed', 'open']);
});

test('date exceptions, also across the year end', () => {
  const spec = 'Mo-Su 10:00-18:00; Dec 24-Jan 02 off';
  assert.deepEqual(
    states(spec, ['2026-12-23T12:00:00+01:00', '2026-12-24T12:00:00+01:00', '2026-12-28T12:00:00+01:00', '2027-01-02T12:00:00+01:00', '2027-01-03T12:00:00+01:00']),
    ['open', 'closed', 'closed', 'closed', 'open'],
  );
  assert.deepEqual(states('Mo-Su 10:00-18:00; 2026 Dec 24-2026 Dec 31 off', ['2026-12-28T12:00:00+01:00', '2027-12-28T12:00:00+01:00']), ['closed', 'open']);
  assert.deepEqual(states('Mo-Su 10:00-18:00; 2026 Dec 24-2027 Jan 02 off', ['2027-01-02T12:00:00+01:00', '2028-01-02T12:00:00+01:00']), ['closed', 'open']);
  assert.deepEqual(states('Mo-Su 10:00-18:00; Dec 24-26 off', ['2026-12-26T12:00:00+01:00', '2026-12-27T12:00:00+01:00']), ['closed', 'open']);
  assert.deepEqual(states('Mo-Su 10:00-18:00; Dec 24 10:00-12:00', ['2026-12-24T11:00:00+01:00', '2026-12-24T13:00:00+01:00']), ['open', 'closed']);
  // "until" names the end of the closure.
  const s = new Schedule(spec);
  assert.equal(iso(s.stateAt(at('2026-12-28T12:00:00+01:00')).until), '2027-01-03T09:00:00.000Z');
  assert.equal(iso(s.stateAt(at('2026-12-28T12:00:00+01:00')).since), '2026-12-23T17:00:00.000Z');
});

test('a later rule overrides earlier ones for the days it names', () => {
  assert.deepEqual(states('Mo-Fr 10:00-18:00; We 14:00-16:00', ['2026-03-04T11:00:00+01:00', '2026-03-04T15:00:00+01:00', '2026-03-05T11:00:00+01:00']), ['closed', 'open', 'open']);
  // "off" with times closes only those times.
  assert.deepEqual(states('Mo-Fr 08:00-18:00; We 12:00-13:00 off', ['2026-03-04T11:00:00+01:00', '2026-03-04T12:30:00+01:00', '2026-03-04T13:30:00+01:00']), ['open', 'closed', 'open']);
  // A normal rule for Saturday clears the spill-over from Friday night; an additional rule does not.
  assert.deepEqual(states('Fr 22:00-02:00; Sa 10:00-12:00', ['2026-03-07T01:00:00+01:00', '2026-03-07T11:00:00+01:00']), ['closed', 'open']);
  assert.deepEqual(states('Fr 22:00-02:00, Sa 10:00-12:00', ['2026-03-07T01:00:00+01:00', '2026-03-07T11:00:00+01:00']), ['open', 'open']);
  // "We off" does not touch the night from Wednesday into Thursday (as opening_hours.js).
  assert.deepEqual(states('Mo-Fr 22:00-02:00; We off', ['2026-03-04T23:00:00+01:00', '2026-03-05T01:00:00+01:00']), ['closed', 'open']);
  // A rule without selectors after one with selectors adds (opening_hours.js).
  assert.deepEqual(states('Mo 10:00-12:00; 14:00-16:00', ['2026-03-02T11:00:00+01:00', '2026-03-03T11:00:00+01:00', '2026-03-03T15:00:00+01:00']), ['open', 'closed', 'open']);
  assert.deepEqual(states('10:00-12:00; 14:00-16:00', ['2026-03-02T11:00:00+01:00', '2026-03-02T15:00:00+01:00']), ['closed', 'open']);
  // A date rule without times replaces the day.
  assert.deepEqual(states('Mo-Fr 10:00-18:00; Dec 24 "nur telefonisch"', ['2026-12-24T12:00:00+01:00', '2026-12-24T20:00:00+01:00']), ['unknown "nur telefonisch"', 'unknown "nur telefonisch"']);
});

test('a fallback rule (||) fills what is still closed', () => {
  const spec = 'Mo-Fr 10:00-12:00 || "nach Vereinbarung"';
  assert.deepEqual(states(spec, ['2026-03-02T11:00:00+01:00', '2026-03-02T13:00:00+01:00', '2026-03-07T11:00:00+01:00']), ['open', 'unknown "nach Vereinbarung"', 'unknown "nach Vereinbarung"']);
  assert.deepEqual(states('Mo-Fr 10:00-12:00; PH off || "nach Vereinbarung"', ['2026-05-01T11:00:00+02:00', '2026-05-04T11:00:00+02:00'], BE), ['unknown "nach Vereinbarung"', 'open']);
  assert.deepEqual(states('Mo 10:00-12:00 || Mo 08:00-14:00 open "Telefon"', ['2026-03-02T09:00:00+01:00', '2026-03-02T11:00:00+01:00']), ['open "Telefon"', 'open']);
  // A "," rule after "||" is part of the fallback (opening_hours.js agrees).
  assert.deepEqual(
    states('Mo 10:00-12:00 || Mo 08:00-14:00 open "Telefon", Mo 11:00-13:00 unknown "x"', ['2026-03-02T11:30:00+01:00', '2026-03-02T12:30:00+01:00', '2026-03-02T13:30:00+01:00']),
    ['open', 'open "Telefon"', 'open "Telefon"'],
  );
});

test('comments, unknown and 24/7', () => {
  assert.deepEqual(states('Mo 10:00-12:00 "nach Vereinbarung"', ['2026-03-02T11:00:00+01:00', '2026-03-02T13:00:00+01:00']), ['unknown "nach Vereinbarung"', 'closed']);
  assert.deepEqual(states('Mo 10:00-12:00 open "nur Frauen"', ['2026-03-02T11:00:00+01:00']), ['open "nur Frauen"']);
  assert.deepEqual(states('Mo-Su 10:00-18:00; Dec 24 off "Weihnachten"', ['2026-12-24T11:00:00+01:00']), ['closed "Weihnachten"']);
  assert.deepEqual(states('"nach Vereinbarung"', ['2026-03-02T11:00:00+01:00']), ['unknown "nach Vereinbarung"']);
  assert.deepEqual(states('Mo-Fr unknown "Telefon"', ['2026-03-02T11:00:00+01:00', '2026-03-07T11:00:00+01:00']), ['unknown "Telefon"', 'closed']);
  const s = new Schedule('24/7'), state = s.stateAt(at('2026-03-02T11:00:00+01:00'));
  assert.deepEqual([state.status, state.since, state.until], ['open', undefined, undefined]);
  assert.equal(s.nextChange(at('2026-03-02T11:00:00+01:00')), undefined);
  assert.equal(s.nextOpening(at('2026-03-02T11:00:00+01:00')), undefined);
  assert.equal(iso(new Schedule('24/7; Dec 25 off').stateAt(at('2026-12-20T11:00:00+01:00')).until), '2026-12-24T23:00:00.000Z');
});

test('since, until, nextChange and nextOpening', () => {
  const s = new Schedule('Mo-Fr 10:00-18:00');
  const friday = s.stateAt(at('2026-03-06T19:00:00+01:00'));
  assert.deepEqual([friday.status, iso(friday.since), iso(friday.until)], ['closed', '2026-03-06T17:00:00.000Z', '2026-03-09T09:00:00.000Z']);
  assert.equal(iso(s.nextOpening(at('2026-03-06T19:00:00+01:00'))), '2026-03-09T09:00:00.000Z');
  // While open, the next opening is the one after closing.
  assert.equal(iso(s.nextOpening(at('2026-03-06T12:00:00+01:00'))), '2026-03-09T09:00:00.000Z');
  assert.equal(iso(s.nextChange(at('2026-03-06T12:00:00+01:00'))), '2026-03-06T17:00:00.000Z');
  // A change exactly at the instant: the new state holds, since is that instant.
  const opening = s.stateAt(at('2026-03-06T10:00:00+01:00'));
  assert.deepEqual([opening.status, iso(opening.since)], ['open', '2026-03-06T09:00:00.000Z']);
  // Horizon.
  assert.equal(s.nextChange(at('2026-03-06T19:00:00+01:00'), 1), undefined);
  assert.equal(iso(s.nextChange(at('2026-03-06T19:00:00+01:00'), 3)), '2026-03-09T09:00:00.000Z');
  // A comment change is a change; the same status and comment from two rules is not.
  const c = new Schedule('Mo 10:00-12:00 open "A", Mo 12:00-14:00 open "B"');
  assert.equal(iso(c.nextChange(at('2026-03-02T10:30:00+01:00'))), '2026-03-02T11:00:00.000Z');
  const d = new Schedule('Mo 10:00-12:00, Mo 12:00-14:00');
  assert.equal(iso(d.nextChange(at('2026-03-02T10:30:00+01:00'))), '2026-03-02T13:00:00.000Z');
  assert.equal(iso(d.stateAt(at('2026-03-02T13:30:00+01:00')).since), '2026-03-02T09:00:00.000Z');
  // More than 8 days back is not reported.
  assert.equal(new Schedule('Dec 24 10:00-12:00').stateAt(at('2026-06-01T12:00:00+02:00')).since, undefined);
});

test('intervals are merged, sorted and clipped', () => {
  assert.deepEqual(spans('Mo 10:00-12:00, Mo 12:00-14:00, Mo 16:00-17:00 "x"', '2026-03-02T11:00:00+01:00', '2026-03-02T16:30:00+01:00'), [
    '2026-03-02T10:00:00.000Z 2026-03-02T13:00:00.000Z open',
    '2026-03-02T15:00:00.000Z 2026-03-02T15:30:00.000Z unknown x',
  ]);
  assert.deepEqual(spans('Mo-Su 20:00-04:00', '2026-03-02T00:00:00+01:00', '2026-03-03T12:00:00+01:00'), [
    '2026-03-01T23:00:00.000Z 2026-03-02T03:00:00.000Z open',
    '2026-03-02T19:00:00.000Z 2026-03-03T03:00:00.000Z open',
  ]);
  assert.deepEqual(spans('Mo-Su 10:00-18:00', '2026-03-02T12:00:00+01:00', '2026-03-02T12:00:00+01:00'), []);
});

test('week: seven days from the zone day containing the instant, with holidays and clipped intervals', () => {
  const week = new Schedule('Mo-Fr 10:00-18:00; Fr 22:00-02:00; PH off', BE).week(at('2026-04-30T23:30:00+02:00'));
  assert.deepEqual(
    week.map((d) => [d.date, d.weekday, d.holiday?.name.en, d.intervals.length, (d.end - d.start) / 3600000]),
    [
      ['2026-04-30', 3, undefined, 1, 24],
      ['2026-05-01', 4, 'Labour Day', 0, 24],
      // Friday 1 May is closed (PH off), but its night still reaches into Saturday: "PH off" names
      // only the holiday, as in OSM.
      ['2026-05-02', 5, undefined, 1, 24],
      ['2026-05-03', 6, undefined, 0, 24],
      ['2026-05-04', 0, undefined, 1, 24],
      ['2026-05-05', 1, undefined, 1, 24],
      ['2026-05-06', 2, undefined, 1, 24],
    ],
  );
  assert.equal(iso(week[0]!.start), '2026-04-29T22:00:00.000Z');
  // Friday 8 May: its night reaches into Saturday, each day shows its own part.
  const next = new Schedule('Fr 22:00-02:00').week(at('2026-05-08T12:00:00+02:00'));
  assert.deepEqual(next.slice(0, 2).map((d) => d.intervals.map((i) => `${iso(i.start)} ${iso(i.end)}`)), [['2026-05-08T20:00:00.000Z 2026-05-08T22:00:00.000Z'], ['2026-05-08T22:00:00.000Z 2026-05-09T00:00:00.000Z']]);
});

test('options: zone, region and subregion are checked', () => {
  assert.throws(() => new Schedule('24/7', { timeZone: 'Europe/Nowhere' }), RangeError);
  assert.throws(() => new Schedule('24/7', { timeZone: 'constructor' }), RangeError);
  assert.throws(() => new Schedule('24/7', { region: 'BE' }), RangeError);
  assert.throws(() => new Schedule('24/7', { region: 'DE-XX' }), RangeError);
  assert.throws(() => new Schedule('24/7', { subregion: 'DE-BY-AUGSBURG' }), RangeError);
  assert.throws(() => new Schedule('24/7', { region: 'DE-BE', subregion: 'DE-BY-AUGSBURG' }), RangeError);
  assert.throws(() => new Schedule('Mo 25:00-26:00'), OpeningHoursError);
  assert.equal(new Schedule('24/7').timeZone, 'Europe/Berlin');
});

test('a parsed spec can be passed instead of text', () => {
  const s = new Schedule(parseOpeningHours('Mo 10:00-12:00'));
  assert.equal(s.stateAt(at('2026-03-02T11:00:00+01:00')).status, 'open');
});

test('PH outside 1995-2100 never matches and does not throw', () => {
  assert.deepEqual(states('24/7; PH off', ['2101-01-01T12:00:00+01:00', '1990-10-03T12:00:00+01:00'], BE), ['open', 'open']);
});

test('methods work detached from the instance', () => {
  const { stateAt } = new Schedule('Mo 10:00-12:00');
  assert.equal(stateAt(at('2026-03-02T11:00:00+01:00')).status, 'open');
});
