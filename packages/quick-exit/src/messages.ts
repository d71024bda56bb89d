import { registerMessages } from '@wegweiser/core';

registerMessages('@wegweiser/quick-exit', {
  de: () => import('./generated/locales/de.js'),
});
