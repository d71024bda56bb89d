import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import { loadPictogram, type PictogramCard } from '../src/index.js';
import '../src/define.js';
import { collectErrors, elementsTooWide, itIsAccessibleInEveryState, itSurvivesBadInput, shadowText, withLang } from '../../../scripts/testing/index.js';
import { demoCard } from '../../../stories/pictogram-demo-content.js';

const root = (el: PictogramCard) => el.shadowRoot!;
const title = (el: PictogramCard) => root(el).querySelector('[part="title"]')!.textContent!.trim();
const content = (el: PictogramCard) => root(el).querySelector<HTMLElement>('.content')!;
const buttons = (el: PictogramCard) => [...root(el).querySelectorAll<HTMLButtonElement>('[part="languages"] button')];
const button = (el: PictogramCard, name: string) => buttons(el).find((b) => b.textContent!.trim() === name)!;
const notices = (el: PictogramCard) => [...root(el).querySelectorAll('[part="notice"]')].map((n) => n.textContent!.replace(/\s+/g, ' ').trim());

/** Renders and waits until the pictogram module has loaded too. */
async function card(template: TemplateResult, lang?: string): Promise<PictogramCard> {
  const el = await fixture<PictogramCard>(template, lang ? { parentNode: withLang(lang) } : {});
  if (el.pictogram) await loadPictogram(el.pictogram);
  await el.updateComplete;
  await el.updateComplete;
  return el;
}

