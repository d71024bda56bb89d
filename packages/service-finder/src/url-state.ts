/**
 * The search in the page's address (`url-state`), so it can be shared and the back button works:
 * `ww-q`, `ww-km`, `ww-topics`, `ww-lang`, `ww-channels`, `ww-only`. No DOM: the element passes
 * `location.search` in and puts the address that comes out into the history.
 * The location from "Near me" is never part of it.
 */
import { reachChannels, topics, type ReachChannel, type Topic } from './model.js';
import { DEFAULT_RADIUS, FLAGS, isOfferedRadius, type Flag } from './search-choices.js';

/** What a person asked for, as far as it can be written into an address. */
export interface SearchInAddress {
  text: string;
  km: number;
  chosenTopics: Topic[];
  language: string;
  chosenChannels: ReachChannel[];
  flags: Set<Flag>;
}

/**
 * Reads the search from a query string. A shared link is input like any other: only known
 * values are taken, an unknown radius becomes the default. `radius` is the element's attribute,
 * used when the address names none.
 */
export function searchFromAddress(query: string, radius: number): SearchInAddress {
  const params = new URLSearchParams(query);
  const km = Number(params.get('ww-km') ?? radius);
  const known = <T extends string>(key: string, allowed: readonly T[]): T[] =>
    (params.get(key)?.split(',') ?? []).filter((value): value is T => (allowed as readonly string[]).includes(value));
  const language = params.get('ww-lang') ?? '';
  return {
    text: params.get('ww-q') ?? '',
    km: isOfferedRadius(km) ? km : DEFAULT_RADIUS,
    chosenTopics: known('ww-topics', topics),
    language: /^[a-z]{2,3}$/.test(language) ? language : '',
    chosenChannels: known('ww-channels', reachChannels),
    flags: new Set(known('ww-only', FLAGS)),
  };
}

/** The address `href` with the search in it; parameters with nothing chosen are left out. */
export function addressWithSearch(href: string, search: SearchInAddress): string {
  const url = new URL(href);
  const set = (key: string, value: string): void => {
    if (value) url.searchParams.set(key, value);
    else url.searchParams.delete(key);
  };
  set('ww-q', search.text.trim());
  set('ww-km', search.km === DEFAULT_RADIUS ? '' : String(search.km));
  set('ww-topics', search.chosenTopics.join(','));
  set('ww-lang', search.language);
  set('ww-channels', search.chosenChannels.join(','));
  set('ww-only', [...search.flags].join(','));
  return url.href;
}
