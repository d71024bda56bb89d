// schema.org OpeningHoursSpecification, read and written, compared by what the hours mean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Schedule, parseOpeningHours } from '../../src/engine/index.js';
import { fromOpeningHoursSpecification as from, toOpeningHoursSpecification as to } from '../../src/engine/schema-org.js';

/** Open/unknown intervals of a spec over five weeks around the end of 2026, in Berlin. */
const meaning = (spec: string, region?: string) =>
  new Schedule(spec, region ? { region } : {}).intervals(Date.parse('2026-12-07T00:00:00+01:00'), Date.parse('2027-01-11T00:00:00+01:00')).map((i) => [i.start, i.end, i.status]);

const reading: [string, unknown, string][] = [
  ['days as names and URLs, several ranges a day', [
    { '@type': 'OpeningHoursSpecification', dayOfWeek: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'], opens: '10:00', closes: '18:00' },
    { '@type': 'https://schema.org/OpeningHoursSpecification', dayOfWeek: 'https://schema.org/Monday', opens: '19:00:00', closes: '21:00:00' },
  ], 'Mo 10:00-18:00,19:00-21:00, Tu-Fr 10:00-18:00'],
  ['past midnight, closed days, public holidays', [
    { dayOfWeek: ['Saturday'], opens: '22:00', closes: '02:00' },
    { dayOfWeek: 'Sunday', opens: '00:00', closes: '00:00' },
    { dayOfWeek: 'http://schema.org/PublicHolidays', opens: '10:00', closes: '12:00' },
  ], 'Sa 22:00-02:00, Su off; PH 10:00-12:00'],
  ['a single object without dayOfWeek is every day; 23:59 is midnight', { opens: '00:00', closes: '23:59' }, '00:00-24:00'],
  ['closes 00:00 and 23:59:59 are midnight', [{ dayOfWeek: 'Friday', opens: '18:00', closes: '00:00' }, { dayOfWeek: 'Saturday', opens: '18:00', closes: '23:59:59' }], 'Fr,Sa 18:00-24:00'],
  ['day lists become ranges where they run', { dayOfWeek: ['Sunday', 'Monday', 'Wednesday', 'Friday', 'Saturday'], opens: '09:00', closes: '12:00' }, 'Mo,We,Fr-Su 09:00-12:00'],
  ['special hours: closed on a date, other hours in a date range', [
    { dayOfWeek: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'], opens: '10:00', closes: '18:00' },
    { validFrom: '2026-12-24', validThrough: '2026-12-24', opens: '00:00', closes: '00:00' },
    { validFrom: '2026-12-28', validThrough: '2027-01-02', dayOfWeek: ['Monday', 'Tuesday'], opens: '10:00', closes: '12:00' },
    { validFrom: '2026-12-31', validThrough: '2026-12-31', opens: '10:00', closes: '12:00' },
    { validFrom: '2026-12-31', validThrough: '2026-12-31', opens: '13:00', closes: '14:00' },
  ], 'Mo-Fr 10:00-18:00; 2026 Dec 24 off; 2026 Dec 28-2027 Jan 02 Mo,Tu 10:00-12:00; 2026 Dec 31 10:00-12:00,13:00-14:00'],
];

for (const [name, json, osm] of reading)
  test(`reads schema.org: ${name}`, () => {
    assert.equal(from(json), osm);
    parseOpeningHours(osm);
  });

test('reads special hours so that they replace the regular ones on their dates', () => {
  const s = new Schedule(from(reading[5]![1]));
  const at = (iso: string) => s.stateAt(Date.parse(iso)).status;
  assert.deepEqual(
    [at('2026-12-23T15:00:00+01:00'), at('2026-12-24T11:00:00+01:00'), at('2026-12-29T11:00:00+01:00'), at('2026-12-29T15:00:00+01:00'), at('2026-12-30T15:00:00+01:00'), at('2026-12-31T15:00:00+01:00'), at('2026-12-31T13:30:00+01:00')],
    ['open', 'closed', 'open', 'closed', 'open', 'closed', 'open'],
  );
});

const malformed: [unknown, string][] = [
  [[], 'OpeningHoursSpecification: expected at least one object, found []'],
  ['x', 'OpeningHoursSpecification: expected an object, found "x"'],
  [[null], 'OpeningHoursSpecification[0]: expected an object, found null'],
  [{}, 'OpeningHoursSpecification.opens: expected a time "HH:MM", found undefined'],
  [[{ opens: '10:00' }], 'OpeningHoursSpecification[0].closes: expected a time "HH:MM", found undefined'],
  [[{ opens: '10:00', closes: '25:00' }], 'OpeningHoursSpecification[0].closes: expected a time "HH:MM", found "25:00"'],
  [[{ opens: '10:00:30', closes: '12:00' }], 'OpeningHoursSpecification[0].opens: expected a time "HH:MM", found "10:00:30"'],
  [[{ opens: 10, closes: '12:00' }], 'OpeningHoursSpecification[0].opens: expected a time "HH:MM", found 10'],
  [[{ opens: '10:00', closes: '10:00' }], 'OpeningHoursSpecification[0].closes: expected a time other than opens, found "10:00"'],
  [[{ opens: '10:00', closes: '12:00' }, { opens: '10:00', closes: '12:00', dayOfWeek: ['Monday', 'Montag'] }], 'OpeningHoursSpecification[1].dayOfWeek[1]: expected a day such as "Monday", found "Montag"'],
  [{ opens: '10:00', closes: '12:00', dayOfWeek: 3 }, 'OpeningHoursSpecification.dayOfWeek: expected a day such as "Monday", found 3'],
  [[{ opens: '10:00', closes: '12:00', dayOfWeek: [] }], 'OpeningHoursSpecification[0].dayOfWeek: expected a day such as "Monday", found []'],
  [[{ '@type': 'Place', opens: '10:00', closes: '12:00' }], 'OpeningHoursSpecification[0].@type: expected "OpeningHoursSpecification", found "Place"'],
  [[{ opens: '10:00', closes: '12:00', validFrom: '2026-02-30', validThrough: '2026-03-01' }], 'OpeningHoursSpecification[0].validFrom: expected a date "YYYY-MM-DD", found "2026-02-30"'],
  [[{ opens: '10:00', closes: '12:00', validFrom: '2026-02-03' }], 'OpeningHoursSpecification[0].validThrough: expected a date "YYYY-MM-DD", found undefined'],
  [[{ opens: '10:00', closes: '12:00', validThrough: '2026-02-03T10:00:00Z', validFrom: '2026-02-03' }], 'OpeningHoursSpecification[0].validThrough: expected a date "YYYY-MM-DD", found "2026-02-03T10:00:00Z"'],
  [[{ opens: '10:00', closes: '12:00', validFrom: '2026-02-03', validThrough: '2026-02-01' }], 'OpeningHoursSpecification[0].validThrough: expected a date from validFrom on, found "2026-02-01"'],
];

for (const [json, message] of malformed)
  test(`rejects malformed schema.org: ${message.replace(/:.*/, '')}`, () => {
    assert.throws(() => from(json), { name: 'TypeError', message });
  });

test('writes the regular week, evaluated, with ranges past midnight as one object', () => {
  const { specification, unsupported } = to('Mo-Fr 10:00-18:00; We 12:00-13:00 off; Sa 22:00-02:00');
  assert.deepEqual(specification, [
    { '@type': 'OpeningHoursSpecification', dayOfWeek: ['Monday', 'Tuesday', 'Thursday', 'Friday'], opens: '10:00', closes: '18:00' },
    { '@type': 'OpeningHoursSpecification', dayOfWeek: ['Wednesday'], opens: '10:00', closes: '12:00' },
    { '@type': 'OpeningHoursSpecification', dayOfWeek: ['Wednesday'], opens: '13:00', closes: '18:00' },
    { '@type': 'OpeningHoursSpecification', dayOfWeek: ['Saturday'], opens: '22:00', closes: '02:00' },
  ]);
  assert.deepEqual(unsupported, []);
  assert.deepEqual(to('24/7').specification, [{ '@type': 'OpeningHoursSpecification', dayOfWeek: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'], opens: '00:00', closes: '23:59' }]);
  assert.deepEqual(to('Su 22:00-02:00').specification, [{ '@type': 'OpeningHoursSpecification', dayOfWeek: ['Sunday'], opens: '22:00', closes: '02:00' }]);
});

test('writes year-dated rules as special hours and lists what schema.org cannot say', () => {
  const { specification, unsupported } = to(parseOpeningHours('Mo-Fr 10:00-18:00; 2026 Dec 24-2026 Dec 26 off; 2026 Dec 31 10:00-12:00; PH off; Th[1] 18:00-20:00; Dec 24 off; Jun-Aug Sa 10:00-12:00; Mo 10:00-12:00 open "nur Frauen" || "nach Vereinbarung"'));
  assert.deepEqual(specification.slice(-2), [
    { '@type': 'OpeningHoursSpecification', opens: '00:00', closes: '00:00', validFrom: '2026-12-24', validThrough: '2026-12-26' },
    { '@type': 'OpeningHoursSpecification', opens: '10:00', closes: '12:00', validFrom: '2026-12-31', validThrough: '2026-12-31' },
  ]);
  assert.deepEqual(unsupported, ['PH off', 'Th[1] 18:00-20:00', 'Dec 24 off', 'Jun-Aug Sa 10:00-12:00', 'Mo 10:00-12:00 open "nur Frauen"', '"nach Vereinbarung"']);
  // The comment is dropped, the hours stay.
  assert.deepEqual(specification.find((s) => s.dayOfWeek?.[0] === 'Monday'), { '@type': 'OpeningHoursSpecification', dayOfWeek: ['Monday'], opens: '10:00', closes: '12:00' });
});

const roundTrips = [
  'Mo-Fr 10:00-18:00',
  'Mo-Fr 10:00-18:00; We 12:00-13:00 off',
  'Mo,We 09:00-12:00,14:00-16:00; Fr 18:00-02:00',
  'Mo-Su 20:00-04:00',
  'Tu-Sa 18:00-24:00; Su 00:00-03:00',
  '24/7',
  'Mo-Fr 10:00-18:00; 2026 Dec 24-2027 Jan 01 off',
  'Mo-Fr 10:00-18:00; 2026 Dec 28-2026 Dec 30 10:00-12:00; 2026 Dec 31 off',
  'Mo-Fr 10:00-18:00; 2026 Dec 21-2026 Dec 31 Mo,We 08:00-09:00',
];

for (const spec of roundTrips)
  test(`round trip OSM → schema.org → OSM keeps the meaning: ${spec}`, () => {
    const { specification, unsupported } = to(spec);
    assert.deepEqual(unsupported, []);
    assert.deepEqual(meaning(from(JSON.parse(JSON.stringify(specification)))), meaning(spec));
  });

test('round trip schema.org → OSM → schema.org keeps the objects', () => {
  const json = [
    { '@type': 'OpeningHoursSpecification', dayOfWeek: ['Monday', 'Tuesday', 'Thursday', 'Friday'], opens: '10:00', closes: '18:00' },
    { '@type': 'OpeningHoursSpecification', dayOfWeek: ['Wednesday'], opens: '14:00', closes: '20:00' },
    { '@type': 'OpeningHoursSpecification', dayOfWeek: ['Saturday'], opens: '22:00', closes: '03:00' },
    { '@type': 'OpeningHoursSpecification', opens: '00:00', closes: '00:00', validFrom: '2026-12-24', validThrough: '2026-12-26' },
  ];
  assert.deepEqual(to(from(json)).specification, json);
});
