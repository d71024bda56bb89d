import { textDirection } from '@wegweiser/core';
import { safeUrl, urlRules } from '@wegweiser/core/safe-url';
import { copySiteText } from './site-text.js';

/** A simplified-language version of a text. Only call it Leichte Sprache once a review group has checked it. */
export type Variant = 'leichte-sprache' | 'einfache-sprache';
export const variants: readonly Variant[] = ['leichte-sprache', 'einfache-sprache'];

/** One language version of a card's text. Rich parts are nodes copied from the site's markup, or plain strings from JSON. */
export interface CardVersion {
  /** BCP 47 language tag, as the site wrote it. */
  lang: string;
  variant?: Variant | undefined;
  dir: 'ltr' | 'rtl';
  /** The site says the text is a draft that a native speaker has not checked yet. */
  draft: boolean;
  title: string;
  /** Heading level from the site's markup (`<h2>` → 2), when it had one. */
  level?: number | undefined;
  text?: Node[] | string | undefined;
  more?: Node[] | string[] | undefined;
  moreLabel?: string | undefined;
  action?: { href: string; label: string } | undefined;
}

/** The JSON form of a card, as `content`, inline `<script type="application/json">` or `src`. */
export interface CardContent {
  pictogram?: string;
  versions: {
    lang: string;
    variant?: Variant;
    dir?: 'ltr' | 'rtl';
    draft?: boolean;
    title: string;
    text?: string;
    more?: string | string[];
    moreLabel?: string;
    action?: { href: string; label: string };
  }[];
}

/** What reading the content found wrong, for `ww-error`. */
export interface ContentProblem {
  code: string;
  message: string;
}

/** A version's identity: its language and variant. */
export const versionKey = (v: Pick<CardVersion, 'lang' | 'variant'>) => `${v.lang.toLowerCase()}|${v.variant ?? ''}`;

/** Keeps the first of versions with the same language and variant. */
export function unique(versions: CardVersion[], problems: ContentProblem[]): CardVersion[] {
  const seen = new Set<string>();
  return versions.filter((v) => {
    const key = versionKey(v);
    if (seen.has(key)) {
      problems.push({ code: 'pictogram-card/duplicate-version', message: `There are two versions in "${v.lang}"${v.variant ? ` (${v.variant})` : ''}; the first one is shown.` });
      return false;
    }
    seen.add(key);
    return true;
  });
}

function readVariant(value: string | null | undefined, lang: string, problems: ContentProblem[]): Variant | undefined | null {
  if (!value) return undefined;
  if ((variants as readonly string[]).includes(value)) return value as Variant;
  problems.push({
    code: 'pictogram-card/unknown-variant',
    message: `The "${lang}" version has variant "${value}"; use one of ${variants.join(', ')}. It is left out.`,
  });
  return null;
}

/**
 * The versions written as child elements: each direct child with `lang` is one
 * version; inside it the first heading is the title, the first paragraph the
 * text, a `<details>` the "more" section (its `<summary>` the label), and a
 * link that is a direct child (or has `data-action`) the action.
 */
