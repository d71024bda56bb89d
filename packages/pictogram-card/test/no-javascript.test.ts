import { expect, fixture } from '@open-wc/testing';
import '../../../scripts/testing/index.js';
import { demoCard } from '../../../stories/pictogram-demo-content.js';

// This file never imports the element: each test file runs in a page of its
// own, so <ww-pictogram-card> stays undefined, as without JavaScript.
before(async () => {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('../src/pictogram-card.css', import.meta.url).href;
  document.head.append(link);
  await new Promise((resolve) => link.addEventListener('load', resolve, { once: true }));
});

describe('ww-pictogram-card without JavaScript', () => {
  it('shows every language version as readable HTML, one after the other', async () => {
    const el = await fixture<HTMLElement>(demoCard('anonymous'));
    expect(customElements.get('ww-pictogram-card')).to.equal(undefined);
    const titles = [...el.querySelectorAll('h3')];
    expect(titles.map((h) => h.textContent)).to.deep.equal(['Anonym', 'Anonym', 'Anonymous', 'Anonim', 'Анонимно', 'دون ذكر الاسم']);
    for (const h of titles) expect(h.getBoundingClientRect().height).to.be.greaterThan(0);
    // The stylesheet separates the versions with a rule.
    const second = el.querySelectorAll<HTMLElement>(':scope > [lang]')[1]!;
    expect(getComputedStyle(second).borderTopStyle).to.equal('dashed');
    await expect(el).to.be.accessible();
  });

  it('hides inline JSON, which is for the script', async () => {
    const el = await fixture<HTMLElement>(
      Object.assign(document.createElement('ww-pictogram-card'), {
        innerHTML: '<script type="application/json">{"versions":[]}</script><div lang="de"><h3>Kostenlos</h3></div>',
      }),
    );
    expect(getComputedStyle(el.querySelector('script')!).display).to.equal('none');
    expect(el.textContent).to.contain('Kostenlos');
  });
});
