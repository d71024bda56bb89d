import { defineElement } from '@wegweiser/core/define-element';
import { PictogramCard } from './PictogramCard.js';

export { PictogramCard };

defineElement('ww-pictogram-card', PictogramCard);

declare global {
  interface HTMLElementTagNameMap {
    'ww-pictogram-card': PictogramCard;
  }
  interface HTMLElementEventMap {
    'ww-language-change': CustomEvent<import('./PictogramCard.js').LanguageChangeDetail>;
  }
}
