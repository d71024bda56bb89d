import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DirectoryIndex, responsibleFor } from '../src/search.js';
import { allowedEdits, distanceKm, fold, withinEdits, words } from '../src/text.js';
import { makeSchedule } from '../src/checking.js';
import type { Centre } from '../src/model.js';

const c = (id: string, over: Partial<Centre> = {}): Centre => ({ id, name: id, address: { city: 'Mainz' }, land: 'DE-RP', topics: ['money'], lastChecked: '2026-10-01', ...over });

test('folding makes German spellings meet', () => {
  assert.equal(fold('Köln'), fold('Koeln'));
  assert.equal(fold('STRASSE'), fold('Straße'));
  assert.equal(fold('Zürich'), fold('Zuerich'));
  assert.equal(fold('Ştefan'), 'stefan');
  assert.deepEqual(words('Anlauf-Stelle, Mainz 55116'), ['anlauf', 'stelle', 'mainz', '55116']);
});

test('bounded edit distance counts a swap as one edit', () => {
  assert.ok(withinEdits('lichtblik', 'lichtblick', 1));
  assert.ok(withinEdits('beratnug', 'beratung', 1));
  assert.ok(!withinEdits('mainz', 'trier', 2));
  assert.ok(withinEdits('', 'ab', 2));
  assert.equal(allowedEdits(3), 0);
  assert.equal(allowedEdits(5), 1);
  assert.equal(allowedEdits(9), 2);
});

test('great-circle distance: Mainz to Trier is about 130 km', () => {
  const d = distanceKm({ lat: 50.0, lon: 8.271 }, { lat: 49.756, lon: 6.641 });
  assert.ok(d > 115 && d < 125, String(d));
  assert.equal(distanceKm({ lat: 50, lon: 8 }, { lat: 50, lon: 8 }), 0);
});

test('text search: prefixes, typos, all words must match, topics by their names', () => {
  const index = new DirectoryIndex([c('a', { name: 'Beratung Lichtblick' }), c('b', { name: 'Anlaufstelle Morgenrot', topics: ['housing'] })], { housing: 'Wohnen housing' });
  const ids = (text: string) => index.query({ text }).map((h) => h.centre.id);
  assert.deepEqual(ids('lichtblik'), ['a']);
  assert.deepEqual(ids('Licht'), ['a']);
  assert.deepEqual(ids('morgenrot wohnen'), ['b']);
  assert.deepEqual(ids('lichtblick wohnen'), []);
  assert.deepEqual(ids('xyz'), []);
  assert.deepEqual(ids(''), ['b', 'a']); // by name
});

test('distance sorts and the radius cuts; centres without a location drop out of a radius search', () => {
  const index = new DirectoryIndex([c('far', { location: { lat: 52.52, lon: 13.4 } }), c('near', { location: { lat: 50.0, lon: 8.27 } }), c('nowhere')]);
  const mainz = { lat: 50.0, lon: 8.27 };
  assert.deepEqual(index.query({ origin: mainz }).map((h) => h.centre.id), ['near', 'far', 'nowhere']);
  assert.deepEqual(index.query({ origin: mainz, radiusKm: 25 }).map((h) => h.centre.id), ['near']);
});

test('filters: flags, topics (any), languages by base language, channels', () => {
  const index = new DirectoryIndex([
    c('a', { anonymous: true, languages: ['ro-MD'], contacts: { phone: '0' } }),
    c('b', { free: true, topics: ['health', 'money'], accessibility: { stepFree: true }, hours: { chat: 'Mo 10:00-12:00' } }),
  ]);
  const ids = (q: Parameters<DirectoryIndex['query']>[0]) => index.query(q).map((h) => h.centre.id);
  assert.deepEqual(ids({ anonymous: true }), ['a']);
  assert.deepEqual(ids({ free: true, stepFree: true }), ['b']);
  assert.deepEqual(ids({ topics: ['health', 'addiction'] }), ['b']);
  assert.deepEqual(ids({ languages: ['ro'] }), ['a']);
  assert.deepEqual(ids({ channels: ['phone'] }), ['a']);
  assert.deepEqual(ids({ channels: ['chat'] }), ['b']);
});

test('open now uses the hours engine in the centre\u2019s Land, and the answer is cached until the next change', () => {
  const index = new DirectoryIndex([c('a', { hours: { 'walk-in': 'Mo-Fr 10:00-16:00; PH off' } })], {}, makeSchedule);
  const at = (iso: string) => index.query({ openNow: true, now: Date.parse(iso) }).length;
  assert.equal(at('2026-10-21T11:00:00+02:00'), 1); // Wednesday
  assert.equal(at('2026-10-21T17:00:00+02:00'), 0);
  assert.equal(at('2026-11-01T11:00:00+01:00'), 0); // Sunday
  assert.equal(at('2026-10-03T11:00:00+02:00'), 0); // Saturday, and German Unity Day
  assert.equal(at('2026-10-21T11:00:00+02:00'), 1);
  // Without the engine, "open now" finds nothing rather than guessing.
  assert.equal(new DirectoryIndex([c('a', { hours: { 'walk-in': 'Mo-Fr 10:00-16:00' } })]).query({ openNow: true, now: Date.parse('2026-10-21T11:00:00+02:00') }).length, 0);
});

test('responsibility: postcode prefixes, districts, and Länder from the district key', () => {
  const centre = c('a', { area: { postcodePrefixes: ['551'], districts: ['07315'], lands: ['DE-BE'] } });
  assert.ok(responsibleFor(centre, { lat: 0, lon: 0, postcode: '55116' }));
  assert.ok(responsibleFor(centre, { lat: 0, lon: 0, postcode: '55411', district: '07315' }));
  assert.ok(responsibleFor(centre, { lat: 0, lon: 0, postcode: '10115', district: '11000' }));
  assert.ok(!responsibleFor(centre, { lat: 0, lon: 0, postcode: '54290', district: '07211' }));
  assert.ok(!responsibleFor(c('b'), { lat: 0, lon: 0, postcode: '55116' }));
});
