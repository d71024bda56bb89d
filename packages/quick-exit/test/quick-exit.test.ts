import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { ManualClock, useClock } from '@wegweiser/core';
import { QuickExit, defaultDestination, type QuickExitEventDetail } from '../src/index.js';
import '../src/define.js';
import { collectErrors, itIsAccessibleInEveryState, itSurvivesBadInput, shadowText } from '../../../scripts/testing/index.js';
import { $, $$ } from '../../../scripts/testing/dom.js';

const button = (el: QuickExit) => $<HTMLAnchorElement>(el, 'a[part="button"]');
const status = (el: QuickExit) => $(el, '[role="status"]').textContent!.trim();
const dots = (el: QuickExit) => $$(el, '[part="indicator"] span.on').length;
const overlay = () => document.querySelector<HTMLElement>('[data-ww-quick-exit-overlay]');

function key(type: 'keydown' | 'keyup', key: string, init: KeyboardEventInit = {}) {
  window.dispatchEvent(new KeyboardEvent(type, { key, bubbles: true, ...init }));
}
function pressShift() {
  key('keydown', 'Shift', { shiftKey: true });
  key('keyup', 'Shift');
}

let exits: QuickExitEventDetail[];
const stopNavigation = (event: Event) => {
  // Tests stay on the page: the event is cancelable for this purpose.
  event.preventDefault();
  exits.push((event as CustomEvent<QuickExitEventDetail>).detail);
};
let manual: ManualClock;

beforeEach(() => {
  exits = [];
  document.addEventListener('ww-exit', stopNavigation);
  manual = new ManualClock('2026-11-21T10:00:00Z');
  useClock(manual);
});
afterEach(() => {
  document.removeEventListener('ww-exit', stopNavigation);
  useClock(undefined);
  overlay()?.remove();
});

describe('ww-quick-exit: the link', () => {
  it('keeps the site’s plain link in the page, so it works before and without JavaScript', async () => {
    const el = await fixture<QuickExit>(html`<ww-quick-exit><a href="https://wetter.example/">Seite verlassen</a></ww-quick-exit>`);
    const link = el.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('https://wetter.example/');
    expect(button(el).href).to.equal('https://wetter.example/');
  });

  it('uses the href attribute over the slotted link, and a neutral default without either', async () => {
    const el = await fixture<QuickExit>(html`<ww-quick-exit href="https://a.example/"><a href="https://b.example/">x</a></ww-quick-exit>`);
    expect(button(el).href).to.equal('https://a.example/');
    const bare = await fixture<QuickExit>(html`<ww-quick-exit></ww-quick-exit>`);
    expect(button(bare).href).to.equal(defaultDestination);
  });

  it('does not tell the destination where the person came from', async () => {
    const el = await fixture<QuickExit>(html`<ww-quick-exit></ww-quick-exit>`);
    expect(button(el).rel.split(' ')).to.include('noreferrer');
  });

  it('speaks German on a German page and English where asked', async () => {
    const de = await fixture<QuickExit>(html`<ww-quick-exit></ww-quick-exit>`);
    expect(button(de).textContent!.trim()).to.equal('Seite verlassen');
    const en = await fixture<QuickExit>(html`<ww-quick-exit lang="en"></ww-quick-exit>`);
    expect(button(en).textContent!.trim()).to.equal('Leave this page');
    expect(shadowText(en)).to.contain('Or press Shift 3 times.');
  });

  it('lets the site replace every text', async () => {
    const el = await fixture<QuickExit>(
      html`<ww-quick-exit label="Schnell weg" hint="Umschalt 3×" overlay-text="Moment …" pending-text="Noch {count}" expired-text="Vorbei"></ww-quick-exit>`,
    );
    expect(button(el).textContent!.trim()).to.equal('Schnell weg');
    expect(shadowText(el)).to.contain('Umschalt 3×');
    pressShift();
    await el.updateComplete;
    await el.updateComplete;
    expect(status(el)).to.equal('Noch 2');
    manual.advance(5000);
    await el.updateComplete;
    await el.updateComplete;
    expect(status(el)).to.equal('Vorbei');
    button(el).click();
    expect(overlay()!.textContent).to.equal('Moment …');
  });

  it('has a target of at least 44 × 44 CSS pixels', async () => {
    const el = await fixture<QuickExit>(html`<ww-quick-exit></ww-quick-exit>`);
    const rect = button(el).getBoundingClientRect();
    expect(rect.height).to.be.at.least(44);
    expect(rect.width).to.be.at.least(44);
  });

  it('shows a solid focus outline when reached by keyboard', async () => {
    const el = await fixture<QuickExit>(html`<ww-quick-exit></ww-quick-exit>`);
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(button(el));
    const style = getComputedStyle(button(el));
    expect(style.outlineStyle).to.equal('solid');
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
  });
});

