/**
 * The directory's data model: types, the controlled vocabularies, and the
 * small helpers the element needs. No schema, no validator: those load on
 * demand with the directory (directory.ts, checking.ts).
 */
import type { SchemaProblem } from '@wegweiser/core';

/** Text in one language (German unless stated) or several, keyed by BCP 47 tag. */
export type LocalText = string | Readonly<Record<string, string>>;

export const topics = [
  'money',
  'debt',
  'housing',
  'health',
  'psychological',
  'addiction',
  'residence-legal',
  'job',
  'language-courses',
  'outreach',
  'trafficking',
  'violence',
  'minors',
  'family',
] as const;
export type Topic = (typeof topics)[number];

export const channels = ['walk-in', 'phone', 'chat', 'email', 'streetwork'] as const;
export type Channel = (typeof channels)[number];

/**
 * The ways a search can ask for: the channels above, and the anonymous message
 * (`contacts.anonymous`), which has no hours: writing is always possible, the
 * team reads in its working hours.
 */
export const reachChannels = [...channels, 'anonymous-message'] as const;
export type ReachChannel = (typeof reachChannels)[number];

/** An anonymous, encrypted first message through the centre's wegweiser-relay (`<ww-contact-form>`). */
export interface AnonymousContact {
  /** The relay's address, as for the form's `relay` attribute. */
  relay: string;
  /** `wwk1.<centre>.<key>.<check>`, as for the form's `public-key` attribute. */
  publicKey: string;
  /** The centre's own contact page, for sites that link there instead of opening the form. */
  page?: string;
}

export const targetGroups = ['women', 'men', 'trans-nonbinary', 'young-people', 'migrants', 'parents'] as const;
export type TargetGroup = (typeof targetGroups)[number];

export interface Centre {
  id: string;
  name: string;
  organisation?: string;
  fictional?: boolean;
  description?: LocalText;
  address: { street?: string; postcode?: string; city: string; note?: LocalText };
  location?: { lat: number; lon: number };
  land: string;
  contacts?: { phone?: string; email?: string; website?: string; chat?: string; messenger?: LocalText; anonymous?: AnonymousContact };
  hours?: Partial<Record<Channel, string>>;
  topics: Topic[];
  languages?: string[];
  anonymous?: boolean;
  free?: boolean;
  accessibility?: { stepFree?: boolean; accessibleToilet?: boolean; signLanguage?: boolean; easyLanguage?: boolean; note?: LocalText };
  targetGroups?: TargetGroup[];
  area?: { postcodePrefixes?: string[]; districts?: string[]; lands?: string[] };
  lastChecked: string;
}

export interface Directory {
  version: 1;
  name?: string;
  fictional?: boolean;
  updated?: string;
  centres: Centre[];
}

/**
 * Checks one opening-hours text; returns the problem, or undefined when it reads.
 * Passed in (see hours-check.ts) so that the hours engine loads on demand.
 */
export type HoursCheck = (spec: string) => string | undefined;

/**
 * Checks one anonymous-contact public key (its check value); returns the
 * problem, or undefined when it is sound. Passed in (see checking.ts) because
 * the check value is SHA-256 in Web Crypto, which answers asynchronously:
 * every key is checked before the directory check runs.
 */
export type KeyCheck = (publicKey: string) => string | undefined;

export interface DirectoryProblem extends SchemaProblem {
  /** `error`: the entry (or the whole file) was not used. `warning`: used, with the field ignored. */
  severity: 'error' | 'warning';
}

export interface CheckedDirectory {
  /** The entries that passed, in their original order. */
  centres: Centre[];
  problems: DirectoryProblem[];
  /** How many entries were skipped. */
  skipped: number;
  fictional: boolean;
  name?: string;
}

/**
 * The text for `locale`: its own language, else its base language, else
 * German, else the first given. `lang` says which one it is, for the markup.
 */
export function textIn(text: LocalText | undefined, locale: string): { text: string; lang: string } | undefined {
  if (text === undefined) return undefined;
  if (typeof text === 'string') return { text, lang: 'de' };
  const base = locale.split('-')[0]!;
  for (const lang of [locale, base, 'de']) if (text[lang]) return { text: text[lang], lang };
  const first = Object.keys(text)[0];
  return first ? { text: text[first]!, lang: first } : undefined;
}

/** One line per problem, as the command line prints them and the debug notice shows them. */
export function formatProblem(p: DirectoryProblem): string {
  return `${p.severity === 'error' ? 'error  ' : 'warning'} ${p.path}: ${p.message}`;
}
