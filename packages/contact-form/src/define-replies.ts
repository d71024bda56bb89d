import { defineElement } from '@wegweiser/core/define-element';
import { ContactReplies } from './ContactReplies.js';

export { ContactReplies };

defineElement('ww-contact-replies', ContactReplies);

declare global {
  interface HTMLElementTagNameMap {
    'ww-contact-replies': ContactReplies;
  }
}