describe('ww-quick-exit: leaving', () => {
  it('covers the page at once on click, announces it, then leaves', async () => {
    const el = await fixture<QuickExit>(html`<ww-quick-exit href="https://wetter.example/"></ww-quick-exit>`);
    button(el).click();
    const cover = overlay()!;
    expect(cover).to.not.equal(null);
    expect(cover.getAttribute('role')).to.equal('alert');
    expect(cover.textContent).to.equal('Die Seite wird verlassen …');
    expect(cover.lang).to.equal('de');
    const rect = cover.getBoundingClientRect();
    expect(rect.width).to.be.at.least(window.innerWidth);
    expect(rect.height).to.be.at.least(window.innerHeight);
    expect(exits).to.deep.equal([{ href: 'https://wetter.example/', trigger: 'click' }]);
  });

  it('leaves with the keyboard alone: Tab to the button, then Enter', async () => {
    const el = await fixture<QuickExit>(html`<ww-quick-exit></ww-quick-exit>`);
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(button(el));
    await sendKeys({ press: 'Enter' });
    expect(exits).to.deep.equal([{ href: defaultDestination, trigger: 'click' }]);
    expect(overlay()).to.not.equal(null);
  });

  it('leaves only once, however often it is triggered', async () => {
    const el = await fixture<QuickExit>(html`<ww-quick-exit></ww-quick-exit>`);
    button(el).click();
    button(el).click();
    el.exit();
    expect(exits).to.have.length(1);
    expect(document.querySelectorAll('[data-ww-quick-exit-overlay]')).to.have.length(1);
  });

  it('is usable again after coming back with the Back button (bfcache)', async () => {
    const el = await fixture<QuickExit>(html`<ww-quick-exit></ww-quick-exit>`);
    pressShift();
    pressShift();
    pressShift();
    await el.updateComplete;
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await el.updateComplete;
    expect(overlay()).to.equal(null);
    expect(dots(el)).to.equal(0);
    expect(document.querySelector('meta[name="referrer"]')).to.equal(null);
    button(el).click();
    expect(exits).to.have.length(2);
  });
});

