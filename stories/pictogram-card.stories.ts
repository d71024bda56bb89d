import { html, type TemplateResult } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { action } from 'storybook/actions';
import { registerPictogram } from '@wegweiser/pictogram-card';
import '@wegweiser/pictogram-card/define';
import '../packages/pictogram-card/src/pictogram-card.css';
import { demoCard, type DemoCard } from './pictogram-demo-content.js';

interface CardArgs {
  card: DemoCard;
  /** The language of the page around the card (as a site sets it on an ancestor). */
  pageLang: string;
}

type Story = StoryObj<CardArgs>;

const log = (event: Event) => action(event.type)((event as CustomEvent).detail);

function render(args: CardArgs): TemplateResult {
  return html`<div lang=${args.pageLang} style="max-inline-size: 24rem" @ww-error=${log} @ww-language-change=${log}>${demoCard(args.card)}</div>`;
}

const meta: Meta<CardArgs> = {
  title: 'Widgets/Pictogram card',
  component: 'ww-pictogram-card',
  render,
  args: { card: 'anonymous', pageLang: 'de' },
  argTypes: {
    card: { control: 'select', options: ['free', 'anonymous', 'languages', 'shower', 'insurance', 'phone', 'evening'] },
    pageLang: { control: 'inline-radio', options: ['de', 'en', 'ro', 'bg', 'ar', 'hu', 'de-x-ls'] },
  },
  parameters: {
    docs: {
      description: {
        component:
          'A pictogram, a title and a short text in the reader’s language. The demo centre is fictional. **The Romanian, Bulgarian and Arabic texts are drafts by a non-native writer and need review by a native speaker**; the card marks them as drafts. The simplified German versions are “Einfache Sprache”: a site marks a version “Leichte Sprache” only after a review group has checked it. “Read aloud” appears only where the browser has an on-device voice for the language.',
      },
    },
  },
};
export default meta;

export const German: Story = {};
export const English: Story = { args: { pageLang: 'en' } };
export const Romanian: Story = { name: 'Romanian (draft)', args: { pageLang: 'ro' } };
export const Bulgarian: Story = { name: 'Bulgarian (draft)', args: { pageLang: 'bg', card: 'languages' } };
export const Arabic: Story = { name: 'Arabic, right to left (draft)', args: { pageLang: 'ar' } };
export const EinfacheSprache: Story = { name: 'Einfache Sprache (page in de-x-ls)', args: { pageLang: 'de-x-ls', card: 'free' } };
export const MissingTranslation: Story = { name: 'Missing translation (Hungarian page)', args: { pageLang: 'hu', card: 'evening' } };
export const BorrowedLink: Story = { name: 'Link only in German (Romanian page)', args: { pageLang: 'ro', card: 'insurance' } };
export const PhoneNumber: Story = { name: 'Phone number in Arabic text (bdi)', args: { pageLang: 'ar', card: 'phone' } };

export const MoreOpen: Story = {
  name: '“More” section open',
  play: async ({ canvasElement }) => {
    const card = canvasElement.querySelector('ww-pictogram-card')!;
    await card.updateComplete;
    card.shadowRoot!.querySelector<HTMLButtonElement>('[part="more-button"]')!.click();
  },
};

export const LeichteSprache: Story = {
  name: 'Leichte Sprache (marker for reviewed text)',
  render: () => html`<div lang="de" style="max-inline-size: 24rem">
    <ww-pictogram-card pictogram="counselling">
      <div lang="de"><h3>Beratung</h3><p>Wir beraten Sie zu Arbeit, Geld und Wohnung.</p></div>
      <div lang="de" data-variant="leichte-sprache">
        <h3>Beratung</h3>
        <p>Sie haben Fragen? Zum Beispiel zu Arbeit. Oder zu Geld. Wir helfen Ihnen.</p>
      </div>
    </ww-pictogram-card>
  </div>`,
  parameters: {
    docs: {
      description: {
        story: 'How a reviewed Leichte Sprache version is marked. This demo text has not been reviewed; a site would only use the marker after review.',
      },
    },
  },
};

