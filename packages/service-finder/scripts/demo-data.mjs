// Fictional demo directories for @wegweiser/service-finder, generated deterministically:
//   node scripts/demo-data.mjs   → demo/germany.json (about 150 centres in all 16 Länder)
//                                  demo/rheinland-pfalz.json (five regional centres)
// Every centre is invented and labelled as such ("fictional": true, "(fiktiv)" in the name).
// Cities, their centre coordinates, a central postcode and the district code (Kreisschlüssel)
// are real, checked against GeoNames' postcode data (CC BY 4.0), so distance and postcode search
// behave as they would with real data. Streets are made up ("Musterstraße"). Phone numbers come
// only from the blocks the Bundesnetzagentur keeps free for films and books (Mitteilung 148/2021,
// Amtsblatt 7/2021): (0)30 23125, (0)40 66969, (0)69 90009, (0)89 99998, (0)221 4710, each
// 000-999. There are only these five area codes, so a centre in Leipzig has a Berlin number: on
// purpose. E-mail and web addresses are under example.org.
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** [Land, city, lat, lon, central postcode, Kreisschlüssel, demo centres in germany.json] */
export const CITIES = [
  ['DE-BW', 'Stuttgart', 48.7784, 9.18, '70173', '08111', 3],
  ['DE-BW', 'Mannheim', 49.4875, 8.466, '68161', '08222', 2],
  ['DE-BW', 'Karlsruhe', 49.0094, 8.4044, '76133', '08212', 2],
  ['DE-BW', 'Freiburg im Breisgau', 47.9959, 7.8522, '79098', '08311', 2],
  ['DE-BW', 'Heidelberg', 49.4094, 8.6947, '69117', '08221', 1],
  ['DE-BW', 'Ulm', 48.3984, 9.9916, '89073', '08421', 1],
  ['DE-BW', 'Heilbronn', 49.1427, 9.2109, '74072', '08121', 1],
  ['DE-BW', 'Pforzheim', 48.8922, 8.6946, '75172', '08231', 1],
  ['DE-BW', 'Reutlingen', 48.4914, 9.2043, '72764', '08415', 1],
  ['DE-BW', 'Konstanz', 47.6603, 9.1758, '78462', '08335', 1],
  ['DE-BY', 'München', 48.1374, 11.5755, '80331', '09162', 4],
  ['DE-BY', 'Nürnberg', 49.4521, 11.0767, '90402', '09564', 3],
  ['DE-BY', 'Augsburg', 48.3705, 10.8978, '86152', '09761', 2],
  ['DE-BY', 'Regensburg', 49.0134, 12.1016, '93047', '09362', 1],
  ['DE-BY', 'Würzburg', 49.7913, 9.9534, '97070', '09663', 1],
  ['DE-BY', 'Ingolstadt', 48.7665, 11.4258, '85049', '09161', 1],
  ['DE-BY', 'Erlangen', 49.5897, 11.0078, '91052', '09562', 1],
  ['DE-BY', 'Bamberg', 49.8988, 10.9028, '96047', '09461', 1],
  ['DE-BY', 'Passau', 48.5665, 13.4312, '94032', '09262', 1],
  ['DE-BY', 'Rosenheim', 47.8561, 12.1289, '83022', '09163', 1],
  ['DE-BE', 'Berlin', 52.52, 13.405, '10178', '11000', 8],
  ['DE-BB', 'Potsdam', 52.3906, 13.0645, '14467', '12054', 2],
  ['DE-BB', 'Cottbus', 51.7563, 14.3329, '03046', '12052', 1],
  ['DE-BB', 'Frankfurt (Oder)', 52.3471, 14.5506, '15230', '12053', 1],
  ['DE-BB', 'Brandenburg an der Havel', 52.4125, 12.5316, '14776', '12051', 1],
  ['DE-HB', 'Bremen', 53.0793, 8.8017, '28195', '04011', 2],
  ['DE-HB', 'Bremerhaven', 53.5396, 8.5809, '27570', '04012', 1],
  ['DE-HH', 'Hamburg', 53.5511, 9.9937, '20095', '02000', 5],
  ['DE-HE', 'Frankfurt am Main', 50.1109, 8.6821, '60311', '06412', 3],
  ['DE-HE', 'Wiesbaden', 50.0782, 8.2398, '65185', '06414', 2],
  ['DE-HE', 'Kassel', 51.3127, 9.4797, '34117', '06611', 2],
  ['DE-HE', 'Darmstadt', 49.8728, 8.6512, '64283', '06411', 1],
  ['DE-HE', 'Offenbach am Main', 50.0956, 8.7761, '63065', '06413', 1],
  ['DE-HE', 'Gießen', 50.5841, 8.6784, '35390', '06531', 1],
  ['DE-HE', 'Marburg', 50.8021, 8.7667, '35037', '06534', 1],
  ['DE-HE', 'Fulda', 50.5558, 9.6808, '36037', '06631', 1],
  ['DE-MV', 'Rostock', 54.0924, 12.0991, '18055', '13003', 2],
  ['DE-MV', 'Schwerin', 53.6355, 11.4012, '19053', '13004', 1],
  ['DE-MV', 'Greifswald', 54.0865, 13.3923, '17489', '13075', 1],
  ['DE-MV', 'Neubrandenburg', 53.5574, 13.261, '17033', '13071', 1],
  ['DE-MV', 'Stralsund', 54.3091, 13.0818, '18439', '13073', 1],
  ['DE-NI', 'Hannover', 52.3759, 9.732, '30159', '03241', 3],
  ['DE-NI', 'Braunschweig', 52.2689, 10.5268, '38100', '03101', 2],
  ['DE-NI', 'Oldenburg', 53.1435, 8.2146, '26122', '03403', 1],
  ['DE-NI', 'Osnabrück', 52.2799, 8.0472, '49074', '03404', 1],
  ['DE-NI', 'Göttingen', 51.5413, 9.9158, '37073', '03159', 1],
  ['DE-NI', 'Wolfsburg', 52.4227, 10.7865, '38440', '03103', 1],
  ['DE-NI', 'Hildesheim', 52.1508, 9.9511, '31134', '03254', 1],
  ['DE-NI', 'Lüneburg', 53.2464, 10.4115, '21335', '03355', 1],
  ['DE-NW', 'Köln', 50.9375, 6.9603, '50667', '05315', 4],
  ['DE-NW', 'Düsseldorf', 51.2277, 6.7735, '40213', '05111', 3],
  ['DE-NW', 'Dortmund', 51.5136, 7.4653, '44137', '05913', 2],
  ['DE-NW', 'Essen', 51.4556, 7.0116, '45127', '05113', 2],
  ['DE-NW', 'Duisburg', 51.4344, 6.7623, '47051', '05112', 2],
  ['DE-NW', 'Bochum', 51.4818, 7.2162, '44787', '05911', 1],
  ['DE-NW', 'Wuppertal', 51.2562, 7.1508, '42103', '05124', 2],
  ['DE-NW', 'Bielefeld', 52.0302, 8.5325, '33602', '05711', 2],
  ['DE-NW', 'Bonn', 50.7374, 7.0982, '53111', '05314', 2],
  ['DE-NW', 'Münster', 51.9607, 7.6261, '48143', '05515', 2],
  ['DE-NW', 'Aachen', 50.7753, 6.0839, '52062', '05334', 2],
  ['DE-NW', 'Gelsenkirchen', 51.5177, 7.0857, '45879', '05513', 2],
  ['DE-NW', 'Mönchengladbach', 51.1805, 6.4428, '41061', '05116', 1],
  ['DE-NW', 'Krefeld', 51.3388, 6.5853, '47798', '05114', 1],
  ['DE-NW', 'Siegen', 50.8748, 8.0243, '57072', '05970', 1],
  ['DE-NW', 'Paderborn', 51.7189, 8.7575, '33098', '05774', 1],
  ['DE-RP', 'Mainz', 49.9929, 8.2473, '55116', '07315', 2],
  ['DE-RP', 'Ludwigshafen am Rhein', 49.4774, 8.4452, '67059', '07314', 1],
  ['DE-RP', 'Koblenz', 50.3569, 7.589, '56068', '07111', 1],
  ['DE-RP', 'Trier', 49.7499, 6.6371, '54290', '07211', 1],
  ['DE-RP', 'Kaiserslautern', 49.4447, 7.769, '67655', '07312', 1],
  ['DE-RP', 'Worms', 49.6341, 8.3507, '67547', '07319', 1],
  ['DE-RP', 'Neustadt an der Weinstraße', 49.3501, 8.1389, '67433', '07316', 1],
  ['DE-RP', 'Landau in der Pfalz', 49.1985, 8.118, '76829', '07313', 1],
  ['DE-SL', 'Saarbrücken', 49.2402, 6.9969, '66111', '10041', 2],
  ['DE-SL', 'Neunkirchen', 49.3448, 7.1799, '66538', '10043', 1],
  ['DE-SL', 'Saarlouis', 49.3136, 6.7515, '66740', '10044', 1],
  ['DE-SL', 'Homburg', 49.3267, 7.3387, '66424', '10045', 1],
  ['DE-SN', 'Leipzig', 51.3397, 12.3731, '04109', '14713', 3],
  ['DE-SN', 'Dresden', 51.0504, 13.7373, '01067', '14612', 2],
  ['DE-SN', 'Chemnitz', 50.8278, 12.9214, '09111', '14511', 2],
  ['DE-SN', 'Zwickau', 50.7189, 12.4961, '08056', '14524', 1],
  ['DE-SN', 'Plauen', 50.4979, 12.1369, '08523', '14523', 1],
  ['DE-SN', 'Görlitz', 51.1522, 14.9872, '02826', '14626', 1],
  ['DE-ST', 'Magdeburg', 52.1205, 11.6276, '39104', '15003', 2],
  ['DE-ST', 'Halle (Saale)', 51.4969, 11.9688, '06108', '15002', 2],
  ['DE-ST', 'Dessau-Roßlau', 51.8352, 12.2454, '06844', '15001', 1],
  ['DE-ST', 'Lutherstadt Wittenberg', 51.8664, 12.647, '06886', '15091', 1],
  ['DE-SH', 'Kiel', 54.3233, 10.1228, '24103', '01002', 2],
  ['DE-SH', 'Lübeck', 53.8655, 10.6866, '23552', '01003', 2],
  ['DE-SH', 'Flensburg', 54.7836, 9.4321, '24937', '01001', 1],
  ['DE-SH', 'Neumünster', 54.0717, 9.9841, '24534', '01004', 1],
  ['DE-TH', 'Erfurt', 50.9848, 11.0299, '99084', '16051', 2],
  ['DE-TH', 'Jena', 50.9271, 11.5892, '07743', '16053', 1],
  ['DE-TH', 'Gera', 50.8776, 12.08, '07545', '16052', 1],
  ['DE-TH', 'Weimar', 50.9795, 11.3235, '99423', '16055', 1],
  ['DE-TH', 'Gotha', 50.9489, 10.7018, '99867', '16067', 1],
];

