/**
 * A centre's anonymous, encrypted contact form inside its result: the panel
 * (a heading with the centre's name, a close button, `<ww-contact-form>`) and
 * the form's code. The finder loads this module the first time someone opens
 * a form, so pages where nobody writes never load it. In the one-file bundle
 * the form's code is there already; a bundler or the widgets' files make this
 * a chunk beside the finder's, from the same place.
 */
import '@wegweiser/contact-form/define';
import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Centre } from './model.js';

export interface PanelOptions {
  centre: Centre;
  /** The relay's address, checked by core's safe-URL rule. */
  relay: string;
  /** The level of the centre's name in the result; the panel's heading is one below. */
  headingLevel: number;
  close: () => void;
}

/** The panel; its id is the one the result's button controls. */
export function renderPanel({ centre, relay, headingLevel, close }: PanelOptions): TemplateResult {
  const { name } = centre;
  return html`<section class="write" id="write-panel-${centre.id}" aria-labelledby="write-heading-${centre.id}">
    <div class="write-head">
      <div class="name" role="heading" aria-level=${Math.min(headingLevel + 1, 6)} id="write-heading-${centre.id}" tabindex="-1">
        ${msg(str`Write anonymously to ${name}`)}
      </div>
      <button type="button" @click=${close}>${msg('Close the form')}</button>
    </div>
    <ww-contact-form relay=${relay} public-key=${centre.contacts!.anonymous!.publicKey}></ww-contact-form>
  </section>`;
}

/**
 * Moves focus into the open panel: to the form's message field, or, where the
 * form cannot send (it then says so in place of its fields), to the panel's heading.
 */
export async function focusPanel(root: ParentNode, centreId: string): Promise<void> {
  const form = root.querySelector<HTMLElementTagNameMap['ww-contact-form']>(`#write-panel-${centreId} ww-contact-form`);
  await form?.updateComplete;
  const field = form?.shadowRoot?.querySelector<HTMLElement>('textarea') ?? root.querySelector<HTMLElement>(`#write-heading-${centreId}`);
  field?.focus();
}
