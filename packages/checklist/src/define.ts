import { StabilisationChecklist } from './StabilisationChecklist.js';

export { StabilisationChecklist };

if (!customElements.get('ww-stabilisation-checklist')) customElements.define('ww-stabilisation-checklist', StabilisationChecklist);

declare global {
  interface HTMLElementTagNameMap {
    'ww-stabilisation-checklist': StabilisationChecklist;
  }
}
