/**
 * Shared test support: hooks every component test gets, and the suites that
 * every widget must pass (Lion's test-suites idea).
 */
import { expect, fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { registerMessages, textDirection } from '@wegweiser/core';
import { shadowText } from './dom.js';
// Loaded before chai-a11y-axe loads it, so the configuration below applies.
import 'axe-core/axe.min.js';

// axe leaves WCAG 2.2's target-size rule (2.5.8, 24 × 24 px) off by default; we check it.
(window as unknown as { axe: { configure(spec: object): void } }).axe.configure({
  rules: [{ id: 'target-size', enabled: true }],
});

declare global {
  var __wwLitWarnings: string[] | undefined;
}

// Any Lit dev-mode warning fails the test during which it appeared.
afterEach(function () {
  const warnings = globalThis.__wwLitWarnings ?? [];
  if (warnings.length > 0) {
    const text = warnings.splice(0).join('\n');
    throw new Error(`Lit warned:\n${text}`);
  }
});

/** Collects the `ww-error` events fired on or inside `target` while `run` runs. */
export async function collectErrors(run: () => Promise<unknown>, target: EventTarget = document): Promise<CustomEvent[]> {
  const events: CustomEvent[] = [];
  const listener = (e: Event) => events.push(e as CustomEvent);
  target.addEventListener('ww-error', listener);
  const error = console.error;
  console.error = () => {};
  try {
    await run();
  } finally {
    console.error = error;
    target.removeEventListener('ww-error', listener);
  }
  return events;
}

// Reaching into shadow roots and waiting: in dom.ts, which the stories' play functions use too.
export { until, shadowText } from './dom.js';

export interface WidgetExamples {
  /** Every state a person can meet, each rendered fresh. */
  states: Record<string, () => TemplateResult>;
  /** Optional: brings a rendered example into a further state (e.g. after a key press). */
  interact?: Record<string, (element: HTMLElement) => Promise<void>>;
}

/** Every state of the widget passes axe (WCAG 2.2 A/AA) in German and English. */
export function itIsAccessibleInEveryState(examples: WidgetExamples, locales = ['de', 'en']): void {
  for (const locale of locales) {
    for (const [name, template] of Object.entries(examples.states)) {
      it(`is accessible: ${name} (${locale})`, async () => {
        const wrapper = await fixture<HTMLElement>(template(), { parentNode: withLang(locale) });
        const element = wrapper as HTMLElement;
        const interact = examples.interact?.[name];
        if (interact) await interact(element);
        await expect(element).to.be.accessible();
        await expect(element.shadowRoot?.textContent?.trim()).to.not.equal('');
      });
    }
  }
}

const langContainers: HTMLElement[] = [];
afterEach(() => {
  for (const div of langContainers.splice(0)) div.remove();
});

/** A container with `lang` set, removed after the test. */
export function withLang(lang: string): HTMLElement {
  const div = document.createElement('div');
  div.lang = lang;
  document.body.append(div);
  langContainers.push(div);
  return div;
}

export interface BadInput {
  template: () => TemplateResult;
  /** The `ww-error` code the widget must report. */
  code: string;
}

/** Bad attributes give a clear error and a working widget, never a blank one or an exception. */
export function itSurvivesBadInput(cases: Record<string, BadInput>): void {
  for (const [name, example] of Object.entries(cases)) {
    it(`survives bad input: ${name}`, async () => {
      let element: HTMLElement | undefined;
      const events = await collectErrors(async () => {
        element = await fixture<HTMLElement>(example.template());
      });
      expect(events.map((e) => (e.detail as { code: string }).code)).to.include(example.code);
      expect(shadowText(element!)).to.not.equal('');
      await expect(element!).to.be.accessible();
    });
  }
}

/** The source language and the twelve target languages, Leichte Sprache included. */
export const everyLocale = ['en', 'de', 'de-x-ls', 'ro', 'bg', 'hu', 'es', 'pl', 'ru', 'uk', 'tr', 'th', 'ar'] as const;

/** The pseudo-locale (scripts/localize.mjs): accented, ~40 % longer, between ⟦ and ⟧. Tests only. */
export const pseudoLocale = 'en-XA';
let pseudoRegistered: Promise<void> | undefined;

/** Makes the pseudo-locale's messages of every package known (built by `npm run build`). */
export function registerPseudoLocale(): Promise<void> {
  return (pseudoRegistered ??= import('./generated/pseudo/index.js').then(({ pseudoCatalogues }) => {
    for (const [name, loader] of Object.entries(pseudoCatalogues)) registerMessages(`pseudo:${name}`, { [pseudoLocale]: loader });
  }));
}

/**
 * Renders `template` inside a container with `lang` (and `dir`) set, `width`
 * CSS pixels wide when given; `en-XA` registers the pseudo-locale first.
 */
export async function fixtureInLocale<T extends HTMLElement>(template: TemplateResult, locale: string, width?: number): Promise<T> {
  if (locale === pseudoLocale) await registerPseudoLocale();
  const container = withLang(locale);
  container.dir = textDirection(locale);
  if (width) container.style.inlineSize = `${width}px`;
  return fixture<T>(template, { parentNode: container });
}

/**
 * What Intl writes in `locale` that a pseudo-locale test must accept as data:
 * weekday and month names (long and short), day periods (AM, PM) and, for
 * `languages`, the languages' names in `locale` and in themselves (endonyms).
 */
export function intlTexts(locale: string, languages: readonly string[] = []): string[] {
  const texts = new Set<string>();
  for (let day = 0; day < 7; day++) {
    const date = new Date(Date.UTC(2026, 0, 5 + day, 12));
    for (const weekday of ['long', 'short'] as const) texts.add(new Intl.DateTimeFormat(locale, { weekday, timeZone: 'UTC' }).format(date));
  }
  for (let month = 0; month < 12; month++) {
    const date = new Date(Date.UTC(2026, month, 15, 12));
    for (const style of ['long', 'short'] as const) texts.add(new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' }).format(date));
  }
  for (const hour of [3, 15]) {
    const parts = new Intl.DateTimeFormat(locale, { hour: 'numeric', hour12: true, timeZone: 'UTC' }).formatToParts(new Date(Date.UTC(2026, 0, 5, hour)));
    for (const part of parts) if (part.type === 'dayPeriod') texts.add(part.value);
  }
  // The words Intl puts between a date and a time ("at").
  for (const dateStyle of ['full', 'long', 'medium'] as const) {
    for (const part of new Intl.DateTimeFormat(locale, { dateStyle, timeStyle: 'short' }).formatToParts(new Date(Date.UTC(2026, 0, 5, 15)))) {
      if (part.type === 'literal' && /\p{L}/u.test(part.value)) texts.add(part.value.trim());
    }
  }
  // Relative times ("this minute", "yesterday", "5 minutes ago").
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const unit of ['second', 'minute', 'hour', 'day', 'week', 'month', 'year'] as const) {
    for (const value of [-5, -2, -1, 0, 1, 2, 5]) {
      const parts = relative.formatToParts(value, unit);
      if (parts.length === 1) texts.add(parts[0]!.value);
      else for (const part of parts) if (part.type === 'literal' && /\p{L}/u.test(part.value)) texts.add(part.value.trim());
    }
  }
  // The words Intl.ListFormat puts between items ("and", "or") and unit names (km).
  for (const type of ['conjunction', 'disjunction'] as const) {
    for (const part of [...new Intl.ListFormat(locale, { type }).formatToParts(['1', '2']), ...new Intl.ListFormat(locale, { type }).formatToParts(['1', '2', '3'])]) if (part.type === 'literal') texts.add(part.value.trim());
  }
  for (const unitDisplay of ['short', 'narrow', 'long'] as const) {
    for (const part of new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilometer', unitDisplay }).formatToParts(5)) if (part.type === 'unit') texts.add(part.value);
  }
  for (const language of languages) {
    for (const names of [new Intl.DisplayNames([locale], { type: 'language' }), new Intl.DisplayNames([language], { type: 'language' })]) {
      const name = names.of(language);
      // As a label at the start of a line, an endonym is capitalised ("română" → "Română").
      if (name) texts.add(name).add(name.charAt(0).toLocaleUpperCase(language) + name.slice(1));
    }
  }
  texts.delete('');
  // Longest first, so "Monday" goes before "Mon".
  return [...texts].sort((a, b) => b.length - a.length);
}

/** Attributes that give an element its accessible name or description, or show text. */
const textAttributes = ['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'aria-placeholder', 'title', 'placeholder', 'alt', 'label'];

/** Every element of the shadow trees below `host` (nested shadow roots included). */
function* shadowElements(host: Element): Generator<Element> {
  const root = host.shadowRoot;
  if (!root) return;
  for (const element of root.querySelectorAll('*')) {
    yield element;
    if (element.shadowRoot) yield* shadowElements(element);
  }
}

/**
 * The texts in `host`'s shadow trees that did not come from the message
 * catalogue, rendered in the pseudo-locale: a text node or a text attribute
 * (aria-label, title, placeholder, alt, value of a button…) that still has a
 * plain Latin letter once the `allowed` data (names, addresses, Intl output,
 * endonyms) is taken out. Slotted light-DOM content is the site's, so skipped.
 */
export function textsNotFromCatalogue(host: Element, allowed: readonly (string | RegExp)[] = []): string[] {
  const found: string[] = [];
  // Longest first, so a short allowed text (",") cannot break up a longer one.
  const sorted = [...allowed].sort((a, b) => (typeof b === 'string' ? b.length : 0) - (typeof a === 'string' ? a.length : 0));
  const check = (text: string | null, where: string) => {
    if (!text) return;
    let rest = text;
    for (const a of sorted) {
      rest = typeof a === 'string' ? rest.split(a).join(' ') : rest.replace(new RegExp(a.source, a.flags.includes('g') ? a.flags : `${a.flags}g`), ' ');
    }
    if (/[A-Za-z]/.test(rest)) found.push(`${where}: "${text.replace(/\s+/g, ' ').trim()}"`);
  };
  const visitTexts = (root: Node) => {
    for (const node of root.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) check(node.textContent, `text in <${node.parentElement?.localName ?? 'shadow root'}>`);
    }
  };
  if (host.shadowRoot) visitTexts(host.shadowRoot);
  for (const element of shadowElements(host)) {
    if (element.localName === 'style' || element.localName === 'script') continue;
    visitTexts(element);
    for (const name of textAttributes) {
      // `title` on <style>/<svg> children is not shown; <title> inside SVG is a text node, checked above.
      if (element.hasAttribute(name)) check(element.getAttribute(name), `${name} of <${element.localName}>`);
    }
    const isButton =
      element.localName === 'button' || (element.localName === 'input' && ['button', 'submit', 'reset'].includes((element as HTMLInputElement).type));
    if (isButton && element.hasAttribute('value')) check(element.getAttribute('value'), `value of <${element.localName}>`);
  }
  return found;
}

/**
 * Texts in `host`'s shadow trees that are cut off: an element that hides or
 * clips its overflow (or ends in an ellipsis, or clamps lines) while its
 * content is larger than its box. Visually hidden text (a 1 px box) is meant
 * to be clipped and skipped.
 */
export function clippedTexts(host: Element): string[] {
  const found: string[] = [];
  for (const element of shadowElements(host)) {
    if (!(element instanceof HTMLElement) || !element.textContent?.trim()) continue;
    if (element.clientWidth <= 1 || element.clientHeight <= 1) continue;
    const style = getComputedStyle(element);
    const clips = (overflow: string) => overflow !== 'visible';
    const clampsLines = style.getPropertyValue('-webkit-line-clamp') && style.getPropertyValue('-webkit-line-clamp') !== 'none';
    const wide = element.scrollWidth > element.clientWidth + 1;
    const tall = element.scrollHeight > element.clientHeight + 1;
    if ((wide && (clips(style.overflowX) || style.textOverflow === 'ellipsis')) || (tall && (clips(style.overflowY) || clampsLines))) {
      const label = `<${element.localName}${element.className ? ` class="${element.className}"` : ''}>`;
      found.push(`${label} shows ${element.clientWidth}×${element.clientHeight} of ${element.scrollWidth}×${element.scrollHeight}: "${element.textContent.replace(/\s+/g, ' ').trim().slice(0, 60)}"`);
    }
  }
  return found;
}

/** Elements in `host`'s shadow trees that stick out of its inline extent (reflow at a narrow width). */
export function elementsTooWide(host: Element): string[] {
  const box = host.getBoundingClientRect();
  const found: string[] = [];
  for (const element of shadowElements(host)) {
    const r = element.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    // Moved far off on purpose (a honeypot field for bots): not part of the layout.
    if (r.right < box.left - 1000 || r.left > box.right + 1000) continue;
    if (r.right > box.right + 1 || r.left < box.left - 1) {
      found.push(`<${element.localName}${element.className && typeof element.className === 'string' ? ` class="${element.className}"` : ''}> ${Math.round(r.left - box.left)}…${Math.round(r.right - box.left)} px`);
    }
  }
  return found;
}

/**
 * Whether the first line of `block`'s text starts at its inline-start content
 * edge: the right edge in right-to-left, the left edge otherwise (1.5 px slack).
 */
export function startsAtInlineStart(block: Element): boolean {
  const range = document.createRange();
  range.selectNodeContents(block);
  const rects = [...range.getClientRects()].filter((r) => r.width > 0);
  if (!rects.length) throw new Error(`<${block.localName}> has no text to measure`);
  // The first line may hold several runs (digits in Arabic text): take them together.
  const top = Math.min(...rects.map((r) => r.top));
  const line = rects.filter((r) => r.top < top + 2);
  const first = { left: Math.min(...line.map((r) => r.left)), right: Math.max(...line.map((r) => r.right)) };
  const box = block.getBoundingClientRect();
  const style = getComputedStyle(block);
  const px = (v: string) => Number.parseFloat(v) || 0;
  const left = box.left + px(style.borderLeftWidth) + px(style.paddingLeft);
  const right = box.right - px(style.borderRightWidth) - px(style.paddingRight);
  return style.direction === 'rtl' ? Math.abs(right - first.right) <= 1.5 : Math.abs(first.left - left) <= 1.5;
}

/** Whether the text `left` is drawn left of the text `right` inside `element` (each must occur once in one text node). */
export function isDrawnLeftOf(element: Element, left: string, right: string): boolean {
  const rect = (text: string) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(text);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      return range.getBoundingClientRect();
    }
    throw new Error(`"${text}" is not in <${element.localName}>`);
  };
  // Left edges: WebKit measures part of a bidi run as the whole run, but its start is right.
  return rect(left).left < rect(right).left;
}

