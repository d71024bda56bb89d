// The demo directories and the synthetic generator: every entry passes the directory check with no
// problem at all, the data is labelled fictional, and phone numbers come only from the reserved
// drama-number blocks. Needs the built dist/ (npm run build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { checkDirectory, checkHours } from '../dist/checking.js';
import { CITIES, DRAMA_NUMBERS, buildGermany, buildRhinelandPalatinate } from '../scripts/demo-data.mjs';
import { generateSynthetic } from '../scripts/synthetic.mjs';

const read = (name) => JSON.parse(readFileSync(new URL(`../demo/${name}`, import.meta.url), 'utf8'));
const drama = new RegExp(`^(${DRAMA_NUMBERS.map(([p]) => p.replace(/\+/, '\\+')).join('|')}) \\d{3}$`);

function assertDemo(directory, label) {
  const checked = checkDirectory(directory, checkHours);
  assert.deepEqual(checked.problems, [], `${label}: no problems`);
  assert.equal(checked.centres.length, directory.centres.length);
  assert.equal(directory.fictional, true, `${label}: marked fictional`);
  for (const c of directory.centres) {
    assert.equal(c.fictional, true, `${c.id} is marked fictional`);
    assert.match(c.name, /\((fiktiv|synthetisch)\)$/, `${c.id}: the name says so`);
    if (c.contacts?.phone) assert.match(c.contacts.phone, drama, `${c.id}: only reserved drama numbers`);
    for (const key of ['email', 'website', 'chat']) {
      if (c.contacts?.[key]) assert.match(c.contacts[key], /(@|\/\/)([a-z0-9-]+\.)*example\.(org|com)(\/|$)/, `${c.id}: ${key} under example.org`);
    }
  }
}

test('germany.json: about 150 fictional centres in all 16 Länder, clean', () => {
  const germany = read('germany.json');
  assertDemo(germany, 'germany.json');
  assert.ok(germany.centres.length >= 140 && germany.centres.length <= 170, `${germany.centres.length} centres`);
  assert.equal(new Set(germany.centres.map((c) => c.land)).size, 16);
  assert.ok(germany.centres.some((c) => !c.address.street), 'some addresses withheld');
  assert.ok(germany.centres.some((c) => c.contacts.chat && c.hours.chat), 'some with chat');
  for (const lang of ['ro', 'bg', 'hu', 'en', 'es', 'pl', 'ru', 'uk', 'tr', 'th', 'ar']) assert.ok(germany.centres.some((c) => c.languages.includes(lang)), lang);
  assert.equal(new Set(germany.centres.map((c) => c.contacts.phone)).size, germany.centres.length, 'no phone number twice');
});

test('germany.json and rheinland-pfalz.json are what the script generates (regenerate with node scripts/demo-data.mjs)', () => {
  assert.deepEqual(read('germany.json'), buildGermany());
  assert.deepEqual(read('rheinland-pfalz.json'), buildRhinelandPalatinate());
});

test('rheinland-pfalz.json: the five regional centres, clean', () => {
  const rp = read('rheinland-pfalz.json');
  assertDemo(rp, 'rheinland-pfalz.json');
  assert.deepEqual(rp.centres.map((c) => c.address.city), ['Mainz', 'Ludwigshafen am Rhein', 'Trier', 'Koblenz', 'Kaiserslautern']);
  assert.deepEqual(rp.centres.map((c) => c.area.districts[0]), ['07315', '07314', '07211', '07111', '07312']);
  assert.ok(rp.centres.every((c) => c.land === 'DE-RP'));
});

test('the city list agrees with GeoNames: each postcode lies in its district, near the given centre', { skip: !existsSync(new URL('../../../../shared/data/geonames-de-postcodes/zipcodes.de.csv', import.meta.url)) && 'GeoNames data not present' }, () => {
  const rows = readFileSync(new URL('../../../../shared/data/geonames-de-postcodes/zipcodes.de.csv', import.meta.url), 'utf8').split('\n');
  const byPostcode = new Map();
  for (const row of rows) {
    const f = row.split(',');
    if (/^\d{5}$/.test(f[1] ?? '')) byPostcode.set(f[1], [...(byPostcode.get(f[1]) ?? []), { district: f.at(-3), lat: +f.at(-2), lon: +f.at(-1) }]);
  }
  for (const [, city, lat, lon, postcode, district] of CITIES) {
    const hits = (byPostcode.get(postcode) ?? []).filter((h) => h.district === district);
    assert.ok(hits.length, `${city}: ${postcode} in ${district}`);
    const km = Math.min(...hits.map((h) => Math.hypot((h.lat - lat) * 111, (h.lon - lon) * 71)));
    assert.ok(km < 5, `${city}: postcode ${postcode} is ${km.toFixed(1)} km from the given centre`);
  }
});

test('generateSynthetic(10000): every entry passes the check with zero problems; deterministic', () => {
  const synthetic = generateSynthetic(10000, 7);
  assert.equal(synthetic.centres.length, 10000);
  assertDemo(synthetic, 'synthetic');
  assert.equal(new Set(synthetic.centres.map((c) => c.land)).size, 16);
  assert.deepEqual(generateSynthetic(50, 7).centres, synthetic.centres.slice(0, 50));
  assert.notDeepEqual(generateSynthetic(50, 8).centres, synthetic.centres.slice(0, 50));
});
