// The postcode/place table built from the GeoNames data beside the repository
// (prebuild.mjs). Spot checks all over Germany, against coordinates from an
// atlas, not from the table itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { table } from '../src/generated/places.js';
import { Places } from '../src/places.js';
import { distanceKm } from '../src/text.js';
import { encode } from '../scripts/places.mjs';

const places = table ? new Places(table) : undefined;
const skip = places ? false : 'no postcode data at build time (WEGWEISER_POSTCODES)';

const cities: [string, string, number, number][] = [
  ['55116', 'Mainz', 50.0, 8.27],
  ['67059', 'Ludwigshafen', 49.48, 8.44],
  ['54290', 'Trier', 49.75, 6.64],
  ['10115', 'Berlin', 52.53, 13.38],
  ['20095', 'Hamburg', 53.55, 10.0],
  ['80331', 'München', 48.14, 11.57],
  ['01067', 'Dresden', 51.05, 13.74],
  ['18055', 'Rostock', 54.09, 12.14],
  ['24103', 'Kiel', 54.32, 10.13],
  ['66111', 'Saarbrücken', 49.23, 7.0],
  ['78462', 'Konstanz', 47.66, 9.17],
  ['99084', 'Erfurt', 50.98, 11.03],
];

test('postcodes from all over Germany are where the atlas puts them (within 10 km)', { skip }, () => {
  for (const [code, city, lat, lon] of cities) {
    const place = places!.postcode(code);
    assert.ok(place, `${code} ${city} missing`);
    assert.ok(distanceKm(place, { lat, lon }) < 10, `${code} ${city} is ${distanceKm(place, { lat, lon }).toFixed(1)} km off`);
  }
  assert.equal(places!.postcode('00000'), undefined);
  assert.equal(places!.postcode('5511'), undefined);
  assert.ok(places!.size > 8000, `only ${places!.size} postcodes`);
});

test('a postcode knows its district (Kreisschlüssel)', { skip }, () => {
  assert.equal(places!.postcode('55116')!.district, '07315');
  assert.equal(places!.postcode('54290')!.district, '07211');
});

test('place names: exact first, German spellings folded, towns with several postcodes at their centre', { skip }, () => {
  assert.equal(places!.search('Mainz')[0]!.label, 'Mainz');
  assert.equal(places!.search('muenchen')[0]!.label, 'München');
  assert.equal(places!.search('saarbrucken')[0]!.label, 'Saarbrücken');
  const ludwigshafen = places!.search('Ludwigshafen am Rhein')[0]!;
  assert.ok(distanceKm(ludwigshafen, { lat: 49.48, lon: 8.44 }) < 10);
  assert.deepEqual(places!.search('x'), []);
  // Large-customer postcodes named after companies are not places.
  assert.equal(places!.search('Deutsche Post').length, 0);
});

test('the encoder reads both the CSV and the GeoNames dump and round-trips', () => {
  const rows = [
    { postcode: '55116', place: 'Mainz', district: '07315', lat: 50.0, lon: 8.27 },
    { postcode: '55118', place: 'Mainz', district: '07315', lat: 50.01, lon: 8.26 },
    { postcode: '54290', place: 'Trier', district: '07211', lat: 49.75, lon: 6.64 },
    { postcode: '70173', place: 'Muster GmbH', district: '08111', lat: 48.78, lon: 9.18 },
  ];
  const decoded = new Places({ credit: 'test', ...encode(rows) });
  assert.equal(decoded.size, 3);
  assert.deepEqual(
    { ...decoded.postcode('54290') },
    { label: '54290', postcode: '54290', lat: 49.75, lon: 6.64, district: '07211' },
  );
  const mainz = decoded.search('mainz')[0]!;
  assert.equal(mainz.label, 'Mainz');
  assert.ok(Math.abs(mainz.lat - 50.005) < 0.001);
});
