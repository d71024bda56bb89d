// The parser accepts the documented OSM subset and rejects everything else with the position, the
// text found and what was expected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OpeningHoursError, parseOpeningHours, type Rule } from '../../src/engine/index.js';

const ALL = 2047; // every week of the month
const days = (...list: [number, number][]) => {
  const d = [0, 0, 0, 0, 0, 0, 0];
  for (const [i, v] of list) d[i] = v;
  return d;
};
const weekdays = (...list: number[]) => days(...list.map((i): [number, number] => [i, ALL]));

/** Valid inputs and the rules they must give (only the fields named are compared, plus text). */
const valid: [string, Partial<Rule>[]][] = [
  ['Mo-Fr 10:00-18:00', [{ join: ';', days: weekdays(0, 1, 2, 3, 4), times: [[600, 1080]], status: 'open', text: 'Mo-Fr 10:00-18:00' }]],
  ['Mo,We 9:00-12:30', [{ days: weekdays(0, 2), times: [[540, 750]] }]],
  ['Sa-Mo 10:00-12:00', [{ days: weekdays(5, 6, 0) }]],
  ['Mo 10:00-12:00,14:00-16:00', [{ times: [[600, 720], [840, 960]] }]],
  ['Mo 10:00-12:00, 14:00-16:00', [{ times: [[600, 720], [840, 960]] }]],
  ['Fr 22:00-02:00', [{ days: weekdays(4), times: [[1320, 1560]] }]],
  ['Fr 22:00-00:00', [{ times: [[1320, 1440]] }]],
  ['Mo 18:00-24:00', [{ times: [[1080, 1440]] }]],
  ['00:00-24:00', [{ times: [[0, 1440]], days: undefined, dates: undefined }]],
  ['24/7', [{ times: [[0, 1440]], status: 'open' }]],
  ['off', [{ status: 'closed', times: undefined }]],
  ['Mo closed', [{ status: 'closed', days: weekdays(0) }]],
  ['PH off', [{ ph: true, days: undefined, status: 'closed' }]],
  ['PH 10:00-14:00', [{ ph: true, times: [[600, 840]] }]],
  ['PH,Sa off', [{ ph: true, days: weekdays(5), status: 'closed' }]],
  ['Mo-Fr,PH 10:00-12:00', [{ ph: true, days: weekdays(0, 1, 2, 3, 4) }]],
  ['Dec 24 off', [{ dates: [[1224, 1224]], status: 'closed' }]],
  ['Dec 24-26 off', [{ dates: [[1224, 1226]] }]],
  ['Dec 24-Jan 02 off', [{ dates: [[1224, 102]] }]],
  ['2026 Dec 24-2026 Dec 31 off', [{ dates: [[20261224, 20261231]] }]],
  ['2026 Dec 24-2027 Jan 02 off', [{ dates: [[20261224, 20270102]] }]],
  ['2026 Dec 24 off', [{ dates: [[20261224, 20261224]] }]],
  ['Jun-Aug Mo-Fr 09:00-12:00', [{ dates: [[601, 831]], days: weekdays(0, 1, 2, 3, 4), times: [[540, 720]] }]],
  ['Nov-Feb Sa 10:00-12:00', [{ dates: [[1101, 231]] }]],
  ['Jan,Mar Mo 10:00-12:00', [{ dates: [[101, 131], [301, 331]], days: weekdays(0) }]],
  ['Jan,Dec 24 off', [{ dates: [[101, 131], [1224, 1224]] }]],
  ['Feb 29 off', [{ dates: [[229, 229]] }]],
  ['Th[1] 18:00-20:00', [{ days: days([3, 1]) }]],
  ['Mo[-1] 18:00-20:00', [{ days: days([0, 32]) }]],
  ['We[1,3] 18:00-20:00', [{ days: days([2, 1 | 4]) }]],
  ['Th[1],Th[-1],Fr 18:00-20:00', [{ days: days([3, 1 | 32], [4, ALL]) }]],
  ['Mo 10:00-12:00 "nach Vereinbarung"', [{ status: 'unknown', comment: 'nach Vereinbarung' }]],
  ['Mo 10:00-12:00 open "nur Frauen"', [{ status: 'open', comment: 'nur Frauen' }]],
  ['"nach Vereinbarung"', [{ status: 'unknown', comment: 'nach Vereinbarung', times: undefined, days: undefined }]],
  ['Mo-Fr unknown "Telefon"', [{ status: 'unknown', comment: 'Telefon' }]],
  ['Dec 24 off ""', [{ status: 'closed', comment: '' }]],
  [
    'Mo-Fr 10:00-18:00; We 12:00-13:00 off, Sa 10:00-12:00 || "nach Vereinbarung"',
    [
      { join: ';', text: 'Mo-Fr 10:00-18:00' },
      { join: ';', status: 'closed', text: 'We 12:00-13:00 off' },
      { join: ',', text: 'Sa 10:00-12:00' },
      { join: '||', status: 'unknown', text: '"nach Vereinbarung"' },
    ],
  ],
  ['Mo 10:00-12:00, Tu off', [{ join: ';' }, { join: ',', status: 'closed' }]],
  // A "," rule after a fallback rule stays in the fallback group.
  ['open || PH off "a", unknown; Mo off, Tu off', [{ join: ';' }, { join: '||' }, { join: '||' }, { join: ';' }, { join: ',' }]],
  ['Mo 10:00-12:00;', [{ text: 'Mo 10:00-12:00' }]],
  ['  Mo-Fr   10:00 - 12:00 ;Sa 10:00-12:00  ', [{ times: [[600, 720]], text: 'Mo-Fr   10:00 - 12:00' }, { text: 'Sa 10:00-12:00' }]],
];

