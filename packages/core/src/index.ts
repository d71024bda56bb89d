export { WegweiserElement } from './WegweiserElement.js';
export { reportError, type WegweiserErrorDetail, type WegweiserErrorEvent } from './errors.js';
export { clock, useClock, ManualClock, parseInstant, type Clock } from './clock.js';
export { fallbackLocale, inheritedLang, matchLocale, onLangChange, textDirection } from './locale.js';
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
export { validate, childPath, fetchJson, readInlineJson, JsonLoadError, type JsonSchema, type JsonType, type SchemaProblem } from './json.js';
