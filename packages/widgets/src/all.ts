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

/**
 * For sites that add their own pictograms:
 * `(await import('/wegweiser/wegweiser.js')).registerPictogram({ id, svg, label })`.
 * The sanitiser loads only when it is used, so pages without own pictograms
 * do not pay for it.
 */
export async function registerPictogram(...args: Parameters<typeof import('@wegweiser/pictogram-card').registerPictogram>) {
  return (await import('@wegweiser/pictogram-card')).registerPictogram(...args);
}