describe('ww-quick-exit: Shift three times', () => {
  it('leaves after three presses of Shift, announcing how many are left', async () => {
    const el = await fixture<QuickExit>(html`<ww-quick-exit></ww-quick-exit>`);
    pressShift();
    await el.updateComplete;
    await el.updateComplete;
    expect(status(el)).to.equal('Drücken Sie noch 2-mal die Umschalttaste, um die Seite zu verlassen.');
    expect(dots(el)).to.equal(1);
    pressShift();
    await el.updateComplete;
    await el.updateComplete;
    expect(status(el)).to.equal('Drücken Sie noch 1-mal die Umschalttaste, um die Seite zu verlassen.');
    expect(dots(el)).to.equal(2);
    expect(exits).to.have.length(0);
    pressShift();
    expect(exits).to.deep.equal([{ href: defaultDestination, trigger: 'shortcut' }]);
    expect(overlay()).to.not.equal(null);
  });

  it('hides the visual counter from assistive technology', async () => {
    const el = await fixture<QuickExit>(html`<ww-quick-exit></ww-quick-exit>`);
    expect($(el, '[part="indicator"]').getAttribute('aria-hidden')).to.equal('true');
  });

  it('does not count Shift used as a modifier, as when typing a capital letter', async () => {
    await fixture<QuickExit>(html`<ww-quick-exit></ww-quick-exit>`);
    for (let i = 0; i < 3; i++) {
      key('keydown', 'Shift', { shiftKey: true });
      key('keydown', 'A', { shiftKey: true });
      key('keyup', 'A', { shiftKey: true });
      key('keyup', 'Shift');
    }
    expect(exits).to.have.length(0);
  });

  it('does not count Shift held with Ctrl, Alt or Meta', async () => {
    await fixture<QuickExit>(html`<ww-quick-exit></ww-quick-exit>`);
    for (let i = 0; i < 3; i++) {
      key('keydown', 'Shift', { shiftKey: true, ctrlKey: true });
      key('keyup', 'Shift', { ctrlKey: true });
    }
    expect(exits).to.have.length(0);
  });

  it('starts over when another key comes between the presses', async () => {
    const el = await fixture<QuickExit>(html`<ww-quick-exit></ww-quick-exit>`);
    pressShift();
    pressShift();
    key('keydown', 'e');
    key('keyup', 'e');
    await el.updateComplete;
    expect(dots(el)).to.equal(0);
    pressShift();
    expect(exits).to.have.length(0);
  });

  it('ignores auto-repeat while Shift is held down', async () => {
    await fixture<QuickExit>(html`<ww-quick-exit></ww-quick-exit>`);
    key('keydown', 'Shift', { shiftKey: true });
    key('keydown', 'Shift', { shiftKey: true, repeat: true });
    key('keydown', 'Shift', { shiftKey: true, repeat: true });
    key('keyup', 'Shift');
    expect(exits).to.have.length(0);
  });

  it('expires five seconds after the first press and says so', async () => {
    const el = await fixture<QuickExit>(html`<ww-quick-exit></ww-quick-exit>`);
    pressShift();
    pressShift();
    manual.advance(4999);
    await el.updateComplete;
    expect(dots(el)).to.equal(2);
    manual.advance(1);
    await el.updateComplete;
    await el.updateComplete;
    expect(dots(el)).to.equal(0);
    expect(status(el)).to.equal(
      'Die Zeit ist abgelaufen. Drücken Sie 3-mal hintereinander die Umschalttaste (Shift), um die Seite zu verlassen.',
    );
    pressShift();
    expect(exits).to.have.length(0);
  });

  it('works even when the page stops key events from propagating', async () => {
    const el = await fixture<QuickExit>(html`<div><input /><ww-quick-exit></ww-quick-exit></div>`);
    const input = el.querySelector('input')!;
    input.addEventListener('keyup', (e) => e.stopPropagation());
    input.focus();
    for (let i = 0; i < 3; i++) {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Shift', bubbles: true, composed: true }));
      input.dispatchEvent(new KeyboardEvent('keyup', { key: 'Shift', bubbles: true, composed: true }));
    }
    expect(exits).to.have.length(1);
  });

  it('answers with one widget when a page has two', async () => {
    await fixture(html`<div><ww-quick-exit></ww-quick-exit><ww-quick-exit placement="sticky"></ww-quick-exit></div>`);
    pressShift();
    pressShift();
    pressShift();
    expect(exits).to.have.length(1);
    expect(document.querySelectorAll('[data-ww-quick-exit-overlay]')).to.have.length(1);
  });

  it('reacts to real key presses from the keyboard', async () => {
    await fixture<QuickExit>(html`<ww-quick-exit></ww-quick-exit>`);
    await sendKeys({ press: 'Shift' });
    await sendKeys({ press: 'Shift' });
    await sendKeys({ press: 'Shift' });
    expect(exits.map((e) => e.trigger)).to.deep.equal(['shortcut']);
  });
});

/** Sets the viewport where the driver can (not WebDriver/WebKit); says whether it did. */
async function viewport(width: number, height: number): Promise<boolean> {
  try {
    await setViewport({ width, height });
    return true;
  } catch {
    return false;
  }
}

