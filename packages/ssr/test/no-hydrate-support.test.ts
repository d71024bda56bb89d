// A page that loads the widgets over server-rendered HTML but not Lit's
// hydration support (e.g. the one-file bundle): core replaces the server's
// markup with a fresh render instead of leaving both in the shadow root.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../../scripts/testing/index.js';
import { shadowText } from '../../../scripts/testing/index.js';
import '@wegweiser/quick-exit/define';
import '@wegweiser/hours/define';

it('replaces the server markup once, in the page language', async () => {
  expect('litElementHydrateSupport' in globalThis).to.equal(false);
  const html = await executeServerCommand<string, { html: string }>('ssr-render', {
    html: '<div lang="en"><ww-quick-exit></ww-quick-exit><ww-hours-badge hours="24/7"></ww-hours-badge></div>',
  });
  const holder = document.createElement('div');
  holder.setHTMLUnsafe(html);
  const root = holder.firstElementChild as HTMLElement;
  document.body.append(root);
  for (const tag of ['ww-quick-exit', 'ww-hours-badge']) {
    const element = root.querySelector(tag) as HTMLElement & { updateComplete: Promise<unknown> };
    await element.updateComplete;
    expect(element.shadowRoot!.querySelectorAll('[lang="en"]').length, tag).to.equal(1);
  }
  expect(shadowText(root.querySelector('ww-quick-exit')!)).to.equal('Leave this page Or press Shift 3 times.');
  expect(shadowText(root.querySelector('ww-hours-badge')!)).to.contain('Open now, around the clock');
  root.remove();
});
