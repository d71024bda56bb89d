import { expect, html } from '@open-wc/testing';
import '../src/define.js';
import {
  clippedTexts,
  collectErrors,
  elementsTooWide,
  fixtureInLocale,
  intlTexts,
  isMirrored,
  itIsAccessibleInEveryLocale,
  pseudoLocale,
  startsAtInlineStart,
  textsNotFromCatalogue,
} from '../../../scripts/testing/index.js';
import { $, $$ } from '../../../scripts/testing/dom.js';

const hours = 'Mo-Th 10:00-18:00; Fr 14:00-02:00; PH off';
const monday = (time: string) => `2026-11-23T${time}:00+01:00`;

describe('ww-hours-badge in every language', () => {
  const states = {
    open: () => html`<ww-hours-badge hours=${hours} now=${monday('12:00')}>Mo–Do 10–18 Uhr</ww-hours-badge>`,
    'closes soon': () => html`<ww-hours-badge hours=${hours} channel="phone" now=${monday('17:45')}></ww-hours-badge>`,
    'opens on a date': () => html`<ww-hours-badge hours="Mo-Fr 10:00-18:00; Dec 21-Jan 06 off" channel="walk-in" now="2026-12-22T12:00:00+01:00"></ww-hours-badge>`,
    'closed, with the week': () => html`<ww-hours-badge hours=${hours} channel="chat" region="DE-BE" show-week now=${monday('20:00')}></ww-hours-badge>`,
    holiday: () => html`<ww-hours-badge hours="Mo-Fr 10:00-18:00; PH off" region="DE-BB" now="2025-10-31T12:00:00+01:00"></ww-hours-badge>`,
    'no fixed hours': () => html`<ww-hours-badge hours='Mo-Fr unknown "nach Vereinbarung"' now=${monday('12:00')}></ww-hours-badge>`,
    'not available': () => html`<ww-hours-badge hours="nonsense"></ww-hours-badge>`,
  };
  for (const [name, template] of Object.entries(states)) {
    it(`pseudo-locale, ${name}: every text from the catalogue, nothing clipped at 320 px`, async () => {
      let el!: HTMLElement;
      await collectErrors(async () => {
        el = await fixtureInLocale(template(), pseudoLocale, 320);
      });
      // The site's own comment ("nach Vereinbarung") and Intl's names of days and months are data.
      expect(textsNotFromCatalogue(el, ['nach Vereinbarung', ...intlTexts(pseudoLocale)])).to.deep.equal([]);
      expect(clippedTexts(el)).to.deep.equal([]);
      expect(elementsTooWide(el)).to.deep.equal([]);
      expect(el.scrollWidth).to.be.at.most(320);
    });
  }

  it('right to left: the status starts at the right, the marker before the text, nothing mirrored', async () => {
    const el = await fixtureInLocale(html`<ww-hours-badge hours=${hours} show-week now=${monday('12:00')}></ww-hours-badge>`, 'ar', 600);
    const root = $(el, '[lang]');
    expect(root.getAttribute('dir')).to.equal('rtl');
    const status = $(el, '[part=status]');
    const marker = status.querySelector('.marker')!.getBoundingClientRect();
    const text = status.querySelector('.text')!.getBoundingClientRect();
    expect(marker.left, 'the marker sits right of the text').to.be.at.least(text.right - 1);
    for (const cell of $$(el, 'th, td, p')) {
      if (cell.textContent!.trim()) expect(getComputedStyle(cell).textAlign, cell.textContent!).to.not.match(/^(left|right)$/);
    }
    expect(startsAtInlineStart($(el, 'th'))).to.equal(true);
    for (const element of $$(el, '*')) expect(isMirrored(element), element.localName).to.equal(false);
  });

  itIsAccessibleInEveryLocale({ template: () => html`<ww-hours-badge hours=${hours} show-week now=${monday('12:00')}></ww-hours-badge>` });
});
