import { inlineJsonMarkup, itNeverLinksHostileUrls, jsonUrl, renderMarkup } from '../../../scripts/testing/safe-links.js';
import { until, shadowText } from '../../../scripts/testing/index.js';
import type { PictogramCard } from '../src/PictogramCard.js';
import '../src/define.js';

/** The card once it shows its title (JSON content comes with a module of its own). */
async function shown(element: PictogramCard): Promise<PictogramCard> {
  await until(() => shadowText(element).includes('Beratung'), 'the card shows its title');
  return element;
}

const content = (href: string) => ({
  pictogram: 'money',
  versions: [{ lang: 'de', title: 'Beratung', text: 'Wir helfen beim Umstieg.', action: { href, label: 'Kontakt' } }],
});


describe("ww-pictogram-card: links keep core's safe-URL rule wherever they come from", () => {
  itNeverLinksHostileUrls([
    {
      via: 'action link, child elements',
      code: 'pictogram-card/invalid-action',
      markup: true,
      render: async (url, spelling) =>
        shown(await renderMarkup('<ww-pictogram-card pictogram="money"><div lang="de"><h3>Beratung</h3><p>Wir helfen.</p><a href="{url}">Kontakt</a></div></ww-pictogram-card>', url, spelling)),
    },
    {
      via: "a link inside the site's card text",
      code: 'pictogram-card/invalid-link',
      markup: true,
      render: async (url, spelling) =>
        shown(await renderMarkup('<ww-pictogram-card pictogram="money"><div lang="de"><h3>Beratung</h3><p>Schreiben Sie <a href="{url}">uns</a>.</p></div></ww-pictogram-card>', url, spelling)),
    },
    {
      via: 'a link inside the "more" section',
      code: 'pictogram-card/invalid-link',
      markup: true,
      render: async (url, spelling) =>
        shown(
          await renderMarkup(
            '<ww-pictogram-card pictogram="money"><div lang="de"><h3>Beratung</h3><p>Wir helfen.</p><details><summary>Mehr</summary><p><a href="{url}">Adresse</a></p></details></div></ww-pictogram-card>',
            url,
            spelling,
          ),
        ),
    },
    {
      via: 'action link, inline JSON',
      code: 'pictogram-card/invalid-action',
      markup: false,
      render: async (url) => shown(await renderMarkup(inlineJsonMarkup('ww-pictogram-card', content(url)), '', 'value')),
    },
    {
      via: 'action link, content property',
      code: 'pictogram-card/invalid-action',
      markup: false,
      render: async (url) => {
        const element = await renderMarkup<PictogramCard>('<ww-pictogram-card pictogram="money"></ww-pictogram-card>', '', 'value');
        element.content = content(url);
        return shown(element);
      },
    },
    {
      via: 'action link, src',
      code: 'pictogram-card/invalid-action',
      markup: false,
      render: async (url) => shown(await renderMarkup(`<ww-pictogram-card src="${jsonUrl(content(url))}"><div lang="de"><h3>Ersatz</h3></div></ww-pictogram-card>`, '', 'value')),
    },
  ]);
});
