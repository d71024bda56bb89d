import { expect } from '@open-wc/testing';
import { itIsAWorkingExample } from './helpers.js';

// React 18 with the @wegweiser/react wrappers: without them the finder would get
// data="[object Object]" as an attribute and onWwError would never be called.
itIsAWorkingExample('react-18', (app) => {
  const form = app.one('ww-contact-form') as HTMLElement & { publicKey: string | null };
  expect(form.publicKey, 'publicKey set through the wrapper').to.match(/^wwk1\.demo-beratungsstelle\./);
  for (const tag of ['ww-service-finder', 'ww-pictogram-card']) {
    expect([...app.one(tag).attributes].map((a) => a.value).join(' ')).not.to.contain('[object Object]');
  }
  // The React on the page is 18 (the monorepo's root has 19).
  expect(app.doc.querySelector('#react-version')?.textContent).to.match(/^18\./);
});
