import { PictogramCard } from './PictogramCard.js';

export { PictogramCard };

if (!customElements.get('ww-pictogram-card')) customElements.define('ww-pictogram-card', PictogramCard);

declare global {
  interface HTMLElementTagNameMap {
    'ww-pictogram-card': PictogramCard;
  }
  interface HTMLElementEventMap {
    'ww-language-change': CustomEvent<import('./PictogramCard.js').LanguageChangeDetail>;
  }
}
