import { expect } from '@open-wc/testing';
import { itIsAWorkingExample } from './helpers.js';

// React 19 passes objects as properties and listens to `onww-…` props itself.
itIsAWorkingExample('react-19', (app) => {
  const form = app.one('ww-contact-form') as HTMLElement & { publicKey: string | null };
  expect(form.publicKey, 'publicKey set as a property').to.match(/^wwk1\.demo-beratungsstelle\./);
  expect(app.doc.querySelector('#react-version')?.textContent).to.match(/^19\./);
  // React 19 leaves no stringified object behind as an attribute.
  for (const tag of ['ww-service-finder', 'ww-pictogram-card']) {
    expect([...app.one(tag).attributes].map((a) => a.value).join(' ')).not.to.contain('[object Object]');
  }
});
