import { expect } from '@open-wc/testing';
import { until } from '../../../scripts/testing/index.js';

type Frame = Window & typeof globalThis;


async function open(): Promise<Frame> {
  const frame = document.createElement('iframe');
  frame.src = new URL('./fixtures/loader-page.html', import.meta.url).href;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  return frame.contentWindow as Frame;
}

afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

describe('wegweiser-loader.js', () => {
  it('defines only the widgets on the page', async () => {
    const win = await open();
    await win.customElements.whenDefined('ww-hours-badge');
    const badge = win.document.querySelector('ww-hours-badge')!;
    await until(() => (badge.shadowRoot?.textContent ?? '').trim().length > 0, 'the badge renders', 10000);
    for (const tag of ['ww-quick-exit', 'ww-service-finder', 'ww-stabilisation-checklist', 'ww-pictogram-card', 'ww-contact-form', 'ww-contact-replies']) {
      expect(win.customElements.get(tag), tag).to.equal(undefined);
    }
  });

  it('loads a widget that the page adds later (a CMS block, an app)', async () => {
    const win = await open();
    await win.customElements.whenDefined('ww-hours-badge');
    const exit = win.document.createElement('ww-quick-exit');
    exit.innerHTML = '<a href="https://de.wikipedia.org/">Seite verlassen</a>';
    win.document.body.prepend(exit);
    await until(() => !!win.customElements.get('ww-quick-exit'), 'ww-quick-exit is defined', 10000);
    await until(() => (exit.shadowRoot?.textContent ?? '').includes('Seite verlassen'), 'the quick exit renders', 10000);
    expect(win.customElements.get('ww-service-finder')).to.equal(undefined);
  });
});