/** Whether an element is drawn flipped horizontally (a transform or scale with negative x). */
export function isMirrored(element: Element, pseudo?: string): boolean {
  const style = getComputedStyle(element, pseudo);
  const scale = style.scale && style.scale !== 'none' ? Number.parseFloat(style.scale) : 1;
  const transform = style.transform && style.transform !== 'none' ? new DOMMatrix(style.transform) : new DOMMatrix();
  return scale * transform.a < 0;
}

/**
 * axe passes for one state of a widget in every language (`everyLocale`), with
 * `lang` and `dir` set on the container as a page would; the widget's own
 * content carries the matched `lang` and the language's `dir`.
 */
export function itIsAccessibleInEveryLocale(
  example: { template: () => TemplateResult; settle?: (element: HTMLElement) => Promise<void>; expectedLocale?: (locale: string) => string },
  locales: readonly string[] = everyLocale,
): void {
  for (const locale of locales) {
    it(`is accessible in ${locale}`, async () => {
      const element = await fixtureInLocale<HTMLElement>(example.template(), locale);
      await example.settle?.(element);
      const content = element.shadowRoot?.querySelector('[lang]');
      expect(content?.getAttribute('lang'), 'lang of the content').to.equal(example.expectedLocale?.(locale) ?? locale);
      expect(content?.getAttribute('dir'), 'dir of the content').to.equal(textDirection(locale));
      await expect(element).to.be.accessible();
    });
  }
}
