import { defineElement } from '@wegweiser/core/define-element';
import { InboxFigures } from './InboxFigures.js';

export { InboxFigures };

defineElement('ww-inbox-figures', InboxFigures);

declare global {
  interface HTMLElementTagNameMap {
    'ww-inbox-figures': InboxFigures;
  }
}
