/** Languages: HSDS codes (ISO 639-1/2/3) and names (English, German) as BCP 47 tags, and the languages a centre speaks. */
import { fold } from '../text.js';
import type { ImportContext, InputNode } from './reader.js';

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
    const hyphenated = code.trim().replace(/_/g, '-');
    candidates.push(ISO639_3[hyphenated.toLowerCase()] ?? hyphenated);
  }
  if (name) {
    const fromName = LANGUAGE_NAMES[fold(name.trim())];
    if (fromName) candidates.push(fromName);
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

/** The languages of the service, the location and the phones; whether German Sign Language is among them. */
export function languagesOf(languageNodes: InputNode[], ctx: ImportContext): { languages: Set<string>; signLanguage: boolean } {
  const { r } = ctx;
  const languages = new Set<string>();
  let signLanguage = false;
  for (const languageNode of languageNodes) {
    const code = r.peek(languageNode, 'code');
    const name = r.peek(languageNode, 'name');
    const tag = languageTag(code, name);
    if (!tag) {
      if (code || name) r.problem(languageNode.path, `language "${(code ?? name)!.slice(0, 30)}" is not a known code or name; left out`);
      continue;
    }
    languages.add(tag);
    if (tag === 'gsg') signLanguage = true;
    if (code) r.mark(languageNode, 'code');
    if (name) r.mark(languageNode, 'name');
  }
  return { languages, signLanguage };
}