describe('ww-pictogram-card: content and languages', () => {
  it('shows the version in the page’s language, with lang and dir on the text', async () => {
    const el = await card(demoCard('free'));
    expect(title(el)).to.equal('Kostenlos');
    expect(content(el).lang).to.equal('de');
    expect(content(el).dir).to.equal('ltr');
    expect(root(el).querySelector('[part="text"]')!.textContent).to.equal('Die Beratung kostet kein Geld.');
  });

  it('names every language in itself, each button marked with its language', async () => {
    const el = await card(demoCard('free'));
    expect(buttons(el).map((b) => b.textContent!.trim())).to.deep.equal(['Deutsch', 'Einfache Sprache', 'English', 'Română', 'Български', 'العربية']);
    expect(buttons(el).map((b) => b.lang)).to.deep.equal(['de', 'de', 'en', 'ro', 'bg', 'ar']);
    expect(button(el, 'العربية').dir).to.equal('rtl');
    expect(button(el, 'Deutsch').getAttribute('aria-pressed')).to.equal('true');
    expect(root(el).querySelector('[part="languages"]')!.getAttribute('aria-label')).to.equal('Sprache');
  });

  it('switches to Romanian: text, lang, pressed state, an announcement and an event', async () => {
    const el = await card(demoCard('anonymous'));
    const event = oneEvent(el, 'ww-language-change');
    button(el, 'Română').click();
    expect((await event).detail).to.deep.equal({ lang: 'ro', variant: undefined });
    await el.updateComplete;
    expect(title(el)).to.equal('Anonim');
    expect(content(el).lang).to.equal('ro');
    expect(button(el, 'Română').getAttribute('aria-pressed')).to.equal('true');
    expect(button(el, 'Deutsch').getAttribute('aria-pressed')).to.equal('false');
    const status = root(el).querySelector('[role="status"] span')!;
    expect(status.textContent).to.equal('Anonim');
    expect(status.getAttribute('lang')).to.equal('ro');
    expect(notices(el)).to.deep.equal(['Traducere provizorie: nu a fost încă verificată de un vorbitor nativ.']);
  });

  it('switches with the keyboard alone', async () => {
    const el = await card(demoCard('free'));
    button(el, 'Deutsch').focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(title(el)).to.equal('Free of charge');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(title(el)).to.equal('Gratuit');
  });

  it('lays Arabic out right to left: dir="rtl", the pictogram at the start (right)', async () => {
    const el = await card(demoCard('free'), 'ar');
    expect(title(el)).to.equal('مجانًا');
    expect(content(el).lang).to.equal('ar');
    expect(content(el).dir).to.equal('rtl');
    const pictogram = root(el).querySelector('[part="pictogram"]')!.getBoundingClientRect();
    const heading = root(el).querySelector('[part="title"]')!.getBoundingClientRect();
    expect(pictogram.left).to.be.greaterThan(heading.left);
    expect(getComputedStyle(root(el).querySelector('[part="text"]')!).direction).to.equal('rtl');
  });

  it('follows the language of an ancestor, and changes with it', async () => {
    const el = await card(demoCard('languages'), 'bg');
    expect(title(el)).to.equal('Говорим румънски и български');
    el.parentElement!.lang = 'ro';
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    expect(title(el)).to.equal('Vorbim română și bulgară');
    expect(notices(el)).to.deep.equal(['Traducere provizorie: nu a fost încă verificată de un vorbitor nativ.']);
  });

  it('falls back to the first version when a translation is missing, and says so', async () => {
    const el = await card(demoCard('evening'), 'ro');
    expect(title(el)).to.equal('Auch abends');
    expect(content(el).lang).to.equal('de');
    expect(notices(el)).to.deep.equal(['Acest text nu este disponibil în limba Română. Este afișat în limba Germană.']);
    // Once the reader picks a language, nothing is missing any more.
    button(el, 'English').click();
    await el.updateComplete;
    expect(notices(el)).to.deep.equal([]);
  });

  it('borrows a part a version lacks from the first version, in its language, and names it', async () => {
    const el = await card(demoCard('insurance'), 'ro');
    const link = root(el).querySelector<HTMLAnchorElement>('[part="action"]')!;
    expect(link.textContent!.trim()).to.equal('Termin vereinbaren (Deutsch)');
    expect(link.lang).to.equal('de');
    expect(link.getAttribute('href')).to.equal(new URL('#kontakt', document.baseURI).href);
    button(el, 'English').click();
    await el.updateComplete;
    expect(root(el).querySelector('[part="action"]')!.textContent!.trim()).to.equal('Make an appointment');
  });

  it('offers a simplified German version, switchable and marked as such', async () => {
    const el = await card(demoCard('free'));
    expect(root(el).querySelector('[part="variant"]')).to.equal(null);
    button(el, 'Einfache Sprache').click();
    await el.updateComplete;
    const marker = root(el).querySelector<HTMLElement>('[part="variant"]')!;
    expect(marker.textContent).to.equal('Einfache Sprache');
    expect(marker.lang).to.equal('de');
    expect(root(el).querySelector('[part="text"]')!.textContent).to.equal('Die Beratung kostet kein Geld. Sie bezahlen nichts.');
  });

  it('marks a reviewed Leichte Sprache version, and shows it to a page in de-x-ls', async () => {
    const el = await card(
      html`<ww-pictogram-card>
        <div lang="de"><h3>Kostenlos</h3><p>Die Beratung kostet kein Geld.</p></div>
        <div lang="de" data-variant="leichte-sprache"><h3>Kostenlos</h3><p>Sie bezahlen nichts.</p></div>
      </ww-pictogram-card>`,
      'de-x-ls',
    );
    expect(root(el).querySelector('[part="variant"]')!.textContent).to.equal('Leichte Sprache');
    expect(button(el, 'Leichte Sprache').getAttribute('aria-pressed')).to.equal('true');
  });

  it('opens and closes the "more" section with its own label', async () => {
    const el = await card(demoCard('anonymous'));
    const toggle = root(el).querySelector<HTMLButtonElement>('[part="more-button"]')!;
    const more = root(el).querySelector<HTMLElement>('[part="more"]')!;
    expect(toggle.textContent!.trim()).to.equal('Mehr dazu');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(toggle.getAttribute('aria-controls')).to.equal(more.id);
    expect(more.hidden).to.equal(true);
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(more.hidden).to.equal(false);
    expect(more.textContent).to.contain('Für manche Anträge');
  });

  it('speaks its interface in the language the reader picked, where it has one', async () => {
    const el = await card(demoCard('free'));
    button(el, 'English').click();
    await el.updateComplete;
    expect(root(el).querySelector('[part="languages"]')!.getAttribute('aria-label')).to.equal('Language');
    expect(root(el).querySelector('.card')!.getAttribute('lang')).to.equal('en');
    button(el, 'Română').click();
    await el.updateComplete;
    // The interface follows into Romanian too (a machine draft, like the card's Romanian text).
    expect(root(el).querySelector('[part="languages"]')!.getAttribute('aria-label')).to.equal('Limba');
  });

  it('copies inline markup such as <bdi> and drops duplicate ids', async () => {
    const el = await card(html`<ww-pictogram-card pictogram="phone">
      <div lang="ar"><h3 id="t">الهاتف</h3><p id="p">اتصل بنا: <bdi dir="ltr" id="n">0800 0000000</bdi></p></div>
    </ww-pictogram-card>`);
    const bdi = root(el).querySelector('[part="text"] bdi')!;
    expect(bdi.textContent).to.equal('0800 0000000');
    expect(root(el).querySelectorAll('[id="n"], [id="p"]').length).to.equal(0);
    // A single version needs no switcher.
    expect(root(el).querySelector('[part="languages"]')).to.equal(null);
  });

  it('follows changes to its content', async () => {
    const el = await card(demoCard('free'));
    el.querySelector('h3')!.textContent = 'Gratis-Beratung';
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    expect(title(el)).to.equal('Gratis-Beratung');
  });

  it('breaks a long German compound in its title instead of overflowing a narrow screen (WCAG 1.4.10)', async () => {
    const narrow = withLang('de');
    narrow.style.inlineSize = '240px';
    const el = await fixture<PictogramCard>(
      html`<ww-pictogram-card pictogram="money"><div lang="de"><h3>Krankenversicherungsbeitragsrückstände</h3><p>Wir helfen.</p></div></ww-pictogram-card>`,
      { parentNode: narrow },
    );
    await el.updateComplete;
    expect(elementsTooWide(el)).to.deep.equal([]);
    expect(el.scrollWidth).to.be.at.most(240);
  });

  it('takes the heading level from the site’s heading, or from heading-level', async () => {
    const el = await card(html`<ww-pictogram-card><div lang="de"><h2>Kostenlos</h2></div></ww-pictogram-card>`);
    expect(root(el).querySelector('[part="title"]')!.getAttribute('aria-level')).to.equal('2');
    el.setAttribute('heading-level', '4');
    await el.updateComplete;
    expect(root(el).querySelector('[part="title"]')!.getAttribute('aria-level')).to.equal('4');
  });

  it('shows its pictogram: an SVG in currentColor, hidden from assistive technology', async () => {
    const el = await card(demoCard('shower'));
    const svg = root(el).querySelector('[part="pictogram"] svg')!;
    expect(svg.getAttribute('aria-hidden')).to.equal('true');
    expect(svg.getAttribute('stroke')).to.equal('currentColor');
    expect(svg.querySelectorAll('path').length).to.be.greaterThan(3);
  });
});

