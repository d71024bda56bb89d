import { expect } from '@open-wc/testing';
import { inlineJsonMarkup, itNeverLinksHostileUrls, jsonUrl, renderMarkup } from '../../../scripts/testing/safe-links.js';
import { collectErrors, shadowText, until } from '../../../scripts/testing/index.js';
import type { StabilisationChecklist } from '../src/StabilisationChecklist.js';
import '../src/define.js';

/** Site content that adds a link to the built-in debt-advice step. */
const content = (href: string) => ({ sections: [{ id: 'money', items: [{ id: 'debt', link: { href, label: 'Schuldnerberatung in der Nähe' } }] }] });

/** The checklist once its steps are shown. */
async function shown(element: StabilisationChecklist): Promise<StabilisationChecklist> {
  await until(() => !!element.shadowRoot?.querySelector('.item'), 'the checklist shows its steps');
  return element;
}


describe("ww-stabilisation-checklist: step links keep core's safe-URL rule", () => {
  itNeverLinksHostileUrls([
    {
      via: 'link.href, content property',
      code: 'checklist/invalid-content',
      markup: false,
      render: async (url) => {
        const element = await renderMarkup<StabilisationChecklist>('<ww-stabilisation-checklist></ww-stabilisation-checklist>', '', 'value');
        element.content = content(url);
        return shown(element);
      },
    },
    {
      via: 'link.href, inline JSON',
      code: 'checklist/invalid-content',
      markup: false,
      render: async (url) => shown(await renderMarkup(inlineJsonMarkup('ww-stabilisation-checklist', content(url)), '', 'value')),
    },
    {
      via: 'link.href, src',
      code: 'checklist/invalid-content',
      markup: false,
      render: async (url) => shown(await renderMarkup(`<ww-stabilisation-checklist src="${jsonUrl(content(url))}"></ww-stabilisation-checklist>`, '', 'value')),
    },
  ]);

  it('shows a link relative to the page as a link on this site', async () => {
    const element = await renderMarkup<StabilisationChecklist>('<ww-stabilisation-checklist></ww-stabilisation-checklist>', '', 'value');
    element.content = content('beratung/schulden.html');
    await shown(element);
    await until(() => shadowText(element).includes('Schuldnerberatung in der Nähe'), 'the link');
    const link = [...element.shadowRoot!.querySelectorAll('a')].find((a) => a.textContent === 'Schuldnerberatung in der Nähe')!;
    expect(link.href).to.equal(new URL('beratung/schulden.html', document.baseURI).href);
  });

  it('survives content whose fields throw when read: the built-in list, a calm note and a ww-error', async () => {
    let element: StabilisationChecklist | undefined;
    const errors = await collectErrors(async () => {
      element = await renderMarkup<StabilisationChecklist>('<ww-stabilisation-checklist></ww-stabilisation-checklist>', '', 'value');
      element.content = new Proxy(
        {},
        {
          get() {
            throw new Error('hostile getter');
          },
        },
      ) as never;
      await shown(element);
      await until(() => /could not be loaded|konnten nicht geladen/.test(shadowText(element!)), 'the note that the local content is not used');
    });
    expect(errors.map((e) => (e.detail as { code: string }).code)).to.include('checklist/invalid-content');
  });
});
