import { expect } from '@open-wc/testing';
import '../../../scripts/testing/index.js';
import { $ } from '../../../scripts/testing/dom.js';

afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

describe('ww-quick-exit under a strict Content Security Policy', () => {
  it('renders, counts and covers the page without a single violation', async () => {
    const frame = document.createElement('iframe');
    frame.src = new URL('./fixtures/csp-page.html', import.meta.url).href;
    document.body.append(frame);
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    const win = frame.contentWindow as Window & typeof globalThis & { cspViolations: string[] };
    await win.customElements.whenDefined('ww-quick-exit');
    const el = win.document.querySelector('ww-quick-exit') as HTMLElement & { updateComplete: Promise<unknown> };
    await el.updateComplete;
    const button = $(el, 'a');
    expect(button.textContent!.trim()).to.equal('Seite verlassen');
    // Styles applied: the button has its colour.
    expect(win.getComputedStyle(button).backgroundColor).to.not.equal('rgba(0, 0, 0, 0)');
    button.click();
    const cover = win.document.querySelector<HTMLElement>('[data-ww-quick-exit-overlay]')!;
    expect(win.getComputedStyle(cover).position).to.equal('fixed');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(win.cspViolations).to.deep.equal([]);
  });
});
