import { defineElement } from '@wegweiser/core/define-element';
import { ContactInbox } from './ContactInbox.js';

export { ContactInbox };

defineElement('ww-contact-inbox', ContactInbox);

declare global {
  interface HTMLElementTagNameMap {
    'ww-contact-inbox': ContactInbox;
  }
}
