import { expect, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { loadPictogram, type PictogramCard } from '../src/index.js';
import '../src/define.js';
import { demoCard } from '../../../stories/pictogram-demo-content.js';
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
import { $ } from '../../../scripts/testing/dom.js';

async function card(template: TemplateResult, locale: string, width?: number): Promise<PictogramCard> {
  let el!: PictogramCard;
  await collectErrors(async () => {
    el = await fixtureInLocale<PictogramCard>(template, locale, width);
    if (el.pictogram) await loadPictogram(el.pictogram);
    await el.updateComplete;
    await el.updateComplete;
  });
  return el;
}

/** What the site wrote inside the card (every version's text), and the names of its languages and variants. */
function siteData(el: PictogramCard): string[] {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const texts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.textContent!.trim()) texts.push(node.textContent!.trim());
  const languages = [...new Set([...el.querySelectorAll('[lang]')].map((v) => v.getAttribute('lang')!))];
  return [...texts, ...intlTexts(pseudoLocale, [...languages, pseudoLocale]), 'Einfache Sprache', 'Leichte Sprache'].sort((a, b) => b.length - a.length);
}

describe('ww-pictogram-card in every language', () => {
  const states: Record<string, [() => TemplateResult, ((el: PictogramCard) => Promise<void>)?]> = {
    'with a language switcher': [() => demoCard('free')],
    'more section open': [
      () => demoCard('anonymous'),
      async (el) => {
        $<HTMLButtonElement>(el, '[part="more-button"]').click();
        await el.updateComplete;
      },
    ],
    'a draft picked': [
      () => demoCard('shower'),
      async (el) => {
        [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="languages"] button')].find((b) => b.lang === 'ro')?.click();
        await el.updateComplete;
      },
    ],
    'no content (fallback)': [() => html`<ww-pictogram-card><p>Kostenlos</p></ww-pictogram-card>`],
  };
  for (const [name, [template, settle]] of Object.entries(states)) {
    it(`pseudo-locale, ${name}: every text from the catalogue, nothing clipped at 320 px`, async () => {
      const el = await card(template(), pseudoLocale, 320);
      await settle?.(el);
      expect(textsNotFromCatalogue(el, siteData(el))).to.deep.equal([]);
      expect(clippedTexts(el)).to.deep.equal([]);
      expect(elementsTooWide(el)).to.deep.equal([]);
      expect(el.scrollWidth).to.be.at.most(320);
    });
  }

  it('right to left: title at the right after the pictogram; the pictogram, chevron and speaker are not mirrored', async () => {
    const el = await card(demoCard('anonymous'), 'ar', 600);
    expect($(el, '.content').dir).to.equal('rtl');
    expect(startsAtInlineStart($(el, '[part="text"]'))).to.equal(true);
    const pictogram = $(el, '[part="pictogram"]').getBoundingClientRect();
    const title = $(el, '[part="title"]').getBoundingClientRect();
    expect(pictogram.left, 'the pictogram is right of the title').to.be.at.least(title.right - 1);
    const icons = [...el.shadowRoot!.querySelectorAll('svg')];
    expect(icons.length).to.be.at.least(2);
    for (const icon of icons) expect(isMirrored(icon), icon.getAttribute('class') ?? 'svg').to.equal(false);
  });

  itIsAccessibleInEveryLocale({ template: () => demoCard('free'), settle: async (el) => (el as PictogramCard).updateComplete.then(() => undefined) });
});
