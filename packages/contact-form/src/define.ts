import { ContactForm } from './ContactForm.js';

export { ContactForm };

if (!customElements.get('ww-contact-form')) customElements.define('ww-contact-form', ContactForm);

declare global {
  interface HTMLElementTagNameMap {
    'ww-contact-form': ContactForm;
  }
}
