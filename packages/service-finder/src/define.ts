import { defineElement } from '@wegweiser/core/define-element';
import { ServiceFinder } from './ServiceFinder.js';

export { ServiceFinder };

defineElement('ww-service-finder', ServiceFinder);

declare global {
  interface HTMLElementTagNameMap {
    'ww-service-finder': ServiceFinder;
  }
}
