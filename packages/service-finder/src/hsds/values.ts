/** Cleaning the values HSDS gives: texts (whitespace, control characters, HTML), dates and identifiers. */
import { fold } from '../text.js';

/** Whether `text` is a real calendar date written YYYY-MM-DD. */
export function isDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The date part of an ISO date or date-time, if it is a real date. */
export function datePart(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  const date = trimmed.slice(0, 10);
  if (!date || !isDate(date)) return undefined;
  return trimmed.length === 10 || /^.{10}[T ]/.test(trimmed) ? date : undefined;
}

/** Collapses whitespace, removes control characters, cuts at `max` (reported). */
export function cleanText(text: string, max: number, note: (message: string) => void): string {
  // Control characters and bidi overrides (which can make text read differently than it is stored) go.
  let cleaned = text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
  if (cleaned.length > max) {
    note(`cut to ${max} characters`);
    cleaned = `${cleaned.slice(0, max - 1).trimEnd()}…`;
  }
  return cleaned;
}

/** HSDS descriptions may hold HTML or Markdown; the finder shows plain text. */
export function plainText(text: string): string {
  return text
    .replace(/<(br|\/p|\/li|\/div)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** A centre id from a service id or name: folded, hyphenated, at most 56 characters. */
export function slug(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 56)
    .replace(/-+$/, '');
}
