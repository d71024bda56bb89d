import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { StabilisationChecklist } from '../src/StabilisationChecklist.js';
import '../src/define.js';
import { emulateMedia } from '../../../scripts/testing/emulate-media.js';
import '../../../scripts/testing/index.js';

describe('ww-stabilisation-checklist in forced colours (Windows high contrast)', function () {
  let emulated = false;
  before(async () => {
    emulated = await emulateMedia([{ name: 'forced-colors', value: 'active' }]);
  });
  after(async () => {
    if (emulated) await emulateMedia([]);
  });

  it('keeps button borders, the section triangles and a visible focus ring', async function () {
    // Only Chromium can emulate forced colours; other browsers skip, and say so.
    if (!emulated) this.skip();
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    const el = await fixture<StabilisationChecklist>(html`<ww-stabilisation-checklist lang="en"></ww-stabilisation-checklist>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.overview'));
    const keep = el.shadowRoot!.querySelector<HTMLButtonElement>('.panel button')!;
    const style = getComputedStyle(keep);
    // Backgrounds are flattened in forced colours; the border is what shows the button.
    expect(style.borderTopStyle).to.equal('solid');
    expect(parseFloat(style.borderTopWidth)).to.be.at.least(1);
    // The triangle is drawn with borders: the visible side must survive, the others stay transparent.
    const triangle = getComputedStyle(el.shadowRoot!.querySelector('.toggle')!, '::before');
    expect(triangle.borderInlineStartColor).to.not.match(/rgba\(.*, 0\)|transparent/);
    expect(triangle.borderTopColor).to.match(/rgba\(.*, 0\)|transparent/);
    keep.focus();
    await sendKeys({ press: 'Tab' });
    const focused = getComputedStyle(el.shadowRoot!.activeElement!);
    expect(focused.outlineStyle).to.equal('solid');
    expect(parseFloat(focused.outlineWidth)).to.be.at.least(2);
  });
});
