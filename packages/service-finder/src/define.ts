import { ServiceFinder } from './ServiceFinder.js';

export { ServiceFinder };

if (!customElements.get('ww-service-finder')) customElements.define('ww-service-finder', ServiceFinder);

declare global {
  interface HTMLElementTagNameMap {
    'ww-service-finder': ServiceFinder;
  }
}
