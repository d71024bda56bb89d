import { defineElement } from '@wegweiser/core/define-element';
import { HoursBadge } from './HoursBadge.js';

export { HoursBadge };

defineElement('ww-hours-badge', HoursBadge);

declare global {
  interface HTMLElementTagNameMap {
    'ww-hours-badge': HoursBadge;
  }
}