for (const [input, expected] of valid)
  test(`parses ${JSON.stringify(input)}`, () => {
    const { rules } = parseOpeningHours(input);
    assert.equal(rules.length, expected.length);
    expected.forEach((want, i) => {
      for (const key of Object.keys(want) as (keyof Rule)[]) assert.deepEqual(rules[i]![key], want[key], `rule ${i} ${key}`);
    });
  });

/** Broken inputs: [input, position, found, expected]. Covers every error path of parse.ts. */
const broken: [string, number, string, string[]][] = [
  // empty rules and rule starts
  ['', 0, '', ['a weekday', '"PH"', 'a month', 'a time']],
  ['   ', 3, '', ['a weekday', '"PH"', 'a month', 'a time']],
  [';', 0, ';', ['a weekday', '"PH"', 'a month', 'a time']],
  ['Mo 10:00-12:00; ;Tu 10:00-12:00', 16, ';', ['a weekday', '"PH"', 'a month', 'a time']],
  ['Mo 10:00-12:00,', 15, '', ['a weekday', '"PH"', 'a month', 'a time']],
  ['Mo 10:00-12:00 ||', 17, '', ['a weekday', '"PH"', 'a month', 'a time']],
  // outside the subset
  ['Mo-Fr; SH off', 7, 'SH', ['a weekday', '"PH"', 'a month', 'a time']],
  ['sunrise-sunset', 0, 'sunrise', ['a weekday', '"PH"', 'a month', 'a time']],
  ['week 01-10 Mo 10:00-12:00', 0, 'week', ['a weekday', '"PH"', 'a month', 'a time']],
  ['easter off', 0, 'easter', ['a weekday', '"PH"', 'a month', 'a time']],
  ['Montag 10:00-12:00', 0, 'Montag', ['a weekday', '"PH"', 'a month', 'a time']],
  ['Mo-Fr 10:00+', 11, '+', ['"-"']],
  ['Mo-Fr 10:00-18:00 +', 18, '+', ['"off"', 'a comment', '";"']],
  ['Mo-Fr 08:00-12:00/30', 17, '/', ['"off"', 'a comment', '";"']],
  ['Mo-Fr 10:00-18:00 open end', 23, 'end', ['a comment', '";"']],
  ['PH Mo 10:00-12:00', 3, 'Mo', ['a time', '"off"', '";"']],
  ['Sa-Mo[1]', 5, '[', ['a time', '"off"', '";"']],
  ['Mo[1-2]', 4, '-', ['","', '"]"']],
  ['Jan-2026 Dec off', 4, '2026', ['a month']],
  ['24/7 Mo', 5, 'Mo', ['"off"', 'a comment', '";"']],
  // spelling: hints where the name is expected, the plain list elsewhere
  ['Di 10:00-12:00', 0, 'Di', ['a weekday such as Tu']],
  ['mo 10:00-12:00', 0, 'mo', ['a weekday such as Mo']],
  ['Mo,so 10:00-12:00', 3, 'so', ['a weekday such as Su']],
  ['jan 01 off', 0, 'jan', ['a month such as Jan']],
  ['Mo-Fr 10:00-12:00; DEC 24 off', 19, 'DEC', ['a month such as Dec']],
  // German month names and a lower-case "ph" get the plain list (which names the right spelling).
  ['Dez 24 off', 0, 'Dez', ['a weekday', '"PH"', 'a month', 'a time']],
  ['ph off', 0, 'ph', ['a weekday', '"PH"', 'a month', 'a time']],
  ['Mo 10:00-12:00 Di', 15, 'Di', ['"off"', 'a comment', '";"']],
  ['Mo 10:00-12:00 geschlossen', 15, 'geschlossen', ['"off"', 'a comment', '";"']],
  // weekdays and nth
  ['Mo,10:00-12:00', 3, '10:00', ['a weekday', '"PH"']],
  ['Mo-10:00', 3, '10:00', ['a weekday']],
  ['Mo foo', 3, 'foo', ['a time', '"off"', '";"']],
  ['Mo[0] 10:00-12:00', 3, '0', ['a number 1-5']],
  ['Mo[6]', 3, '6', ['a number 1-5']],
  ['Mo[-0]', 4, '0', ['a number 1-5']],
  ['Mo[1 10:00-12:00', 5, '10:00', ['","', '"]"']],
  // dates
  ['Feb 30 off', 4, '30', ['a day of Feb']],
  ['Dec 32 off', 4, '32', ['a day of Dec']],
  ['Dec 24-32 off', 7, '32', ['a day of Dec']],
  ['2026 Mo off', 5, 'Mo', ['a month']],
  ['2026', 4, '', ['a month']],
  ['2026 Dec 24-2027 24 off', 17, '24', ['a month']],
  ['Jun-15 off', 4, '15', ['a month']],
  ['2026 Dec 31-2026 Dec 24 off', 12, '2026', ['a later date']],
  ['Dec 26-24 off', 7, '24', ['a later date']],
  ['2026 Dec 24-Jan 02 off', 12, 'Jan', ['a later date']],
  ['Dec 25, Mo off', 8, 'Mo', ['a month']],
  ['Dec 24 foo', 7, 'foo', ['a weekday', '"PH"', 'a time', '"off"', '";"']],
  // times
  ['24:00-02:00', 0, '24:00', ['a time 00:00-23:59']],
  ['25:00-26:00', 0, '25:00', ['a time 00:00-23:59']],
  ['9:5-10:00', 0, '9:5', ['a time 00:00-23:59']],
  ['10:60-11:00', 0, '10:60', ['a time 00:00-23:59']],
  ['10:00-24:01', 6, '24:01', ['a time 00:00-24:00']],
  ['10:00-25:00', 6, '25:00', ['a time 00:00-24:00']],
  ['10:00-10:00', 6, '10:00', ['a time other than 10:00']],
  ['Mo 10:00', 8, '', ['"-"']],
  ['Mo 10:00–12:00', 8, '–', ['"-"']],
  ['Mo 10.00-12.00', 3, '10', ['a time', '"off"', '";"']],
  ['Mo 10:00-12:00 14:00-16:00', 15, '14:00', ['"off"', 'a comment', '";"']],
  // modifiers and comments
  ['Mo off off', 7, 'off', ['a comment', '";"']],
  ['"a" "b"', 4, '"b"', ['";"']],
  ['Mo "abc', 3, '"abc', ['a closing "']],
];

for (const [input, position, found, expected] of broken)
  test(`rejects ${JSON.stringify(input)} at ${position}`, () => {
    assert.throws(
      () => parseOpeningHours(input),
      (error: unknown) => {
        assert.ok(error instanceof OpeningHoursError);
        assert.deepEqual({ position: error.position, found: error.found, expected: error.expected }, { position, found, expected });
        return true;
      },
    );
  });

test('the error message says where, what and what instead', () => {
  const error = (input: string) => {
    try {
      parseOpeningHours(input);
    } catch (e) {
      return e as OpeningHoursError;
    }
    throw new Error('parsed: ' + input);
  };
  assert.equal(error('Mo-Fr; SH off').message, 'at 7: found "SH", expected a weekday, "PH", a month or a time');
  assert.equal(error('').message, 'at 0: found end of input, expected a weekday, "PH", a month or a time');
  assert.equal(error('Di 10:00-12:00').message, 'at 0: found "Di", expected a weekday such as Tu');
  assert.equal(error('Mo[1 10:00').message, 'at 5: found "10:00", expected "," or "]"');
  assert.equal(error('Mo[1').name, 'OpeningHoursError');
  assert.ok(error('x') instanceof Error);
});
