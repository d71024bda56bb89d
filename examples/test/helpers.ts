// What every example app must show, checked the same way for each framework:
// the built app (examples/<name>/dist, from examples/build.mjs) is loaded in a
// same-origin iframe from the test server, as a visitor's browser would load it.
import { assert, expect, waitUntil } from '@open-wc/testing';

/** Every visitor widget; each example mounts all of them. */
export const visitorWidgets = [
  'ww-quick-exit',
  'ww-hours-badge',
  'ww-service-finder',
  'ww-stabilisation-checklist',
  'ww-pictogram-card',
  'ww-contact-form',
  'ww-contact-replies',
] as const;

/** The deliberately invalid hours in every example (examples/shared/demo.ts) give this. */
export const expectedErrorCode = 'hours/invalid-hours';

interface ConsoleEntry {
  level: string;
  text: string;
}

export interface LoadedExample {
  doc: Document;
  win: Window & { __wwConsole?: ConsoleEntry[] };
  one(tag: string): HTMLElement;
  shadow(tag: string, selector: string, index?: number): Element | null;
}

const shadowOf = (el: Element): ShadowRoot => {
  assert.exists(el.shadowRoot, `<${el.localName}> has a shadow root`);
  return el.shadowRoot!;
};

export async function openExample(name: string): Promise<LoadedExample> {
  const iframe = document.createElement('iframe');
  iframe.title = `${name} example`;
  iframe.style.cssText = 'inline-size: 1024px; block-size: 2400px; border: 0';
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  iframe.src = `/examples/${name}/dist/index.html`;
  document.body.append(iframe);
  await loaded;
  const win = iframe.contentWindow as LoadedExample['win'];
  const doc = iframe.contentDocument!;
  expect(win.__wwConsole, 'the console spy ran (is the example built? node examples/build.mjs)').to.be.an('array');
  // Frameworks may render after the load event (React schedules its first render).
  await waitUntil(() => visitorWidgets.every((tag) => doc.querySelector(tag)), `${name} mounted every widget`, { timeout: 10000 });
  return {
    doc,
    win,
    one(tag) {
      const el = doc.querySelector<HTMLElement>(tag);
      assert.exists(el, `<${tag}> is in the page`);
      return el!;
    },
    shadow(tag, selector, index = 0) {
      const el = doc.querySelectorAll(tag)[index];
      return el?.shadowRoot?.querySelector(selector) ?? null;
    },
  };
}

const status = (el: Element) => el.shadowRoot?.querySelector('[part="status"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The checks every example passes; `extra` adds a framework's own. */
export function itIsAWorkingExample(name: string, extra?: (app: LoadedExample) => Promise<void> | void): void {
  describe(`example: ${name}`, function () {
    this.timeout(30000);
    let app: LoadedExample;

    before(async () => {
      app = await openExample(name);
    });

    after(() => {
      document.querySelector('iframe')?.remove();
    });

    it('mounts every visitor widget, upgraded, each with its own shadow content', async () => {
      for (const tag of visitorWidgets) {
        const el = app.one(tag);
        await waitUntil(() => app.win.customElements.get(tag) && el.shadowRoot, `<${tag}> upgraded`, { timeout: 10000 });
        await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
        expect(el).to.be.instanceOf(app.win.customElements.get(tag)!);
      }
      const ready: Record<string, string> = {
        'ww-quick-exit': '[part="button"]',
        'ww-hours-badge': '[part="status"]',
        'ww-service-finder': 'form, [part="form"]',
        // Content sets, pictograms and the form load on demand: wait for what visitors see.
        'ww-stabilisation-checklist': 'input[type="radio"]',
        'ww-pictogram-card': 'svg',
        'ww-contact-form': 'textarea',
        'ww-contact-replies': 'input',
      };
      for (const [tag, selector] of Object.entries(ready)) {
        await waitUntil(() => app.shadow(tag, selector), `<${tag}> rendered ${selector}`, { timeout: 10000 });
        expect(shadowOf(app.one(tag)).textContent!.trim(), `<${tag}> shows text`).not.to.equal('');
      }
    });

    it('set the service finder\'s data property: it lists the two fictional demo centres', async () => {
      await waitUntil(() => app.doc.querySelector('ww-service-finder')?.shadowRoot?.querySelectorAll('[part="result"]').length === 2, 'two results from the data property', {
        timeout: 10000,
      });
      const finder = app.one('ww-service-finder') as HTMLElement & { data: unknown };
      expect(finder.data, 'data is an object property, not an attribute').to.be.an('object');
      expect(finder.hasAttribute('data'), 'no data attribute').to.equal(false);
      expect(shadowOf(finder).textContent).to.contain('Beratungsstelle Lichtblick (fiktiv)');
    });

    it('shows the open hours, and the calm fallback for the broken ones', async () => {
      const [good, broken] = [...app.doc.querySelectorAll('ww-hours-badge')];
      assert.exists(broken, 'a second, deliberately broken badge');
      await waitUntil(() => status(good!) && status(broken!), 'both badges show a status');
      expect(status(good!)).not.to.equal(status(broken!));
      expect(status(broken!)).to.equal('Öffnungszeiten nicht verfügbar');
    });

    it('receives the ww-error event and shows it in the app', async () => {
      await waitUntil(() => app.doc.querySelector(`[data-event="ww-error"][data-code="${expectedErrorCode}"]`), 'the app shows the ww-error it received', { timeout: 10000 });
      const item = app.doc.querySelector(`[data-code="${expectedErrorCode}"]`)!;
      expect(item.textContent).to.contain(expectedErrorCode);
    });

    it('set the pictogram card\'s content property, and shows its ww-language-change event', async () => {
      const card = app.one('ww-pictogram-card') as HTMLElement & { content: unknown };
      expect(card.content, 'content is an object property').to.be.an('object');
      await waitUntil(() => app.shadow('ww-pictogram-card', 'button[lang="en"]'), 'a switcher from the two versions');
      expect(shadowOf(card).textContent).to.contain('Anonym');
      (app.shadow('ww-pictogram-card', 'button[lang="en"]') as HTMLButtonElement).click();
      await waitUntil(() => app.doc.querySelector('[data-event="ww-language-change"][data-code="en"]'), 'the app shows the language change', { timeout: 5000 });
      await waitUntil(() => shadowOf(card).textContent!.includes('You do not have to tell us your name.'), 'the card shows the English text');
    });

    if (extra) it(`does what ${name} is about`, () => extra(app));

    it('logs nothing to the console but the deliberate error', () => {
      const unexpected = (app.win.__wwConsole ?? []).filter((entry) => !(entry.level === 'error' && entry.text.includes(expectedErrorCode)));
      expect(unexpected.map((e) => `${e.level}: ${e.text}`)).to.deep.equal([]);
      expect((app.win.__wwConsole ?? []).filter((e) => e.text.includes(expectedErrorCode))).to.have.length(1);
    });
  });
}
