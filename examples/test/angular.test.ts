import { expect } from '@open-wc/testing';
import { itIsAWorkingExample } from './helpers.js';

// Angular (AOT, zoneless) with CUSTOM_ELEMENTS_SCHEMA: [data] binds a property, (ww-error) an event.
itIsAWorkingExample('angular', (app) => {
  expect(app.doc.querySelector('#angular-version')?.textContent).to.match(/^21\./);
  // Zoneless: no zone.js on the page.
  expect('Zone' in app.win, 'no zone.js').to.equal(false);
  for (const tag of ['ww-service-finder', 'ww-pictogram-card']) {
    expect([...app.one(tag).attributes].map((a) => a.value).join(' ')).not.to.contain('[object Object]');
  }
  const form = app.one('ww-contact-form') as HTMLElement & { publicKey: string | null };
  expect(form.publicKey).to.match(/^wwk1\.demo-beratungsstelle\./);
});
