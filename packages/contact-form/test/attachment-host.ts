/**
 * A small element that renders the attachment picker alone, as <ww-contact-form> will (issue 23):
 * for the attachment tests and the story, until the form renders the picker itself.
 */
import { html, type TemplateResult } from 'lit';
import { WegweiserElement, registerMessages } from '@wegweiser/core';
import { contactStyles } from '../src/styles.js';
import { AttachmentPicker, attachmentStyles } from '../src/attachments/attachment-picker.js';
import { catalogue } from '../src/generated/catalogue.js';

registerMessages('@wegweiser/contact-form', catalogue);

export class AttachmentHost extends WegweiserElement {
  static override styles = [...WegweiserElement.styles, contactStyles, attachmentStyles];

  readonly picker = new AttachmentPicker(this, {
    locale: () => this.locale,
    localize: (lookup) => this.localize(lookup),
  });

  override render(): TemplateResult {
    return html`<div lang=${this.locale} dir=${this.localeDir}>${this.picker.render()}</div>`;
  }
}

if (!customElements.get('ww-attachment-host')) customElements.define('ww-attachment-host', AttachmentHost);

declare global {
  interface HTMLElementTagNameMap {
    'ww-attachment-host': AttachmentHost;
  }
}