export function versionsFromChildren(host: Element): { versions: CardVersion[]; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const versions: CardVersion[] = [];
  for (const element of host.children) {
    const lang = element.getAttribute('lang')?.trim();
    if (!lang || element.localName === 'script' || element.localName === 'template') continue;
    const variant = readVariant(element.getAttribute('data-variant'), lang, problems);
    if (variant === null) continue;
    const heading = element.querySelector('h1, h2, h3, h4, h5, h6, [data-title]');
    const title = heading?.textContent?.replace(/\s+/g, ' ').trim();
    if (!heading || !title) {
      problems.push({ code: 'pictogram-card/missing-title', message: `The "${lang}" version has no heading (h2–h6) with text; it is left out.` });
      continue;
    }
    const details = element.querySelector('details');
    const paragraph = [...element.querySelectorAll('p, [data-text]')].find((p) => !details?.contains(p));
    const link =
      element.querySelector<HTMLAnchorElement>('a[href][data-action]') ??
      [...element.children].find((child): child is HTMLAnchorElement => child.localName === 'a' && child.hasAttribute('href'));
    const summary = details?.querySelector(':scope > summary');
    const dir = element.getAttribute('dir');
    versions.push({
      lang,
      variant,
      dir: dir === 'rtl' || dir === 'ltr' ? dir : textDirection(lang),
      draft: element.hasAttribute('data-draft'),
      title,
      level: /^h[1-6]$/.test(heading.localName) ? Number(heading.localName[1]) : undefined,
      text: paragraph ? copySiteText(paragraph.childNodes, lang, problems) : undefined,
      more: details ? copySiteText([...details.childNodes].filter((n) => n !== summary), lang, problems) : undefined,
      moreLabel: summary?.textContent?.trim() || undefined,
      action: link ? readAction(link.getAttribute('href') ?? '', link.textContent ?? '', lang, problems) : undefined,
    });
  }
  return { versions: unique(versions, problems), problems };
}

/** The version's action link, when its address keeps core's safe-URL rule and it has text. */
export function readAction(href: string, label: string, lang: string, problems: ContentProblem[]) {
  const text = label.replace(/\s+/g, ' ').trim();
  const url = safeUrl(href, urlRules.link);
  if (url === null || !text) {
    problems.push({
      code: 'pictogram-card/invalid-action',
      message: `The "${lang}" version's link (href ${JSON.stringify(href)}) needs text and ${urlRules.link.description}; it is left out.`,
    });
    return undefined;
  }
  return { href: url, label: text };
}

/**
 * Which version to show: the one the reader picked, else the one in the
 * wanted language (exact tag, then the same language: `de-AT` finds `de`, a
 * tag ending in `-x-ls` finds a Leichte/Einfache Sprache version), else the
 * first. `missing` says that the wanted language had none.
 */
export function chooseVersion(
  versions: readonly Pick<CardVersion, 'lang' | 'variant'>[],
  wanted: string,
  picked?: string,
): { index: number; missing: boolean } {
  if (picked) {
    const index = versions.findIndex((v) => versionKey(v) === picked);
    if (index >= 0) return { index, missing: false };
  }
  const tag = wanted.trim().toLowerCase().replace(/_/g, '-');
  if (!tag || versions.length === 0) return { index: 0, missing: false };
  const simple = /-x-ls$/.test(tag);
  const base = tag.replace(/-x-ls$/, '');
  const language = base.split('-')[0];
  const candidates = versions.map((v, index) => ({ index, lang: v.lang.toLowerCase(), ok: simple ? v.variant !== undefined : v.variant === undefined }));
  const parts = base.split('-');
  while (parts.length > 0) {
    const hit = candidates.find((c) => c.ok && c.lang === parts.join('-'));
    if (hit) return { index: hit.index, missing: false };
    parts.pop();
  }
  const sameLanguage = candidates.find((c) => c.ok && c.lang.split('-')[0] === language);
  if (sameLanguage) return { index: sameLanguage.index, missing: false };
  return { index: 0, missing: true };
}

/**
 * A language's name in that language (an endonym: Română, Български), or in
 * `inLanguage` when given; the tag itself where the browser knows no name.
 */
export function languageName(tag: string, inLanguage = tag): string {
  try {
    const name = new Intl.DisplayNames([inLanguage], { type: 'language', fallback: 'code' }).of(tag) ?? tag;
    return name.charAt(0).toLocaleUpperCase(inLanguage) + name.slice(1);
  } catch {
    return tag;
  }
}

/** A variant's name, in German, the language these variants are defined for. */
export function variantName(variant: Variant): string {
  return variant === 'leichte-sprache' ? 'Leichte Sprache' : 'Einfache Sprache';
}
