// The demo site (a fictional counselling centre built from pasted HTML and the
// one-file bundle) in a real browser: each page is loaded into a same-origin
// iframe from the test server, with a console spy and axe injected before the
// page's own scripts. Every widget must upgrade and render, axe must pass, no
// console error or warning may appear, and the page must reflow at 320 px.
// Requests to other hosts are caught by the privacy gate of the test config.
import { expect, waitUntil } from '@open-wc/testing';

const site = '/examples/demo-site/site/';
const pages = ['index.html', 'beratungsstellen.html', 'erste-schritte.html', 'kontakt.html', 'antworten.html', 'datenschutz.html', 'en/index.html', 'landesportal-rlp.html'];

/** What each widget shows once it has loaded what it needs (content, pictograms, the form). */
const rendered: Record<string, string> = {
  'ww-quick-exit': '[part="button"]',
  'ww-hours-badge': '[part="status"]',
  'ww-service-finder': '[part="result"]',
  'ww-stabilisation-checklist': 'input[type="radio"]',
  'ww-pictogram-card': 'svg',
  'ww-contact-form': 'textarea',
  'ww-contact-replies': 'input',
};

interface Entry {
  level: string;
  text: string;
}
interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
}
type PageWindow = Window & {
  __demoConsole: Entry[];
  axe: { configure(spec: object): void; run(context: Document, options: object): Promise<AxeResult> };
};

/** Runs before anything else in the page: records console errors and warnings, uncaught errors and rejections. */
const consoleSpy = `(() => {
  const log = [];
  window.__demoConsole = log;
  const text = (args) => args.map((a) => (a instanceof Error ? a.name + ': ' + a.message : String(a))).join(' ');
  for (const level of ['error', 'warn']) {
    const original = console[level].bind(console);
    console[level] = (...args) => { log.push({ level, text: text(args) }); original(...args); };
  }
  addEventListener('error', (e) => log.push({ level: 'uncaught', text: String(e.message || e.target?.src || e.target?.href) }), true);
  addEventListener('unhandledrejection', (e) => log.push({ level: 'unhandled rejection', text: text([e.reason]) }));
  addEventListener('securitypolicyviolation', (e) => log.push({ level: 'csp', text: e.violatedDirective + ' ' + e.blockedURI }));
})();`;

async function openPage(path: string, width: number): Promise<{ win: PageWindow; doc: Document; frame: HTMLIFrameElement }> {
  const html = await (await fetch(`${site}${path}`)).text();
  expect(html, `${path} is served`).to.match(/^<!doctype html>/i);
  const base = new URL(`${site}${path}`, location.href).href;
  // The page exactly as served, plus a <base> (srcdoc documents have no URL of
  // their own), the console spy and axe, all before the page's own <head> content.
  const injected = `<base href="${base}"><script>${consoleSpy}</script><script src="/node_modules/axe-core/axe.min.js"></script>`;
  const frame = document.createElement('iframe');
  frame.title = `demo site: ${path}`;
  frame.style.cssText = `inline-size: ${width}px; block-size: 900px; border: 0`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = html.replace(/<head>/i, `<head>${injected}`);
  document.body.append(frame);
  await loaded;
  return { win: frame.contentWindow as PageWindow, doc: frame.contentDocument!, frame };
}

async function widgetsReady(win: PageWindow, doc: Document): Promise<string[]> {
  const tags = [...new Set([...doc.querySelectorAll('*')].map((e) => e.localName).filter((t) => t.startsWith('ww-')))];
  for (const el of doc.querySelectorAll<HTMLElement>(tags.join(','))) {
    const tag = el.localName;
    await waitUntil(() => win.customElements.get(tag) && el.shadowRoot, `<${tag}> upgraded`, { timeout: 15000 });
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const selector = rendered[tag];
    expect(selector, `a readiness check for <${tag}>`).to.be.a('string');
    await waitUntil(() => el.shadowRoot!.querySelector(selector!), `<${tag}> rendered ${selector}`, { timeout: 15000 });
  }
  return tags;
}

