/**
 * German-aware folding for search: case, diacritics, ä/ae, ö/oe, ü/ue, ß/ss
 * all meet in one form, so "Köln", "Koeln" and "KOLN" are the same word, and
 * "Gebärde" finds "gebaerde" and "Română" finds "romana". The index and the
 * query both go through it, so folding "ue" inside words like "Frauen" costs
 * nothing: it happens on both sides. (The service finder's places and centres,
 * the pictogram catalogue's search.)
 */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ue/g, 'u');
}
