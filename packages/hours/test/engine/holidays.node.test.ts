// German public holidays per Land: every Land and every year 2020-2040 against feiertagejs (a test
// oracle only), the deliberate differences listed, and dates that must simply be right.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getHolidays } from 'feiertagejs';
import { holidayOn, holidaysOf, regions } from '../../src/engine/index.js';

/** feiertagejs names → our ids. */
const ID: Record<string, string> = {
  NEUJAHRSTAG: 'new-years-day',
  HEILIGEDREIKOENIGE: 'epiphany',
  WELTFRAUENTAG: 'womens-day',
  KARFREITAG: 'good-friday',
  OSTERSONNTAG: 'easter-sunday',
  OSTERMONTAG: 'easter-monday',
  TAG_DER_ARBEIT: 'labour-day',
  CHRISTIHIMMELFAHRT: 'ascension-day',
  PFINGSTSONNTAG: 'whit-sunday',
  PFINGSTMONTAG: 'whit-monday',
  FRONLEICHNAM: 'corpus-christi',
  AUGSBURGER_FRIEDENSFEST: 'augsburg-peace-festival',
  MARIAHIMMELFAHRT: 'assumption-day',
  WELTKINDERTAG: 'childrens-day',
  DEUTSCHEEINHEIT: 'german-unity-day',
  REFORMATIONSTAG: 'reformation-day',
  ALLERHEILIGEN: 'all-saints-day',
  BUBETAG: 'repentance-day',
  ERSTERWEIHNACHTSFEIERTAG: 'christmas-day',
  ZWEITERWEIHNACHTSFEIERTAG: 'boxing-day',
};

/**
 * Deliberate differences: one-off holidays of the Berlin Feiertagsgesetz that feiertagejs 1.5 lacks
 * (Tag der Befreiung 2020 and 2025).
 */
const ONLY_OURS = ['BE 2020-05-08 liberation-day', 'BE 2025-05-08 liberation-day'];

const LANDS = ['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH'];

for (const land of [...LANDS, 'AUGSBURG']) {
  test(`${land}: every holiday 2020-2040 as feiertagejs, apart from the listed differences`, () => {
    for (let year = 2020; year <= 2040; year++) {
      const ours = (land === 'AUGSBURG' ? holidaysOf(year, 'DE-BY', 'DE-BY-AUGSBURG') : holidaysOf(year, 'DE-' + land)).map((h) => `${h.date} ${h.id}`);
      // feiertagejs dates are noon UTC of the holiday.
      const oracle = getHolidays(year, land as never).map((h) => `${h.date.toISOString().slice(0, 10)} ${ID[h.name]}`);
      const extra = ONLY_OURS.filter((x) => x.startsWith(`${land} ${year}-`)).map((x) => x.slice(3));
      for (const x of extra) assert.ok(ours.includes(x) && !oracle.includes(x), `${land}: listed difference ${x} no longer a difference`);
      assert.deepEqual(ours.filter((x) => !extra.includes(x)).sort(), oracle.sort(), `${land} ${year}`);
    }
  });
}

test('regions: the 16 Länder as ISO 3166-2', () => {
  assert.deepEqual([...regions].sort(), LANDS.map((l) => 'DE-' + l).sort());
});

test('Easter by the Gregorian computus', () => {
  const easter = (y: number) => holidaysOf(y, 'DE-BB').find((h) => h.id === 'easter-sunday')!.date;
  assert.equal(easter(2026), '2026-04-05');
  for (const date of ['1995-04-16', '2000-04-23', '2008-03-23', '2011-04-24', '2019-04-21', '2024-03-31', '2025-04-20', '2038-04-25', '2100-03-28']) assert.equal(easter(+date.slice(0, 4)), date);
  assert.equal(holidayOn('2026-04-03', 'DE-HH')?.id, 'good-friday');
  assert.equal(holidayOn('2026-05-14', 'DE-HH')?.id, 'ascension-day');
  assert.equal(holidayOn('2026-06-04', 'DE-NW')?.id, 'corpus-christi');
  assert.equal(holidayOn('2026-06-04', 'DE-SN'), undefined, 'Fronleichnam only in parts of Sachsen: not modelled');
});

test('Buß- und Bettag: the Wednesday before 23 November, Sachsen only', () => {
  assert.equal(holidayOn('2026-11-18', 'DE-SN')?.name.de, 'Buß- und Bettag');
  assert.equal(holidayOn('2026-11-18', 'DE-BY'), undefined);
  for (const [year, date] of [[2017, '2017-11-22'], [2022, '2022-11-16'], [2023, '2023-11-22'], [2024, '2024-11-20']] as const)
    assert.equal(holidaysOf(year, 'DE-SN').find((h) => h.id === 'repentance-day')?.date, date);
});

