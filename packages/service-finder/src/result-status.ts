/**
 * The sentence that says what a search found ("3 centres within 25 km of Mainz"): the status line
 * above the results, the results list's name, and what screen readers hear once typing stops.
 */
import { msg, str } from '@lit/localize';
import { plural } from '@wegweiser/core';
import { formatKm } from './finder-labels.js';

/**
 * `n` centres found; `place` is the origin's label (undefined: no origin, no distance said);
 * `nearYou` when the origin is the visitor's location; `km` the radius (0: any distance).
 * Called while the element's language is active (inside its `localize`).
 */
// The names inside msg() (`n`, `count`, `distance`, `place`) are the placeholders translators see
// in the XLIFF files; renaming one renames it there.
export function resultStatus(locale: string, n: number, km: number, place: string | undefined, nearYou: boolean): string {
  const count = plural(locale, n, {
    one: () => msg(str`${n} centre`),
    two: () => msg(str`${n} centres`, { id: 'finder-centres.two' }),
    few: () => msg(str`${n} centres`, { id: 'finder-centres.few' }),
    many: () => msg(str`${n} centres`, { id: 'finder-centres.many' }),
    other: () => msg(str`${n} centres`),
  });
  if (place === undefined) return count;
  const distance = formatKm(locale, km);
  if (nearYou) return km > 0 ? msg(str`${count} within ${distance} of your location`) : msg(str`${count} near your location`);
  return km > 0 ? msg(str`${count} within ${distance} of ${place}`) : msg(str`${count} near ${place}`);
}
