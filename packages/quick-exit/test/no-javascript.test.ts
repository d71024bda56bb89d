import { expect, fixture, html } from '@open-wc/testing';
import * as defaults from '@wegweiser/tokens/defaults';
import '../../../scripts/testing/index.js';

const cssUrl = new URL('../src/quick-exit.css', import.meta.url).href;

// This test file never imports the element: each test file runs in a page of
// its own, so here <ww-quick-exit> stays undefined, as without JavaScript.
before(async () => {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = cssUrl;
  document.head.append(link);
  await new Promise((resolve) => link.addEventListener('load', resolve, { once: true }));
});

describe('ww-quick-exit without JavaScript', () => {
  it('is a working link to the destination, styled as the button', async () => {
    const page = await fixture(
      html`<main><ww-quick-exit placement="sticky"><a href="https://wetter.example/">Seite verlassen</a></ww-quick-exit></main>`,
    );
    const link = page.querySelector('a')!;
    expect(customElements.get('ww-quick-exit')).to.equal(undefined);
    expect(link.href).to.equal('https://wetter.example/');
    expect(getComputedStyle(link).backgroundColor).to.equal('rgb(138, 42, 69)');
    expect(link.getBoundingClientRect().height).to.be.at.least(44);
    expect(getComputedStyle(page.querySelector('ww-quick-exit')!).position).to.equal('sticky');
    await expect(page).to.be.accessible();
  });

  it('uses the tokens’ default values as its fallbacks', async () => {
    const css = await (await fetch(cssUrl)).text();
    for (const [token, value] of [
      ['color-exit', defaults.colorExit],
      ['color-exit-hover', defaults.colorExitHover],
      ['color-on-exit', defaults.colorOnExit],
      ['color-focus', defaults.colorFocus],
      ['radius-md', defaults.radiusMd],
      ['focus-width', defaults.focusWidth],
      ['focus-offset', defaults.focusOffset],
      ['z-index-sticky', defaults.zIndexSticky],
    ]) {
      expect(css).to.contain(`var(--ww-${token}, ${value})`);
    }
  });
});
