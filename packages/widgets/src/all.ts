// Every widget for visitors, in one module: for sites without a build step.
// What each widget needs only sometimes (translations, encryption, the postcode
// table, pictograms, content sets) stays in files beside it, fetched on demand.
import '@wegweiser/quick-exit/define';
import '@wegweiser/hours/define';
import '@wegweiser/service-finder/define';
import '@wegweiser/checklist/define';
import '@wegweiser/pictogram-card/define';
import '@wegweiser/contact-form/define';
import '@wegweiser/contact-form/replies';

// For sites that add their own pictograms: `import { registerPictogram } from '/wegweiser/wegweiser.js'`.
export { registerPictogram } from '@wegweiser/pictogram-card';
