/**
 * The one rule for every URL a widget renders as a link or navigates to,
 * wherever the URL comes from (an attribute, JSON, the site's own markup).
 *
 * A regular expression on the raw text is not enough: before the browser
 * reads a URL's scheme it drops leading C0 control characters and spaces and
 * removes tab, LF and CR anywhere (WHATWG URL parser), so `java<TAB>script:`
 * is a live `javascript:` link. So a value must pass two checks:
 * 1. its text matches the rule's pattern (`urlPattern`), which refuses every
 *    control character and backslash outright and names the allowed schemes;
 *    the JSON schemas carry the same pattern, so a data check rejects what a
 *    widget would refuse;
 * 2. resolved the way the browser will (`new URL(value, document.baseURI)`),
 *    its scheme is one the field allows, and for "a page of this website" its
 *    origin is the page's.
 */

import { reportError } from './errors.js';

/** Schemes a widget may link to. Never `javascript:`, `data:`, `vbscript:`, `blob:` or `file:`. */
export type UrlScheme = 'http' | 'https' | 'mailto' | 'tel';

export interface UrlRule {
  /** The schemes the field allows. */
  readonly schemes: readonly UrlScheme[];
  /** May the value be relative (resolved against the page's address)? */
  readonly relative: boolean;
  /** Must the value resolve to the page's own origin? */
  readonly sameOrigin: boolean;
  /** What the field takes, for error messages: "an http(s) address". */
  readonly description: string;
  /** The JSON Schema `format` that applies this rule (with `urlPattern` as the `pattern`). */
  readonly format: string;
}

/** The rules the widgets use, one per kind of field. */
export const urlRules = {
  /** A web page anywhere, written out in full: a centre's website. */
  webPage: { schemes: ['http', 'https'], relative: false, sameOrigin: false, description: 'a full http(s) address', format: 'web-page-url' },
  /** An encrypted web page anywhere, written out in full: a centre's chat. */
  securePage: { schemes: ['https'], relative: false, sameOrigin: false, description: 'a full https address', format: 'secure-page-url' },
  /** A web address, full or relative to the page: the quick exit's destination, a relay. */
  webAddress: {
    schemes: ['http', 'https'],
    relative: true,
    sameOrigin: false,
    description: 'an http(s) address or a path',
    format: 'web-address-url',
  },
  /** Somewhere a person can go or get in touch: a web page (full or relative), e-mail or phone. */
  link: {
    schemes: ['http', 'https', 'mailto', 'tel'],
    relative: true,
    sameOrigin: false,
    description: 'an http(s), mailto: or tel: address, or a path on this website',
    format: 'link-url',
  },
  /** A page of this website (same origin), full or relative. */
  sitePage: {
    schemes: ['http', 'https'],
    relative: true,
    sameOrigin: true,
    description: 'an address on this website',
    format: 'site-page-url',
  },
} as const satisfies Record<string, UrlRule>;

export type UrlRuleName = keyof typeof urlRules;

/** The rule a JSON Schema `format` stands for, if it is one of ours. */
export function urlRuleOfFormat(format: string): UrlRule | undefined {
  return Object.values(urlRules).find((rule) => rule.format === format);
}

// What HTML strips from both ends of an attribute value that holds a URL.
const asciiWhitespaceAtEnds = /^[\t\n\f\r ]+|[\t\n\f\r ]+$/g;

/** `https` → `[hH][tT][tT][pP][sS]`: schemes are case-insensitive, JSON Schema patterns have no flags. */
function caseInsensitive(word: string): string {
  return word.replace(/[a-z]/g, (letter) => `[${letter}${letter.toUpperCase()}]`);
}

/**
 * The text a value of this rule may have, as a JSON Schema (ECMAScript,
 * `u` flag) pattern: one of the rule's schemes, or (where relative values are
 * allowed) no scheme at all and not `//` (another host); after that no control
 * character, no backslash (browsers read `\` as `/`), no space at either end.
 */
export function urlPattern(rule: UrlRule): string {
  const schemes = rule.schemes.map(caseInsensitive);
  const withScheme = `(?:${schemes.join('|')}):`;
  const withoutScheme = '(?![A-Za-z][A-Za-z0-9+.\\-]*:)(?!//)';
  const start = rule.relative ? `(?:${withScheme}|${withoutScheme})` : withScheme;
  return `^(?! )${start}[^\\u0000-\\u001F\\u007F\\\\]*(?<! )$`;
}

// Patterns compiled once per rule.
const compiledPatterns = new Map<UrlRule, RegExp>();
function matchesPattern(value: string, rule: UrlRule): boolean {
  let pattern = compiledPatterns.get(rule);
  if (!pattern) {
    pattern = new RegExp(urlPattern(rule), 'u');
    compiledPatterns.set(rule, pattern);
  }
  return pattern.test(value);
}

// On the server there is no page address: relative values are resolved against
// a stand-in, and only the browser can compare origins.
const serverStandIn = 'https://wegweiser.invalid/';

function pageAddress(): string | undefined {
  return typeof document === 'undefined' ? undefined : document.baseURI;
}

/**
 * The address to render or navigate to, or `null` when `value` breaks the
 * rule. In the browser the result is the full address the browser would use;
 * on the server a relative value stays relative (trimmed).
 */
export function safeUrl(value: unknown, rule: UrlRule, base: string | undefined = pageAddress()): string | null {
  if (typeof value !== 'string') return null;
  const text = value.replace(asciiWhitespaceAtEnds, '');
  if (text === '' || !matchesPattern(text, rule)) return null;
  let url: URL;
  try {
    url = new URL(text, base ?? serverStandIn);
  } catch {
    return null;
  }
  const scheme = url.protocol.slice(0, -1);
  if (!(rule.schemes as readonly string[]).includes(scheme)) return null;
  if (base === undefined) {
    const isRelative = url.origin === new URL(serverStandIn).origin;
    if (rule.sameOrigin && !isRelative) return null;
    return isRelative ? text : url.href;
  }
  if (rule.sameOrigin && url.origin !== new URL(base).origin) return null;
  return url.href;
}

/** The sentence for `ww-error` when `field`'s value was refused. */
export function refusedUrlMessage(field: string, value: unknown, rule: UrlRule): string {
  const shown = JSON.stringify(typeof value === 'string' && value.length > 80 ? `${value.slice(0, 77)}…` : value);
  return `${field} ${shown} is not used: it must be ${rule.description}.`;
}

// Values already reported per widget, so a refused URL is reported once, not at every render.
const reportedValues = new WeakMap<HTMLElement, Set<string>>();

/**
 * `value` as the address `element` may render or go to, when it keeps `rule`;
 * otherwise `null` and, once per widget and value, a `ww-error` with `code`
 * that names `field`. No value is no problem.
 */
export function checkedUrl(element: HTMLElement, value: string | null | undefined, rule: UrlRule, field: string, code: string): string | null {
  if (value === null || value === undefined) return null;
  const url = safeUrl(value, rule);
  if (url !== null) return url;
  const reported = reportedValues.get(element) ?? new Set<string>();
  reportedValues.set(element, reported);
  const key = `${code}\n${field}\n${value}`;
  if (!reported.has(key)) {
    reported.add(key);
    reportError(element, code, refusedUrlMessage(field, value, rule));
  }
  return null;
}
