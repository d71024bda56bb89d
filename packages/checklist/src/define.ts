import { defineElement } from '@wegweiser/core/define-element';
import { StabilisationChecklist } from './StabilisationChecklist.js';

export { StabilisationChecklist };

defineElement('ww-stabilisation-checklist', StabilisationChecklist);

declare global {
  interface HTMLElementTagNameMap {
    'ww-stabilisation-checklist': StabilisationChecklist;
  }
}
