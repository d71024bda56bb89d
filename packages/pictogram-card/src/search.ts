import { foldForSearch as fold } from '@wegweiser/core/search-text';
import type { PictogramDefinition } from './pictogram.js';

/**
 * The pictograms whose id, name or search words contain every word of
 * `query`, best first (a name that starts with the query before one that only
 * contains it). Names and words are read in the language msg() is rendering
 * in, or `locale` for a site's own pictograms.
 */
export function searchPictograms(pictograms: readonly PictogramDefinition[], query: string, locale?: string): PictogramDefinition[] {
  const words = fold(query).split(/[\s,]+/).filter(Boolean);
  if (words.length === 0) return [...pictograms];
  const scored: { pictogram: PictogramDefinition; score: number }[] = [];
  for (const pictogram of pictograms) {
    const label = fold(pictogram.label(locale));
    const haystack = `${fold(pictogram.id)} ${label} ${fold(pictogram.keywords(locale))}`;
    if (!words.every((word) => haystack.includes(word))) continue;
    scored.push({ pictogram, score: label.startsWith(words[0]!) ? 0 : label.includes(words[0]!) ? 1 : 2 });
  }
  // Array.prototype.sort is stable: equal scores keep catalogue order.
  return scored.sort((a, b) => a.score - b.score).map((entry) => entry.pictogram);
}