describe('demo site (fictional counselling centre, one-file bundle)', function () {
  this.timeout(60000);

  afterEach(() => {
    for (const frame of document.querySelectorAll('iframe')) frame.remove();
  });

  for (const path of pages) {
    describe(path, () => {
      it('says it is fictional, upgrades every widget, passes axe and logs nothing to the console', async () => {
        const { win, doc } = await openPage(path, 1024);
        expect(doc.querySelector('.fiction-note')?.textContent, 'the page says it is fictional').to.match(/erfunden|invented/);
        const tags = await widgetsReady(win, doc);
        expect(tags, 'a quick exit and the hours on every page').to.include.members(['ww-quick-exit', 'ww-hours-badge']);

        // Everything the page loaded came from its own server.
        const foreign = performance
          .getEntriesByType('resource')
          .concat(win.performance.getEntriesByType('resource'))
          .map((entry) => entry.name)
          .filter((name) => new URL(name).origin !== location.origin);
        expect(foreign, 'requests to other hosts').to.deep.equal([]);

        win.axe.configure({ rules: [{ id: 'target-size', enabled: true }] });
        const result = await win.axe.run(doc, { resultTypes: ['violations'] });
        const violations = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        expect(violations, 'axe violations').to.deep.equal([]);

        expect(win.__demoConsole, 'console errors and warnings').to.deep.equal([]);
      });

      it('reflows at 320 px: nothing wider than the screen', async () => {
        const { win, doc } = await openPage(path, 320);
        await widgetsReady(win, doc);
        expect(doc.documentElement.scrollWidth, 'page width at 320 px').to.be.at.most(320);
        expect(win.__demoConsole).to.deep.equal([]);
      });
    });
  }

  it('the service finder lists the site\'s own fictional directory, loaded from the same server', async () => {
    const { win, doc } = await openPage('beratungsstellen.html', 1024);
    await widgetsReady(win, doc);
    const finder = doc.querySelector('ww-service-finder')!;
    await waitUntil(() => finder.shadowRoot!.querySelectorAll('[part="result"]').length === 4, 'four fictional centres');
    expect(finder.shadowRoot!.textContent).to.contain('Lotsenhaus Berlin (fiktiv)');
  });

  it('the state portal lists the six fictional network centres; "Anonym schreiben" opens a centre\u2019s form from the one-file bundle', async () => {
    const { win, doc } = await openPage('landesportal-rlp.html', 1024);
    await widgetsReady(win, doc);
    const finder = doc.querySelector('ww-service-finder')!;
    await waitUntil(() => finder.shadowRoot!.querySelectorAll('[part="result"]').length === 6, 'six fictional centres');
    finder.shadowRoot!.querySelector<HTMLButtonElement>('#write-demo-rlp-mainz')!.click();
    await waitUntil(() => finder.shadowRoot!.querySelector('#write-panel-demo-rlp-mainz ww-contact-form')?.shadowRoot?.querySelector('textarea'), 'Mainz\u2019s contact form', { timeout: 15000 });
    expect(finder.shadowRoot!.querySelector('#write-heading-demo-rlp-mainz')!.textContent).to.contain('Umstiegsberatung Anker Mainz (fiktiv)');
    const result = await win.axe.run(doc, { resultTypes: ['violations'] });
    expect(result.violations.map((v) => v.id)).to.deep.equal([]);
    expect(win.__demoConsole).to.deep.equal([]);
  });

  it('the English page shows the widgets in English', async () => {
    const { win, doc } = await openPage('en/index.html', 1024);
    await widgetsReady(win, doc);
    const exit = doc.querySelector('ww-quick-exit')!.shadowRoot!.querySelector('[part="button"]')!;
    expect(exit.textContent).to.match(/Leave this page/);
  });
});
