// Builds the compact postcode/place table the finder loads when someone searches
// by postcode or place. Input: GeoNames' German postal codes, either the public
// dump (DE.txt from https://download.geonames.org/export/zip/DE.zip, tab-separated)
// or the CSV beside this repository (../shared/data/geonames-de-postcodes). The
// path comes from WEGWEISER_POSTCODES; without a file the table is `null` and
// the finder searches the centres' own cities only (docs/service-finder.md).
//
// Format (all numbers base 36; about 78 kB gzip for 9,000 postcodes):
//   postcodes  comma-separated deltas between sorted postcodes
//   coords     per postcode "dlat,dlon" in 0.01° steps, deltas to the previous, ';'-separated
//   districts  the 5-digit district codes (Kreisschlüssel); postcodeDistricts: an index per postcode
//   names      sorted place names, front-coded: "<shared prefix length><rest>" per line
//   namePostcodes  per name, the indices of its postcodes, delta-coded
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const defaultSource = fileURLToPath(new URL('../../../../shared/data/geonames-de-postcodes/zipcodes.de.csv', import.meta.url));

// Large-customer postcodes (a company, an office) are not places to search for.
const notAPlace =
  /(GmbH|\bAG\b|\bKG\b|e\.\s?V\.|mbH|\bCo\b|\bSE\b|Bank|kasse|[vV]ersicherung|Deutsche |Verlag|Service|Abt\.|Bereich|Zentrale|Landes|Finanzamt|Bundes|\d|Universit|Kasse|Messe|Werbe|Redaktion|Niederlassung|&|\+|Agentur|amt\b|Amt\b|gericht|Gesellschaft|\beG\b|OHG|Verwaltung|Stadt |Zeitung|Lotterie|Schaden|genossenschaft|[vV]erband|Institut|Klinik|Gruppe|Post)/;

function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Rows as { postcode, place, district, lat, lon } from either input format. */
export function readRows(text) {
  if (text.startsWith('country_code,')) {
    const [head, ...rows] = parseCsv(text);
    const at = Object.fromEntries(head.map((h, i) => [h, i]));
    return rows
      .filter((r) => r.length >= head.length)
      .map((r) => ({ postcode: r[at.zipcode], place: r[at.place], district: r[at.community_code], lat: +r[at.latitude], lon: +r[at.longitude] }));
  }
  // GeoNames dump: country, postcode, place, admin1 name, admin1 code, admin2 name, admin2 code, admin3 name, admin3 code, lat, lon, accuracy
  return text
    .split('\n')
    .map((line) => line.split('\t'))
    .filter((r) => r.length >= 11 && r[0] === 'DE')
    .map((r) => ({ postcode: r[1], place: r[2], district: r[8], lat: +r[9], lon: +r[10] }));
}

export function encode(rows) {
  const byPostcode = new Map();
  for (const row of rows) {
    if (!/^\d{5}$/.test(row.postcode) || notAPlace.test(row.place) || !Number.isFinite(row.lat) || !Number.isFinite(row.lon)) continue;
    if (!byPostcode.has(row.postcode)) byPostcode.set(row.postcode, []);
    byPostcode.get(row.postcode).push(row);
  }
  const postcodes = [...byPostcode.keys()].sort();
  const districts = [...new Set(rows.map((r) => r.district).filter((d) => /^\d{5}$/.test(d)))].sort();
  let previous = 0;
  let lat0 = 0;
  let lon0 = 0;
  const coords = [];
  const districtOf = [];
  for (const code of postcodes) {
    const group = byPostcode.get(code);
    const lat = Math.round((group.reduce((s, r) => s + r.lat, 0) / group.length) * 100);
    const lon = Math.round((group.reduce((s, r) => s + r.lon, 0) / group.length) * 100);
    coords.push(`${(lat - lat0).toString(36)},${(lon - lon0).toString(36)}`);
    lat0 = lat;
    lon0 = lon;
    districtOf.push(Math.max(0, districts.indexOf(group[0].district)).toString(36));
  }
  const postcodeDeltas = postcodes.map((code) => {
    const delta = Number(code) - previous;
    previous = Number(code);
    return delta.toString(36);
  });
  // Place names: a city's quarters ("Dresden Friedrichstadt" beside "Dresden")
  // and villages that share a postcode with three or more others are left out,
  // to keep the table under 80 kB; their postcode still finds them.
  const names = new Map();
  postcodes.forEach((code, index) => {
    const here = [...new Set(byPostcode.get(code).map((r) => r.place))];
    const own = here.filter((n) => !here.some((o) => o !== n && n.startsWith(`${o} `)));
    for (const name of own) {
      if (!names.has(name)) names.set(name, { postcodes: [], solo: false });
      const entry = names.get(name);
      entry.postcodes.push(index);
      if (own.length <= 2) entry.solo = true;
    }
  });
  const kept = [...names.keys()].filter((n) => names.get(n).solo || names.get(n).postcodes.length > 1).sort();
  let last = '';
  const frontCoded = kept.map((name) => {
    let k = 0;
    while (k < name.length && k < last.length && name[k] === last[k] && k < 35) k++;
    last = name;
    return k.toString(36) + name.slice(k);
  });
  const namePostcodes = kept.map((name) => {
    let p = 0;
    return names
      .get(name)
      .postcodes.map((i) => {
        const d = i - p;
        p = i;
        return d.toString(36);
      })
      .join(',');
  });
  return {
    postcodes: postcodeDeltas.join(','),
    coords: coords.join(';'),
    districts: districts.join(','),
    postcodeDistricts: districtOf.join(','),
    names: frontCoded.join('\n'),
    namePostcodes: namePostcodes.join('\n'),
  };
}

export function buildPlaces(outFile, source = process.env.WEGWEISER_POSTCODES || defaultSource) {
  const header = '// Generated by scripts/places.mjs (prebuild). Do not edit.\n';
  if (!existsSync(source)) {
    console.warn(`[service-finder] no postcode data at ${source}: building without the postcode/place table`);
    writeFileSync(outFile, `${header}import type { PlacesTable } from '../places-table.js';\nexport const table: PlacesTable | null = null;\n`);
    return null;
  }
  const table = { credit: 'GeoNames (CC BY 4.0)', ...encode(readRows(readFileSync(source, 'utf8'))) };
  writeFileSync(outFile, `${header}import type { PlacesTable } from '../places-table.js';\nexport const table: PlacesTable | null = ${JSON.stringify(table)};\n`);
  return table;
}
