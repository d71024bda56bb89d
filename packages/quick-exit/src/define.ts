import { defineElement } from '@wegweiser/core/define-element';
import { QuickExit } from './QuickExit.js';

export { QuickExit };

defineElement('ww-quick-exit', QuickExit);

declare global {
  interface HTMLElementTagNameMap {
    'ww-quick-exit': QuickExit;
  }
}
