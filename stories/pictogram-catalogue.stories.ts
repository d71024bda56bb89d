import { html, css } from 'lit';
import { state } from 'lit/decorators.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { WegweiserElement } from '@wegweiser/core';
import { allPictograms, pictogramSvg, searchPictograms } from '@wegweiser/pictogram-card/pictograms';
// Registers the package's messages, so names appear in German too.
import '@wegweiser/pictogram-card/define';

/*
 * The catalogue for designers and site teams: every built-in pictogram with
 * its name (in the toolbar's language), its id for the `pictogram` attribute
 * and its search words; a search box filters by name, word or id.
 */
class PictogramCatalogue extends WegweiserElement {
  static override styles = [
    ...WegweiserElement.styles,
    css`
      label {
        display: block;
        font-weight: 700;
      }
      input {
        font: inherit;
        inline-size: min(100%, 24rem);
        min-block-size: 44px;
        padding: 0 0.5rem;
        margin-block: 0.25rem 1rem;
      }
      ul {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr));
        gap: 0.75rem;
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: 0.25rem;
        padding: 0.75rem 0.5rem;
        border: 1px solid var(--ww-color-border, #d9d0c5);
        border-radius: 0.5rem;
        text-align: center;
        /* Long German names ("Krankenversicherung") must not overflow a narrow cell. */
        overflow-wrap: anywhere;
        hyphens: auto;
      }
      svg {
        inline-size: 3rem;
        block-size: 3rem;
        color: var(--ww-color-accent, #1d5c63);
      }
      .name {
        font-weight: 700;
      }
      code,
      .words {
        font-size: 0.8rem;
        color: var(--ww-color-text-muted, #5c534c);
      }
    `,
  ];

  @state() private query = '';

  protected override render() {
    const de = this.locale.startsWith('de');
    const found = searchPictograms(allPictograms, this.query, this.locale);
    return html`<div lang=${this.locale}>
      <label for="q">${de ? 'Piktogramme suchen' : 'Search pictograms'}</label>
      <input id="q" type="search" .value=${this.query} @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} />
      <p role="status">${de ? `${found.length} von ${allPictograms.length} Piktogrammen` : `${found.length} of ${allPictograms.length} pictograms`}</p>
      <ul>
        ${found.map(
          (p) =>
            html`<li>
              ${pictogramSvg(p)}
              <span class="name">${p.label()}</span>
              <code>${p.id}</code>
              <span class="words">${p.keywords(this.locale)}</span>
            </li>`,
        )}
      </ul>
    </div>`;
  }
}
if (!customElements.get('ww-story-pictogram-catalogue')) customElements.define('ww-story-pictogram-catalogue', PictogramCatalogue);

const meta: Meta = {
  title: 'Widgets/Pictogram card/Catalogue',
  render: () => html`<div style="padding: 1rem"><ww-story-pictogram-catalogue></ww-story-pictogram-catalogue></div>`,
  parameters: {
    docs: {
      description: {
        component:
          'Every built-in pictogram: the name (also its accessible name where it stands alone), the id for `pictogram="…"` and the search words. Switch the language in the toolbar. Drawn from Tabler Icons (MIT) except “shower”, drawn for Wegweiser in the same grid. Each one ships as its own module of a few hundred bytes.',
      },
    },
  },
};
export default meta;

export const Catalogue: StoryObj = {};
