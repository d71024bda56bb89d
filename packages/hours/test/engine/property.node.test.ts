// Random specs in the subset and random instants (2020-2035, many near DST changes and on public
// holidays): the engine must agree with the naive minute-by-minute reference in reference.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { getHolidays } from 'feiertagejs';
import { Schedule } from '../../src/engine/index.js';
import { endsOpenForComma, print, startsWithTime, referenceNextChange, referenceSince, referenceState, type GenRule, type GenWide, type GenDay } from './reference.js';

// Times: quarter hours (so ranges meet and overlap), any minute, and minutes around the hours DST
// changes touch (01:00-03:00 wall time in Berlin and New York).
const minute = fc.oneof(
  fc.integer({ min: 0, max: 95 }).map((q) => q * 15),
  fc.integer({ min: 0, max: 1439 }),
  fc.integer({ min: 45, max: 195 }),
);
const range = fc.tuple(minute, fc.oneof(minute, fc.constant(1440))).filter(([s, e]) => s !== e) as fc.Arbitrary<[number, number]>;
const month = fc.integer({ min: 1, max: 12 });
const validDay = (m: number, d: number) => Math.min(d, new Date(Date.UTC(2000, m, 0)).getUTCDate());

const wide: fc.Arbitrary<GenWide> = fc.oneof(
  fc.record({ m: month, m2: fc.option(month, { nil: undefined }) }).map(({ m, m2 }) => (m2 ? { m, m2 } : { m })),
  fc
    .record({
      y: fc.option(fc.integer({ min: 2019, max: 2036 }), { nil: undefined, freq: 2 }),
      m: month,
      d: fc.integer({ min: 1, max: 31 }),
      kind: fc.integer({ min: 0, max: 3 }),
      y2: fc.integer({ min: 0, max: 1 }),
      m2: month,
      d2: fc.integer({ min: 1, max: 31 }),
    })
    .map(({ y, m, d, kind, y2, m2, d2 }): GenWide => {
      d = validDay(m, d);
      d2 = validDay(m2, d2);
      const w: GenWide = y ? { y, m, d } : { m, d };
      if (kind === 1) w.end = { d: Math.max(d, validDay(m, d2)) };
      // With a year, an end in the next year must name it.
      else if (kind === 2) w.end = y && m2 * 100 + d2 < m * 100 + d ? { y: y + 1, m: m2, d: d2 } : { m: m2, d: d2 };
      else if (kind === 3 && y) w.end = { y: y + (y2 || (m2 * 100 + d2 < m * 100 + d ? 1 : 0)), m: m2, d: d2 };
      return w;
    }),
);
const weekday = fc.integer({ min: 0, max: 6 });
const day: fc.Arbitrary<GenDay> = fc.oneof(
  weekday.map((from) => ({ from })),
  fc.record({ from: weekday, to: weekday }),
  fc.record({ from: weekday, nth: fc.uniqueArray(fc.constantFrom(1, 2, 3, 4, 5, -1, -2), { minLength: 1, maxLength: 2 }) }),
);
// `bare` makes rules without selectors likelier (their precedence has its own rule).
const rule = (bare: boolean): fc.Arbitrary<GenRule> => fc
  .record({
    join: fc.constantFrom<GenRule['join']>(';', ';', ',', '||'),
    always: fc.integer({ min: 0, max: 9 }).map((x) => x === 0),
    wide: fc.option(fc.array(wide, { minLength: 1, maxLength: 2 }), { nil: undefined, freq: bare ? 1 : 2 }),
    days: fc.option(fc.array(day, { minLength: 1, maxLength: 3 }), { nil: undefined, freq: bare ? 1 : 3 }),
    ph: fc.integer({ min: 0, max: 4 }).map((x) => x === 0),
    times: fc.option(fc.array(range, { minLength: 1, maxLength: 3 }), { nil: undefined, freq: 4 }),
    modifier: fc.option(fc.constantFrom<NonNullable<GenRule['modifier']>>('open', 'off', 'closed', 'unknown'), { nil: undefined, freq: 2 }),
    comment: fc.option(fc.constantFrom('a', 'nach Vereinbarung'), { nil: undefined, freq: 4 }),
  })
  .map((r) => {
    const g: GenRule = { join: r.join };
    if (r.always) g.always = true;
    else {
      if (r.wide) g.wide = r.wide;
      if (r.days) g.days = r.days;
      if (r.ph) g.ph = true;
      if (r.times) g.times = r.times;
    }
    if (r.modifier) g.modifier = r.modifier;
    if (r.comment !== undefined) g.comment = r.comment;
    if (!g.always && !g.wide && !g.days && !g.ph && !g.times && !g.modifier && g.comment === undefined) g.times = [[600, 720]];
    return g;
  });
const spec = fc.boolean().chain((bare) => fc.array(rule(bare), { minLength: 1, maxLength: 4 })).map((rules) =>
  // "," is an additional-rule separator only after times, a modifier or a comment, and a "," before
  // a time continues the time list: such joins become ";".
  rules.map((r, i) => ({ ...r, join: i === 0 || (r.join === ',' && (!endsOpenForComma(rules[i - 1]!) || startsWithTime(r))) ? ';' : r.join })),
);