/** The Bundesnetzagentur's drama-number blocks: [prefix, city it belongs to, lat, lon]. */
export const DRAMA_NUMBERS = [
  ['+49 30 23125', 52.52, 13.405],
  ['+49 40 66969', 53.5511, 9.9937],
  ['+49 69 90009', 50.1109, 8.6821],
  ['+49 89 99998', 48.1374, 11.5755],
  ['+49 221 4710', 50.9375, 6.9603],
];

/** A small seeded PRNG (mulberry32): the same seed gives the same data on every machine. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (list) => list[int(list.length)];
  const chance = (p) => next() < p;
  const some = (list, min, max) => {
    const copy = [...list];
    const out = [];
    const n = min + int(max - min + 1);
    while (out.length < n && copy.length) out.push(copy.splice(int(copy.length), 1)[0]);
    return out;
  };
  return { next, int, pick, chance, some };
}

export const TOPICS = ['money', 'debt', 'housing', 'health', 'psychological', 'addiction', 'residence-legal', 'job', 'language-courses', 'outreach', 'trafficking', 'violence', 'minors', 'family'];
export const LANGUAGES = ['ro', 'bg', 'hu', 'en', 'es', 'pl', 'ru', 'uk', 'tr', 'th', 'ar', 'fa', 'vi', 'sq', 'cs', 'fr', 'pt', 'zh'];
export const TARGET_GROUPS = ['women', 'men', 'trans-nonbinary', 'young-people', 'migrants', 'parents'];
const NAMES = ['Lichtblick', 'Kompass', 'Brücke', 'Neuanfang', 'Leuchtturm', 'Perspektive', 'Horizont', 'Anker', 'Aufbruch', 'Weitblick', 'Freiraum', 'Mosaik', 'Wegweiser', 'Lotsin', 'Rückenwind', 'Sprungbrett', 'Tür auf', 'Atempause', 'Zukunftswerk', 'Morgenrot'];
const KINDS = ['Beratungsstelle', 'Fachberatung', 'Beratungszentrum', 'Anlaufstelle', 'Frauentreff', 'Umstiegsberatung', 'Ausstiegsberatung', 'Kontaktladen'];
const STREETS = ['Musterstraße', 'Beispielweg', 'Platzhaltergasse', 'Am Musterplatz', 'Erfundene Allee', 'Beispielring'];
const TOPIC_TEXT = {
  money: ['Existenzsicherung und Sozialleistungen', 'financial security and benefits'],
  debt: ['Schuldenberatung', 'debt advice'],
  housing: ['Wohnen', 'housing'],
  health: ['Gesundheit und Krankenversicherung', 'health and insurance'],
  psychological: ['psychologische Unterstützung', 'psychological support'],
  addiction: ['Sucht', 'addiction'],
  'residence-legal': ['Aufenthalt und Rechtsfragen', 'residence status and legal questions'],
  job: ['berufliche Orientierung und Qualifizierung', 'job orientation and training'],
  'language-courses': ['Sprachkurse', 'language courses'],
  outreach: ['Streetwork', 'outreach work'],
  trafficking: ['Menschenhandel', 'trafficking'],
  violence: ['Gewalt', 'violence'],
  minors: ['Minderjährige', 'minors'],
  family: ['Familie und Schwangerschaft', 'family and pregnancy'],
};
const WALK_IN = ['Mo-Th 10:00-16:00; Fr 10:00-13:00; PH off', 'Tu,Th 13:00-18:00; PH off', 'Mo,We 09:00-12:00, 14:00-17:00; Fr 09:00-12:00; PH off', 'Mo-Fr 10:00-15:00; Dec 24-Dec 31 off; PH off', 'We 15:00-19:00; Sa[1] 11:00-14:00; PH off'];
const PHONE = ['Mo-Fr 09:00-17:00; PH off', 'Mo-Th 10:00-18:00; Fr 10:00-14:00; PH off', 'Mo-Fr 08:00-20:00', 'Tu-Sa 12:00-20:00; PH off'];
const CHAT = ['Tu,Th 18:00-21:00; PH off', 'Mo-Fr 16:00-20:00', 'We 17:00-20:00'];
const STREETWORK = ['We,Fr 20:00-24:00', 'Tu 21:00-02:00; Th 21:00-02:00', 'Mo,Th 19:00-23:00'];

const slug = (s) =>
  s
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const round = (x) => Math.round(x * 10000) / 10000;

/** The drama-number block nearest to a place (so most centres at least share the region). */
export function dramaBlock(lat, lon) {
  let best = DRAMA_NUMBERS[0];
  for (const block of DRAMA_NUMBERS) if (Math.hypot(block[1] - lat, block[2] - lon) < Math.hypot(best[1] - lat, best[2] - lon)) best = block;
  return best[0];
}

