/**
 * The shared suite for core's safe-URL rule (issue 16): every input of every
 * widget that takes a URL gets every hostile family (hostile-urls.ts); the
 * suite then clicks every link the widget rendered, letting anything that is
 * not an ordinary web, e-mail or phone link do what the browser does with it,
 * and asserts that no script ran and no link leads to another host.
 */
import { expect } from '@open-wc/testing';
import { collectErrors, shadowText } from './index.js';
import { hostileHrefAttributes, hostileUrls } from './hostile-urls.js';

declare global {
  interface Window {
    __wwHostileRan?: number;
  }
}

/** How a URL is handed over: as the string itself, or as HTML attribute text (character references not yet decoded). */
export type UrlSpelling = 'value' | 'html';

export interface UrlInput {
  /** Which field, and how it reaches the widget: "card action, child elements". */
  readonly via: string;
  /** The `ww-error` code the widget reports when it refuses the URL. */
  readonly code: string;
  /** Whether the URL can be written as HTML (child elements, attributes): then the HTML spellings are tried too. */
  readonly markup: boolean;
  /** Hosts the widget may link to whatever the input (the quick exit's default destination, other entries' websites). */
  readonly otherHosts?: readonly string[];
  /** Renders the widget with `url` in this input; resolves once it shows what it will show. */
  render(url: string, spelling: UrlSpelling): Promise<HTMLElement>;
  /** Undoes what clicking did (the quick exit's cover). */
  afterClicks?(element: HTMLElement): void;
}

const ordinarySchemes = ['http:', 'https:', 'mailto:', 'tel:'];

/** Every link in `root` and in the shadow roots inside it. */
function linksIn(root: ParentNode): HTMLAnchorElement[] {
  const links: HTMLAnchorElement[] = [];
  for (const element of root.querySelectorAll('*')) {
    if (element instanceof HTMLAnchorElement && element.hasAttribute('href')) links.push(element);
    if (element.shadowRoot) links.push(...linksIn(element.shadowRoot));
  }
  return links;
}

/**
 * Clicks every link in the widget's shadow root. Ordinary links are kept from
 * navigating (the test page must stay); anything else is left to the browser,
 * so a `javascript:` link that slipped through runs and is seen. Navigations
 * the widget starts itself (`ww-exit`) are recorded and cancelled.
 */
async function clickEveryLink(element: HTMLElement): Promise<string[]> {
  const addresses: string[] = [];
  const keepPage = (event: Event) => {
    const link = event.composedPath()[0];
    if (link instanceof HTMLAnchorElement && ordinarySchemes.includes(link.protocol)) event.preventDefault();
  };
  const recordExit = (event: Event) => {
    addresses.push((event as CustomEvent<{ href: string }>).detail.href);
    event.preventDefault();
  };
  window.addEventListener('click', keepPage, { capture: true });
  document.addEventListener('ww-exit', recordExit);
  try {
    for (const link of linksIn(element.shadowRoot!)) {
      addresses.push(link.href);
      link.click();
    }
    // A javascript: URL runs in a task of its own after the click.
    await new Promise((resolve) => setTimeout(resolve, 100));
  } finally {
    window.removeEventListener('click', keepPage, { capture: true });
    document.removeEventListener('ww-exit', recordExit);
  }
  return addresses;
}

/** Each of `inputs` refuses every hostile URL family: no script runs, no link leads elsewhere, the widget stays readable. */
export function itNeverLinksHostileUrls(inputs: readonly UrlInput[]): void {
  for (const input of inputs) {
    describe(`safe links: ${input.via}`, () => {
      const cases = [
        ...hostileUrls.map((hostile) => ({ name: hostile.name, url: hostile.value, spelling: 'value' as const, refused: hostile.refusedEverywhere })),
        ...(input.markup ? hostileHrefAttributes.map((hostile) => ({ name: `in HTML: ${hostile.name}`, url: hostile.html, spelling: 'html' as const, refused: true })) : []),
      ];
      for (const example of cases) {
        it(`no script, no other host: ${example.name}`, async () => {
          delete window.__wwHostileRan;
          let element: HTMLElement | undefined;
          const errors = await collectErrors(async () => {
            element = await input.render(example.url, example.spelling);
          });
          const addresses = await clickEveryLink(element!);
          input.afterClicks?.(element!);
          expect(window.__wwHostileRan, 'a script URL ran').to.equal(undefined);
          for (const address of addresses) {
            const url = new URL(address);
            expect(ordinarySchemes, address).to.include(url.protocol);
            if (url.protocol === 'http:' || url.protocol === 'https:') {
              expect([location.hostname, ...(input.otherHosts ?? [])], address).to.include(url.hostname);
            }
          }
          if (example.refused) expect(errors.map((e) => (e.detail as { code: string }).code)).to.include(input.code);
          expect(shadowText(element!)).to.not.equal('');
        });
      }
    });
  }
}

const renderedContainers: HTMLElement[] = [];
afterEach(() => {
  for (const container of renderedContainers.splice(0)) container.remove();
});

const placeholder = 'ww-test-url';

/**
 * Renders `markup` (with `{url}` where the URL goes, inside an attribute) into
 * a fresh container and returns its first element. The `value` spelling is
 * set with setAttribute, exactly as given (the HTML parser would turn NUL
 * into U+FFFD and CR into LF); the `html` spelling goes through the parser.
 */
export async function renderMarkup<T extends HTMLElement>(markup: string, url: string, spelling: UrlSpelling): Promise<T> {
  const container = document.createElement('div');
  container.lang = 'de';
  container.innerHTML = markup.replaceAll('{url}', spelling === 'html' ? url : placeholder);
  for (const element of container.querySelectorAll('*')) {
    for (const attribute of [...element.attributes]) {
      if (attribute.value === placeholder) element.setAttribute(attribute.name, url);
    }
  }
  document.body.append(container);
  renderedContainers.push(container);
  const element = container.firstElementChild as T;
  await (element as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return element;
}

/** `<tag>` with `value` as inline JSON; `<` is escaped so that no value can end the script element. */
export function inlineJsonMarkup(tag: string, value: unknown): string {
  return `<${tag}><script type="application/json">${JSON.stringify(value).replace(/</g, '\\u003c')}</script></${tag}>`;
}

/** A same-origin `blob:` URL serving `value` as JSON, for inputs that load by `src`. */
export function jsonUrl(value: unknown): string {
  return URL.createObjectURL(new Blob([JSON.stringify(value)], { type: 'application/json' }));
}
