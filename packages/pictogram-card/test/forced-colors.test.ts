import { expect, fixture } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { loadPictogram, type PictogramCard } from '../src/index.js';
import '../src/define.js';
import { emulateMedia } from '../../../scripts/testing/emulate-media.js';
import '../../../scripts/testing/index.js';
import { demoCard } from '../../../stories/pictogram-demo-content.js';

describe('ww-pictogram-card in forced colours (Windows high contrast)', function () {
  let emulated = false;
  before(async () => {
    emulated = await emulateMedia([{ name: 'forced-colors', value: 'active' }]);
  });
  after(async () => {
    if (emulated) await emulateMedia([]);
  });

  it('keeps the pictogram visible in the text colour, the pressed language distinct and focus visible', async function () {
    // Only Chromium can emulate forced colours; other browsers skip, and say so.
    if (!emulated) this.skip();
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    const el = await fixture<PictogramCard>(demoCard('free'));
    await loadPictogram('free-of-charge');
    await el.updateComplete;
    const card = el.shadowRoot!.querySelector<HTMLElement>('.card')!;
    const path = el.shadowRoot!.querySelector('[part="pictogram"] path')!;
    const stroke = getComputedStyle(path).stroke;
    // currentColor resolves to the forced text colour, which differs from the forced background.
    expect(stroke).to.equal(getComputedStyle(el.shadowRoot!.querySelector('[part="pictogram"]')!).color);
    expect(stroke).to.not.equal(getComputedStyle(card).backgroundColor);
    expect(stroke).to.not.match(/rgba\(0, 0, 0, 0\)|transparent/);
    const [pressed, other] = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="languages"] button')];
    expect(getComputedStyle(pressed!).backgroundColor).to.not.equal(getComputedStyle(other!).backgroundColor);
    pressed!.focus();
    await sendKeys({ press: 'Tab' });
    const focused = getComputedStyle(other!);
    expect(focused.outlineStyle).to.equal('solid');
    expect(parseFloat(focused.outlineWidth)).to.be.at.least(2);
  });
});
