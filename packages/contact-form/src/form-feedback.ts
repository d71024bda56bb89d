/**
 * The GOV.UK form patterns every form here uses (<ww-contact-form>, <ww-contact-replies> and
 * <ww-contact-inbox>'s answer form): the error summary above the form, the error message above a
 * field, and the character count under a text area. One copy, so that all three say and do the same.
 *
 * Its messages are extracted into the catalogue of each element that uses it (the `inputFiles` of
 * contact-form's two lit-localize configs and of contact-inbox's), because an element loads only its
 * own catalogue.
 */
import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { plural } from '@wegweiser/core';
import { maxTextLength } from './format.js';

/** A problem in the error summary: the id of the field it is about (null for one that is not about a field), and what to do. */
export type SummaryProblem = readonly [field: string | null, text: string];

/** Moves focus to a field and scrolls it into view: in-page links do not reach into a shadow root. */
export function focusField(event: Event, id: string): void {
  event.preventDefault();
  const root = (event.currentTarget as Element).getRootNode() as ParentNode;
  const field = root.querySelector<HTMLElement>(`#${id}`);
  field?.focus();
  field?.scrollIntoView({ block: 'center' });
}

/**
 * Moves focus to `selector` in the element's shadow root once the element has rendered: to the error
 * summary after a submit with problems (GOV.UK), to the field to correct, or to a heading.
 */
export async function focusAfterUpdate(element: ReactiveElement, selector: string): Promise<void> {
  await element.updateComplete;
  element.renderRoot.querySelector<HTMLElement>(selector)?.focus();
}

/**
 * The error summary (GOV.UK): "There is a problem" and one item per problem, a link to its field
 * where it has one. `role="alert"` and `tabindex="-1"`: the element moves focus to `.summary` after
 * a submit with problems, and screen readers read it out.
 */
export function errorSummary(problems: readonly SummaryProblem[], part = 'error-summary'): TemplateResult | typeof nothing {
  if (!problems.length) return nothing;
  return html`<div class="summary" part=${part} tabindex="-1" role="alert" aria-labelledby="summary-title">
    <h2 id="summary-title">${msg('There is a problem')}</h2>
    <ul>
      ${problems.map(([field, text]) => html`<li>${field ? html`<a href="#${field}" @click=${(event: Event) => focusField(event, field)}>${text}</a>` : text}</li>`)}
    </ul>
  </div>`;
}

/** The error message above a field, with `id="<field>-error"` for the field's aria-describedby. */
export function errorMessage(field: string, text: string | undefined): TemplateResult | typeof nothing {
  return text ? html`<p class="error" id="${field}-error"><span class="visually-hidden">${msg('Error:')}</span> ${text}</p>` : nothing;
}

/** The ids a field is described by (hint, counter, error), leaving out those not shown. */
export function describedBy(...ids: (string | false | null | undefined)[]): string {
  return ids.filter(Boolean).join(' ');
}

/** "You have 12 characters remaining" or "… too many", in the plural form of the language. */
export function characterCountText(locale: string, length: number): string {
  const left = maxTextLength - length;
  const n = new Intl.NumberFormat(locale).format(Math.abs(left));
  if (left < 0) {
    return plural(locale, -left, {
      one: () => msg(str`You have ${n} character too many`),
      two: () => msg(str`You have ${n} characters too many`, { id: 'form-over.two' }),
      few: () => msg(str`You have ${n} characters too many`, { id: 'form-over.few' }),
      many: () => msg(str`You have ${n} characters too many`, { id: 'form-over.many' }),
      other: () => msg(str`You have ${n} characters too many`),
    });
  }
  return plural(locale, left, {
    one: () => msg(str`You have ${n} character remaining`),
    two: () => msg(str`You have ${n} characters remaining`, { id: 'form-left.two' }),
    few: () => msg(str`You have ${n} characters remaining`, { id: 'form-left.few' }),
    many: () => msg(str`You have ${n} characters remaining`, { id: 'form-left.many' }),
    other: () => msg(str`You have ${n} characters remaining`),
  });
}

/**
 * The character count under a text area (GOV.UK), `id` for the text area's aria-describedby.
 *
 * The description is the limit, which does not change while typing; the count as shown
 * (`#<id>-status`) is hidden from screen readers, which hear it from the live region after a pause
 * (`characterCountAnnouncement`). With the changing count in the description, Orca read the whole
 * description again at every few keys (heard in scripts/screen-reader/scenarios/inbox.mjs).
 */
export function characterCount(id: string, locale: string, length: number): TemplateResult {
  const limit = new Intl.NumberFormat(locale).format(maxTextLength);
  return html`<p class="visually-hidden" id=${id}>${msg(str`You can enter up to ${limit} characters.`)}</p>
    <p class="counter ${length > maxTextLength ? 'over' : ''}" id="${id}-status" aria-hidden="true">${characterCountText(locale, length)}</p>`;
}

/**
 * What a screen reader hears of the count after a pause in typing: the count near the limit (the
 * last tenth), nothing before, as GOV.UK's character count does. Empty when nothing is to be said.
 */
export function characterCountAnnouncement(locale: string, length: number): string {
  return maxTextLength - length < maxTextLength / 10 ? characterCountText(locale, length) : '';
}
