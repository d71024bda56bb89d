import { expect } from '@open-wc/testing';
import { itIsAWorkingExample } from './helpers.js';

// Svelte 5 sets props the element has as properties and listens to `onww-error={…}`.
itIsAWorkingExample('svelte', (app) => {
  // Svelte announces its major version on the page.
  const svelte = (app.win as unknown as { __svelte?: { v?: Set<string> } }).__svelte;
  expect(svelte?.v?.has('5'), 'Svelte 5 mounted the app').to.equal(true);
  for (const tag of ['ww-service-finder', 'ww-pictogram-card']) {
    expect([...app.one(tag).attributes].map((a) => a.value).join(' ')).not.to.contain('[object Object]');
  }
  const form = app.one('ww-contact-form') as HTMLElement & { publicKey: string | null };
  expect(form.publicKey).to.match(/^wwk1\.demo-beratungsstelle\./);
});
