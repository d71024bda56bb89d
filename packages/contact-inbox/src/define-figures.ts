import { InboxFigures } from './InboxFigures.js';

export { InboxFigures };

if (!customElements.get('ww-inbox-figures')) customElements.define('ww-inbox-figures', InboxFigures);

declare global {
  interface HTMLElementTagNameMap {
    'ww-inbox-figures': InboxFigures;
  }
}
