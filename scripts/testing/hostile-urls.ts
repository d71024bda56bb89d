/**
 * URLs that must never become a live link or a navigation, in the families an
 * external hostile-data check used (issue 16): the spellings browsers repair
 * before they read the scheme, encodings, other schemes, and addresses that
 * look like a path on this site but lead to another host. No DOM here: the
 * node tests of core's rule and the browser suite of every widget share it.
 *
 * Each script URL sets `window.__wwHostileRan`, so a browser test that clicks
 * what a widget rendered can tell whether anything ran.
 */

/** What a hostile `javascript:` URL in these families runs. */
export const hostileScript = 'window.__wwHostileRan=(window.__wwHostileRan||0)+1';

export interface HostileUrl {
  /** What the family is, for test names. */
  readonly name: string;
  readonly value: string;
  /** Refused by every rule, even by rules that allow relative paths. */
  readonly refusedEverywhere: boolean;
}

const run = `javascript:${hostileScript}`;

export const hostileUrls: readonly HostileUrl[] = [
  { name: 'plain javascript:', value: run, refusedEverywhere: true },
  { name: 'mixed-case JaVaScRiPt:', value: `JaVaScRiPt:${hostileScript}`, refusedEverywhere: true },
  { name: 'javascript: after spaces', value: `   ${run}`, refusedEverywhere: true },
  { name: 'javascript: after a newline and tab', value: `\n\t${run}`, refusedEverywhere: true },
  { name: 'tab inside the scheme', value: `java\tscript:${hostileScript}`, refusedEverywhere: true },
  { name: 'LF inside the scheme', value: `java\nscript:${hostileScript}`, refusedEverywhere: true },
  { name: 'CR inside the scheme', value: `java\rscript:${hostileScript}`, refusedEverywhere: true },
  { name: 'tab before the colon', value: `javascript\t:${hostileScript}`, refusedEverywhere: true },
  { name: 'U+0001 before the scheme', value: `\u0001${run}`, refusedEverywhere: true },
  { name: 'NUL before the scheme', value: `\u0000${run}`, refusedEverywhere: true },
  { name: 'U+001F before the scheme', value: `\u001F${run}`, refusedEverywhere: true },
  { name: 'NUL inside the scheme', value: `java\u0000script:${hostileScript}`, refusedEverywhere: true },
  { name: 'data: HTML', value: 'data:text/html,<script>parent.__wwHostileRan=1</script>', refusedEverywhere: true },
  { name: 'data: after U+0001', value: '\u0001data:text/html,<b>hi</b>', refusedEverywhere: true },
  { name: 'vbscript:', value: 'vbscript:msgbox(1)', refusedEverywhere: true },
  { name: 'file:', value: 'file:///etc/passwd', refusedEverywhere: true },
  { name: 'blob:', value: 'blob:https://example.org/0b4c4e1c-0000-4000-8000-000000000000', refusedEverywhere: true },
  { name: 'protocol-relative //host', value: '//evil.example/take', refusedEverywhere: true },
  { name: 'backslash path to another host', value: '/\\127.0.0.2/offsite', refusedEverywhere: true },
  { name: 'two backslashes', value: '\\\\evil.example/take', refusedEverywhere: true },
  { name: 'slash and backslash', value: '\\/evil.example/take', refusedEverywhere: true },
  { name: 'tab inside //', value: '/\t/evil.example/take', refusedEverywhere: true },
  // Character references are decoded by the HTML parser: in an attribute this
  // is `javascript:`; as literal text in JSON it is a harmless relative path.
  { name: 'character reference for ":" (literal text)', value: `javascript&#58;${hostileScript}`, refusedEverywhere: false },
  { name: 'character reference for "j" (literal text)', value: `&#106;avascript:${hostileScript}`, refusedEverywhere: false },
  { name: 'percent-encoded scheme (a relative path)', value: `%6Aavascript:${hostileScript}`, refusedEverywhere: false },
];

/**
 * The same attacks as HTML attribute text, as a site (or an attacker who can
 * write the site's markup) would write them: entities are decoded by the
 * parser, so these reach the widget as `javascript:` URLs.
 */
export const hostileHrefAttributes: readonly { name: string; html: string }[] = [
  { name: 'entity-encoded colon', html: `javascript&colon;${hostileScript}` },
  { name: 'decimal reference for "j"', html: `&#106;avascript:${hostileScript}` },
  { name: 'hex reference for tab inside the scheme', html: `java&#x09;script:${hostileScript}` },
  { name: 'reference for U+0001 before the scheme', html: `&#x01;javascript:${hostileScript}` },
  { name: 'newline reference inside the scheme', html: `java&#10;script:${hostileScript}` },
];

/** Every attribute spelling as the string the DOM hands the widget. */
export function decodedAttribute(html: string): string {
  return html
    .replace(/&colon;/g, ':')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)));
}
