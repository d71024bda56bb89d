/**
 * Import from Open Referral HSDS 3.0 JSON (https://docs.openreferral.org), so
 * portals that already keep their services in HSDS can feed the finder.
 *
 * Accepted shapes: an array of compiled service objects (as the HSDS API returns
 * them, with nested organization, service_at_locations[].location, schedules …);
 * a paginated list (`{ contents: [...] }`); one service, organization (with
 * `services`) or service_at_location object; or the tabular form, an object with
 * one array per table (`service`, `location`, `schedule`, … singular or plural),
 * joined by their `*_id` fields. HSDS 2.0 names that are easy to read
 * (physical_address, regular_schedule, accessibility_for_disabilities, weekday)
 * are read too.
 *
 * One centre per service and physical location. Nothing is dropped silently:
 * every field that holds a value and did not end up in the directory is listed
 * in `report.unmapped` by its JSON path, and every guess or refusal is a line in
 * `report.problems`. Identifiers and link keys (`id`, `*_id`) serve the joins
 * and are not listed. The result passes `checkDirectory`: entries that would
 * not are left out, with the reasons among the problems.
 *
 * Pure TypeScript: no DOM, no Node APIs, so it runs in a browser as well.
 */
import { childPath } from '@wegweiser/core/validate';
import { safeUrl, urlRules } from '@wegweiser/core/safe-url';
import { parseOpeningHours } from '@wegweiser/hours/engine';
import { checkDirectory, checkHours } from './checking.js';
import type { Centre, Channel, Directory, LocalText, TargetGroup, Topic } from './model.js';
import type { Place } from './places.js';
import { fold } from './text.js';

export interface HsdsOptions {
  /** The import date (YYYY-MM-DD) for entries without assured_date or last_modified; default: today (UTC). */
  today?: string;
  /** The language of the HSDS texts (BCP 47); default 'de'. Texts in other languages are keyed by it. */
  language?: string;
  /** The directory's name. */
  name?: string;
  /** Mark the directory and every centre as fictional (demo data). */
  fictional?: boolean;
  /** Topics for services whose taxonomy terms and name give none; without it such services are skipped. */
  fallbackTopics?: Topic[];
  /**
   * The postcode/place table (`Places`), if at hand: it fills the Land and the
   * coordinates from the postcode or city where the HSDS data gives none.
   */
  places?: { postcode(code: string): Place | undefined; search(query: string, limit?: number): Place[] };
}

export interface HsdsReport {
  /** JSON paths of every field present in the input whose value is not in the directory. */
  unmapped: string[];
  /** What was guessed, refused or left out, one sentence each, with the path it concerns. */
  problems: string[];
}

export interface HsdsImport {
  directory: Directory;
  report: HsdsReport;
}

type Obj = Record<string, unknown>;
/** An input object, where it was found, and (tabular form) the rows joined to it, by the name a nested field would have. */
interface Node {
  obj: Obj;
  path: string;
  links: Map<string, Node[]>;
}

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0) || (isObj(v) && Object.keys(v).length === 0);
/** Identifiers and link keys: used for joins, meaningless in the directory. */
const structural = (key: string) => key === 'id' || key.endsWith('_id');

// ---------------------------------------------------------------------------
// Keyword mappings (documented in the package README). Matched against folded
// text (text.ts: case, diacritics, ä/ae, ß/ss), at the start of a word.

/** Taxonomy terms (and, failing those, the service name) to topics. German and English. */
export const topicKeywords: Readonly<Record<Topic, readonly string[]>> = {
  money: ['existenzsicherung', 'sozialleistung', 'burgergeld', 'grundsicherung', 'sozialhilfe', 'finanz', 'geld', 'benefit', 'welfare', 'income', 'financial', 'money'],
  debt: ['schulden', 'schuldner', 'insolvenz', 'debt'],
  housing: ['wohn', 'obdach', 'unterkunft', 'notunterkunft', 'housing', 'shelter', 'homeless', 'accommodation'],
  health: ['gesundheit', 'krankenversicherung', 'medizin', 'arzt', 'sti ', 'hiv ', 'health', 'medical', 'sexual health'],
  psychological: ['psycho', 'seelisch', 'trauma', 'mental health', 'counselling psych'],
  addiction: ['sucht', 'drogen', 'alkohol', 'addiction', 'substance', 'drug', 'alcohol'],
  'residence-legal': ['aufenthalt', 'auslanderrecht', 'asyl', 'rechtsberatung', 'rechtliche', 'legal', 'immigration', 'residence', 'asylum'],
  job: ['beruf', 'arbeit', 'ausbildung', 'qualifizierung', 'umstieg', 'ausstieg', 'job ', 'jobs ', 'employment', 'training', 'career', 'vocational'],
  'language-courses': ['sprachkurs', 'deutschkurs', 'integrationskurs', 'language course', 'language class', 'esol'],
  outreach: ['streetwork', 'aufsuchend', 'outreach'],
  trafficking: ['menschenhandel', 'ausbeutung', 'trafficking', 'exploitation'],
  violence: ['gewalt', 'violence', 'abuse', 'domestic'],
  minors: ['minderjahrig', 'jugend', 'kinder', 'minor', 'youth', 'child'],
  family: ['familie', 'schwanger', 'eltern', 'family', 'pregnan', 'parent'],
};

/** Taxonomy terms to target groups. */
export const targetGroupKeywords: Readonly<Record<TargetGroup, readonly string[]>> = {
  women: ['frauen', 'women '],
  men: ['manner', 'men '],
  'trans-nonbinary': ['trans ', 'transgender', 'trans*', 'nonbinar', 'non binar', 'nicht binar', 'queer'],
  'young-people': ['junge menschen', 'jugendliche', 'young people', 'young adult'],
  migrants: ['migrant', 'gefluchtet', 'fluchtling', 'refugee', 'zugewandert'],
  parents: ['eltern', 'mutter', 'vater', 'parents', 'mother', 'father'],
};

const anonymousKeywords = ['anonym'];
const freeKeywords = ['kostenlos', 'kostenfrei', 'gebuhrenfrei', 'unentgeltlich', 'gratis', 'free of charge', 'no charge', 'no cost', 'free '];