/** One random fictional centre in a city. */
export function randomCentre(rnd, id, city, options = {}) {
  const [land, cityName, lat, lon, postcode, district] = city;
  const label = rnd.pick(NAMES);
  const kind = rnd.pick(KINDS);
  const name = options.name ?? `${kind} ${label} ${cityName} (fiktiv)`;
  const topics = rnd.some(TOPICS, 1, 5);
  if (!topics.includes('job') && rnd.chance(0.6)) topics.unshift('job');
  const withheld = rnd.chance(0.3);
  const spread = options.spread ?? 0.012;
  const location = withheld ? { lat, lon } : { lat: round(lat + (rnd.next() - 0.5) * spread), lon: round(lon + (rnd.next() - 0.5) * spread * 1.5) };
  const address = withheld ? { city: cityName } : { street: `${rnd.pick(STREETS)} ${1 + rnd.int(120)}`, postcode, city: cityName };
  if (!withheld && rnd.chance(0.3)) address.note = { de: 'Eingang im Hof, bitte bei „Beratung“ klingeln.', en: 'Entrance in the courtyard, ring at “Beratung”.' };
  const host = slug(`${label}-${cityName}`).slice(0, 40);
  const block = dramaBlock(lat, lon);
  const contacts = { phone: `${block} ${String(options.phoneIndex ?? rnd.int(1000)).padStart(3, '0')}`, email: `beratung@${host}.example.org` };
  if (rnd.chance(0.8)) contacts.website = `https://${host}.example.org/`;
  const hasChat = rnd.chance(0.35);
  if (hasChat) contacts.chat = `https://chat.example.org/${host}`;
  if (rnd.chance(0.3)) contacts.messenger = { de: 'Signal und WhatsApp unter der Telefonnummer', en: 'Signal and WhatsApp on the phone number' };
  const hours = { phone: rnd.pick(PHONE) };
  if (rnd.chance(0.8)) hours['walk-in'] = rnd.pick(WALK_IN);
  if (hasChat) hours.chat = rnd.pick(CHAT);
  if (topics.includes('outreach')) hours.streetwork = rnd.pick(STREETWORK);
  if (rnd.chance(0.2)) hours.email = 'Mo-Fr 09:00-16:00; PH off';
  const languages = ['de', ...rnd.some(LANGUAGES, 0, 5)];
  const accessibility = {};
  if (rnd.chance(0.6)) accessibility.stepFree = true;
  if (accessibility.stepFree && rnd.chance(0.6)) accessibility.accessibleToilet = true;
  if (rnd.chance(0.15)) accessibility.signLanguage = true;
  if (rnd.chance(0.3)) accessibility.easyLanguage = true;
  if (!accessibility.stepFree && rnd.chance(0.5)) accessibility.note = { de: 'Drei Stufen am Eingang; Beratung auf Wunsch auch an einem barrierefreien Ort.', en: 'Three steps at the entrance; on request, counselling at a step-free place.' };
  if (accessibility.signLanguage) languages.push('gsg');
  const topicsDe = topics.map((t) => TOPIC_TEXT[t][0]);
  const topicsEn = topics.map((t) => TOPIC_TEXT[t][1]);
  const list = (items, and) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}` : items[0]);
  const centre = {
    id,
    name,
    organisation: `${rnd.pick(['Verein', 'Initiative', 'Netzwerk', 'Diakonisches Werk', 'Frauenhilfe'])} ${label} e. V. (fiktiv)`,
    fictional: true,
    description: {
      de: `Fiktive Beratungsstelle für Menschen in der Sexarbeit, die umsteigen oder aussteigen möchten. Themen: ${list(topicsDe, 'und')}.`,
      en: `Fictional counselling centre for people in sex work who want to change jobs or leave. Topics: ${list(topicsEn, 'and')}.`,
    },
    address,
    location,
    land,
    contacts,
    hours,
    topics,
    languages,
    anonymous: rnd.chance(0.75),
    free: rnd.chance(0.9),
  };
  if (Object.keys(accessibility).length) centre.accessibility = accessibility;
  const groups = rnd.some(TARGET_GROUPS, 0, 3);
  if (groups.length) centre.targetGroups = groups;
  if (rnd.chance(0.4)) centre.area = rnd.chance(0.5) ? { districts: [district] } : { postcodePrefixes: [postcode.slice(0, 3)] };
  const month = rnd.int(14);
  centre.lastChecked = `${month < 4 ? 2024 : 2025}-${String(month < 4 ? month + 9 : month - 3).padStart(2, '0')}-${String(1 + rnd.int(28)).padStart(2, '0')}`;
  return centre;
}

/** About 150 fictional centres across all 16 Länder. */
export function buildGermany(seed = 20250601) {
  const rnd = prng(seed);
  const centres = [];
  let phone = 0;
  for (const city of CITIES) {
    for (let i = 1; i <= city[6]; i++) {
      // Numbers counted up, so no two centres share one.
      centres.push(randomCentre(rnd, `${slug(city[1])}-${i}`, city, { phoneIndex: phone++ % 1000 }));
    }
  }
  return {
    $schema: '../schema/directory.schema.json',
    version: 1,
    name: 'Beratungsstellen in Deutschland (fiktive Demo-Daten)',
    fictional: true,
    updated: '2025-06-01',
    centres,
  };
}

const city = (name) => CITIES.find((c) => c[1] === name);

/** The five regional centres of Rhineland-Palatinate, written by hand (fictional, like all demo data). */
export function buildRhinelandPalatinate() {
  const base = (name, id, extra) => {
    const c = city(name);
    return {
      id,
      fictional: true,
      land: 'DE-RP',
      location: { lat: c[2], lon: c[3] },
      area: { districts: [c[5]] },
      ...extra,
    };
  };
  const rp = 'Rheinland-Pfalz';
  return {
    $schema: '../schema/directory.schema.json',
    version: 1,
    name: `Regionale Beratungsstellen in ${rp} (fiktive Demo-Daten)`,
    fictional: true,
    updated: '2025-06-01',
    centres: [
      base('Mainz', 'mainz-lichtblick', {
        name: 'Beratungsstelle Lichtblick (fiktiv)',
        organisation: 'Lichtblick e. V. (fiktiv)',
        description: {
          de: 'Fiktive Fachberatung für Umstieg und Ausstieg aus der Sexarbeit in Mainz und Rheinhessen: Existenzsicherung, Wohnen, berufliche Orientierung. Anonym und kostenlos.',
          en: 'Fictional counselling for changing jobs or leaving sex work in Mainz and Rheinhessen: financial security, housing, job orientation. Anonymous and free.',
        },
        address: { street: 'Musterstraße 12', postcode: '55116', city: 'Mainz', note: { de: 'Eingang im Hof, 1. Stock, Aufzug vorhanden.', en: 'Entrance in the courtyard, first floor, lift available.' } },
        location: { lat: 49.9995, lon: 8.2711 },
        area: { districts: ['07315', '07339', '07331'] },
        contacts: { phone: '+49 69 90009 201', email: 'beratung@lichtblick-mainz.example.org', website: 'https://lichtblick-mainz.example.org/', chat: 'https://chat.example.org/lichtblick-mainz', messenger: { de: 'Signal unter der Telefonnummer', en: 'Signal on the phone number' } },
        hours: { 'walk-in': 'Mo-Th 10:00-16:00; Fr 10:00-13:00; PH off', phone: 'Mo-Fr 09:00-17:00; PH off', chat: 'Tu,Th 18:00-21:00; PH off' },
        topics: ['job', 'money', 'housing', 'health', 'debt'],
        languages: ['de', 'ro', 'bg', 'hu', 'en'],
        anonymous: true,
        free: true,
        accessibility: { stepFree: true, accessibleToilet: true, easyLanguage: true },
        targetGroups: ['women', 'migrants'],
        lastChecked: '2025-05-12',
      }),
      base('Ludwigshafen am Rhein', 'ludwigshafen-kompass', {
        name: 'Fachberatung Kompass (fiktiv)',
        organisation: 'Diakonisches Werk Kompass (fiktiv)',
        description: {
          de: 'Fiktive Beratung und Streetwork in Ludwigshafen und der Vorderpfalz, auch zu Aufenthalt und Menschenhandel.',
          en: 'Fictional counselling and outreach in Ludwigshafen and the Vorderpfalz, also on residence status and trafficking.',
        },
        address: { city: 'Ludwigshafen am Rhein' },
        area: { districts: ['07314', '07338', '07318'] },
        contacts: { phone: '+49 69 90009 202', email: 'kontakt@kompass-lu.example.org', website: 'https://kompass-lu.example.org/' },
        hours: { phone: 'Mo-Th 10:00-18:00; Fr 10:00-14:00; PH off', streetwork: 'Tu,Th 20:00-24:00' },
        topics: ['outreach', 'residence-legal', 'trafficking', 'job', 'health'],
        languages: ['de', 'ro', 'bg', 'hu', 'pl', 'es', 'th'],
        anonymous: true,
        free: true,
        accessibility: { note: { de: 'Die Adresse wird nur nach Absprache genannt; Treffen auch an einem barrierefreien Ort.', en: 'The address is given only by arrangement; meetings also at a step-free place.' } },
        targetGroups: ['women', 'trans-nonbinary', 'migrants'],
        lastChecked: '2025-04-28',
      }),
      base('Trier', 'trier-bruecke', {
        name: 'Beratungszentrum Brücke (fiktiv)',
        organisation: 'Brücke Trier e. V. (fiktiv)',
        description: {
          de: 'Fiktive Beratungsstelle in Trier für die Region Trier und die Eifel, mit Beratung auf Französisch und Portugiesisch.',
          en: 'Fictional counselling centre in Trier for the Trier region and the Eifel, with counselling in French and Portuguese.',
        },
        address: { street: 'Beispielweg 4', postcode: '54290', city: 'Trier' },
        location: { lat: 49.7536, lon: 6.6417 },
        area: { districts: ['07211', '07235', '07232', '07231'] },
        contacts: { phone: '+49 69 90009 203', email: 'info@bruecke-trier.example.org' },
        hours: { 'walk-in': 'Tu,Th 13:00-18:00; PH off', phone: 'Mo-Fr 09:00-15:00; PH off', email: 'Mo-Fr 09:00-16:00; PH off' },
        topics: ['job', 'language-courses', 'money', 'psychological'],
        languages: ['de', 'fr', 'pt', 'en', 'ro'],
        anonymous: true,
        free: true,
        accessibility: { stepFree: true, signLanguage: true },
        targetGroups: ['women', 'men', 'young-people'],
        lastChecked: '2025-03-03',
      }),
      base('Koblenz', 'koblenz-neuanfang', {
        name: 'Anlaufstelle Neuanfang (fiktiv)',
        organisation: 'Neuanfang Mittelrhein gGmbH (fiktiv)',
        description: {
          de: 'Fiktive Anlaufstelle in Koblenz: Wohnen, Schulden, Sucht und Rückkehr in einen anderen Beruf.',
          en: 'Fictional drop-in centre in Koblenz: housing, debt, addiction and returning to another job.',
        },
        address: { street: 'Platzhaltergasse 7', postcode: '56068', city: 'Koblenz' },
        location: { lat: 50.3592, lon: 7.5934 },
        area: { districts: ['07111', '07137', '07141', '07143'] },
        contacts: { phone: '+49 69 90009 204', email: 'hallo@neuanfang-ko.example.org', website: 'https://neuanfang-ko.example.org/' },
        hours: { 'walk-in': 'Mo,We 09:00-12:00, 14:00-17:00; Fr 09:00-12:00; PH off', phone: 'Mo-Fr 08:00-20:00' },
        topics: ['housing', 'debt', 'addiction', 'job'],
        languages: ['de', 'ru', 'uk', 'pl', 'tr'],
        anonymous: false,
        free: true,
        targetGroups: ['women', 'men', 'parents'],
        lastChecked: '2024-11-19',
      }),
      base('Kaiserslautern', 'kaiserslautern-horizont', {
        name: 'Umstiegsberatung Horizont (fiktiv)',
        organisation: 'Frauenhilfe Horizont e. V. (fiktiv)',
        description: {
          de: 'Fiktive Umstiegsberatung für die Westpfalz, mit Chat am Abend und Beratung für junge Menschen.',
          en: 'Fictional counselling on changing jobs for the Westpfalz, with an evening chat and counselling for young people.',
        },
        address: { street: 'Am Musterplatz 2', postcode: '67655', city: 'Kaiserslautern' },
        location: { lat: 49.4432, lon: 7.7716 },
        area: { districts: ['07312', '07335', '07336', '07333'] },
        contacts: { phone: '+49 69 90009 205', email: 'beratung@horizont-kl.example.org', chat: 'https://chat.example.org/horizont-kl' },
        hours: { 'walk-in': 'We 15:00-19:00; Sa[1] 11:00-14:00; PH off', phone: 'Tu-Sa 12:00-20:00; PH off', chat: 'Mo-Fr 16:00-20:00' },
        topics: ['job', 'minors', 'violence', 'psychological', 'family'],
        languages: ['de', 'en', 'ar', 'fa', 'tr'],
        anonymous: true,
        free: true,
        accessibility: { stepFree: true, accessibleToilet: true },
        targetGroups: ['young-people', 'women', 'trans-nonbinary'],
        lastChecked: '2025-05-30',
      }),
    ],
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const write = (name, data) => writeFileSync(fileURLToPath(new URL(`../demo/${name}`, import.meta.url)), `${JSON.stringify(data, null, 2)}\n`);
  write('germany.json', buildGermany());
  write('rheinland-pfalz.json', buildRhinelandPalatinate());
  process.stdout.write('demo/germany.json and demo/rheinland-pfalz.json written\n');
}
