import { ContactInbox } from './ContactInbox.js';

export { ContactInbox };

if (!customElements.get('ww-contact-inbox')) customElements.define('ww-contact-inbox', ContactInbox);

declare global {
  interface HTMLElementTagNameMap {
    'ww-contact-inbox': ContactInbox;
  }
}
