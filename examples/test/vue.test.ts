import { expect } from '@open-wc/testing';
import { itIsAWorkingExample } from './helpers.js';

// Vue 3: isCustomElement for the ww- tags, `.prop` for objects, `@ww-error` for events.
itIsAWorkingExample('vue', (app) => {
  expect(app.doc.querySelector('#vue-version')?.textContent).to.match(/^3\./);
  for (const tag of ['ww-service-finder', 'ww-pictogram-card']) {
    expect([...app.one(tag).attributes].map((a) => a.value).join(' ')).not.to.contain('[object Object]');
  }
  // A string binding stays an attribute, which the element reads as its property.
  const form = app.one('ww-contact-form') as HTMLElement & { publicKey: string | null };
  expect(form.publicKey).to.match(/^wwk1\.demo-beratungsstelle\./);
});
