export { PictogramCard, type LanguageChangeDetail } from './PictogramCard.js';
export {
  addPictograms,
  builtInPictogramIds,
  getPictogram,
  loadPictogram,
  pictogramSvg,
  registerPictogram,
  type OwnPictogram,
  type PictogramDefinition,
  type RegisterResult,
} from './pictogram.js';
export { sanitizeSvg, type SanitizedSvg, type SvgNode } from './sanitize-svg.js';
export { searchPictograms } from './search.js';
export { contentSchema, contentProblems } from './json-content.js';
export {
  chooseVersion,
  languageName,
  variantName,
  type CardContent,
  type CardVersion,
  type Variant,
} from './content.js';
