/**
 * What the message format allows, in one place for every element that checks
 * a text before the encryption code loads (form, replies, the team's inbox)
 * and for the envelope itself. No DOM, no crypto: it costs the first chunk
 * only these constants.
 */

/** A centre's id: lower-case letters, digits and hyphens, up to 64 (it is bound into every message). */
export const centrePattern = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/** Longest message text in characters (UTF-16 code units, as a textarea's maxlength counts). */
export const maxTextLength = 6000;

/** Languages for an answer, in their own names, as people look for them (no flags, not translated). */
export const answerLanguages: readonly (readonly [code: string, name: string])[] = [
  ['de', 'Deutsch'],
  ['en', 'English'],
  ['ro', 'Română'],
  ['bg', 'Български'],
  ['hu', 'Magyar'],
  ['es', 'Español'],
  ['pl', 'Polski'],
  ['ru', 'Русский'],
  ['uk', 'Українська'],
  ['tr', 'Türkçe'],
  ['th', 'ไทย'],
  ['ar', 'العربية'],
];
