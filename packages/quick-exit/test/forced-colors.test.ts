import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { QuickExit } from '../src/index.js';
import '../src/define.js';
import { emulateMedia } from '../../../scripts/testing/emulate-media.js';
import '../../../scripts/testing/index.js';
import { $ } from '../../../scripts/testing/dom.js';

describe('ww-quick-exit in forced colours (Windows high contrast)', function () {
  let emulated = false;
  before(async () => {
    emulated = await emulateMedia([{ name: 'forced-colors', value: 'active' }]);
  });
  after(async () => {
    if (emulated) await emulateMedia([]);
  });

  it('keeps the button’s outline and a visible focus ring', async function () {
    // Only Chromium can emulate forced colours; other browsers skip, and say so.
    if (!emulated) this.skip();
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    const el = await fixture<QuickExit>(html`<ww-quick-exit></ww-quick-exit>`);
    const button = $<HTMLAnchorElement>(el, 'a');
    const style = getComputedStyle(button);
    // Backgrounds are flattened in forced colours; the border is what shows the button.
    expect(style.borderTopStyle).to.equal('solid');
    expect(parseFloat(style.borderTopWidth)).to.be.at.least(1);
    expect(style.borderTopColor).to.not.equal(style.backgroundColor);
    await sendKeys({ press: 'Tab' });
    const focused = getComputedStyle(button);
    expect(focused.outlineStyle).to.equal('solid');
    expect(parseFloat(focused.outlineWidth)).to.be.at.least(2);
  });
});
