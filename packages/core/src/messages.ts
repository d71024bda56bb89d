import { registerMessages } from './localization.js';

// Core's own strings (the fallback state). Loaded on demand, one module per locale.
registerMessages('@wegweiser/core', {
  de: () => import('./generated/locales/de.js'),
});