/** Waits until the card shows a title (JSON content needs its helpers loaded first). */
async function titled(el: PictogramCard): Promise<PictogramCard> {
  for (let i = 0; i < 100 && !root(el).querySelector('[part="title"]'); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  await el.updateComplete;
  return el;
}

describe('ww-pictogram-card: JSON content', () => {
  const json = {
    pictogram: 'phone',
    versions: [
      { lang: 'de', title: 'Telefon', text: 'Rufen Sie uns an.', more: ['Kostenlos.', 'Auch anonym.'], action: { href: 'tel:+49800000000', label: 'Anrufen' } },
      { lang: 'en', title: 'Phone', text: 'Call us.' },
    ],
  };

  it('reads inline JSON', async () => {
    const el = await titled(await card(html`<ww-pictogram-card><script type="application/json">${JSON.stringify(json)}</script></ww-pictogram-card>`));
    await loadPictogram('phone');
    await el.updateComplete;
    expect(title(el)).to.equal('Telefon');
    expect(root(el).querySelectorAll('[part="more"] p').length).to.equal(2);
    expect(root(el).querySelector('[part="action"]')!.getAttribute('href')).to.equal('tel:+49800000000');
    expect(root(el).querySelector('[part="more-button"]')!.textContent!.trim()).to.equal('Mehr');
    expect(root(el).querySelector('[part="pictogram"] svg')).to.not.equal(null);
  });

  it('takes content as a property', async () => {
    const el = await titled(await card(html`<ww-pictogram-card .content=${json} lang="en"></ww-pictogram-card>`));
    expect(title(el)).to.equal('Phone');
  });

  it('loads content from src, showing the child elements until then', async () => {
    const url = new URL('./fixtures/card.json', import.meta.url).href;
    const el = await card(html`<ww-pictogram-card src=${url}><div lang="de"><h3>Wird geladen</h3></div></ww-pictogram-card>`);
    expect(title(el)).to.equal('Wird geladen');
    for (let i = 0; i < 50 && title(el) !== 'Offene Sprechstunde'; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(title(el)).to.equal('Offene Sprechstunde');
  });

  it('keeps the child elements when src cannot be loaded, and says why', async () => {
    let el: PictogramCard | undefined;
    let failed = false;
    const events = await collectErrors(async () => {
      el = await card(html`<ww-pictogram-card src="/does-not-exist.json"><div lang="de"><h3>Kostenlos</h3></div></ww-pictogram-card>`);
      el.addEventListener('ww-error', () => (failed = true));
      for (let i = 0; i < 50 && !failed; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(events.map((e) => e.detail.code)).to.include('pictogram-card/load-failed');
    expect(title(el!)).to.equal('Kostenlos');
  });
});

describe('ww-pictogram-card: bad input', () => {
  // The JSON helpers load with the first JSON card; after that, cards check JSON at once.
  before(async () => {
    await titled(await card(html`<ww-pictogram-card .content=${{ versions: [{ lang: 'de', title: 'x' }] }}></ww-pictogram-card>`));
  });

itSurvivesBadInput({
  'JSON that does not parse': {
    template: () => html`<ww-pictogram-card><script type="application/json">{"versions": [</script><div lang="de"><h3>Kostenlos</h3></div></ww-pictogram-card>`,
    code: 'pictogram-card/invalid-json',
  },
  'JSON that does not match the schema': {
    template: () => html`<ww-pictogram-card
      ><script type="application/json">
        {"versions": [{"lang": "de", "titel": "Kostenlos"}]}
      </script
      ><div lang="de"><h3>Kostenlos</h3></div></ww-pictogram-card
    >`,
    code: 'pictogram-card/invalid-content',
  },
  'a pictogram that does not exist': {
    template: () => html`<ww-pictogram-card pictogram="unicorn"><div lang="de"><h3>Kostenlos</h3></div></ww-pictogram-card>`,
    code: 'pictogram-card/unknown-pictogram',
  },
  'a javascript: link': {
    // The hostile link is the point of this case.
    // eslint-disable-next-line lit-a11y/anchor-is-valid
    template: () => html`<ww-pictogram-card><div lang="de"><h3>Kostenlos</h3><a href="javascript:alert(1)">Klick</a></div></ww-pictogram-card>`,
    code: 'pictogram-card/invalid-action',
  },
  'a version without a heading': {
    template: () => html`<ww-pictogram-card><div lang="de"><h3>Kostenlos</h3></div><div lang="en"><p>Free</p></div></ww-pictogram-card>`,
    code: 'pictogram-card/missing-title',
  },
  'an unknown variant': {
    template: () => html`<ww-pictogram-card><div lang="de"><h3>Kostenlos</h3></div><div lang="de" data-variant="kindersprache"><h3>Gratis</h3></div></ww-pictogram-card>`,
    code: 'pictogram-card/unknown-variant',
  },
  'two versions in one language': {
    template: () => html`<ww-pictogram-card><div lang="de"><h3>Kostenlos</h3></div><div lang="de"><h3>Gratis</h3></div></ww-pictogram-card>`,
    code: 'pictogram-card/duplicate-version',
  },
  'a heading level out of range': {
    template: () => html`<ww-pictogram-card heading-level="9"><div lang="de"><h3>Kostenlos</h3></div></ww-pictogram-card>`,
    code: 'pictogram-card/invalid-heading-level',
  },
  'no content at all': {
    template: () => html`<ww-pictogram-card><p>Kostenlos</p></ww-pictogram-card>`,
    code: 'pictogram-card/no-content',
  },
});
});

describe('ww-pictogram-card: bad input details', () => {
  it('leaves out the javascript: link but shows the rest', async () => {
    const events = await collectErrors(async () => {
      const el = await card(html`<ww-pictogram-card><div lang="de"><h3>Kostenlos</h3><a href=" JavaScript:alert(1)">Klick</a></div></ww-pictogram-card>`);
      expect(root(el).querySelector('a')).to.equal(null);
      expect(title(el)).to.equal('Kostenlos');
    });
    expect(events.length).to.equal(1);
  });

  it('shows the site’s own text with a calm sentence when there is no usable content', async () => {
    let el: PictogramCard | undefined;
    await collectErrors(async () => {
      el = await card(html`<ww-pictogram-card><p>Kostenlos</p></ww-pictogram-card>`);
    });
    expect(shadowText(el!)).to.equal('Dieser Teil der Seite kann gerade nicht angezeigt werden.');
    expect(root(el!).querySelector('slot')).to.not.equal(null);
  });
});

describe('ww-pictogram-card at 320 px', () => {
  // The card has no width media queries: a 320 px column is what a 320 px screen gives it
  // (and webdriver browsers cannot resize the viewport).
  for (const lang of ['de', 'bg', 'ar']) {
    it(`fits a 320 px column without sideways scrolling (${lang})`, async () => {
      const column = await fixture<HTMLElement>(html`<div style="inline-size: 320px" lang=${lang}>${demoCard('languages')}${demoCard('insurance')}</div>`);
      const cards = [...column.querySelectorAll('ww-pictogram-card')];
      for (const el of cards) {
        await loadPictogram(el.pictogram!);
        await el.updateComplete;
        const edge = column.getBoundingClientRect();
        // Nothing sticks out of the column, and no button's text overflows the button.
        for (const part of root(el).querySelectorAll('*')) {
          const r = part.getBoundingClientRect();
          if (r.width === 0 && r.height === 0) continue; // not rendered (print-only parts)
          expect(r.left, part.className).to.be.at.least(edge.left - 0.5);
          expect(r.right, part.className).to.be.at.most(edge.right + 0.5);
        }
        for (const b of buttons(el)) {
          expect(b.scrollWidth, b.textContent!).to.be.at.most(b.clientWidth + 1);
          expect(b.getBoundingClientRect().height).to.be.at.least(24);
        }
      }
      expect(column.scrollWidth).to.be.at.most(320);
    });
  }
});

itIsAccessibleInEveryState(
  {
    states: {
      'German with a switcher': () => demoCard('free'),
      'Romanian page': () => html`<div lang="ro">${demoCard('anonymous')}</div>`,
      'Bulgarian page': () => html`<div lang="bg">${demoCard('shower')}</div>`,
      'Arabic page (right to left)': () => html`<div lang="ar">${demoCard('anonymous')}</div>`,
      'missing translation': () => html`<div lang="hu">${demoCard('evening')}</div>`,
      'borrowed link': () => html`<div lang="ro">${demoCard('insurance')}</div>`,
      'Einfache Sprache picked': () => demoCard('free'),
      'more section open': () => demoCard('anonymous'),
      'no content (fallback)': () => html`<ww-pictogram-card><p>Kostenlos</p></ww-pictogram-card>`,
    },
    interact: {
      'Einfache Sprache picked': async (el) => {
        const c = el as PictogramCard;
        await c.updateComplete;
        button(c, 'Einfache Sprache').click();
        await c.updateComplete;
      },
      'more section open': async (el) => {
        const c = el as PictogramCard;
        await c.updateComplete;
        root(c).querySelector<HTMLButtonElement>('[part="more-button"]')!.click();
        await c.updateComplete;
      },
    },
  },
  ['de', 'en'],
);
