import { expect, html } from '@open-wc/testing';
import '../src/define.js';
import {
  clippedTexts,
  elementsTooWide,
  fixtureInLocale,
  itIsAccessibleInEveryLocale,
  pseudoLocale,
  textsNotFromCatalogue,
} from '../../../scripts/testing/index.js';
import { $ } from '../../../scripts/testing/dom.js';

const inner = (el: Element) => $<HTMLElement>(el, '.wrapper');

describe('ww-quick-exit in every language', () => {
  for (const [name, template] of [
    ['inline', () => html`<ww-quick-exit></ww-quick-exit>`],
    ['sticky', () => html`<ww-quick-exit placement="sticky"></ww-quick-exit>`],
  ] as const) {
    it(`pseudo-locale, ${name}: every text from the catalogue, nothing clipped at 320 px`, async () => {
      const el = await fixtureInLocale(template(), pseudoLocale, 320);
      expect(textsNotFromCatalogue(el)).to.deep.equal([]);
      expect(clippedTexts(el)).to.deep.equal([]);
      expect(elementsTooWide(el)).to.deep.equal([]);
      expect(el.scrollWidth).to.be.at.most(320);
    });
  }

  it('right to left: the inline button and hint sit at the right', async () => {
    const el = await fixtureInLocale(html`<ww-quick-exit></ww-quick-exit>`, 'ar', 600);
    const wrapper = inner(el);
    expect(wrapper.dir).to.equal('rtl');
    const button = wrapper.querySelector('a')!.getBoundingClientRect();
    const box = wrapper.getBoundingClientRect();
    expect(box.right - button.right, 'space after the button').to.be.below(2);
    expect(button.left - box.left, 'space before the button').to.be.above(100);
  });

  it('right to left: the sticky button sits at the inline end, as in left to right', async () => {
    const ltr = await fixtureInLocale(html`<ww-quick-exit placement="sticky"></ww-quick-exit>`, 'de', 600);
    const rtl = await fixtureInLocale(html`<ww-quick-exit placement="sticky"></ww-quick-exit>`, 'ar', 600);
    const gap = (el: Element, side: 'left' | 'right') => {
      const a = inner(el).querySelector('a')!.getBoundingClientRect();
      const box = inner(el).getBoundingClientRect();
      return side === 'left' ? a.left - box.left : box.right - a.right;
    };
    expect(gap(ltr, 'right')).to.be.below(20);
    expect(gap(rtl, 'left')).to.be.below(20);
  });

  itIsAccessibleInEveryLocale({ template: () => html`<ww-quick-exit></ww-quick-exit>` });
});
