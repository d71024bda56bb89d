import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import { Announcer } from '../src/announcer.js';
import { PageVisibility } from '../src/visibility.js';
import { defineElement } from '../src/define-element.js';

class TestAnnouncing extends LitElement {
  readonly announcer = new Announcer(this, 50);
  protected override render() {
    return litHtml`<p role="status">${this.announcer.text}</p>`;
  }
}
defineElement('ww-test-announcing', TestAnnouncing);

class TestVisibility extends LitElement {
  seen = 0;
  readonly visibility = new PageVisibility(this, () => this.seen++);
}
defineElement('ww-test-visibility', TestVisibility);

const region = (el: Element) => el.shadowRoot!.querySelector('[role=status]')!.textContent;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Makes the page look hidden or visible to `document.visibilityState`, and tells listeners. */
function setVisibility(state: DocumentVisibilityState): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('Announcer (the live-region message)', () => {
  it('says a sentence after emptying the region, so the same sentence twice is heard twice', async () => {
    const el = await fixture<TestAnnouncing>(html`<ww-test-announcing></ww-test-announcing>`);
    el.announcer.say('Saved.');
    await el.updateComplete;
    expect(region(el)).to.equal('');
    await el.updateComplete;
    await el.updateComplete;
    expect(region(el)).to.equal('Saved.');
    el.announcer.say(() => 'Saved.');
    await el.updateComplete;
    expect(region(el)).to.equal('');
    await el.updateComplete;
    await el.updateComplete;
    expect(region(el)).to.equal('Saved.');
  });

  it('after a pause: each call restarts the wait, and the text is read when the pause ends', async () => {
    const el = await fixture<TestAnnouncing>(html`<ww-test-announcing></ww-test-announcing>`);
    let typed = 'a';
    el.announcer.sayAfterPause(() => `typed ${typed}`);
    await wait(30);
    typed = 'ab';
    el.announcer.sayAfterPause(() => `typed ${typed}`);
    await wait(30);
    // 60 ms since the first call, 30 since the second: still waiting.
    expect(el.announcer.text).to.equal('');
    typed = 'abc';
    await wait(60);
    await el.updateComplete;
    expect(region(el)).to.equal('typed abc');
  });

  it('forgets a sentence waiting for its pause when cleared or disconnected', async () => {
    const el = await fixture<TestAnnouncing>(html`<ww-test-announcing></ww-test-announcing>`);
    el.announcer.sayAfterPause(() => 'too late');
    el.announcer.clear();
    await wait(80);
    expect(el.announcer.text).to.equal('');
    el.announcer.sayAfterPause(() => 'too late');
    el.remove();
    await wait(80);
    expect(el.announcer.text).to.equal('');
  });
});

describe('PageVisibility', () => {
  afterEach(() => {
    delete (document as { visibilityState?: unknown }).visibilityState;
  });

  it('calls back when the page is seen again, only while connected', async () => {
    const el = await fixture<TestVisibility>(html`<ww-test-visibility></ww-test-visibility>`);
    setVisibility('hidden');
    expect(el.seen).to.equal(0);
    expect(el.visibility.visible).to.equal(false);
    setVisibility('visible');
    expect(el.seen).to.equal(1);
    expect(el.visibility.visible).to.equal(true);
    el.remove();
    setVisibility('visible');
    expect(el.seen).to.equal(1);
  });
});

describe('defineElement', () => {
  it('registers a tag once: a second registration (a widget loaded twice) is ignored, not thrown', () => {
    class Other extends LitElement {}
    expect(() => defineElement('ww-test-announcing', Other)).not.to.throw();
    expect(customElements.get('ww-test-announcing')).to.equal(TestAnnouncing);
  });
});
