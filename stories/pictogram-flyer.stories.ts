import { html, type TemplateResult } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '@wegweiser/pictogram-card/define';
import '../packages/pictogram-card/src/pictogram-card.css';
import { demoCard, demoCards } from './pictogram-demo-content.js';

interface FlyerArgs {
  lang: string;
}

// The flyer's own frame (title, footer) is the site's text; here in the five demo languages.
const frame: Record<string, { title: string; subtitle: string; footer: TemplateResult }> = {
  de: {
    title: 'Beratung für Sexarbeiter*innen',
    subtitle: 'Beratungsstelle Beispielstadt (fiktiv). Umstieg und Ausstieg, wenn Sie möchten.',
    footer: html`Musterstraße 1, 00000 Beispielstadt · <bdi>0800 0000000</bdi> · beispiel.example`,
  },
  en: {
    title: 'Counselling for sex workers',
    subtitle: 'Counselling centre Exampletown (fictional). Changing jobs or leaving, if you want to.',
    footer: html`Musterstraße 1, 00000 Beispielstadt · <bdi>0800 0000000</bdi> · beispiel.example`,
  },
  ro: {
    title: 'Consiliere pentru lucrătoarele și lucrătorii sexuali',
    subtitle: 'Centru de consiliere Beispielstadt (fictiv). Schimbarea locului de muncă, dacă doriți.',
    footer: html`Musterstraße 1, 00000 Beispielstadt · <bdi>0800 0000000</bdi> · beispiel.example`,
  },
  bg: {
    title: 'Консултации за секс работници',
    subtitle: 'Консултативен център Beispielstadt (измислен). Смяна на работата, ако желаете.',
    footer: html`Musterstraße 1, 00000 Beispielstadt · <bdi>0800 0000000</bdi> · beispiel.example`,
  },
  ar: {
    title: 'استشارات للعاملين والعاملات في مجال الجنس',
    subtitle: 'مركز استشارات Beispielstadt (وهمي). تغيير العمل إذا أردت.',
    footer: html`<bdi dir="ltr">Musterstraße 1, 00000 Beispielstadt</bdi> · <bdi dir="ltr">0800 0000000</bdi> · <bdi dir="ltr">beispiel.example</bdi>`,
  },
};

function render({ lang }: FlyerArgs): TemplateResult {
  const text = frame[lang] ?? frame['de']!;
  return html`<article class="ww-flyer" lang=${lang} dir=${lang === 'ar' ? 'rtl' : 'ltr'}>
    <header>
      <h1>${text.title}</h1>
      <p>${text.subtitle}</p>
    </header>
    <ul class="ww-pictogram-grid">
      ${demoCards.map((name) => html`<li>${demoCard(name)}</li>`)}
    </ul>
    <footer>${text.footer}</footer>
  </article>`;
}

const meta: Meta<FlyerArgs> = {
  title: 'Widgets/Pictogram card/Grid and A4 flyer',
  render,
  args: { lang: 'de' },
  argTypes: { lang: { control: 'inline-radio', options: ['de', 'en', 'ro', 'bg', 'ar'] } },
  parameters: {
    docs: {
      description: {
        component:
          'Cards in a `.ww-pictogram-grid` inside a `.ww-flyer`, from `@wegweiser/pictogram-card/pictogram-card.css`. On screen the grid fits as many columns as there is room for (one at 320 px). Printed (open the story on its own and print, or save as PDF), the flyer fills an A4 page in two columns: no buttons, the “more” texts open, link addresses written out, pictograms in black. The centre, address and number are fictional; the Romanian, Bulgarian and Arabic texts are drafts that need review by a native speaker.',
      },
    },
  },
};
export default meta;

export const German: StoryObj<FlyerArgs> = {};
export const Romanian: StoryObj<FlyerArgs> = { name: 'Romanian (draft)', args: { lang: 'ro' } };
export const Bulgarian: StoryObj<FlyerArgs> = { name: 'Bulgarian (draft)', args: { lang: 'bg' } };
export const Arabic: StoryObj<FlyerArgs> = { name: 'Arabic, right to left (draft)', args: { lang: 'ar' } };
export const English: StoryObj<FlyerArgs> = { args: { lang: 'en' } };
