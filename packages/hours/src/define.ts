import { HoursBadge } from './HoursBadge.js';

export { HoursBadge };

if (!customElements.get('ww-hours-badge')) customElements.define('ww-hours-badge', HoursBadge);

declare global {
  interface HTMLElementTagNameMap {
    'ww-hours-badge': HoursBadge;
  }
}
