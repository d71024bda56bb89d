import { expect, html, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import type { StabilisationChecklist } from '../src/index.js';
import english from '../src/content/en.js';
import {
  clippedTexts,
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

const ready = async (el: HTMLElement) => {
  await waitUntil(() => el.shadowRoot?.querySelector('.overview') || el.shadowRoot?.querySelector('.panel[role="note"]'), 'the checklist did not render');
  await (el as StabilisationChecklist).updateComplete;
};

/** The default content (steps, their texts) is the widget's data, not interface text: every string in it. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}
const content = strings(english).sort((a, b) => b.length - a.length);

describe('ww-stabilisation-checklist in every language', () => {
  const states: Record<string, [() => ReturnType<typeof html>, (el: StabilisationChecklist) => Promise<unknown>]> = {
    'for the person': [() => html`<ww-stabilisation-checklist></ww-stabilisation-checklist>`, ready],
    'with a counsellor, steps open': [
      () => html`<ww-stabilisation-checklist mode="counsellor"></ww-stabilisation-checklist>`,
      async (el) => {
        await ready(el);
        el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.toggle').forEach((t) => t.click());
        await el.updateComplete;
      },
    ],
    'kept on the device': [
      () => html`<ww-stabilisation-checklist></ww-stabilisation-checklist>`,
      async (el) => {
        await ready(el);
        $(el, '.panel button.primary').click();
        await el.updateComplete;
      },
    ],
    'asking before deleting': [
      () => html`<ww-stabilisation-checklist></ww-stabilisation-checklist>`,
      async (el) => {
        await ready(el);
        $(el, '.panel button.danger').click();
        await el.updateComplete;
      },
    ],
    'after a damaged file': [
      () => html`<ww-stabilisation-checklist></ww-stabilisation-checklist>`,
      async (el) => {
        await ready(el);
        await el.importFile(new Blob(['nonsense']));
        await el.updateComplete;
      },
    ],
  };
  afterEach(() => localStorage.removeItem('wegweiser-checklist'));

  for (const [name, [template, settle]] of Object.entries(states)) {
    it(`pseudo-locale, ${name}: every text from the catalogue, nothing clipped at 320 px`, async () => {
      const el = await fixtureInLocale<StabilisationChecklist>(template(), pseudoLocale, 320);
      await settle(el);
      expect(textsNotFromCatalogue(el, [...content, ...intlTexts(pseudoLocale)])).to.deep.equal([]);
      expect(clippedTexts(el)).to.deep.equal([]);
      expect(elementsTooWide(el)).to.deep.equal([]);
      expect(el.scrollWidth).to.be.at.most(320);
    });
  }

  it('right to left: text starts at the right, the open/close triangle points the other way, nothing else mirrored', async () => {
    const el = await fixtureInLocale<StabilisationChecklist>(html`<ww-stabilisation-checklist></ww-stabilisation-checklist>`, 'ar', 700);
    await ready(el);
    expect($(el, '.root').dir).to.equal('rtl');
    expect(startsAtInlineStart($(el, '.overview h2'))).to.equal(true);
    const toggle = $(el, 'button.toggle[aria-expanded="false"]');
    // Closed, the triangle points to the inline end: its solid side is the right border in right-to-left.
    const before = getComputedStyle(toggle, '::before');
    expect(Number.parseFloat(before.borderRightWidth), 'solid side').to.be.above(0);
    expect(Number.parseFloat(before.borderLeftWidth), 'no left side').to.equal(0);
    const triangle = toggle.getBoundingClientRect();
    const label = [...toggle.childNodes].find((n) => n.textContent?.trim());
    expect(label, 'the toggle has a text').to.not.equal(undefined);
    const range = document.createRange();
    range.selectNodeContents(toggle);
    // The triangle (0.55em and a gap) comes first: at the right, before the text.
    expect(triangle.right - range.getBoundingClientRect().right, 'room for the triangle at the right').to.be.within(8, 40);
    for (const element of el.shadowRoot!.querySelectorAll('*')) expect(isMirrored(element), element.localName).to.equal(false);
  });

  it('a page in a language without its own steps gets the German steps, marked as German and laid out left to right', async () => {
    const el = await fixtureInLocale<StabilisationChecklist>(html`<ww-stabilisation-checklist></ww-stabilisation-checklist>`, 'ar', 700);
    await ready(el);
    const text = $(el, '.item p.text');
    expect(text.lang).to.equal('de');
    expect(getComputedStyle(text).direction).to.equal('ltr');
    const title = $(el, '.item h3 span[lang]');
    expect([title.lang, title.dir]).to.deep.equal(['de', 'ltr']);
    expect($(el, '.root').lang, 'the interface stays Arabic').to.equal('ar');
    // An English page has its own set: nothing is marked.
    const english = await fixtureInLocale<StabilisationChecklist>(html`<ww-stabilisation-checklist></ww-stabilisation-checklist>`, 'en');
    await ready(english);
    expect($(english, '.item p.text').hasAttribute('lang')).to.equal(false);
  });

  itIsAccessibleInEveryLocale({ template: () => html`<ww-stabilisation-checklist></ww-stabilisation-checklist>`, settle: ready });
});
