import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ContactInbox } from '../src/ContactInbox.js';
import '../src/define.js';
import { emulateMedia } from '../../../scripts/testing/emulate-media.js';
import '../../../scripts/testing/index.js';

describe('ww-contact-inbox in forced colours (Windows high contrast)', function () {
  let emulated = false;
  before(async () => {
    emulated = await emulateMedia([{ name: 'forced-colors', value: 'active' }]);
  });
  after(async () => {
    if (emulated) await emulateMedia([]);
  });

  it('keeps the buttons’ borders and a visible focus ring on fields and buttons', async function () {
    // Only Chromium can emulate forced colours; other browsers skip, and say so.
    if (!emulated) this.skip();
    const el = await fixture<ContactInbox>(html`<ww-contact-inbox relay="http://127.0.0.1:9" lang="en"></ww-contact-inbox>`);
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=sign-in] button[type=submit]')!;
    expect(getComputedStyle(button).borderTopStyle).to.equal('solid');
    expect(parseFloat(getComputedStyle(button).borderTopWidth)).to.be.at.least(1);
    await sendKeys({ press: 'Tab' });
    const centre = el.shadowRoot!.querySelector<HTMLInputElement>('#centre')!;
    expect(el.shadowRoot!.activeElement === centre, 'Tab reaches the first field').to.equal(true);
    expect(getComputedStyle(centre).outlineStyle).to.equal('solid');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement === button, 'then the sign-in button').to.equal(true);
    expect(getComputedStyle(button).outlineStyle).to.equal('solid');
    expect(parseFloat(getComputedStyle(button).outlineWidth)).to.be.at.least(2);
  });
});
