import { expect } from '@open-wc/testing';
import '../../../scripts/testing/index.js';

/** Loads a page with the quick exit in a frame and waits until it is ready. */
async function exitPage(): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.src = new URL('./fixtures/exit-page.html', import.meta.url).href;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const win = frame.contentWindow as Window & typeof globalThis;
  await win.customElements.whenDefined('ww-quick-exit');
  await (win.document.querySelector('ww-quick-exit') as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  return frame;
}

afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

describe('ww-quick-exit: leaving for real', () => {
  it('navigates to the destination without telling it where the person came from', async () => {
    const frame = await exitPage();
    const doc = frame.contentDocument!;
    const button = doc.querySelector('ww-quick-exit')!.shadowRoot!.querySelector<HTMLAnchorElement>('a[part="button"]')!;
    const arrived = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    button.click();
    await arrived;
    expect(frame.contentWindow!.location.pathname).to.equal('/__echo-referrer');
    // Same-origin navigations normally send the full address; the exit sends none.
    expect(frame.contentDocument!.querySelector('output')!.textContent).to.equal('none');
  });
});
