/**
 * Server-side rendering for the Wegweiser widgets (Node only). `renderWidgets`
 * takes the HTML a static-site generator or a server framework produced and
 * gives every `<ww-*>` element in it its content as Declarative Shadow DOM, in
 * the page's language, so people read it before (and without) JavaScript.
 * The browser then takes it over with Lit's hydration (docs/ssr.md).
 */
import { parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import type { WegweiserErrorDetail } from '@wegweiser/core';
import { lightDomMembers } from './light-dom.js';

type ParsedNode = DefaultTreeAdapterMap['node'];
type ParsedElement = DefaultTreeAdapterMap['element'];

export { ServerNode } from './light-dom.js';

/** The widgets this package renders (their define modules are loaded on first use). */
export const widgetTags = [
  'ww-quick-exit',
  'ww-hours-badge',
  'ww-service-finder',
  'ww-stabilisation-checklist',
  'ww-pictogram-card',
  'ww-contact-form',
  'ww-contact-replies',
] as const;

export interface RenderWidgetsOptions {
  /**
   * The `lang` of the page the HTML goes into, for widgets with no `lang` on
   * themselves or an ancestor inside the HTML (a fragment). As in the browser,
   * a widget with none anywhere renders in German.
   */
  locale?: string;
  /** The instant time-dependent widgets describe ("open now"); default: the moment of the call. */
  now?: Date | number | string;
  /** Called for each problem a widget reports (bad hours, invalid JSON …), as `ww-error` would in the browser. */
  onError?: (detail: WegweiserErrorDetail) => void;
}

type LitElementRenderer = import('@lit-labs/ssr').LitElementRenderer;
type RenderInfo = Parameters<LitElementRenderer['renderShadow']>[0];
type ElementRendererConstructor = NonNullable<Parameters<typeof import('@lit-labs/ssr').render>[1]>['elementRenderers'] extends (infer C)[] | undefined ? C : never;

interface Runtime {
  ssr: typeof import('@lit-labs/ssr');
  /** Lit's renderer for one widget, rendering in the widget's locale. */
  WidgetRenderer: new (tag: string, locale: string) => LitElementRenderer;
  /** Hands Lit's render the widget prepared beforehand (its data loaded). */
  handOff: (renderer: LitElementRenderer) => ElementRendererConstructor[];
  collectResult: typeof import('@lit-labs/ssr/lib/render-result.js').collectResult;
  staticHtml: typeof import('lit/static-html.js').html;
  unsafeStatic: typeof import('lit/static-html.js').unsafeStatic;
  core: typeof import('@wegweiser/core');
}

let runtime: Promise<Runtime> | undefined;

/*
 * Lit's DOM shim must be on globalThis before Lit and the widgets load, so
 * everything else is imported after it, once.
 */
function load(): Promise<Runtime> {
  return (runtime ??= (async () => {
    await import('@lit-labs/ssr/lib/install-global-dom-shim.js');
    const [ssr, { collectResult }, { html, unsafeStatic }, core] = await Promise.all([
      import('@lit-labs/ssr'),
      import('@lit-labs/ssr/lib/render-result.js'),
      import('lit/static-html.js'),
      import('@wegweiser/core'),
    ]);
    await Promise.all([
      import('@wegweiser/quick-exit/define'),
      import('@wegweiser/hours/define'),
      import('@wegweiser/service-finder/define'),
      import('@wegweiser/checklist/define'),
      import('@wegweiser/pictogram-card/define'),
      import('@wegweiser/contact-form/define'),
      import('@wegweiser/contact-form/replies'),
    ]);
    class WidgetRenderer extends ssr.LitElementRenderer {
      constructor(
        tag: string,
        readonly locale: string,
      ) {
        super(tag);
      }
      override connectedCallback(): void {
        core.withLocale(this.locale, () => super.connectedCallback());
      }
      // msg() answers in the locale that is current when render() runs: these thunks.
      override renderShadow(info: RenderInfo) {
        return super.renderShadow(info)?.map((part) => (typeof part === 'function' ? () => core.withLocale(this.locale, part) : part));
      }
    }
    let next: LitElementRenderer | undefined;
    class HandOff extends ssr.ElementRenderer {
      static override matchesClass(): boolean {
        return true;
      }
      constructor(tag: string) {
        super(tag);
        // A constructor may return another object: Lit then renders the prepared widget.
        const prepared = next;
        next = undefined;
        if (!prepared) throw new Error('@wegweiser/ssr: no prepared widget');
        return prepared;
      }
    }
    const handOff = (renderer: LitElementRenderer) => {
      next = renderer;
      return [HandOff];
    };
    return { ssr, WidgetRenderer, handOff, collectResult, staticHtml: html, unsafeStatic, core };
  })());
}

/** What a server-side widget has beyond Lit's: core's locale and readiness hook (protected there). */
interface ServerWidget extends HTMLElement {
  locale: string;
  whenContentReady(): Promise<unknown> | undefined;
}

/** Every `<ww-*>` element outside `<template>`, in document order, with the `lang` it inherits. */
function findWidgets(root: ParsedNode, tags: ReadonlySet<string>): { element: ParsedElement; lang: string }[] {
  const found: { element: ParsedElement; lang: string }[] = [];
  const walk = (node: ParsedNode, lang: string): void => {
    for (const child of 'childNodes' in node ? node.childNodes : []) {
      if (!('tagName' in child)) continue;
      const own = child.attrs.find((a) => a.name === 'lang')?.value.trim();
      const inherited = own || lang;
      if (tags.has(child.tagName) && !hasShadowTemplate(child)) found.push({ element: child, lang: inherited });
      walk(child, inherited);
    }
  };
  walk(root, '');
  return found;
}

function hasShadowTemplate(element: ParsedElement): boolean {
  return element.childNodes.some((c) => 'tagName' in c && c.tagName === 'template' && c.attrs.some((a) => a.name === 'shadowrootmode'));
}

/** The attributes in a start tag Lit's renderer wrote: ` name="value"` or ` name`. */
function renderedAttributes(startTag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of startTag.matchAll(/\s([^\s="'>/]+)(?:="([^"]*)")?/g)) out.set(m[1]!, m[2] ?? '');
  return out;
}

/**
 * Renders every Wegweiser widget in `html` (a whole page or a fragment) to
 * Declarative Shadow DOM: each `<ww-*>` element gets a
 * `<template shadowrootmode="open">` with its content as its first child; the
 * rest of the HTML stays exactly as it was. Data the page gives inline (JSON
 * in a child `<script type="application/json">`, a card's child elements, a
 * badge's `hours`) is rendered; a `src` is left for the browser to fetch.
 */
export async function renderWidgets(html: string, options: RenderWidgetsOptions = {}): Promise<string> {
  const { ssr, WidgetRenderer, handOff, collectResult, staticHtml, unsafeStatic, core } = await load();
  const isDocument = /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype|html[\s>])/i.test(html);
  const tree = isDocument ? parse(html, { sourceCodeLocationInfo: true }) : parseFragment(html, { sourceCodeLocationInfo: true });
  const widgets = findWidgets(tree, new Set(widgetTags.filter((t) => customElements.get(t))));
  if (widgets.length === 0) return html;

  const now = core.parseInstant(options.now ?? Date.now());
  if (now === undefined) throw new RangeError(`renderWidgets: now is not a valid instant: ${String(options.now)}`);
  const locales = widgets.map(({ lang }) => core.matchLocale(lang || options.locale || '', core.availableLocales()));
  await Promise.all([...new Set(locales)].map((l) => core.loadMessages(l)));

  // Every widget sees the same instant, while rendering only.
  const previousClock = core.clock();
  core.useClock(new core.ManualClock(now));
  try {
    const inserts: { at: number; text: string }[] = [];
    for (const [i, { element, lang }] of widgets.entries()) {
      const tag = element.tagName;
      const locale = locales[i]!;
      const renderer = new WidgetRenderer(tag, locale);
      const widget = renderer.element as unknown as ServerWidget;
      Object.defineProperties(widget, lightDomMembers(element));
      // inheritedLang() climbs parentNode: give it the page's language above the widget.
      const parent = new HTMLElement();
      if (lang || options.locale) parent.setAttribute('lang', lang || options.locale!);
      Object.defineProperty(widget, 'parentNode', { value: parent, configurable: true });
      if (options.onError) widget.addEventListener('ww-error', (event) => options.onError!((event as CustomEvent<WegweiserErrorDetail>).detail));
      for (const { name, value } of element.attrs) renderer.setAttribute(name, value);
      widget.locale = locale;
      await core.withLocale(locale, () => widget.whenContentReady())?.catch(() => undefined);

      const template = staticHtml`<${unsafeStatic(tag)}></${unsafeStatic(tag)}>`;
      const rendered = await collectResult(ssr.render(template, { elementRenderers: handOff(renderer) }));

      const open = rendered.indexOf(`<${tag}`);
      const shadow = rendered.indexOf('<template shadowroot', open);
      const close = rendered.lastIndexOf(`</${tag}>`);
      if (open < 0 || shadow < 0 || close < shadow) continue;
      const location = element.sourceCodeLocation?.startTag;
      if (!location) continue;
      // Attributes the widget set on itself on the server (e.g. the instant it describes) join the page's.
      const own = new Set(element.attrs.map((a) => a.name));
      const added = [...renderedAttributes(rendered.slice(open + tag.length + 1, shadow - 1))]
        .filter(([name]) => !own.has(name))
        .map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${value}"`))
        .join('');
      const tagEnd = html.slice(location.startOffset, location.endOffset).endsWith('/>') ? location.endOffset - 2 : location.endOffset - 1;
      if (added) inserts.push({ at: tagEnd, text: added });
      inserts.push({ at: location.endOffset, text: rendered.slice(shadow, close) });
    }
    let out = html;
    for (const { at, text } of inserts.sort((a, b) => b.at - a.at)) out = out.slice(0, at) + text + out.slice(at);
    return out;
  } finally {
    core.useClock(previousClock);
  }
}
