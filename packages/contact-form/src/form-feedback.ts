/**
 * The inbox's GOV.UK form patterns: the error summary above a form, the error message above a
 * field, the character count under the answer.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { plural } from '@wegweiser/core';
import { maxTextLength } from '@wegweiser/contact-form/format';

/** Moves focus to the field a summary link names: in-page links do not reach into a shadow root. */
function focusField(event: Event, id: string): void {
  event.preventDefault();
  const root = (event.currentTarget as Element).getRootNode() as ParentNode;
  const field = root.querySelector<HTMLElement>(`#${id}`);
  field?.focus();
  field?.scrollIntoView({ block: 'center' });
}

/** The error summary: one link per problem, `[field id, text]`, each focusing its field. */
export function errorSummary(entries: [string, string][]): TemplateResult | typeof nothing {
  if (!entries.length) return nothing;
  return html`<div class="summary" part="error-summary" tabindex="-1" role="alert" aria-labelledby="summary-title">
    <h2 id="summary-title">${msg('There is a problem')}</h2>
    <ul>
      ${entries.map(([field, text]) => html`<li><a href="#${field}" @click=${(e: Event) => focusField(e, field)}>${text}</a></li>`)}
    </ul>
  </div>`;
}

/** The error message above a field, `id="<field>-error"` for its aria-describedby. */
export function errorMessage(field: string, text: string | undefined): TemplateResult | typeof nothing {
  return text ? html`<p class="error" id="${field}-error"><span class="visually-hidden">${msg('Error:')}</span> ${text}</p>` : nothing;
}

/** How many characters are left, or too many, under the answer. */
export function counterText(locale: string, text: string): string {
  const left = maxTextLength - text.length;
  const n = new Intl.NumberFormat(locale).format(Math.abs(left));
  if (left < 0) return plural(locale, -left, {
    one: () => msg(str`You have ${n} character too many`),
    two: () => msg(str`You have ${n} characters too many`, { id: 'inbox-over.two' }),
    few: () => msg(str`You have ${n} characters too many`, { id: 'inbox-over.few' }),
    many: () => msg(str`You have ${n} characters too many`, { id: 'inbox-over.many' }),
    other: () => msg(str`You have ${n} characters too many`),
  });
  return plural(locale, left, {
    one: () => msg(str`You have ${n} character remaining`),
    two: () => msg(str`You have ${n} characters remaining`, { id: 'inbox-left.two' }),
    few: () => msg(str`You have ${n} characters remaining`, { id: 'inbox-left.few' }),
    many: () => msg(str`You have ${n} characters remaining`, { id: 'inbox-left.many' }),
    other: () => msg(str`You have ${n} characters remaining`),
  });
}
