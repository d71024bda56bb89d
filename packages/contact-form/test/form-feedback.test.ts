import { expect } from '@open-wc/testing';
import { html, render, type TemplateResult } from 'lit';
import { loadMessages, withLocale } from '@wegweiser/core';
import { characterCount, characterCountAnnouncement, characterCountText, describedBy, errorMessage, errorSummary } from '../src/form-feedback.js';
import { maxTextLength } from '../src/format.js';
// Registers the contact form's messages, which the module's texts are translated in.
import '../src/define.js';

/** Renders into a shadow root, as the elements do: the summary's links must find their fields there. */
function shadowFixture(template: TemplateResult): ShadowRoot {
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  render(template, root);
  return root;
}

const text = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim();

describe('GOV.UK form patterns (form-feedback.ts)', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('error summary: "There is a problem", a link per field problem that moves focus to the field, plain text for one without a field', async () => {
    const root = shadowFixture(html`${errorSummary([
        ['message', 'Enter your message'],
        [null, 'The relay cannot be reached'],
      ])}
      <textarea id="message"></textarea>`);
    const summary = root.querySelector('.summary')!;
    expect(summary.getAttribute('role')).to.equal('alert');
    expect(summary.getAttribute('tabindex')).to.equal('-1');
    expect(summary.getAttribute('part')).to.equal('error-summary');
    expect(text(summary.querySelector('h2'))).to.equal('There is a problem');
    const items = [...summary.querySelectorAll('li')];
    expect(items.map((item) => text(item))).to.deep.equal(['Enter your message', 'The relay cannot be reached']);
    expect(items[1]!.querySelector('a')).to.equal(null);
    const link = items[0]!.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('#message');
    link.click();
    expect(root.activeElement).to.equal(root.querySelector('#message'));
    // The click did not navigate: in-page links do not reach into a shadow root.
    expect(location.hash).to.equal('');
  });

  it('error summary: nothing without problems; the part can be named', () => {
    expect(shadowFixture(html`${errorSummary([])}`).querySelector('.summary')).to.equal(null);
    expect(shadowFixture(html`${errorSummary([['code', 'Enter the whole code']], 'status')}`).querySelector('.summary')!.getAttribute('part')).to.equal('status');
  });

  it('error message: "Error:" for screen readers before the text, an id for aria-describedby; nothing without a text', () => {
    const root = shadowFixture(html`${errorMessage('reply', 'Enter your answer')}`);
    const error = root.querySelector('.error')!;
    expect(error.id).to.equal('reply-error');
    expect(text(error.querySelector('.visually-hidden'))).to.equal('Error:');
    expect(text(error)).to.equal('Error: Enter your answer');
    expect(shadowFixture(html`${errorMessage('reply', '')}`).querySelector('.error')).to.equal(null);
    expect(shadowFixture(html`${errorMessage('reply', undefined)}`).querySelector('.error')).to.equal(null);
  });

  it('describedBy leaves out what is not shown', () => {
    const noError = '';
    expect(describedBy('reply-hint', 'reply-counter', noError && 'reply-error')).to.equal('reply-hint reply-counter');
    expect(describedBy('reply-hint', undefined, 'reply-error')).to.equal('reply-hint reply-error');
  });

  it('character count: singular and plural, remaining and too many, numbers in the locale', () => {
    expect(characterCountText('en', maxTextLength - 1)).to.equal('You have 1 character remaining');
    expect(characterCountText('en', maxTextLength - 2)).to.equal('You have 2 characters remaining');
    expect(characterCountText('en', 0)).to.equal('You have 6,000 characters remaining');
    expect(characterCountText('en', maxTextLength + 1)).to.equal('You have 1 character too many');
    expect(characterCountText('en', maxTextLength + 2)).to.equal('You have 2 characters too many');
    const root = shadowFixture(html`${characterCount('reply-counter', 'en', maxTextLength + 2)}`);
    const counter = root.querySelector('#reply-counter-status')!;
    // The description is the limit; the count is shown, and said by the live region after a pause.
    expect(text(root.querySelector('#reply-counter')!)).to.equal('You can enter up to 6,000 characters.');
    expect(counter.getAttribute('aria-hidden')).to.equal('true');
    expect(counter.classList.contains('over')).to.equal(true);
    expect(text(counter)).to.equal('You have 2 characters too many');
    expect(shadowFixture(html`${characterCount('reply-counter', 'en', 10)}`).querySelector('.counter')!.classList.contains('over')).to.equal(false);
  });

  it('character count: each plural form of the language (Polish: one, few, many)', async () => {
    await loadMessages('pl');
    const count = (length: number) => withLocale('pl', () => characterCountText('pl', length));
    expect(count(maxTextLength - 1)).to.equal('Został 1 znak');
    expect(count(maxTextLength - 3)).to.equal('Zostały 3 znaki');
    expect(count(maxTextLength - 5)).to.equal('Zostało 5 znaków');
  });

  it('character count announcement: silent until the last tenth, then the count', () => {
    expect(characterCountAnnouncement('en', 100)).to.equal('');
    expect(characterCountAnnouncement('en', maxTextLength - maxTextLength / 10)).to.equal('');
    expect(characterCountAnnouncement('en', maxTextLength - 12)).to.equal('You have 12 characters remaining');
    expect(characterCountAnnouncement('en', maxTextLength + 3)).to.equal('You have 3 characters too many');
  });
});
