// Both DST Sundays of 2026 in Europe/Berlin (29 March: 02:00-03:00 does not exist; 25 October:
// 02:00-03:00 happens twice), a centre in New York, and Tokyo (no DST) for contrast.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Schedule } from '../../src/engine/index.js';

const at = (iso: string) => Date.parse(iso);
const iso = (t: number | undefined) => (t === undefined ? undefined : new Date(t).toISOString());
const HOUR = 3600000;
/** Real length in hours of each open interval on a day (given as its UTC bounds). */
const lengths = (spec: string, from: string, to: string, timeZone = 'Europe/Berlin') => new Schedule(spec, { timeZone }).intervals(at(from), at(to)).map((i) => (i.end - i.start) / HOUR);

test('29 March 2026, Berlin: a range over the missing hour is one hour shorter', () => {
  assert.deepEqual(lengths('Su 01:00-04:00', '2026-03-28T12:00Z', '2026-03-30T12:00Z'), [2]);
  assert.deepEqual(lengths('Su 00:00-24:00', '2026-03-28T12:00Z', '2026-03-30T12:00Z'), [23]);
  assert.deepEqual(lengths('Sa 22:00-03:00', '2026-03-28T12:00Z', '2026-03-30T12:00Z'), [4]);
});

test('29 March 2026, Berlin: a boundary in the missing hour moves to 03:00; a range inside it is empty', () => {
  const s = new Schedule('Su 02:30-04:00');
  assert.deepEqual(s.intervals(at('2026-03-29T00:00+01:00'), at('2026-03-30T00:00+02:00')).map((i) => [iso(i.start), iso(i.end)]), [['2026-03-29T01:00:00.000Z', '2026-03-29T02:00:00.000Z']]);
  assert.deepEqual(lengths('Su 02:00-02:30', '2026-03-28T12:00Z', '2026-03-30T12:00Z'), []);
  assert.equal(new Schedule('Su 02:00-02:30').stateAt(at('2026-03-29T03:00+02:00')).status, 'closed');
});

test('29 March 2026, Berlin: stateAt at 01:59:59 and 03:00, and nextChange across the gap', () => {
  const s = new Schedule('Su 00:00-02:30');
  assert.equal(s.stateAt(at('2026-03-29T01:59:59+01:00')).status, 'open');
  assert.equal(s.stateAt(at('2026-03-29T03:00:00+02:00')).status, 'closed');
  assert.equal(iso(s.stateAt(at('2026-03-29T01:30:00+01:00')).until), '2026-03-29T01:00:00.000Z');
  const t = new Schedule('Su 01:00-04:00');
  assert.equal(t.stateAt(at('2026-03-29T01:59:59+01:00')).status, 'open');
  assert.equal(t.stateAt(at('2026-03-29T03:00:00+02:00')).status, 'open');
  assert.equal(iso(t.nextChange(at('2026-03-29T01:59:59+01:00'))), '2026-03-29T02:00:00.000Z');
  // Office hours across the weekend of the change: Monday 10:00 is already summer time.
  const office = new Schedule('Mo-Fr 10:00-18:00');
  assert.equal(iso(office.nextChange(at('2026-03-27T18:30:00+01:00'))), '2026-03-30T08:00:00.000Z');
  assert.equal(iso(office.stateAt(at('2026-03-30T09:00:00+02:00')).since), '2026-03-27T17:00:00.000Z');
});

test('25 October 2026, Berlin: a range over the doubled hour is one hour longer', () => {
  assert.deepEqual(lengths('Su 00:00-06:00', '2026-10-24T12:00Z', '2026-10-26T12:00Z'), [7]);
  assert.deepEqual(lengths('Su 00:00-24:00', '2026-10-24T12:00Z', '2026-10-26T12:00Z'), [25]);
  assert.deepEqual(lengths('Sa 22:00-03:00', '2026-10-24T12:00Z', '2026-10-26T12:00Z'), [6]);
});

test('25 October 2026, Berlin: a boundary in the doubled hour takes its first occurrence', () => {
  const ends = new Schedule('Su 00:00-02:30'), starts = new Schedule('Su 02:30-06:00');
  assert.deepEqual(ends.intervals(at('2026-10-24T12:00Z'), at('2026-10-26T12:00Z')).map((i) => [iso(i.start), iso(i.end)]), [['2026-10-24T22:00:00.000Z', '2026-10-25T00:30:00.000Z']]);
  assert.deepEqual(starts.intervals(at('2026-10-24T12:00Z'), at('2026-10-26T12:00Z')).map((i) => [iso(i.start), iso(i.end)]), [['2026-10-25T00:30:00.000Z', '2026-10-25T05:00:00.000Z']]);
  // 02:15 the second time (CET): the first 02:30 has passed.
  assert.equal(ends.stateAt(at('2026-10-25T02:15:00+01:00')).status, 'closed');
  assert.equal(starts.stateAt(at('2026-10-25T02:15:00+01:00')).status, 'open');
  // 02:15 the first time (CEST).
  assert.equal(ends.stateAt(at('2026-10-25T02:15:00+02:00')).status, 'open');
  assert.equal(starts.stateAt(at('2026-10-25T02:15:00+02:00')).status, 'closed');
  assert.equal(iso(ends.stateAt(at('2026-10-25T01:59:59+02:00')).until), '2026-10-25T00:30:00.000Z');
  assert.equal(iso(starts.stateAt(at('2026-10-25T03:00:00+01:00')).since), '2026-10-25T00:30:00.000Z');
});

