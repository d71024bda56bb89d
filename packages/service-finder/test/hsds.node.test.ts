import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { importHsds, landFromName, languageTag, summariseUnmapped } from '../src/hsds.js';
import { checkDirectory, checkHours } from '../src/checking.js';
import type { Place } from '../src/places.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
const today = '2025-06-01';

/** Every import must give a directory that the finder accepts without a single problem. */
function clean(result: ReturnType<typeof importHsds>) {
  const checked = checkDirectory(result.directory, checkHours);
  assert.deepEqual(checked.problems, [], 'the imported directory passes checkDirectory');
  assert.equal(checked.centres.length, result.directory.centres.length);
  return result;
}

test('compiled services: fields map to the directory', () => {
  const { directory, report } = clean(importHsds(fixture('hsds-compiled.json'), { today }));
  assert.deepEqual(
    directory.centres.map((c) => c.id),
    ['9f1c2a40-0000-4000-8000-000000000001', '9f1c2a40-0000-4000-8000-000000000002-1', '9f1c2a40-0000-4000-8000-000000000002-2'],
  );
  const [a, b, c] = directory.centres;
  assert.equal(a!.organisation, 'Verein Neuland e. V. (fiktiv)');
  assert.equal(a!.description, 'Beratung beim Umstieg in einen anderen Beruf.\nAnonym & kostenlos.\nEingang im Hof.', 'HTML is reduced to text');
  assert.deepEqual(a!.address, { city: 'Frankfurt am Main', street: 'Musterstraße 1', postcode: '60311', note: 'U-Bahn Hauptwache, 3 Minuten zu Fuß' });
  assert.equal(a!.land, 'DE-HE');
  assert.deepEqual(a!.contacts, { phone: '+49 69 90009 101', email: 'kontakt@neuland.example.org', website: 'https://neuland.example.org/', chat: 'https://chat.example.org/neuland' });
  assert.deepEqual(a!.hours, { 'walk-in': 'Mo-Th 10:00-16:00, Fr 10:00-13:00, Sa[2,-1] 11:00-14:00', phone: 'Tu,Th 18:00-20:00' });
  assert.deepEqual(a!.topics, ['job', 'debt']);
  assert.deepEqual(a!.targetGroups, ['women']);
  assert.deepEqual(a!.languages, ['de', 'ro', 'bg', 'gsg', 'hu']);
  assert.equal(a!.anonymous, true);
  assert.equal(a!.free, true);
  assert.deepEqual({ ...a!.accessibility, note: undefined }, { stepFree: true, accessibleToilet: true, signLanguage: true, easyLanguage: true, note: undefined });
  assert.deepEqual(a!.area, { lands: ['DE-HE'] });
  assert.equal(a!.lastChecked, '2025-03-01', 'assured_date wins over last_modified');
  assert.equal(b!.name, 'Streetwork Mitte (fiktiv) – Büro Nord', 'several locations: the location name tells them apart');
  assert.deepEqual(b!.hours, { streetwork: 'We 20:00-24:00' });
  assert.equal(b!.lastChecked, '2025-01-15');
  assert.deepEqual(c!.address, { city: 'Ludwigshafen am Rhein' }, 'a withheld address stays withheld');
  // Reported, not dropped.
  for (const path of [
    '$[0].alert',
    '$[0].funding',
    '$[0].organization.year_incorporated',
    '$[0].service_at_locations[0].location.addresses[0].attention',
    '$[0].phones[0].number',
    '$[0].schedules[2].notes',
    '$[0].attributes[4].taxonomy_term.name',
    '$[0].languages[4].code',
    '$[0].additional_urls[1].url',
    '$[1].service_at_locations[2].location.url',
    '$[2]',
    '$[3]',
  ]) {
    assert.ok(report.unmapped.includes(path), `${path} is reported as unmapped`);
  }
  for (const path of ['$[0].name', '$[0].assured_date', '$[0].schedules[0].byday', '$[0].languages[1].code']) assert.ok(!report.unmapped.includes(path), `${path} is mapped`);
  assert.ok(!report.unmapped.some((p) => /\.id$|_id$/.test(p)), 'identifiers are not reported');
  assert.ok(report.problems.some((p) => p.startsWith('$[2]:') && p.includes('no topic')));
  assert.ok(report.problems.some((p) => p.startsWith('$[3].status')));
});

