import { expect } from '@open-wc/testing';
import { relayCommand, startRelay, type TestRelay } from '../../contact-relay/test/relay-command.js';
import { until } from '../../../scripts/testing/index.js';

// The one-file bundle as built by `npm run build`, on a page served with a
// strict CSP that also enforces Trusted Types: every widget runs, the contact
// form encrypts and sends (worker, HPKE), a site's own pictogram is parsed,
// and the page records no violation at all.


type Frame = Window & typeof globalThis & { cspViolations: string[] };
type Lit = HTMLElement & { updateComplete: Promise<unknown> };


const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');

let relay: TestRelay;
before(async () => {
  relay = await startRelay();
});
after(async () => {
  await relayCommand({ action: 'stop', id: relay.id });
  document.querySelectorAll('iframe').forEach((f) => f.remove());
});

describe('@wegweiser/widgets under a strict Content Security Policy with Trusted Types', () => {
  it('runs every widget, sends an encrypted message, and reports no violation', async function () {
    this.timeout(60000);
    const frame = document.createElement('iframe');
    frame.style.inlineSize = '800px';
    frame.style.blockSize = '600px';
    const query = new URLSearchParams({ relay: relay.url, key: relay.publicKey });
    frame.src = new URL(`./fixtures/csp-page.html?${query}`, import.meta.url).href;
    document.body.append(frame);
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    const win = frame.contentWindow as Frame;
    const doc = win.document;
    const tags = ['ww-quick-exit', 'ww-hours-badge', 'ww-pictogram-card', 'ww-service-finder', 'ww-stabilisation-checklist', 'ww-contact-form', 'ww-contact-replies'];
    for (const tag of tags) {
      await win.customElements.whenDefined(tag);
      await (doc.querySelector(tag) as Lit).updateComplete;
    }
    const el = (tag: string) => doc.querySelector(tag)!;
    await until(() => text(el('ww-hours-badge')).length > 0, 'hours badge');
    await until(() => text(el('ww-service-finder')).includes('Lichtblick'), 'the finder lists the directory');
    await until(() => text(el('ww-stabilisation-checklist')).length > 200, 'checklist content');
    await until(() => !!el('ww-pictogram-card').shadowRoot!.querySelector('svg path'), "the site's own pictogram");
    expect(text(el('ww-quick-exit'))).to.include('Seite verlassen');

    // Type and send: the relay client, the proof-of-work worker and HPKE load on demand.
    const form = el('ww-contact-form') as Lit & { minFillTime: number };
    form.minFillTime = 0;
    const message = form.shadowRoot!.querySelector('textarea')!;
    message.value = 'Ich möchte einen Termin. (Test)';
    message.dispatchEvent(new Event('input', { bubbles: true }));
    await form.updateComplete;
    form.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await until(() => !!form.shadowRoot!.querySelector('[part=confirmation]'), `the message was sent; the form shows: ${text(form).slice(-200)}`, 40000);
    expect(await relayCommand<number>({ action: 'posts', id: relay.id })).to.be.greaterThan(0);

    await new Promise((r) => setTimeout(r, 100));
    expect(win.cspViolations).to.deep.equal([]);
  });
});
