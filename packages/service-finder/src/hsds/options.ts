/** The importer's options and result, as `@wegweiser/service-finder/hsds` exports them. */
import type { Directory, Topic } from '../model.js';
import type { Place } from '../places.js';

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