test('fallback topics import a service without a recognisable topic', () => {
  const { directory } = clean(importHsds(fixture('hsds-compiled.json'), { today, fallbackTopics: ['job'] }));
  assert.equal(directory.centres.length, 4);
  assert.deepEqual(directory.centres[3]!.topics, ['job']);
  assert.equal(directory.centres[3]!.land, 'DE-BE', 'Berlin is a Land by its city');
});

test('tabular form: tables are joined by their ids', () => {
  const { directory, report } = clean(importHsds(fixture('hsds-tabular.json'), { today }));
  assert.deepEqual(
    directory.centres.map((c) => [c.id, c.land, c.topics.join()]),
    [
      ['svc-1', 'DE-SH', 'housing'],
      ['svc-2', 'DE-BY', 'health'],
      ['svc-3', 'DE-BY', 'language-courses'],
    ],
  );
  const [kiel, passau, cafe] = directory.centres;
  assert.equal(kiel!.contacts!.phone, '+49 40 66969 101', 'the phone of the service at this location comes first');
  assert.equal(kiel!.contacts!.email, 'info@nord.example.org', 'the organization e-mail stands in');
  assert.deepEqual(kiel!.hours, { 'walk-in': '2024 Jan 01-2099 Dec 31 Mo,We,Fr 09:00-12:30' });
  assert.deepEqual(kiel!.languages, ['de', 'ar'], 'ISO 639-3 codes become BCP 47');
  assert.equal(passau!.contacts!.phone, '+49 89 99998 102-12', 'the extension is kept');
  assert.equal(passau!.free, true);
  assert.equal(passau!.hours, undefined, 'fortnightly and expired schedules are not turned into wrong hours');
  assert.equal(passau!.accessibility!.stepFree, undefined, '"nicht barrierefrei" is not read as step-free');
  assert.deepEqual(cafe!.hours, { 'walk-in': 'Mo-Fr 08:00-16:00' }, 'the location schedule stands in');
  assert.equal(cafe!.lastChecked, today);
  for (const path of ['$.funding', '$.location[2]', '$.schedule[1].interval', '$.schedule[3].description', '$.service[0].eligibility_description', '$.service[1].email', '$.address[1].region', '$.phone[2].number']) {
    assert.ok(report.unmapped.includes(path), `${path} is reported as unmapped`);
  }
  assert.ok(!report.unmapped.includes('$.location[1]'), 'a location used through its organization is not an orphan');
  assert.ok(report.problems.some((p) => p.includes('interval of 2')));
  assert.ok(report.problems.some((p) => p.includes('ended on 2001-01-01')));
  assert.ok(report.problems.some((p) => p.includes('lastChecked set to the import date 2025-06-01')));
});

test('a paginated list reads its contents; the paging fields are not data', () => {
  const { directory, report } = clean(importHsds(fixture('hsds-paginated.json'), { today, language: 'en' }));
  assert.equal(directory.centres.length, 1);
  assert.deepEqual(directory.centres[0]!.description, { en: 'Support for a change of job.' }, 'texts in another language are keyed by it');
  assert.equal(directory.centres[0]!.land, 'DE-SN', 'English Land names');
  assert.deepEqual(report.unmapped, []);
});

test('hostile and broken input: never throws, never lets bad values through', () => {
  const { directory, report } = clean(importHsds(fixture('hsds-hostile.json'), { today }));
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined, 'no prototype pollution');
  const h1 = directory.centres.find((c) => c.id === 'h1')!;
  // eslint-disable-next-line no-control-regex
  assert.ok(!/[\u0000-\u0008\u202a-\u202e]/.test(JSON.stringify(h1)), 'control and bidi characters are removed');
  assert.ok(!String(h1.description).includes('<img'), 'markup is removed from descriptions');
  assert.ok(String(h1.description).length <= 2000);
  assert.equal(h1.contacts?.website, undefined, 'javascript: is not a website');
  assert.equal(h1.contacts?.email, undefined, 'an e-mail with markup is refused');
  assert.equal(h1.location, undefined, 'coordinates outside Germany are refused');
  assert.deepEqual(h1.hours, { 'walk-in': 'Tu 09:00-12:00' });
  assert.ok(report.problems.some((p) => p.includes('time zone Z')));
  assert.deepEqual(h1.languages, ['en-GB']);
  assert.ok(!directory.centres.some((c) => c.address.city === 'Wien'), 'addresses outside Germany are skipped');
  assert.deepEqual(
    directory.centres.filter((c) => c.name === 'Doppelt (fiktiv)').map((c) => c.id),
    ['h6', 'h6-2'],
    'ids stay unique',
  );
  assert.ok(report.unmapped.includes('$[0].__proto__'));
  for (const p of ['$[7]: not an object', '$[2]: no address with a city', 'Atlantis', 'freq DAILY', 'bymonthday', '"2MO"', '"25:00"']) {
    assert.ok(report.problems.some((x) => x.includes(p)), p);
  }
});

