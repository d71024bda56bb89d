import { foldForSearch } from '@wegweiser/core/search-text';

/** Core's German-aware folding for search (case, diacritics, ä/ae, ß/ss). */
export const fold = foldForSearch;

/** Folded words of at least one letter or digit. */
export function words(text: string): string[] {
  return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

// Rows of the edit-distance table, reused: the search calls this thousands of
// times per keystroke, and allocating per call was most of its cost.
let rows = [new Int32Array(0), new Int32Array(0), new Int32Array(0)];

/**
 * Whether `a` and the first `bLength` characters of `b` are at most `max`
 * edits apart (Damerau: a swap of two neighbours is one edit). Bounded: gives
 * up as soon as a row exceeds `max`.
 */
export function withinEdits(a: string, b: string, max: number, bLength = b.length): boolean {
  const n = Math.min(bLength, b.length);
  if (Math.abs(a.length - n) > max) return false;
  if (rows[0]!.length < n + 1) rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let [prev2, prev, row] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) v = Math.min(v, prev2[j - 2]! + 1);
      row[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return false;
    [prev2, prev, row] = [prev, row, prev2];
  }
  return prev[n]! <= max;
}

/** How many typos a word of this length may have: none below 4 letters, one up to 7, two from 8. */
export function allowedEdits(length: number): number {
  return length < 4 ? 0 : length < 8 ? 1 : 2;
}

/** Great-circle distance in kilometres (haversine, mean Earth radius). */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}
