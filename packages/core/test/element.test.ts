import { expect, fixture, html, nextFrame, oneEvent } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { property } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { WegweiserElement } from '../src/WegweiserElement.js';
import { registerMessages } from '../src/localization.js';
import { reportError } from '../src/errors.js';
import { collectErrors, shadowText } from '../../../scripts/testing/index.js';

// A test catalogue: German for one message, Romanian that cannot load.
registerMessages('@wegweiser/core-test', {
  de: async () => ({ templates: { greeting: 'Guten Tag' } }),
  ro: () => Promise.reject(new Error('offline')),
});

class TestGreeting extends WegweiserElement {
  @property({ type: Boolean }) broken = false;
  renders = 0;
  protected override render() {
    this.renders++;
    if (this.broken) throw new Error('boom');
    return litHtml`<p lang=${this.locale}>${msg('Good day', { id: 'greeting' })}</p>`;
  }
}
customElements.define('ww-test-greeting', TestGreeting);

const text = (el: Element) => shadowText(el);

describe('WegweiserElement', () => {
  it('renders in the document’s language by default (German in these tests)', async () => {
    const el = await fixture<TestGreeting>(html`<ww-test-greeting></ww-test-greeting>`);
    expect(document.documentElement.lang).to.equal('de');
    expect(text(el)).to.equal('Guten Tag');
  });

  it('lets the widget’s own lang attribute win', async () => {
    const el = await fixture<TestGreeting>(html`<ww-test-greeting lang="en"></ww-test-greeting>`);
    expect(text(el)).to.equal('Good day');
  });

  it('renders two widgets on one page in two languages', async () => {
    const wrap = await fixture(html`<div>
      <ww-test-greeting lang="en"></ww-test-greeting>
      <div lang="de-AT"><ww-test-greeting></ww-test-greeting></div>
    </div>`);
    const [en, de] = [...wrap.querySelectorAll('ww-test-greeting')];
    await (de as TestGreeting).updateComplete;
    expect(text(en!)).to.equal('Good day');
    expect(text(de!)).to.equal('Guten Tag');
  });

  it('re-renders when an ancestor’s lang changes, as with a page’s language switch', async () => {
    const wrap = await fixture(html`<section lang="en"><ww-test-greeting></ww-test-greeting></section>`);
    const el = wrap.querySelector<TestGreeting>('ww-test-greeting')!;
    expect(text(el)).to.equal('Good day');
    wrap.setAttribute('lang', 'de');
    await nextFrame();
    await el.updateComplete;
    expect(text(el)).to.equal('Guten Tag');
  });

  it('re-renders when its own lang attribute changes', async () => {
    const el = await fixture<TestGreeting>(html`<ww-test-greeting lang="de"></ww-test-greeting>`);
    el.setAttribute('lang', 'en');
    await el.updateComplete;
    expect(text(el)).to.equal('Good day');
  });

  it('shows English and reports when a language’s messages cannot load', async () => {
    let el!: TestGreeting;
    const events = await collectErrors(async () => {
      el = await fixture<TestGreeting>(html`<ww-test-greeting lang="ro"></ww-test-greeting>`);
      await el.updateComplete;
    });
    // Romanian is offered by the catalogue, so it is chosen, then falls back per message.
    expect(events.map((e) => e.detail.code)).to.include('core/messages-unavailable');
    expect(text(el)).to.equal('Good day');
  });

  it('turns a failing render into a calm message and a ww-error, keeping the site’s fallback content', async () => {
    let el!: TestGreeting;
    const events = await collectErrors(async () => {
      el = await fixture<TestGreeting>(html`<ww-test-greeting broken><a href="/hilfe">Hilfe</a></ww-test-greeting>`);
    });
    expect(events).to.have.length(1);
    expect(events[0]!.detail).to.include({ code: 'core/render-failed', tag: 'ww-test-greeting' });
    expect(text(el)).to.equal('Dieser Teil der Seite kann gerade nicht angezeigt werden.');
    expect(el.shadowRoot!.querySelector('slot')!.assignedElements()[0]!.textContent).to.equal('Hilfe');
    await expect(el).to.be.accessible();
  });

  it('recovers when the cause of a failed render goes away', async () => {
    let el!: TestGreeting;
    await collectErrors(async () => {
      el = await fixture<TestGreeting>(html`<ww-test-greeting broken></ww-test-greeting>`);
    });
    el.broken = false;
    await el.updateComplete;
    expect(text(el)).to.equal('Guten Tag');
  });
});

describe('reportError', () => {
  it('fires a ww-error that leaves shadow roots, and logs the code', async () => {
    const host = await fixture(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('ww-sample');
    root.append(inner);
    const logged: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      const heard = oneEvent(document, 'ww-error');
      reportError(inner, 'sample/bad-thing', 'Something was wrong.');
      const event = (await heard) as CustomEvent;
      expect(event.detail).to.deep.equal({ code: 'sample/bad-thing', message: 'Something was wrong.', tag: 'ww-sample' });
      expect(event.bubbles && event.composed).to.equal(true);
    } finally {
      console.error = original;
    }
    expect(String(logged[0]?.[0])).to.equal('[ww-sample] sample/bad-thing: Something was wrong.');
  });

  it('does not throw when a listener throws', async () => {
    const el = await fixture(html`<div></div>`);
    el.addEventListener('ww-error', () => {
      throw new Error('listener bug');
    });
    const onerror = window.onerror;
    window.onerror = () => true;
    const original = console.error;
    console.error = () => {};
    try {
      expect(() => reportError(el as HTMLElement, 'x/y', 'z')).to.not.throw();
    } finally {
      window.onerror = onerror;
      console.error = original;
    }
  });
});