export const JsonContent: Story = {
  name: 'JSON content (inline)',
  render: () => html`<div lang="de" style="max-inline-size: 24rem">
    <ww-pictogram-card
      ><script type="application/json">
        {
          "pictogram": "walk-in",
          "versions": [
            { "lang": "de", "title": "Offene Sprechstunde", "text": "Kommen Sie ohne Termin vorbei.", "more": ["Dienstag 14–18 Uhr (fiktiv)."], "moreLabel": "Wann?" },
            { "lang": "en", "title": "Walk-in hours", "text": "Come by without an appointment.", "more": ["Tuesday 14:00–18:00 (fictional)."], "moreLabel": "When?" },
            { "lang": "ro", "draft": true, "title": "Program fără programare", "text": "Veniți fără programare." }
          ]
        }
      </script></ww-pictogram-card
    >
  </div>`,
};

// A site's own pictogram with hostile extras: the sanitiser keeps the shapes and drops the rest.
registerPictogram({
  id: 'story-own-heart-house',
  svg: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="#c00" stroke-width="2" onload="alert('not run')">
    <script>alert('not run')</script>
    <path d="M3 11l9-7l9 7v9h-18z" style="stroke: url(https://tracker.example/x)"/>
    <path d="M12 17c-2-1.5-3-2.5-3-3.7a1.5 1.5 0 0 1 3-.3a1.5 1.5 0 0 1 3 .3c0 1.2-1 2.2-3 3.7" fill="red"/>
    <image href="https://tracker.example/pixel.png" width="1" height="1"/>
  </svg>`,
  label: { de: 'Schutzwohnung', en: 'Safe housing' },
});

export const OwnPictogram: Story = {
  name: 'A site’s own pictogram (sanitised)',
  render: () => html`<div lang="de" style="max-inline-size: 24rem">
    <ww-pictogram-card pictogram="story-own-heart-house">
      <div lang="de"><h3>Schutzwohnung</h3><p>Ein sicherer Ort zum Wohnen (fiktives Angebot).</p></div>
      <div lang="en"><h3>Safe housing</h3><p>A safe place to live (fictional service).</p></div>
    </ww-pictogram-card>
  </div>`,
  parameters: {
    docs: {
      description: {
        story:
          'Registered with `registerPictogram()` from an SVG that carries a script, an `onload` handler, a tracking image and a `url()` style. Only the two paths are left, drawn in `currentColor`; the browser console lists what was removed.',
      },
    },
  },
};

export const UnknownPictogram: Story = {
  name: 'Bad input: unknown pictogram',
  render: () => html`<div lang="de" style="max-inline-size: 24rem" @ww-error=${log}>
    <ww-pictogram-card pictogram="unicorn"><div lang="de"><h3>Kostenlos</h3><p>Die Beratung kostet kein Geld.</p></div></ww-pictogram-card>
  </div>`,
};

export const NoContent: Story = {
  name: 'Bad input: no usable content',
  render: () => html`<div lang="de" style="max-inline-size: 24rem" @ww-error=${log}>
    <ww-pictogram-card pictogram="phone"><p>Rufen Sie uns an (fiktiv).</p></ww-pictogram-card>
  </div>`,
};

// Harmless scripts: the story shows that the card refuses such links, whatever they would do.
const refusedLinks = { inText: 'javascript:void 0', action: 'java\tscript:void 0' };

export const RefusedLinks: Story = {
  name: 'Bad input: links that could run script',
  parameters: {
    docs: {
      description: {
        story:
          'The site’s markup has a `javascript:` action link hidden behind a tab character and a `javascript:` link inside the text. Core’s safe-URL rule refuses both: the card leaves the action out, shows the text’s link as plain text, and reports `pictogram-card/invalid-action` and `pictogram-card/invalid-link` (see the Actions panel).',
      },
    },
  },
  render: () => html`<div lang="de" style="max-inline-size: 24rem" @ww-error=${log}>
    <ww-pictogram-card pictogram="free-of-charge"
      ><div lang="de">
        <h3>Kostenlos</h3>
        <p>Die Beratung kostet kein Geld. <a href=${refusedLinks.inText}>Mehr erfahren</a></p>
        <a href=${refusedLinks.action}>Termin vereinbaren</a>
      </div></ww-pictogram-card
    >
  </div>`,
};