const REGIONS = [undefined, 'BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH', 'AUGSBURG'];
const place = fc.record({ zone: fc.constantFrom('Europe/Berlin', 'Europe/Berlin', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo'), region: fc.constantFrom(...REGIONS) });

const lastSunday = (y: number, m: number) => {
  const last = new Date(Date.UTC(y, m, 0));
  return last.getUTCDate() - last.getUTCDay();
};
/** UTC instants of the zone's DST changes in a year (none for Tokyo). */
const transitions = (zone: string, y: number) =>
  zone === 'Europe/Berlin'
    ? [Date.UTC(y, 2, lastSunday(y, 3), 1), Date.UTC(y, 9, lastSunday(y, 10), 1)]
    : zone === 'America/New_York'
      ? [Date.UTC(y, 2, 14 - new Date(Date.UTC(y, 2, 1)).getUTCDay(), 7), Date.UTC(y, 10, 7 - new Date(Date.UTC(y, 10, 1)).getUTCDay(), 6)]
      : [];

const instant = (zone: string, region: string | undefined) =>
  fc.oneof(
    fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 11, 31) }),
    fc.record({ y: fc.integer({ min: 2020, max: 2035 }), which: fc.integer({ min: 0, max: 1 }), offset: fc.integer({ min: -8 * 3600, max: 8 * 3600 }) }).map(({ y, which, offset }) => {
      const t = transitions(zone, y)[which];
      return t === undefined ? Date.UTC(y, 5, 1) + offset * 1000 : t + offset * 1000;
    }),
    fc.record({ y: fc.integer({ min: 2020, max: 2035 }), k: fc.nat(), offset: fc.integer({ min: -20 * 3600, max: 44 * 3600 }) }).map(({ y, k, offset }) => {
      const list = getHolidays(y, (region ?? 'BE') as never);
      // feiertagejs dates are noon UTC of the holiday.
      return list[k % list.length]!.date.getTime() - 12 * 3600000 + offset * 1000;
    }),
  );

const schedule = (rules: GenRule[], zone: string, region: string | undefined) => {
  const text = print(rules);
  try {
    return new Schedule(text, { timeZone: zone, region: region === 'AUGSBURG' ? 'DE-BY' : region && 'DE-' + region, subregion: region === 'AUGSBURG' ? 'DE-BY-AUGSBURG' : undefined });
  } catch (error) {
    throw new Error(`generated spec ${JSON.stringify(text)} did not parse: ${String(error)}`);
  }
};

test('stateAt agrees with the minute-by-minute reference (status and comment)', () => {
  fc.assert(
    fc.property(
      spec,
      place.chain(({ zone, region }) => fc.record({ zone: fc.constant(zone), region: fc.constant(region), instants: fc.array(instant(zone, region), { minLength: 1, maxLength: 5 }) })),
      (rules, { zone, region, instants }) => {
        const s = schedule(rules, zone, region);
        for (const t of instants) {
          const state = s.stateAt(t), expected = referenceState(rules, zone, t, region);
          assert.deepEqual({ status: state.status, comment: state.comment }, { status: expected.status, comment: expected.comment }, `${print(rules)} in ${zone} (${region}) at ${new Date(t).toISOString()}`);
        }
      },
    ),
    { numRuns: 400 },
  );
});

test('until, nextChange and since are the first minutes where the reference changes', () => {
  const ahead = 36 * 60, back = 12 * 60;
  fc.assert(
    fc.property(
      spec,
      place.chain(({ zone, region }) => fc.record({ zone: fc.constant(zone), region: fc.constant(region), t: instant(zone, region) })),
      (rules, { zone, region, t }) => {
        const s = schedule(rules, zone, region), state = s.stateAt(t), where = `${print(rules)} in ${zone} (${region}) at ${new Date(t).toISOString()}`;
        const next = referenceNextChange(rules, zone, t, ahead, region);
        if (next === undefined) assert.ok(state.until === undefined || state.until > t + ahead * 60000, where + ': until ' + state.until);
        else assert.equal(state.until, next, where + ': until');
        assert.equal(s.nextChange(t), state.until, where + ': nextChange');
        const since = referenceSince(rules, zone, t, back, region);
        if (since === undefined) assert.ok(state.since === undefined || state.since <= t - back * 60000, where + ': since ' + state.since);
        else assert.equal(state.since, since, where + ': since');
      },
    ),
    { numRuns: 120 },
  );
});

test('around DST changes (Berlin, New York), the engine agrees with the reference minute by minute', () => {
  fc.assert(
    fc.property(
      spec,
      fc.constantFrom('Europe/Berlin', 'America/New_York'),
      fc.integer({ min: 2020, max: 2035 }),
      fc.integer({ min: 0, max: 1 }),
      fc.array(fc.integer({ min: -3 * 3600, max: 3 * 3600 }), { minLength: 3, maxLength: 8 }),
      (rules, zone, y, which, offsets) => {
        const s = schedule(rules, zone, undefined);
        for (const offset of offsets) {
          const t = transitions(zone, y)[which]! + offset * 1000, state = s.stateAt(t), expected = referenceState(rules, zone, t);
          assert.deepEqual({ status: state.status, comment: state.comment }, { status: expected.status, comment: expected.comment }, `${print(rules)} in ${zone} at ${new Date(t).toISOString()}`);
        }
      },
    ),
    { numRuns: 300 },
  );
});