test('holidays with a first year', () => {
  assert.ok(holidayOn('2019-03-08', 'DE-BE'), 'Frauentag Berlin 2019');
  assert.equal(holidayOn('2018-03-08', 'DE-BE'), undefined);
  assert.ok(holidayOn('2023-03-08', 'DE-MV'), 'Frauentag MV 2023');
  assert.equal(holidayOn('2022-03-08', 'DE-MV'), undefined);
  assert.ok(holidayOn('2019-09-20', 'DE-TH'), 'Weltkindertag 2019');
  assert.equal(holidayOn('2018-09-20', 'DE-TH'), undefined);
  assert.equal(holidayOn('2019-09-20', 'DE-SN'), undefined);
});

test('Reformationstag: the East since 1995, the North since 2018, everywhere in 2017', () => {
  assert.ok(holidayOn('2017-10-31', 'DE-NI'));
  assert.ok(holidayOn('2018-10-31', 'DE-NI'));
  assert.equal(holidayOn('2016-10-31', 'DE-NI'), undefined);
  assert.ok(holidayOn('2017-10-31', 'DE-BW'));
  assert.equal(holidayOn('2018-10-31', 'DE-BW'), undefined);
  assert.ok(holidayOn('1995-10-31', 'DE-BB'));
  for (const r of regions) assert.equal(holidaysOf(2017, r).filter((h) => h.id === 'reformation-day').length, 1, r);
});

test('one-offs in Berlin, and only there', () => {
  assert.equal(holidayOn('2020-05-08', 'DE-BE')?.name.de, 'Tag der Befreiung');
  assert.equal(holidayOn('2025-05-08', 'DE-BE')?.name.en, 'Liberation Day');
  assert.equal(holidayOn('2026-05-08', 'DE-BE'), undefined);
  assert.equal(holidayOn('2025-05-08', 'DE-BB'), undefined);
});

test('Augsburger Friedensfest only with the subregion; Mariä Himmelfahrt in BY and SL', () => {
  assert.equal(holidayOn('2026-08-08', 'DE-BY'), undefined);
  assert.deepEqual(holidayOn('2026-08-08', 'DE-BY', 'DE-BY-AUGSBURG')?.name, { de: 'Augsburger Friedensfest', en: 'Augsburg Peace Festival' });
  assert.ok(holidayOn('2026-08-15', 'DE-BY'));
  assert.ok(holidayOn('2026-08-15', 'DE-SL'));
  assert.equal(holidayOn('2026-08-15', 'DE-NW'), undefined);
  assert.throws(() => holidaysOf(2026, 'DE-BE', 'DE-BY-AUGSBURG'), RangeError);
  assert.throws(() => holidaysOf(2026, 'DE-BY', 'DE-BY-MUENCHEN'), RangeError);
});

test('1995 to 2100 work, other years throw', () => {
  assert.equal(holidaysOf(1995, 'DE-BE')[0]!.date, '1995-01-01');
  assert.equal(holidaysOf(2100, 'DE-BE').at(-1)!.date, '2100-12-26');
  for (const year of [1994, 2101, NaN]) assert.throws(() => holidaysOf(year, 'DE-BE'), RangeError, String(year));
  assert.throws(() => holidayOn('1994-01-01', 'DE-BE'), RangeError);
  assert.throws(() => holidaysOf(2026, 'BE'), RangeError);
});

test('names in German and English, sorted by date', () => {
  const list = holidaysOf(2026, 'DE-BW');
  assert.deepEqual(
    list.map((h) => [h.date, h.name.de, h.name.en]),
    [
      ['2026-01-01', 'Neujahr', "New Year's Day"],
      ['2026-01-06', 'Heilige Drei Könige', 'Epiphany'],
      ['2026-04-03', 'Karfreitag', 'Good Friday'],
      ['2026-04-06', 'Ostermontag', 'Easter Monday'],
      ['2026-05-01', 'Tag der Arbeit', 'Labour Day'],
      ['2026-05-14', 'Christi Himmelfahrt', 'Ascension Day'],
      ['2026-05-25', 'Pfingstmontag', 'Whit Monday'],
      ['2026-06-04', 'Fronleichnam', 'Corpus Christi'],
      ['2026-10-03', 'Tag der Deutschen Einheit', 'German Unity Day'],
      ['2026-11-01', 'Allerheiligen', "All Saints' Day"],
      ['2026-12-25', '1. Weihnachtstag', 'Christmas Day'],
      ['2026-12-26', '2. Weihnachtstag', 'Boxing Day'],
    ],
  );
  // 2008: Christi Himmelfahrt and Tag der Arbeit on the same day, both listed.
  assert.deepEqual(holidaysOf(2008, 'DE-BE').filter((h) => h.date === '2008-05-01').map((h) => h.id).sort(), ['ascension-day', 'labour-day']);
});
