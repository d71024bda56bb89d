import { ContactReplies } from './ContactReplies.js';

export { ContactReplies };

if (!customElements.get('ww-contact-replies')) customElements.define('ww-contact-replies', ContactReplies);

declare global {
  interface HTMLElementTagNameMap {
    'ww-contact-replies': ContactReplies;
  }
}
