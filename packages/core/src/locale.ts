/** The language a widget falls back to when nothing on the page names one it can show. */
export const fallbackLocale = 'de';

const rtlLanguages = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'yi', 'ckb', 'sd', 'ug', 'dv']);

/** The writing direction of a language tag (`ar`, `fa-AF` → rtl); for `dir` beside `lang`. */
export function textDirection(tag: string): 'ltr' | 'rtl' {
  return rtlLanguages.has(tag.trim().toLowerCase().split(/[-_]/)[0] ?? '') ? 'rtl' : 'ltr';
}

/**
 * The `lang` that applies to `element`: its own attribute, else the nearest
 * ancestor's, crossing shadow-root boundaries, else the document's. Returns ''
 * when none is set. Translation tools rewrite `<html lang>`, so an attribute
 * closer to the widget always wins.
 */
export function inheritedLang(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang !== null && lang.trim() !== '') return lang.trim();
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return '';
}

/**
 * Picks the best of `available` for a BCP 47 tag: an exact match, then the
 * same language with a less specific tag (`de-AT` → `de`), else the fallback.
 */
export function matchLocale(tag: string, available: readonly string[], fallback = fallbackLocale): string {
  if (!tag) return fallback;
  const wanted = tag.toLowerCase().replace(/_/g, '-');
  const byLower = new Map(available.map((l) => [l.toLowerCase(), l]));
  const parts = wanted.split('-');
  while (parts.length > 0) {
    const hit = byLower.get(parts.join('-'));
    if (hit) return hit;
    parts.pop();
  }
  return fallback;
}

type LangListener = () => void;
const listeners = new Set<LangListener>();
let observer: MutationObserver | undefined;

/**
 * Calls `listener` whenever a `lang` attribute changes anywhere in the
 * document's light DOM (a page's language switcher, a translation tool). One
 * observer serves every widget. Returns the function that unsubscribes.
 */
export function onLangChange(listener: LangListener): () => void {
  listeners.add(listener);
  if (!observer && typeof MutationObserver !== 'undefined' && typeof document !== 'undefined') {
    observer = new MutationObserver(() => {
      for (const l of [...listeners]) l();
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && observer) {
      observer.disconnect();
      observer = undefined;
    }
  };
}

/**
 * `text` wrapped in Unicode isolates (FSI … PDI) for a message built with
 * `str`: a phone number, an address or a name then keeps its own order inside
 * right-to-left text ("+49 6131 000000", not "000000 6131 +49"). Markup can use
 * `<bdi>` instead.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/** One message per CLDR plural category; categories a language does not use fall back to `other`. */
export interface PluralForms<T> {
  one: () => T;
  two?: () => T;
  few?: () => T;
  many?: () => T;
  other: () => T;
}

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * The message for `count` in the grammatical number the language needs:
 * English has two forms, Polish, Russian and Ukrainian four, Arabic six. The
 * forms are functions so only the chosen msg() runs. Every form must contain
 * the number itself: in Russian, 21 takes the `one` form.
 */
export function plural<T>(locale: string, count: number, forms: PluralForms<T>): T {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  const category = rules.select(count) as keyof PluralForms<T>;
  return (forms[category] ?? forms.other)();
}