/** Whether a keyword starts a word of `text` (both folded); a keyword ending in a space must be the whole word. */
function matches(text: string, keywords: readonly string[]): boolean {
  const f = ` ${fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  return keywords.some((k) => f.includes(` ${fold(k)}`));
}

const LANDS: Record<string, readonly string[]> = {
  'DE-BW': ['baden-wurttemberg', 'bw'],
  'DE-BY': ['bayern', 'bavaria', 'by'],
  'DE-BE': ['berlin', 'be'],
  'DE-BB': ['brandenburg', 'bb'],
  'DE-HB': ['bremen', 'hb'],
  'DE-HH': ['hamburg', 'hh'],
  'DE-HE': ['hessen', 'hesse', 'he'],
  'DE-MV': ['mecklenburg-vorpommern', 'mecklenburg-western pomerania', 'mv'],
  'DE-NI': ['niedersachsen', 'lower saxony', 'ni', 'nds'],
  'DE-NW': ['nordrhein-westfalen', 'north rhine-westphalia', 'nw', 'nrw'],
  'DE-RP': ['rheinland-pfalz', 'rhineland-palatinate', 'rp', 'rlp'],
  'DE-SL': ['saarland', 'sl'],
  'DE-SN': ['sachsen', 'saxony', 'sn'],
  'DE-ST': ['sachsen-anhalt', 'saxony-anhalt', 'st'],
  'DE-SH': ['schleswig-holstein', 'sh'],
  'DE-TH': ['thuringen', 'thuringia', 'th'],
};
/** Land codes by the first two digits of a Kreisschlüssel. */
const AGS_LAND = ['', 'DE-SH', 'DE-HH', 'DE-NI', 'DE-HB', 'DE-NW', 'DE-HE', 'DE-RP', 'DE-BW', 'DE-BY', 'DE-SL', 'DE-BE', 'DE-BB', 'DE-MV', 'DE-SN', 'DE-ST', 'DE-TH'];

/** 'Rheinland-Pfalz', 'Rhineland-Palatinate', 'RP', 'DE-RP', 'Freistaat Bayern' → the ISO code. */
export function landFromName(name: string): string | undefined {
  const f = fold(name.trim())
    .replace(/^de-/, '')
    .replace(/^(freistaat|freie und hansestadt|freie hansestadt|land|bundesland|state of)\s+/, '')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, ' ');
  for (const [code, names] of Object.entries(LANDS)) if (names.some((n) => fold(n) === f)) return code;
  return undefined;
}

/** ISO 639-2/3 codes whose BCP 47 form is the two-letter ISO 639-1 code. */
const ISO639_3: Record<string, string> = {
  deu: 'de', ger: 'de', eng: 'en', ron: 'ro', rum: 'ro', bul: 'bg', hun: 'hu', pol: 'pl', rus: 'ru', ukr: 'uk', tur: 'tr',
  tha: 'th', ara: 'ar', spa: 'es', fra: 'fr', fre: 'fr', ita: 'it', por: 'pt', fas: 'fa', per: 'fa', vie: 'vi', zho: 'zh',
  chi: 'zh', srp: 'sr', hrv: 'hr', bos: 'bs', sqi: 'sq', alb: 'sq', ell: 'el', gre: 'el', ces: 'cs', cze: 'cs', slk: 'sk',
  slo: 'sk', slv: 'sl', lit: 'lt', lav: 'lv', nld: 'nl', dut: 'nl', kur: 'ku', tir: 'ti', amh: 'am', som: 'so', pus: 'ps',
  hin: 'hi', urd: 'ur', ben: 'bn', tgl: 'tl', swa: 'sw', yor: 'yo', ibo: 'ig', twi: 'tw', fin: 'fi', swe: 'sv', dan: 'da',
  nor: 'no', mkd: 'mk', mac: 'mk', heb: 'he', kat: 'ka', geo: 'ka', hye: 'hy', arm: 'hy', aze: 'az', kaz: 'kk', uzb: 'uz',
};
/** Language names (English and German, folded) to BCP 47. */
const LANGUAGE_NAMES: Record<string, string> = {
  german: 'de', deutsch: 'de', english: 'en', englisch: 'en', romanian: 'ro', rumanisch: 'ro', bulgarian: 'bg', bulgarisch: 'bg',
  hungarian: 'hu', ungarisch: 'hu', polish: 'pl', polnisch: 'pl', russian: 'ru', russisch: 'ru', ukrainian: 'uk', ukrainisch: 'uk',
  turkish: 'tr', turkisch: 'tr', thai: 'th', arabic: 'ar', arabisch: 'ar', spanish: 'es', spanisch: 'es', french: 'fr',
  franzosisch: 'fr', italian: 'it', italienisch: 'it', portuguese: 'pt', portugiesisch: 'pt', persian: 'fa', farsi: 'fa',
  persisch: 'fa', dari: 'prs', vietnamese: 'vi', vietnamesisch: 'vi', chinese: 'zh', chinesisch: 'zh', serbian: 'sr',
  serbisch: 'sr', croatian: 'hr', kroatisch: 'hr', albanian: 'sq', albanisch: 'sq', greek: 'el', griechisch: 'el', czech: 'cs',
  tschechisch: 'cs', slovak: 'sk', slowakisch: 'sk', kurdish: 'ku', kurdisch: 'ku', tigrinya: 'ti', tigrinisch: 'ti',
  amharic: 'am', amharisch: 'am', somali: 'so', pashto: 'ps', paschtu: 'ps', urdu: 'ur', hindi: 'hi', twi: 'tw',
  'german sign language': 'gsg', 'deutsche gebardensprache': 'gsg', dgs: 'gsg',
};

/** An HSDS language code or name as a canonical BCP 47 tag, or undefined. */
export function languageTag(code: string | undefined, name: string | undefined): string | undefined {
  const candidates: string[] = [];
  if (code) {
    const c = code.trim().replace(/_/g, '-');
    const lower = c.toLowerCase();
    candidates.push(ISO639_3[lower] ?? c);
  }
  if (name) {
    const n = LANGUAGE_NAMES[fold(name.trim())];
    if (n) candidates.push(n);
  }
  for (const tag of candidates) {
    if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag)) continue;
    try {
      const [canonical] = Intl.getCanonicalLocales(tag);
      if (canonical && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(canonical)) return canonical;
    } catch {
      // not a tag: try the next candidate
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const OSM_DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
const DAY_NAMES: Record<string, number> = {
  monday: 0, montag: 0, tuesday: 1, dienstag: 1, wednesday: 2, mittwoch: 2, thursday: 3, donnerstag: 3,
  friday: 4, freitag: 4, saturday: 5, samstag: 5, sonnabend: 5, sunday: 6, sonntag: 6,
};
const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

function isDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
}
/** The date part of an ISO date or date-time, if it is a real date. */
function datePart(s: string | undefined): string | undefined {
  const d = s?.trim().slice(0, 10);
  return d && isDate(d) && (s!.trim().length === 10 || /^.{10}[T ]/.test(s!.trim())) ? d : undefined;
}
const osmDate = (d: string) => `${d.slice(0, 4)} ${MONTHS[+d.slice(5, 7) - 1]} ${d.slice(8, 10)}`;

/** Weekday indices as OSM: "Mo-Fr", "Mo,We,Fr", "Mo-We,Sa". */
function dayList(days: number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    const a = OSM_DAYS[sorted[i]!]!, b = OSM_DAYS[sorted[j]!]!;
    parts.push(j === i ? a : j === i + 1 ? `${a},${b}` : `${a}-${b}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** Collapses whitespace, removes control characters, cuts at `max` (reported). */
function cleanText(s: string, max: number, note: (m: string) => void): string {
  // Control characters and bidi overrides (which can make text read differently than it is stored) go.
  // eslint-disable-next-line no-control-regex
  let t = s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g, '').replace(/[ \t]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
  if (t.length > max) {
    note(`cut to ${max} characters`);
    t = `${t.slice(0, max - 1).trimEnd()}…`;
  }
  return t;
}
/** HSDS descriptions may hold HTML or Markdown; the finder shows plain text. */
function plainText(s: string): string {
  return s
    .replace(/<(br|\/p|\/li|\/div)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/&amp;/g, '&');
}

function slug(s: string): string {
  return fold(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 56)
    .replace(/-+$/, '');
}

// ---------------------------------------------------------------------------

class Reader {
  readonly used = new Set<string>();
  readonly nodes = new Map<string, Node>();
  readonly problems: string[] = [];
  /** Every row of the tabular form: those no centre reached are reported whole. */
  readonly rows: Node[] = [];

  node(obj: Obj, path: string): Node {
    let n = this.nodes.get(path);
    if (!n) this.nodes.set(path, (n = { obj, path, links: new Map() }));
    return n;
  }
  mark(n: Node, key: string): void {
    this.used.add(childPath(n.path, key));
  }
  problem(path: string, message: string): void {
    this.problems.push(`${path}: ${message}`);
  }
  /** A non-empty string (numbers are read as strings); not marked as used: call `mark` once it is. */
  peek(n: Node, key: string): string | undefined {
    const v = n.obj[key];
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    return typeof v === 'string' && v.trim() ? v : undefined;
  }
  /** A non-empty string, marked as used. */
  str(n: Node, key: string): string | undefined {
    const v = this.peek(n, key);
    if (v !== undefined) this.mark(n, key);
    return v;
  }
  /** Nested objects under `key` (an array or a single object) and the rows joined under that name. */
  kids(n: Node, key: string): Node[] {
    const v = n.obj[key];
    const out: Node[] = [];
    if (Array.isArray(v)) {
      v.forEach((item, i) => isObj(item) && out.push(this.node(item, childPath(childPath(n.path, key), i))));
      if (out.length) this.mark(n, key);
    } else if (isObj(v)) {
      out.push(this.node(v, childPath(n.path, key)));
      this.mark(n, key);
    }
    return [...out, ...(n.links.get(key) ?? [])];
  }
  /** Services that gave no centre: reported whole, not field by field. */
  readonly skipped: string[] = [];
  /** Every field with a value that nothing used. */
  unmapped(): string[] {
    const out: string[] = [...this.skipped];
    const inSkipped = (path: string) => this.skipped.some((s) => path.startsWith(`${s}.`) || path.startsWith(`${s}[`));
    for (const n of this.nodes.values()) {
      if (n.path !== '$' && inSkipped(n.path)) continue;
      for (const [key, value] of Object.entries(n.obj)) {
        if (structural(key) || isEmpty(value)) continue;
        const path = childPath(n.path, key);
        if (!this.used.has(path) && !this.skipped.includes(n.path)) out.push(path);
      }
    }
    for (const row of this.rows) if (!this.nodes.has(row.path)) out.push(row.path);
    return out;
  }
}

/** Table names of the tabular form, singular and plural (HSDS 3.0 uses the singular). */
const TABLES = {
  service: ['service', 'services'],
  organization: ['organization', 'organizations'],
  location: ['location', 'locations'],
  service_at_location: ['service_at_location', 'service_at_locations', 'services_at_location', 'services_at_locations'],
  address: ['address', 'addresses'],
  physical_address: ['physical_address', 'physical_addresses'],
  postal_address: ['postal_address', 'postal_addresses'],
  phone: ['phone', 'phones'],
  schedule: ['schedule', 'schedules', 'regular_schedule', 'regular_schedules'],
  language: ['language', 'languages'],
  accessibility: ['accessibility', 'accessibility_for_disabilities'],
  attribute: ['attribute', 'attributes'],
  taxonomy_term: ['taxonomy_term', 'taxonomy_terms'],
  service_area: ['service_area', 'service_areas'],
  url: ['url', 'urls'],
} as const;
const PAGING = ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty'];

/** Service nodes of the tabular form, with their rows joined under the names of the compiled form. */
function joinTables(top: Node, r: Reader): Node[] {
  const tables = new Map<keyof typeof TABLES, Node[]>();
  for (const [table, names] of Object.entries(TABLES) as [keyof typeof TABLES, readonly string[]][]) {
    for (const key of names) {
      const rows = top.obj[key];
      if (!Array.isArray(rows)) continue;
      r.mark(top, key);
      const nodes = tables.get(table) ?? [];
      rows.forEach((row, i) => isObj(row) && nodes.push({ obj: row, path: childPath(childPath(top.path, key), i), links: new Map() }));
      tables.set(table, nodes);
    }
  }
  // Rows are registered (and so checked for unmapped fields) only once reached from a service;
  // rows never reached are reported whole, below.
  const reached = (n: Node) => {
    if (!r.nodes.has(n.path)) r.nodes.set(n.path, n);
    return r.nodes.get(n.path)!;
  };
  const by = (table: keyof typeof TABLES, key: string, value: unknown, also?: (n: Node) => boolean) =>
    value === undefined ? [] : (tables.get(table) ?? []).filter((n) => n.obj[key] === value && (!also || also(n)));
  const link = (n: Node, name: string, rows: Node[]) => rows.length && n.links.set(name, [...(n.links.get(name) ?? []), ...rows.map(reached)]);
  const noLink = (...keys: string[]) => (n: Node) => keys.every((k) => isEmpty(n.obj[k]));

  const linkLanguagesAndAttributes = (n: Node, key: string) => {
    link(n, 'languages', by('language', key, n.obj['id'], key === 'location_id' ? noLink('service_id', 'phone_id') : undefined));
    const attributes = by('attribute', 'link_id', n.obj['id']);
    for (const a of attributes) link(a, 'taxonomy_term', by('taxonomy_term', 'id', a.obj['taxonomy_term_id']));
    link(n, 'attributes', attributes);
  };
  const linked = new Set<Node>();
  const linkLocation = (loc: Node) => {
    if (linked.has(loc)) return;
    linked.add(loc);
    const id = loc.obj['id'];
    link(loc, 'addresses', by('address', 'location_id', id));
    link(loc, 'physical_address', by('physical_address', 'location_id', id));
    link(loc, 'postal_address', by('postal_address', 'location_id', id));
    link(loc, 'phones', by('phone', 'location_id', id, noLink('service_id', 'service_at_location_id')));
    link(loc, 'schedules', by('schedule', 'location_id', id, noLink('service_id', 'service_at_location_id')));
    link(loc, 'accessibility', by('accessibility', 'location_id', id));
    linkLanguagesAndAttributes(loc, 'location_id');
  };
  const linkPhones = (phones: Node[]) => phones.forEach((p) => link(p, 'languages', by('language', 'phone_id', p.obj['id'])));

  const services = (tables.get('service') ?? []).map(reached);
  for (const s of services) {
    const id = s.obj['id'];
    const org = by('organization', 'id', s.obj['organization_id']);
    for (const o of org) if (!linked.has(o) && linked.add(o)) link(o, 'phones', by('phone', 'organization_id', o.obj['id'], noLink('service_id', 'location_id', 'contact_id')));
    link(s, 'organization', org);
    const sals = by('service_at_location', 'service_id', id);
    for (const sal of sals) {
      const loc = by('location', 'id', sal.obj['location_id']);
      loc.forEach(linkLocation);
      link(sal, 'location', loc);
      const phones = by('phone', 'service_at_location_id', sal.obj['id']);
      linkPhones(phones);
      link(sal, 'phones', phones);
      link(sal, 'schedules', by('schedule', 'service_at_location_id', sal.obj['id']));
    }
    link(s, 'service_at_locations', sals);
    // A service without service_at_location rows but with a location_id on its schedules or phones is rare; not guessed.
    const phones = by('phone', 'service_id', id, noLink('service_at_location_id'));
    linkPhones(phones);
    link(s, 'phones', phones);
    link(s, 'schedules', by('schedule', 'service_id', id, noLink('service_at_location_id')));
    link(s, 'service_areas', by('service_area', 'service_id', id));
    link(s, 'additional_urls', by('url', 'service_id', id));
    linkLanguagesAndAttributes(s, 'service_id');
    // For the organization fallback (a service without a location of its own).
    for (const o of org) {
      if (o.links.has('locations')) continue;
      const locs = by('location', 'organization_id', o.obj['id']);
      locs.forEach(linkLocation);
      o.links.set('locations', locs);
    }
  }
  for (const nodes of tables.values()) r.rows.push(...nodes);
  return services;
}

/** The service nodes of any accepted shape. */
function services(input: unknown, r: Reader): Node[] {
  if (Array.isArray(input)) {
    const out: Node[] = [];
    input.forEach((item, i) => {
      if (!isObj(item)) return r.problem(`$[${i}]`, 'not an object; ignored');
      out.push(...record(r.node(item, `$[${i}]`), r));
    });
    return out;
  }
  if (!isObj(input)) {
    r.problem('$', 'expected HSDS JSON: an array of services, a paginated list, or an object with one array per table');
    return [];
  }
  const top = r.node(input, '$');
  if (Array.isArray(input['contents'])) {
    for (const key of PAGING) if (key in input) r.mark(top, key);
    return r.kids(top, 'contents').flatMap((n) => record(n, r));
  }
  if (typeof input['name'] === 'string') return record(top, r);
  const found = joinTables(top, r);
  if (!found.length) r.problem('$', 'no services found (expected a "service" table or service objects)');
  return found;
}

/** A service, or the services of an organization or service_at_location record. */
function record(n: Node, r: Reader): Node[] {
  if (isObj(n.obj['service']) && !('service_at_locations' in n.obj)) {
    // A compiled service_at_location: its service, at this one location.
    const [service] = r.kids(n, 'service');
    service!.links.set('service_at_locations', [n]);
    return [service!];
  }
  if (Array.isArray(n.obj['services']) && !('service_at_locations' in n.obj)) {
    const services = r.kids(n, 'services');
    for (const s of services) if (!isObj(s.obj['organization'])) s.links.set('organization', [n]);
    return services;
  }
  return [n];
}

// ---------------------------------------------------------------------------

interface Ctx {
  r: Reader;
  options: HsdsOptions;
  today: string;
  language: string;
}

function localText(text: string, ctx: Ctx): LocalText {
  return ctx.language === 'de' ? text : { [ctx.language]: text };
}

function phoneNumber(n: Node, ctx: Ctx): string | undefined {
  const raw = ctx.r.peek(n, 'number');
  if (!raw) return undefined;
  const type = ctx.r.peek(n, 'type')?.toLowerCase();
  if (type && !['voice', 'cell', 'text', 'textphone', 'video'].includes(type)) return undefined;
  let number = raw.trim().replace(/^["']+|["']+$/g, '').trim();
  const ext = ctx.r.peek(n, 'extension');
  if (ext && /^\d{1,6}$/.test(ext)) number = `${number}-${ext}`;
  if (!/^\+?[0-9 ()/-]{3,30}$/.test(number)) {
    ctx.r.problem(childPath(n.path, 'number'), `"${raw.slice(0, 40)}" is not a phone number the directory accepts; left out`);
    return undefined;
  }
  ctx.r.str(n, 'number');
  if (type) ctx.r.mark(n, 'type');
  if (ext && number.endsWith(`-${ext}`)) ctx.r.mark(n, 'extension');
  return number;
}

function timeOf(value: string, path: string, ctx: Ctx, end: boolean): number | undefined {
  const m = /^(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(value.trim());
  if (!m || +m[1]! > 24 || +m[2]! > 59 || (+m[1]! === 24 && +m[2]! > 0)) {
    ctx.r.problem(path, `"${value.slice(0, 20)}" is not a time (HH:MM)`);
    return undefined;
  }
  const zone = m[3]?.toUpperCase().replace(':', '');
  if (zone && zone !== '+0100' && zone !== '+0200') {
    ctx.r.problem(path, `time zone ${m[3]} read as German local time (the directory's hours are local)`);
  }
  const minutes = +m[1]! * 60 + +m[2]!;
  return end && minutes === 0 ? 1440 : minutes;
}

/** One HSDS schedule as an opening_hours rule, or undefined (with the reason among the problems). */
function scheduleRule(n: Node, ctx: Ctx): { rule: string; channel: Channel } | undefined {
  const { r } = ctx;
  const opens = r.peek(n, 'opens_at');
  const closes = r.peek(n, 'closes_at');
  if (!opens || !closes) {
    r.problem(n.path, 'a schedule without opens_at and closes_at cannot be read as opening hours');
    return undefined;
  }
  const freq = r.peek(n, 'freq')?.toUpperCase();
  if (freq && freq !== 'WEEKLY' && freq !== 'MONTHLY') {
    r.problem(childPath(n.path, 'freq'), `freq ${freq} is not supported (only WEEKLY and MONTHLY)`);
    return undefined;
  }
  const interval = r.peek(n, 'interval');
  if (interval && interval !== '1') {
    r.problem(childPath(n.path, 'interval'), `an interval of ${interval} (every ${interval} weeks or months) cannot be written in the hours syntax`);
    return undefined;
  }
  for (const key of ['bymonthday', 'byyearday', 'byweekno', 'count', 'until']) {
    if (!isEmpty(n.obj[key])) {
      r.problem(childPath(n.path, key), `${key} cannot be written in the hours syntax; schedule left out`);
      return undefined;
    }
  }
  // Days: byday (RRULE), or HSDS 2's weekday name.
  const days: { day: number; nth?: number }[] = [];
  const byday = r.peek(n, 'byday');
  const weekday = r.peek(n, 'weekday');
  if (byday) {
    for (const part of byday.split(',')) {
      const m = /^\s*([+-]?[1-5])?\s*(MO|TU|WE|TH|FR|SA|SU)\s*$/i.exec(part);
      if (!m || (m[1] && freq !== 'MONTHLY')) {
        r.problem(childPath(n.path, 'byday'), `"${part.trim().slice(0, 20)}" is not a weekday the hours syntax can express`);
        return undefined;
      }
      days.push({ day: WEEKDAYS.indexOf(m[2]!.toUpperCase()), ...(m[1] ? { nth: +m[1] } : {}) });
    }
  } else if (weekday && DAY_NAMES[fold(weekday.trim())] !== undefined) {
    days.push({ day: DAY_NAMES[fold(weekday.trim())]! });
  } else {
    r.problem(n.path, 'a schedule without byday (or weekday) does not say on which days; left out');
    return undefined;
  }
  const from = timeOf(opens, childPath(n.path, 'opens_at'), ctx, false);
  const to = timeOf(closes, childPath(n.path, 'closes_at'), ctx, true);
  if (from === undefined || to === undefined) return undefined;
  if (from === to) {
    r.problem(n.path, 'opens_at and closes_at are the same time; left out');
    return undefined;
  }
  const zone = r.peek(n, 'timezone');
  if (zone && zone !== '1' && zone !== '2') r.problem(childPath(n.path, 'timezone'), `UTC offset ${zone} ignored: the times are read as German local time`);

  // Validity: a date range with years.
  let dates = '';
  const validFrom = r.peek(n, 'valid_from');
  const validTo = r.peek(n, 'valid_to');
  const vf = datePart(validFrom);
  const vt = datePart(validTo);
  if ((validFrom && !vf) || (validTo && !vt)) {
    r.problem(n.path, 'valid_from or valid_to is not a date (YYYY-MM-DD); schedule left out');
    return undefined;
  }
  if (vt && vt < ctx.today) {
    r.problem(childPath(n.path, 'valid_to'), `the schedule ended on ${vt}; left out`);
    return undefined;
  }
  if (vt) dates = `${osmDate(vf && vf < vt ? vf : ctx.today < vt ? ctx.today : vt)}-${osmDate(vt)} `;
  else if (vf && vf > ctx.today) {
    r.problem(childPath(n.path, 'valid_from'), `a schedule starting on ${vf} without an end cannot be written in the hours syntax; left out`);
    return undefined;
  }

  const plain = days.filter((d) => d.nth === undefined).map((d) => d.day);
  const nth = new Map<number, number[]>();
  for (const d of days) if (d.nth !== undefined) nth.set(d.day, [...(nth.get(d.day) ?? []), d.nth]);
  const dayText = [plain.length ? dayList(plain) : '', ...[...nth].sort((a, b) => a[0] - b[0]).map(([d, ns]) => `${OSM_DAYS[d]}[${ns.join(',')}]`)].filter(Boolean).join(',');
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

  const attending = r.peek(n, 'attending_type');
  let channel: Channel = 'walk-in';
  if (attending) {
    const f = fold(attending);
    if (/phone|telefon/.test(f)) channel = 'phone';
    else if (/chat|online|video|virtual/.test(f)) channel = 'chat';
    else if (/street|aufsuchend|outreach/.test(f)) channel = 'streetwork';
    else if (/e-?mail/.test(f)) channel = 'email';
    else if (!/person|vor ort|walk|offen|drop|besuch|sprechstunde/.test(f)) {
      r.problem(childPath(n.path, 'attending_type'), `"${attending.slice(0, 40)}" read as walk-in`);
    }
  }
  for (const key of ['opens_at', 'closes_at', 'freq', 'interval', 'byday', 'weekday', 'timezone', 'valid_from', 'valid_to', 'attending_type', 'wkst']) {
    if (!isEmpty(n.obj[key])) r.mark(n, key);
  }
  return { rule: `${dates}${dayText} ${hhmm(from)}-${hhmm(to)}`, channel };
}

function hoursOf(schedules: Node[], ctx: Ctx, path: string): Centre['hours'] {
  const rules = new Map<Channel, string[]>();
  for (const s of schedules) {
    const got = scheduleRule(s, ctx);
    if (got) rules.set(got.channel, [...(rules.get(got.channel) ?? []), got.rule]);
  }
  const hours: Partial<Record<Channel, string>> = {};
  for (const [channel, list] of rules) {
    // "," joins additional rules: every schedule adds opening times, none overrides another.
    const text = [...new Set(list)].join(', ');
    try {
      parseOpeningHours(text);
      hours[channel] = text;
    } catch (error) {
      ctx.r.problem(path, `the ${channel} hours "${text.slice(0, 80)}" could not be read back (${(error as Error).message}); left out`);
    }
  }
  return Object.keys(hours).length ? hours : undefined;
}

interface AddressPick {
  node: Node;
  postal: boolean;
}
function pickAddress(loc: Node, r: Reader): AddressPick | undefined {
  const list: AddressPick[] = [];
  for (const a of r.kids(loc, 'addresses')) list.push({ node: a, postal: (r.peek(a, 'address_type') ?? 'physical').toLowerCase() !== 'physical' });
  for (const a of r.kids(loc, 'physical_address')) list.push({ node: a, postal: false });
  for (const a of r.kids(loc, 'postal_address')) list.push({ node: a, postal: true });
  return list.find((a) => !a.postal && r.peek(a.node, 'city')) ?? list.find((a) => r.peek(a.node, 'city'));
}

/** One centre from a service at a location (or without one, when the service has none). */
function centreOf(service: Node, org: Node | undefined, sal: Node | undefined, loc: Node | undefined, ctx: Ctx, suffix: string): Centre | undefined {
  const { r } = ctx;
  const path = sal?.path ?? service.path;
  const note = (p: string) => (m: string) => r.problem(p, m);

  const status = r.peek(service, 'status');
  if (status) {
    if (fold(status) !== 'active') {
      r.problem(childPath(service.path, 'status'), `status "${status.slice(0, 30)}": not imported`);
      return undefined;
    }
    r.mark(service, 'status');
  }
  const rawName = r.str(service, 'name');
  if (!rawName) {
    r.problem(service.path, 'a service without a name; skipped');
    return undefined;
  }
  let name = cleanText(rawName, 200, note(childPath(service.path, 'name')));
  if (suffix && loc) {
    const locName = r.peek(loc, 'name');
    if (locName) {
      r.mark(loc, 'name');
      name = cleanText(`${name} – ${locName}`, 200, note(childPath(loc.path, 'name')));
    }
  }

  // Address, Land, coordinates.
  const picked = loc ? pickAddress(loc, r) : undefined;
  const addr = picked?.node;
  if (!addr) {
    r.problem(loc?.path ?? path, 'no address with a city; skipped (the directory needs at least the city)');
    return undefined;
  }
  const country = r.peek(addr, 'country');
  if (country) {
    if (!/^(de|deu|germany|deutschland)$/i.test(country.trim())) {
      r.problem(childPath(addr.path, 'country'), `country "${country.slice(0, 20)}": the directory covers Germany only; skipped`);
      return undefined;
    }
    r.mark(addr, 'country');
  }
  const city = cleanText(r.str(addr, 'city')!, 100, note(childPath(addr.path, 'city')));
  const address: Centre['address'] = { city };
  if (!picked.postal) {
    if (picked.node.obj['address_type'] !== undefined) r.mark(addr, 'address_type');
    const line1 = r.peek(addr, 'address_1');
    const line2 = r.peek(addr, 'address_2');
    const street = [line1, line2].filter(Boolean).join(', ');
    if (street) {
      address.street = cleanText(street, 200, note(childPath(addr.path, 'address_1')));
      if (line1) r.mark(addr, 'address_1');
      if (line2) r.mark(addr, 'address_2');
    }
  }
  const postcode = r.peek(addr, 'postal_code')?.trim();
  if (postcode && /^\d{5}$/.test(postcode)) {
    if (!picked.postal) address.postcode = postcode;
    r.mark(addr, 'postal_code');
  } else if (postcode) r.problem(childPath(addr.path, 'postal_code'), `"${postcode.slice(0, 12)}" is not a German postcode; left out`);
  const transport = loc && r.peek(loc, 'transportation');
  if (transport) {
    address.note = localText(cleanText(plainText(transport), 2000, note(childPath(loc.path, 'transportation'))), ctx);
    r.mark(loc!, 'transportation');
  }

  const byPostcode = postcode && /^\d{5}$/.test(postcode) ? ctx.options.places?.postcode(postcode) : undefined;
  const byCity = byPostcode ? undefined : ctx.options.places?.search(city, 5).find((p) => fold(p.label) === fold(city));
  let land: string | undefined;
  for (const key of ['state_province', 'region']) {
    const v = r.peek(addr, key);
    if (!v) continue;
    land = landFromName(v);
    if (land) {
      r.mark(addr, key);
      break;
    }
    if (key === 'state_province') r.problem(childPath(addr.path, key), `"${v.slice(0, 40)}" is not a German Land`);
  }
  const district = byPostcode?.district ?? byCity?.district;
  land ??= district ? AGS_LAND[Number(district.slice(0, 2))] : undefined;
  // The city states need no postcode.
  if (!land && ['berlin', 'hamburg', 'bremen', 'bremerhaven'].includes(fold(city))) land = fold(city) === 'bremerhaven' ? 'DE-HB' : landFromName(city);
  if (!land) {
    r.problem(addr.path, 'no Land: state_province is missing and the postcode is unknown; skipped');
    return undefined;
  }

  let location: Centre['location'];
  const lat = loc?.obj['latitude'];
  const lon = loc?.obj['longitude'];
  if (typeof lat === 'number' && typeof lon === 'number' && lat >= 47 && lat <= 55.2 && lon >= 5.8 && lon <= 15.1) {
    location = { lat, lon };
    r.mark(loc!, 'latitude');
    r.mark(loc!, 'longitude');
  } else {
    if (lat !== undefined || lon !== undefined) r.problem(loc!.path, `coordinates ${String(lat)}, ${String(lon)} are not in Germany; left out`);
    const guess = byPostcode ?? byCity;
    if (guess) {
      location = { lat: guess.lat, lon: guess.lon };
      r.problem(loc?.path ?? path, `coordinates taken from ${byPostcode ? `the postcode ${postcode}` : `the town ${city}`}`);
    }
  }

  // Contacts.
  const contacts: NonNullable<Centre['contacts']> = {};
  const phoneSources = [...(sal ? r.kids(sal, 'phones') : []), ...(loc ? r.kids(loc, 'phones') : []), ...r.kids(service, 'phones'), ...(org ? r.kids(org, 'phones') : [])];
  for (const p of phoneSources) {
    const number = phoneNumber(p, ctx);
    if (number) {
      contacts.phone = number;
      break;
    }
  }
  const email = [service, org].map((n) => n && r.peek(n, 'email')).find(Boolean);
  if (email) {
    const owner = r.peek(service, 'email') ? service : org!;
    if (/^[^\s@<>"'(),;:[\]\\]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/.test(email.trim())) {
      contacts.email = email.trim();
      r.mark(owner, 'email');
    } else r.problem(childPath(owner.path, 'email'), `"${email.slice(0, 40)}" is not an e-mail address; left out`);
  }
  // Core's safe-URL rule, the same the directory check and the finder apply.
  const httpUrl = (s: string | undefined, secure = false) => safeUrl(s, secure ? urlRules.securePage : urlRules.webPage, undefined) ?? undefined;
  for (const [n, key] of [[service, 'url'], [org, 'website']] as const) {
    const v = n && r.peek(n, key);
    if (!v) continue;
    if (httpUrl(v) && !contacts.website) {
      contacts.website = httpUrl(v)!;
      r.mark(n, key);
    } else if (!httpUrl(v)) r.problem(childPath(n.path, key), `"${v.slice(0, 60)}" is not an http(s) address; left out`);
  }
  for (const u of r.kids(service, 'additional_urls')) {
    const label = r.peek(u, 'label');
    const url = httpUrl(r.peek(u, 'url'), true);
    if (label && /chat/i.test(label) && url && !contacts.chat) {
      contacts.chat = url;
      r.mark(u, 'url');
      r.mark(u, 'label');
    }
  }

  // Hours: the schedules of this service at this location, else of the service, else of the location.
  const schedules = (sal && r.kids(sal, 'schedules').length ? r.kids(sal, 'schedules') : null) ?? (r.kids(service, 'schedules').length ? r.kids(service, 'schedules') : null) ?? (loc ? r.kids(loc, 'schedules') : []);
  const hours = hoursOf(schedules, ctx, path);

  // Topics, target groups, anonymous, free: from taxonomy terms.
  const topics = new Set<Topic>();
  const groups = new Set<TargetGroup>();
  let anonymous: boolean | undefined;
  let free: boolean | undefined;
  const attributes = [...r.kids(service, 'attributes'), ...(sal ? r.kids(sal, 'attributes') : []), ...(loc ? r.kids(loc, 'attributes') : [])];
  for (const a of attributes) {
    const [term] = r.kids(a, 'taxonomy_term');
    const words = [term && r.peek(term, 'name'), term && r.peek(term, 'code'), r.peek(a, 'label'), r.peek(a, 'value')].filter((w): w is string => !!w).join(' ');
    let used = false;
    for (const [topic, keys] of Object.entries(topicKeywords) as [Topic, readonly string[]][]) {
      if (matches(words, keys)) used = !!topics.add(topic);
    }
    for (const [group, keys] of Object.entries(targetGroupKeywords) as [TargetGroup, readonly string[]][]) {
      if (matches(words, keys)) used = !!groups.add(group);
    }
    if (matches(words, anonymousKeywords)) used = anonymous = true;
    if (matches(words, freeKeywords)) used = free = true;
    if (used) {
      if (term) for (const key of ['name', 'code']) if (r.peek(term, key)) r.mark(term, key);
      for (const key of ['label', 'value']) if (r.peek(a, key)) r.mark(a, key);
      for (const key of ['link_type', 'link_entity']) if (r.peek(a, key)) r.mark(a, key);
      if (term) for (const key of ['taxonomy', 'language', 'term_uri', 'description', 'parent_id']) if (!isEmpty(term.obj[key])) r.mark(term, key);
    }
  }
  if (!topics.size) {
    for (const [topic, keys] of Object.entries(topicKeywords) as [Topic, readonly string[]][]) if (matches(rawName, keys)) topics.add(topic);
    if (topics.size) r.problem(service.path, `topics taken from the name: ${[...topics].join(', ')}`);
  }
  if (!topics.size && ctx.options.fallbackTopics?.length) {
    ctx.options.fallbackTopics.forEach((t) => topics.add(t));
    r.problem(service.path, `no topic in the taxonomy terms or the name; given the fallback topics ${ctx.options.fallbackTopics.join(', ')}`);
  }
  if (!topics.size) {
    r.problem(service.path, 'no topic could be derived from the taxonomy terms or the name; skipped (give fallback topics to import it)');
    return undefined;
  }
  const fees = r.peek(service, 'fees_description');
  if (fees && matches(fees, freeKeywords) && !/\d/.test(fees)) {
    free = true;
    r.mark(service, 'fees_description');
  }
  for (const c of r.kids(service, 'cost_options')) {
    const amount = c.obj['amount'];
    if (amount === 0 && isEmpty(c.obj['option'])) {
      free = true;
      r.mark(c, 'amount');
      if (!isEmpty(c.obj['currency'])) r.mark(c, 'currency');
    }
  }

  // Languages: of the service, the location and the phones.
  const languages = new Set<string>();
  let signLanguage = false;
  const languageNodes = [...r.kids(service, 'languages'), ...(loc ? r.kids(loc, 'languages') : []), ...phoneSources.flatMap((p) => r.kids(p, 'languages'))];
  for (const l of languageNodes) {
    const code = r.peek(l, 'code');
    const lname = r.peek(l, 'name');
    const tag = languageTag(code, lname);
    if (!tag) {
      if (code || lname) r.problem(l.path, `language "${(code ?? lname)!.slice(0, 30)}" is not a known code or name; left out`);
      continue;
    }
    languages.add(tag);
    if (tag === 'gsg') signLanguage = true;
    if (code) r.mark(l, 'code');
    if (lname) r.mark(l, 'name');
  }

  // Accessibility: the description kept as a note, known features as flags.
  const accessibility: NonNullable<Centre['accessibility']> = {};
  const notes: string[] = [];
  if (loc) {
    for (const a of [...r.kids(loc, 'accessibility'), ...r.kids(loc, 'accessibility_for_disabilities')]) {
      for (const key of ['description', 'details', 'accessibility']) {
        const v = r.str(a, key);
        if (!v) continue;
        notes.push(plainText(v));
        const f = fold(v);
        if (/rollstuhl|wheelchair|stufenlos|step-free|step free|barrierefrei|ebenerdig|aufzug|lift|elevator|ramp/.test(f) && !/nicht barrierefrei|not (wheelchair )?accessible|kein aufzug|no lift|keine rampe|stufen am eingang/.test(f)) accessibility.stepFree = true;
        if (/(behinderten|barrierefrei|rollstuhl|accessible|wheelchair)[- ]?(wc|toilet)|toilette.*barrierefrei|accessible toilet|behindertengerechte toilette|rollstuhlgerechtes wc/.test(f)) accessibility.accessibleToilet = true;
        if (/gebardensprache|sign language|\bdgs\b/.test(f)) accessibility.signLanguage = true;
        if (/leichte[nr]? sprache|easy read|easy language/.test(f)) accessibility.easyLanguage = true;
      }
    }
  }
  if (signLanguage) accessibility.signLanguage = true;
  if (notes.length) accessibility.note = localText(cleanText(notes.join('\n'), 2000, note(`${loc!.path}.accessibility`)), ctx);

  // Area of responsibility: Länder named, or postcodes listed as text.
  const area: NonNullable<Centre['area']> = {};
  for (const a of r.kids(service, 'service_areas')) {
    const areaName = r.peek(a, 'name');
    const l = areaName && landFromName(areaName);
    if (l) {
      area.lands = [...new Set([...(area.lands ?? []), l])];
      r.mark(a, 'name');
    }
    const extent = r.peek(a, 'extent');
    if (extent && /^text$/i.test(r.peek(a, 'extent_type') ?? '') && /^\s*\d{1,5}(\s*[,;]\s*\d{1,5})*\s*$/.test(extent)) {
      area.postcodePrefixes = [...new Set([...(area.postcodePrefixes ?? []), ...extent.split(/[,;]/).map((s) => s.trim())])];
      r.mark(a, 'extent');
      r.mark(a, 'extent_type');
    }
  }

  // Description: the service's, and what is said of it at this location.
  const descriptions: string[] = [];
  for (const n of [service, sal]) {
    const d = n && r.str(n, 'description');
    if (d) descriptions.push(plainText(d));
  }

  // Last checked.
  let lastChecked = datePart(r.peek(service, 'assured_date'));
  if (lastChecked) r.mark(service, 'assured_date');
  else {
    lastChecked = datePart(r.peek(service, 'last_modified'));
    if (lastChecked) r.mark(service, 'last_modified');
  }
  if (!lastChecked) {
    lastChecked = ctx.today;
    r.problem(service.path, `no usable assured_date or last_modified: lastChecked set to the import date ${ctx.today}`);
  }

  const orgName = org && r.peek(org, 'name');
  if (orgName) r.mark(org!, 'name');
  const baseId = slug(r.peek(service, 'id') ?? rawName) || 'centre';
  return {
    id: `${baseId}${suffix}`,
    name,
    ...(orgName ? { organisation: cleanText(orgName, 200, note(childPath(org!.path, 'name'))) } : {}),
    ...(ctx.options.fictional ? { fictional: true } : {}),
    ...(descriptions.length ? { description: localText(cleanText(descriptions.join('\n\n'), 2000, note(childPath(service.path, 'description'))), ctx) } : {}),
    address,
    ...(location ? { location } : {}),
    land,
    ...(Object.keys(contacts).length ? { contacts } : {}),
    ...(hours ? { hours } : {}),
    topics: [...topics],
    ...(languages.size ? { languages: [...languages] } : {}),
    ...(anonymous !== undefined ? { anonymous } : {}),
    ...(free !== undefined ? { free } : {}),
    ...(Object.keys(accessibility).length ? { accessibility } : {}),
    ...(groups.size ? { targetGroups: [...groups] } : {}),
    ...(Object.keys(area).length ? { area } : {}),
    lastChecked,
  };
}

/**
 * Reads HSDS JSON (already parsed) into a directory. Never throws on bad data:
 * what cannot be used is reported.
 */
export function importHsds(input: unknown, options: HsdsOptions = {}): HsdsImport {
  const r = new Reader();
  const today = options.today && isDate(options.today) ? options.today : new Date().toISOString().slice(0, 10);
  const language = options.language ? (languageTag(options.language, undefined) ?? 'de') : 'de';
  const ctx: Ctx = { r, options, today, language };
  const centres: Centre[] = [];
  const ids = new Set<string>();

  for (const service of services(input, r)) {
    const [org] = r.kids(service, 'organization');
    let pairs: { sal?: Node; loc?: Node }[] = r.kids(service, 'service_at_locations').map((sal) => ({ sal, loc: r.kids(sal, 'location')[0] }));
    // Virtual locations are not places to go to.
    pairs = pairs.filter(({ loc }) => {
      if (loc && (r.peek(loc, 'location_type') ?? 'physical').toLowerCase() !== 'physical') return false;
      if (loc && loc.obj['location_type'] !== undefined) r.mark(loc, 'location_type');
      return true;
    });
    if (!pairs.length && org) {
      const locs = r
        .kids(org, 'locations')
        .map((location) => {
          // The same location seen before (under a service) is the node already marked.
          const known = r.nodes.get(location.path);
          if (known) return known;
          r.nodes.set(location.path, location);
          return location;
        })
        .filter((location) => (r.peek(location, 'location_type') ?? 'physical').toLowerCase() === 'physical');
      if (locs.length === 1) {
        pairs = [{ loc: locs[0]! }];
        if (locs[0]!.obj['location_type'] !== undefined) r.mark(locs[0]!, 'location_type');
        r.problem(service.path, `no service_at_location: the organization's only location ${locs[0]!.path} is used`);
      }
    }
    if (!pairs.length) pairs = [{}];
    let made = 0;
    pairs.forEach(({ sal, loc }, i) => {
      const centre = centreOf(service, org, sal, loc, ctx, pairs.length > 1 ? `-${i + 1}` : '');
      if (!centre) return;
      made++;
      // Unique ids: a second service with the same slug gets a number.
      let id = centre.id;
      for (let n = 2; ids.has(id); n++) id = `${centre.id.slice(0, 60)}-${n}`;
      ids.add(id);
      centres.push({ ...centre, id });
    });
    if (!made) r.skipped.push(service.path);
  }

  const directory: Directory = {
    version: 1,
    ...(options.name ? { name: options.name.slice(0, 200) } : {}),
    ...(options.fictional ? { fictional: true } : {}),
    centres,
  };
  // The promise: the result passes checkDirectory. Whatever would not is left out, with the reason.
  const checked = checkDirectory(directory, checkHours);
  if (checked.problems.length) {
    const bad = new Set<number>();
    for (const p of checked.problems) {
      const m = /^\$\.centres\[(\d+)\]/.exec(p.path);
      if (m && p.severity === 'error') bad.add(+m[1]!);
      r.problem(p.path.replace(/^\$\.centres\[(\d+)\]/, (_, i: string) => `centre "${centres[+i]?.id ?? i}"`), `${p.message}${p.severity === 'error' ? '; skipped' : ''}`);
    }
    directory.centres = centres.filter((_, i) => !bad.has(i));
  }
  const unmapped = r.unmapped();
  return { directory, report: { unmapped, problems: r.problems } };
}

/** The unmapped paths grouped by their shape ("$.service[*].alert (12×)"), for a readable report. */
export function summariseUnmapped(paths: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const p of paths) {
    const key = p.replace(/\[\d+\]/g, '[*]');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => (n > 1 ? `${k} (${n}×)` : k));
}
