import { QuickExit } from './QuickExit.js';

export { QuickExit };

if (!customElements.get('ww-quick-exit')) customElements.define('ww-quick-exit', QuickExit);

declare global {
  interface HTMLElementTagNameMap {
    'ww-quick-exit': QuickExit;
  }
}
