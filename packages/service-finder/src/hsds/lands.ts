/**
 * German Länder: from their names (German, English, abbreviations), from a Kreisschlüssel, and
 * a service's area of responsibility (Länder named, or postcodes listed as text).
 */
import type { Centre } from '../model.js';
import { fold } from '../text.js';
import type { ImportContext, InputNode } from './reader.js';

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
export const AGS_LAND = ['', 'DE-SH', 'DE-HH', 'DE-NI', 'DE-HB', 'DE-NW', 'DE-HE', 'DE-RP', 'DE-BW', 'DE-BY', 'DE-SL', 'DE-BE', 'DE-BB', 'DE-MV', 'DE-SN', 'DE-ST', 'DE-TH'];

/** 'Rheinland-Pfalz', 'Rhineland-Palatinate', 'RP', 'DE-RP', 'Freistaat Bayern' → the ISO code. */
export function landFromName(name: string): string | undefined {
  const folded = fold(name.trim())
    .replace(/^de-/, '')
    .replace(/^(freistaat|freie und hansestadt|freie hansestadt|land|bundesland|state of)\s+/, '')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+/g, ' ');
  for (const [code, names] of Object.entries(LANDS)) if (names.some((landName) => fold(landName) === folded)) return code;
  return undefined;
}

/** The area a service is responsible for: Länder named, or postcodes listed as text. */
export function areaOf(service: InputNode, ctx: ImportContext): Centre['area'] | undefined {
  const { r } = ctx;
  const area: NonNullable<Centre['area']> = {};
  for (const serviceArea of r.kids(service, 'service_areas')) {
    const areaName = r.peek(serviceArea, 'name');
    const land = areaName && landFromName(areaName);
    if (land) {
      area.lands = [...new Set([...(area.lands ?? []), land])];
      r.mark(serviceArea, 'name');
    }
    const extent = r.peek(serviceArea, 'extent');
    if (extent && /^text$/i.test(r.peek(serviceArea, 'extent_type') ?? '') && /^\s*\d{1,5}(\s*[,;]\s*\d{1,5})*\s*$/.test(extent)) {
      area.postcodePrefixes = [...new Set([...(area.postcodePrefixes ?? []), ...extent.split(/[,;]/).map((prefix) => prefix.trim())])];
      r.mark(serviceArea, 'extent');
      r.mark(serviceArea, 'extent_type');
    }
  }
  return Object.keys(area).length ? area : undefined;
}
