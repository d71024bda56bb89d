// Server-rendered widgets in real browsers: readable with JavaScript off, and
// taken over by Lit's hydration without mismatch, then interactive and
// accessible. The HTML comes from @wegweiser/ssr in Node (wtr-ssr-plugin.mjs).
// Lit's hydration support must load before Lit itself: first import.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../../scripts/testing/index.js';
import { shadowText } from '../../../scripts/testing/index.js';
import '@wegweiser/quick-exit/define';
import '@wegweiser/hours/define';
import '@wegweiser/service-finder/define';
import '@wegweiser/checklist/define';
import '@wegweiser/pictogram-card/define';
import '@wegweiser/contact-form/define';
import '@wegweiser/contact-form/replies';
import { page, widgets, NOW } from './fixtures/page.mjs';

const tags = [
  'ww-quick-exit',
  'ww-hours-badge',
  'ww-service-finder',
  'ww-stabilisation-checklist',
  'ww-pictogram-card',
  'ww-contact-form',
  'ww-contact-replies',
] as const;

const ssr = (html: string, locale?: string) => executeServerCommand<string, { html: string; locale?: string; now: string }>('ssr-render', { html, locale, now: NOW });

const waitFor = async (predicate: () => unknown, what: string | (() => string), timeout = 5000): Promise<void> => {
  const end = performance.now() + timeout;
  while (!predicate()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('server-rendered widgets without JavaScript', () => {
  for (const [lang, expected] of [
    ['de', { 'ww-quick-exit': 'Seite verlassen', 'ww-hours-badge': 'Telefon: Jetzt geöffnet, bis 16:00', 'ww-service-finder': 'Anlaufstelle Morgenrot (fiktiv)', 'ww-stabilisation-checklist': 'Geld und finanzielle Sicherheit', 'ww-pictogram-card': 'Sie müssen keinen Namen nennen.', 'ww-contact-form': 'Ihre Nachricht', 'ww-contact-replies': 'Ihr Code' }],
    ['en', { 'ww-quick-exit': 'Leave this page', 'ww-hours-badge': 'Phone: Open now, until 4:00', 'ww-service-finder': 'Anlaufstelle Morgenrot (fiktiv)', 'ww-stabilisation-checklist': 'Money and financial security', 'ww-pictogram-card': 'You do not have to give your name.', 'ww-contact-form': 'Your message', 'ww-contact-replies': 'Your code' }],
  ] as const) {
    it(`shows every widget's content, readable and focusable (${lang})`, async () => {
      const html = await ssr(page(lang));
      const frame = document.createElement('iframe');
      // Same origin so the test can look inside; no allow-scripts: nothing runs.
      frame.setAttribute('sandbox', 'allow-same-origin');
      frame.style.cssText = 'inline-size: 800px; block-size: 600px';
      const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      frame.srcdoc = html;
      document.body.append(frame);
      await loaded;
      try {
        const doc = frame.contentDocument!;
        for (const tag of tags) {
          const element = doc.querySelector(tag)!;
          expect(element.shadowRoot, `${tag} has its shadow root`).to.not.equal(null);
          const text = shadowText(element).replace(/\u202f/g, ' ');
          expect(text, tag).to.contain(expected[tag]);
          expect(element.shadowRoot!.querySelector('a[href], button, input, textarea, select, summary'), `${tag} has a control`).to.not.equal(null);
        }
        const exit = doc.querySelector('ww-quick-exit')!.shadowRoot!.querySelector<HTMLAnchorElement>('a[part=button]')!;
        expect(exit.getAttribute('href')).to.equal('https://example.org/neutral');
        expect(exit.getBoundingClientRect().height).to.be.at.least(24);
        // The hostile name is text: no <img> was made from it, anywhere.
        for (const tag of tags) expect(doc.querySelector(tag)!.shadowRoot!.querySelector('img')).to.equal(null);
        expect((frame.contentWindow as unknown as { __wwHacked?: number }).__wwHacked).to.equal(undefined);
      } finally {
        frame.remove();
      }
    });
  }
});

describe('server-rendered widgets taken over by the browser (hydration)', () => {
  let messages: string[] = [];
  let failures: string[] = [];
  const originals = { warn: console.warn, error: console.error };
  const onError = (event: Event) => failures.push((event as CustomEvent<{ code: string }>).detail.code);

  beforeEach(() => {
    messages = [];
    failures = [];
    for (const level of ['warn', 'error'] as const) {
      console[level] = (...args: unknown[]) => {
        messages.push(args.map(String).join(' '));
        originals[level](...args);
      };
    }
    document.addEventListener('ww-error', onError);
  });

  afterEach(() => {
    console.warn = originals.warn;
    console.error = originals.error;
    document.removeEventListener('ww-error', onError);
    document.querySelector('#ssr')?.remove();
  });

  /** Puts the server's HTML into the page (parsing its Declarative Shadow DOM) and waits until every widget has taken it over. */
  async function mount(lang: string): Promise<HTMLElement> {
    const html = await ssr(`<div id="ssr" lang="${lang}">${widgets()}</div>`);
    const holder = document.createElement('div');
    holder.setHTMLUnsafe(html);
    const root = holder.firstElementChild as HTMLElement;
    // Every widget arrives with the server's shadow root, before any script touched it.
    for (const tag of tags) expect(root.querySelector(tag)!.shadowRoot, tag).to.not.equal(null);
    document.body.append(root);
    for (const tag of tags) {
      const element = root.querySelector(tag) as HTMLElement & { updateComplete: Promise<unknown>; hasUpdated: boolean };
      await waitFor(() => element.hasUpdated, `${tag} to update`);
      await element.updateComplete;
    }
    await new Promise((r) => setTimeout(r, 50));
    return root;
  }

  function expectClean(root: HTMLElement): void {
    expect(messages.filter((m) => /hydrat|mismatch/i.test(m)), 'hydration messages').to.deep.equal([]);
    expect(failures.filter((code) => code === 'core/render-failed'), 'render failures').to.deep.equal([]);
    for (const tag of tags) {
      const shadow = root.querySelector(tag)!.shadowRoot!;
      expect(shadow.querySelector('.ww-failure'), `${tag} shows no failure`).to.equal(null);
      // Taken over, not rendered a second time beside the server's markup.
      expect(shadow.querySelectorAll(':scope > style').length, `${tag} styles once`).to.be.at.most(1);
    }
  }

  for (const lang of ['de', 'en']) {
    it(`hydrates every widget without mismatch and keeps its content (${lang})`, async function () {
      // axe over seven widgets takes WebKit longer than the default 10 s.
      this.timeout(40000);
      const root = await mount(lang);
      expectClean(root);
      const exit = root.querySelector('ww-quick-exit')!.shadowRoot!;
      expect(exit.querySelectorAll('a[part=button]').length).to.equal(1);
      expect(shadowText(root.querySelector('ww-service-finder')!)).to.contain('Beratung Lichtblick (fiktiv)');
      expect(shadowText(root.querySelector('ww-stabilisation-checklist')!)).to.contain(lang === 'de' ? 'Geld und finanzielle Sicherheit' : 'Money and financial security');
      await expect(root.querySelector('ww-quick-exit')).to.be.accessible();
      for (const tag of tags.slice(1)) await expect(root.querySelector(tag)).to.be.accessible();
    });
  }

  it('the hours badge says what is true now, after repeating the server', async () => {
    const root = await mount('en');
    const badge = root.querySelector('ww-hours-badge')!;
    // The same badge rendered in the browser alone: the truth at this moment.
    const fresh = document.createElement('ww-hours-badge');
    for (const name of ['hours', 'region', 'channel']) fresh.setAttribute(name, badge.getAttribute(name)!);
    fresh.textContent = badge.textContent;
    root.append(fresh);
    await (fresh as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const status = (el: Element) => el.shadowRoot!.querySelector('[part=status]')!.textContent!.replace(/\s+/g, ' ').trim();
    await waitFor(() => status(badge) === status(fresh), () => `the badge to catch up with the time: "${status(badge)}" / "${status(fresh)}"`);
    expect(badge.getAttribute('rendered-at')).to.equal(new Date(NOW).toISOString());
    expectClean(root);
  });

  it('becomes interactive: the finder filters, the card switches language, the checklist counts, the exit fires', async () => {
    const root = await mount('en');
    const finder = root.querySelector('ww-service-finder')! as HTMLElement & { updateComplete: Promise<unknown> };
    const input = finder.shadowRoot!.querySelector<HTMLInputElement>('#q')!;
    input.value = 'Morgenrot';
    input.dispatchEvent(new Event('input'));
    await waitFor(() => finder.shadowRoot!.querySelectorAll('ol.results > li').length === 1, 'one result');
    expect(shadowText(finder)).to.contain('Anlaufstelle Morgenrot (fiktiv)');

    const card = root.querySelector('ww-pictogram-card')!;
    const german = [...card.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Deutsch')!;
    german.click();
    await waitFor(() => card.shadowRoot!.querySelector('[part=title]')!.textContent === 'Anonym', 'the German title');
    // The site's markup is back after the take-over (the server wrote plain text).
    expect(card.shadowRoot!.querySelector('[part=text] strong')?.textContent).to.equal('keinen');

    const checklist = root.querySelector('ww-stabilisation-checklist')!;
    const before = shadowText(checklist).match(/Overall: (\d+) of/)?.[1];
    const done = [...checklist.shadowRoot!.querySelectorAll('label')].find((l) => l.textContent!.trim() === 'Done')!.querySelector('input')!;
    done.click();
    await waitFor(() => shadowText(checklist).match(/Overall: (\d+) of/)?.[1] === String(Number(before) + 1), 'the count to go up');

    const exit = root.querySelector('ww-quick-exit')! as HTMLElement & { reset(): void };
    let fired: string | undefined;
    exit.addEventListener('ww-exit', (event) => {
      event.preventDefault();
      fired = (event as CustomEvent<{ href: string }>).detail.href;
    }, { once: true });
    exit.shadowRoot!.querySelector<HTMLAnchorElement>('a[part=button]')!.click();
    expect(fired).to.equal('https://example.org/neutral');
    exit.reset();
    expectClean(root);
    await expect(finder).to.be.accessible();
    await expect(card).to.be.accessible();
  });
});
