/**
 * The sentence that says what a search found ("3 centres within 25 km of Mainz"): the status line
 * above the results, the results list's name, and what screen readers hear once typing stops.
 */
import { msg, str } from '@lit/localize';
import { plural } from '@wegweiser/core';
import { formatKm } from './finder-labels.js';

export interface SearchOutcome {
  /** How many centres were found. */
  count: number;
  /** Where the search was measured from: a place's label, the visitor's location, or nowhere. */
  origin: { place: string } | 'your-location' | undefined;
  /** The radius in km; 0 for any distance. */
  km: number;
}

/** Called while the element's language is active (inside its `localize`). */
// The names inside msg() (`n`, `count`, `distance`, `place`) are the placeholders translators see
// in the XLIFF files; renaming one renames it there.
export function resultStatus(locale: string, outcome: SearchOutcome): string {
  const n = outcome.count;
  const count = plural(locale, n, {
    one: () => msg(str`${n} centre`),
    two: () => msg(str`${n} centres`, { id: 'finder-centres.two' }),
    few: () => msg(str`${n} centres`, { id: 'finder-centres.few' }),
    many: () => msg(str`${n} centres`, { id: 'finder-centres.many' }),
    other: () => msg(str`${n} centres`),
  });
  const { origin, km } = outcome;
  if (!origin) return count;
  const distance = formatKm(locale, km);
  if (origin === 'your-location') return km > 0 ? msg(str`${count} within ${distance} of your location`) : msg(str`${count} near your location`);
  const place = origin.place;
  return km > 0 ? msg(str`${count} within ${distance} of ${place}`) : msg(str`${count} near ${place}`);
}