test('not HSDS at all', () => {
  for (const input of [null, 42, 'x', {}, { service: 'no' }]) {
    const { directory, report } = clean(importHsds(input, { today }));
    assert.deepEqual(directory.centres, []);
    assert.ok(report.problems.length > 0);
  }
});

test('HSDS 2 names: physical_address, regular_schedule with weekday, accessibility_for_disabilities', () => {
  const input = {
    services: [{ id: 's', organization_id: 'o', name: 'Suchtberatung (fiktiv)', status: 'active', assured_date: '2025-01-01' }],
    organizations: [{ id: 'o', name: 'Träger (fiktiv)' }],
    locations: [{ id: 'l', organization_id: 'o', name: 'Ort' }],
    services_at_location: [{ id: 'x', service_id: 's', location_id: 'l' }],
    physical_addresses: [{ id: 'a', location_id: 'l', address_1: 'Weg 1', city: 'Erfurt', state_province: 'Thüringen', postal_code: '99084', country: 'DE' }],
    regular_schedules: [{ id: 'r', service_at_location_id: 'x', weekday: 'Wednesday', opens_at: '13:00', closes_at: '15:00' }],
    accessibility_for_disabilities: [{ id: 'd', location_id: 'l', accessibility: 'Stufenloser Zugang' }],
  };
  const { directory } = clean(importHsds(input, { today }));
  const [c] = directory.centres;
  assert.deepEqual([c!.topics, c!.land, c!.address.postcode, c!.hours, c!.accessibility?.stepFree], [['addiction'], 'DE-TH', '99084', { 'walk-in': 'We 13:00-15:00' }, true]);
});

test('the postcode table fills Land and coordinates', () => {
  const mainz: Place = { label: '55116', postcode: '55116', lat: 50, lon: 8.27, district: '07315' };
  const places = { postcode: (code: string) => (code === '55116' ? mainz : undefined), search: () => [] };
  const input = [{ id: 'x', name: 'Wohnberatung (fiktiv)', service_at_locations: [{ location: { addresses: [{ city: 'Mainz', postal_code: '55116' }] } }] }];
  const { directory, report } = clean(importHsds(input, { today, places }));
  assert.equal(directory.centres[0]!.land, 'DE-RP');
  assert.deepEqual(directory.centres[0]!.location, { lat: 50, lon: 8.27 });
  assert.ok(report.problems.some((p) => p.includes('coordinates taken from the postcode 55116')));
  assert.equal(clean(importHsds(input, { today })).directory.centres.length, 0, 'without the table, no Land: skipped');
});

test('helpers: Land names, language tags, unmapped summary', () => {
  assert.deepEqual(
    ['Rheinland-Pfalz', 'Rhineland-Palatinate', 'RLP', 'DE-RP', 'Freistaat Bayern', 'Thüringen', 'Thueringen', 'nrw', 'Mars'].map(landFromName),
    ['DE-RP', 'DE-RP', 'DE-RP', 'DE-RP', 'DE-BY', 'DE-TH', 'DE-TH', 'DE-NW', undefined],
  );
  assert.deepEqual(
    [languageTag('ron', undefined), languageTag('pt_BR', undefined), languageTag(undefined, 'Ukrainisch'), languageTag('xx!', 'Polish'), languageTag('zz9', undefined)],
    ['ro', 'pt-BR', 'uk', 'pl', undefined],
  );
  assert.deepEqual(summariseUnmapped(['$[0].a', '$[1].a', '$[1].b']), ['$[*].a (2×)', '$[*].b']);
});