describe('ww-quick-exit: sticky placement', () => {
  afterEach(async () => {
    window.scrollTo(0, 0);
    await viewport(800, 600);
  });

  it('never hides the element that has focus (WCAG 2.4.11)', async () => {
    await viewport(800, 600);
    const page = await fixture(html`<div>
      <ww-quick-exit placement="sticky"></ww-quick-exit>
      <div style="height: 1500px"></div>
      <button style="display:block; margin-inline-start:auto">Weiter</button>
      <div style="height: 1500px"></div>
    </div>`);
    const el = page.querySelector<QuickExit>('ww-quick-exit')!;
    const target = page.querySelector('button')!;
    // Put the button exactly under the sticky exit, then focus it.
    window.scrollTo(0, window.scrollY + target.getBoundingClientRect().top - 10);
    target.focus({ preventScroll: true });
    const cover = button(el).getBoundingClientRect();
    const focused = target.getBoundingClientRect();
    expect(focused.top >= cover.bottom || focused.bottom <= cover.top).to.equal(true);
  });

  it('fits a 320 px wide screen without covering content or scrolling sideways', async () => {
    const resized = await viewport(320, 640);
    // Where the viewport cannot be set, a 320 px container shows the same reflow.
    const page = await fixture(html`<div style="max-inline-size: 320px">
      <ww-quick-exit placement="sticky" lang="de"></ww-quick-exit>
      <p id="first">Erster Absatz</p>
    </div>`);
    const el = page.querySelector<QuickExit>('ww-quick-exit')!;
    const exit = button(el).getBoundingClientRect();
    const text = page.querySelector('#first')!.getBoundingClientRect();
    expect(exit.right).to.be.at.most(page.getBoundingClientRect().left + 320);
    expect(text.top).to.be.at.least(exit.bottom);
    expect(page.scrollWidth).to.be.at.most(320);
    if (resized) expect(document.documentElement.scrollWidth).to.be.at.most(320);
  });

  it('lets clicks through beside the button', async () => {
    const page = await fixture(html`<div style="position: relative">
      <ww-quick-exit placement="sticky"></ww-quick-exit>
    </div>`);
    const el = page.querySelector<QuickExit>('ww-quick-exit')!;
    expect(getComputedStyle(el).pointerEvents).to.equal('none');
    expect(getComputedStyle(button(el)).pointerEvents).to.equal('auto');
  });
});

describe('ww-quick-exit: bad input', () => {
  itSurvivesBadInput({
    'a javascript: destination': { template: () => html`<ww-quick-exit href="javascript:alert(1)"></ww-quick-exit>`, code: 'quick-exit/invalid-href' },
    'a data: destination': { template: () => html`<ww-quick-exit href="data:text/html,hi"></ww-quick-exit>`, code: 'quick-exit/invalid-href' },
    'an unknown placement': { template: () => html`<ww-quick-exit placement="floating"></ww-quick-exit>`, code: 'quick-exit/invalid-placement' },
  });

  it('falls back to the default destination and inline placement', async () => {
    let el!: QuickExit;
    await collectErrors(async () => {
      el = await fixture<QuickExit>(html`<ww-quick-exit href="javascript:alert(1)" placement="floating"></ww-quick-exit>`);
    });
    expect(button(el).href).to.equal(defaultDestination);
    expect(el.placement).to.equal('inline');
    expect(el.getAttribute('placement')).to.equal('inline');
  });

  it('ignores an unsafe slotted link too', async () => {
    // The unsafe link is the point of this test.
    // eslint-disable-next-line lit-a11y/anchor-is-valid
    const el = await fixture<QuickExit>(html`<ww-quick-exit><a href="javascript:void 0">x</a></ww-quick-exit>`);
    expect(button(el).href).to.equal(defaultDestination);
  });
});

describe('ww-quick-exit: accessibility', () => {
  itIsAccessibleInEveryState({
    states: {
      inline: () => html`<ww-quick-exit></ww-quick-exit>`,
      sticky: () => html`<ww-quick-exit placement="sticky"></ww-quick-exit>`,
      'counting Shift presses': () => html`<ww-quick-exit></ww-quick-exit>`,
      'count expired': () => html`<ww-quick-exit></ww-quick-exit>`,
      'custom texts': () => html`<ww-quick-exit label="Schnell weg" hint="Umschalt dreimal"></ww-quick-exit>`,
    },
    interact: {
      'counting Shift presses': async (el) => {
        pressShift();
        await (el as QuickExit).updateComplete;
      },
      'count expired': async (el) => {
        pressShift();
        manual.advance(5000);
        await (el as QuickExit).updateComplete;
      },
    },
  });

  it('is accessible while leaving (the cover)', async () => {
    const el = await fixture<QuickExit>(html`<ww-quick-exit></ww-quick-exit>`);
    button(el).click();
    await expect(overlay()!).to.be.accessible();
  });

  it('fires ww-exit with details a site can use', async () => {
    const el = await fixture<QuickExit>(html`<ww-quick-exit href="/ausgang"></ww-quick-exit>`);
    const heard = oneEvent(el, 'ww-exit');
    button(el).click();
    const event = await heard;
    expect(event.detail.href).to.equal(new URL('/ausgang', location.href).href);
    expect(event.composed && event.bubbles && event.cancelable).to.equal(true);
  });
});