test('week() across both changes has a 23-hour and a 25-hour Sunday', () => {
  const s = new Schedule('Mo-Su 10:00-12:00');
  assert.deepEqual(s.week(at('2026-03-26T12:00+01:00')).map((d) => (d.end - d.start) / HOUR), [24, 24, 24, 23, 24, 24, 24]);
  assert.deepEqual(s.week(at('2026-10-22T12:00+02:00')).map((d) => (d.end - d.start) / HOUR), [24, 24, 24, 25, 24, 24, 24]);
  assert.deepEqual(s.week(at('2026-10-22T12:00+02:00')).map((d) => iso(d.intervals[0]!.start)), [
    '2026-10-22T08:00:00.000Z',
    '2026-10-23T08:00:00.000Z',
    '2026-10-24T08:00:00.000Z',
    '2026-10-25T09:00:00.000Z',
    '2026-10-26T09:00:00.000Z',
    '2026-10-27T09:00:00.000Z',
    '2026-10-28T09:00:00.000Z',
  ]);
});

test('Asia/Tokyo has no DST: the same Sunday ranges keep their length', () => {
  assert.deepEqual(lengths('Su 01:00-04:00', '2026-03-28T00:00Z', '2026-03-30T00:00Z', 'Asia/Tokyo'), [3]);
  assert.deepEqual(lengths('Su 00:00-06:00', '2026-10-24T00:00Z', '2026-10-26T00:00Z', 'Asia/Tokyo'), [6]);
  const s = new Schedule('Mo-Fr 10:00-18:00', { timeZone: 'Asia/Tokyo' });
  assert.equal(s.stateAt(at('2026-03-30T10:30:00+09:00')).status, 'open');
  assert.equal(s.stateAt(at('2026-03-30T12:30:00+02:00')).status, 'closed');
});

test('a centre in America/New_York: its own changes (8 March and 1 November 2026)', () => {
  const tz = 'America/New_York';
  assert.deepEqual(lengths('Su 01:00-04:00', '2026-03-07T12:00Z', '2026-03-09T12:00Z', tz), [2]);
  assert.deepEqual(lengths('Su 00:00-06:00', '2026-10-31T12:00Z', '2026-11-02T12:00Z', tz), [7]);
  const office = new Schedule('Mo-Fr 09:00-17:00', { timeZone: tz });
  assert.equal(iso(office.nextChange(at('2026-03-06T18:00:00-05:00'))), '2026-03-09T13:00:00.000Z');
  assert.equal(office.stateAt(at('2026-03-09T09:30:00-04:00')).status, 'open');
  // 29 March is an ordinary Sunday there.
  assert.deepEqual(lengths('Su 01:00-04:00', '2026-03-28T12:00Z', '2026-03-30T12:00Z', tz), [3]);
  // The same instant, another zone: Berlin is open, New York not yet.
  const t = at('2026-06-01T10:30:00+02:00');
  assert.deepEqual([new Schedule('Mo-Fr 09:00-17:00').stateAt(t).status, office.stateAt(t).status], ['open', 'closed']);
});

// Zones with other kinds of change: at midnight (Beirut, Santiago, Havana), by half an hour (Lord
// Howe), at :45 offsets (Chatham). Whatever the zone, stateAt must agree with intervals() and with its
// own since/until, minute by minute around each change.
test('stateAt, intervals, since and until agree with each other around every change of unusual zones', () => {
  const offsetAt = (zone: string, t: number) => {
    const [, d, h, m] = /(\d+) (\d\d):(\d\d)/.exec(new Intl.DateTimeFormat('sv-SE', { timeZone: zone, day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(t))!.map(Number);
    return ((d! - new Date(t).getUTCDate() + 40) % 40 > 20 ? -1 : (d! - new Date(t).getUTCDate() + 40) % 40) * 1440 + h! * 60 + m! - (new Date(t).getUTCHours() * 60 + new Date(t).getUTCMinutes());
  };
  const spec = 'Mo-Su 00:00-00:30,01:30-02:15,23:00-24:00; Sa 22:00-03:00';
  let checked = 0;
  for (const zone of ['Asia/Beirut', 'America/Santiago', 'America/Havana', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Europe/Berlin']) {
    const s = new Schedule(spec, { timeZone: zone });
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 864e5) {
      if (offsetAt(zone, t) === offsetAt(zone, t + 864e5)) continue;
      const from = t - 864e5, to = t + 3 * 864e5, list = s.intervals(from, to);
      for (let u = from + 3600e3; u < to - 3600e3; u += 60000) {
        const inside = list.some((i) => i.start <= u && u < i.end), state = s.stateAt(u);
        assert.equal(state.status !== 'closed', inside, `${zone} ${new Date(u).toISOString()}`);
        if (state.until !== undefined) assert.ok(state.until > u && (s.stateAt(state.until).status !== 'closed') !== inside, `${zone} until at ${new Date(u).toISOString()}`);
        if (state.since !== undefined) assert.ok(state.since <= u && (s.stateAt(state.since - 1).status !== 'closed') !== inside, `${zone} since at ${new Date(u).toISOString()}`);
        checked++;
      }
    }
  }
  assert.ok(checked > 40000, `only ${checked} minutes checked`);
});
