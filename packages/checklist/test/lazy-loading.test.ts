// Its own file, so its own page: nothing loaded by other tests can hide a download here.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { StabilisationChecklist } from '../src/StabilisationChecklist.js';
import '../src/define.js';

const loaded = (part: string) => performance.getEntriesByType('resource').some((entry) => entry.name.includes(part));

describe('ww-stabilisation-checklist: what it downloads', () => {
  it('loads only the content set of its language, and no validator while there is nothing to check', async () => {
    localStorage.clear();
    const el = await fixture<StabilisationChecklist>(html`<ww-stabilisation-checklist lang="en"></ww-stabilisation-checklist>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.overview'), 'the checklist did not render');
    expect(loaded('/checklist/src/content/en.')).to.equal(true);
    expect(loaded('/checklist/src/content/de.')).to.equal(false);
    expect(loaded('/checklist/src/validation.')).to.equal(false);
    expect(loaded('/core/src/validate.')).to.equal(false);
  });

  it('loads the validator once there is the site’s content to check', async () => {
    const el = await fixture<StabilisationChecklist>(
      html`<ww-stabilisation-checklist lang="en"><script type="application/json">{ "sections": [{ "id": "money", "title": "Geld" }] }</script></ww-stabilisation-checklist>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('#h-money')?.textContent?.includes('Geld'), 'the site content did not show');
    expect(loaded('/checklist/src/validation.')).to.equal(true);
    expect(loaded('/checklist/src/content/de.')).to.equal(false);
  });
});
