// Every built-in pictogram at once, for a catalogue or an editor. A card
// needs none of this: it loads the one it shows.
export { allPictograms } from './generated/all-pictograms.js';
export { searchPictograms } from './search.js';
export { pictogramSvg, type PictogramDefinition } from './pictogram.js';
