import { defineElement } from '@wegweiser/core/define-element';
import { ContactForm } from './ContactForm.js';

export { ContactForm };

defineElement('ww-contact-form', ContactForm);

declare global {
  interface HTMLElementTagNameMap {
    'ww-contact-form': ContactForm;
  }
}
