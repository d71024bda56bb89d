export { WegweiserElement } from './WegweiserElement.js';
export { reportError, type WegweiserErrorDetail, type WegweiserErrorEvent } from './errors.js';
export { clock, useClock, ManualClock, parseInstant, type Clock } from './clock.js';
export { fallbackLocale, inheritedLang, isolate, matchLocale, onLangChange, plural, textDirection, type PluralForms } from './locale.js';
export {
  sourceLocale,
  availableLocales,
  registerMessages,
  loadMessages,
  messagesReady,
  withLocale,
  type MessageCatalogue,
  type MessageLoader,
} from './localization.js';
export { baseStyles, focusRing, visuallyHidden, token } from './styles.js';
// The safe-URL rule (`@wegweiser/core/safe-url`) is a subpath too: re-exported here, esbuild's
// code splitting put it into the chunk every widget shares, also where no widget needs it.
// The validator is a subpath of its own (`@wegweiser/core/validate`): re-exported here,
// bundlers would put it into every widget's first chunk, wanted or not.
export type { JsonSchema, JsonType, SchemaProblem } from './validate.js';
export { fetchJson, inlineJsonScript, readInlineJson, JsonLoadError } from './json.js';
export { parseInert, workerUrl } from './trusted-types.js';
