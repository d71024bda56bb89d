/**
 * The inbox's list: the toolbar (centre, refresh, lock), the filters with their counts, and one
 * button per conversation with its preview, status, time and number of messages.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import { plural } from '@wegweiser/core';
import type { ContactInbox } from './ContactInbox.js';
import type { ConversationSummary } from './inbox-client.js';
import { emptyListText, filterLabel, noReplyText, preview, statusLabel, timeOf } from './inbox-labels.js';
import { filters, type Filter } from './inbox-state.js';
import { figuresToggle } from './figures-view.js';

export function toolbarView(inbox: ContactInbox): TemplateResult {
  const time = inbox.updatedAt ? new Intl.DateTimeFormat(inbox.locale, { timeStyle: 'short' }).format(inbox.updatedAt) : '';
  return html`<div class="toolbar" part="toolbar">
    <div>
      ${inbox.key
        ? html`<h2 id="inbox-title" tabindex="-1">${msg(str`Team inbox: ${inbox.session?.centre ?? ''}`)}</h2>
            <p class="meta">${time ? msg(str`Updated at ${time}. New messages are looked for every minute.`) : msg('Loading…')}</p>
            ${inbox.olderKeys.length ? html`<p class="meta">${msg(str`Keys open: ${inbox.olderKeys.length + 1} (the current one and earlier ones). Messages sealed to any of them are shown.`)}</p>` : nothing}`
        : html`<h2 id="inbox-title" tabindex="-1">${msg(str`Network figures: ${inbox.session?.centre ?? ''}`)}</h2>`}
    </div>
    <div class="actions">
      ${inbox.key ? html`<button type="button" class="secondary" @click=${() => inbox.refresh(false)}>${msg('Refresh')}</button> ${figuresToggle(inbox)}` : nothing}
      ${inbox.key ? html`<button type="button" class="secondary" @click=${() => inbox.openOlderKeyForm()}>${msg('Open an earlier key')}</button>` : nothing}
      <button type="button" class="secondary" @click=${inbox.lock}>${msg('Lock')}</button>
    </div>
  </div>
  ${inbox.key?.demo
    ? html`<p class="box warning"><strong>${msg('DEMO key.')}</strong> ${msg('Its passphrase is public. Never use it for real messages.')}</p>`
    : nothing}`;
}

export function listView(inbox: ContactInbox): TemplateResult {
  const counts = Object.fromEntries(filters.map((f) => [f, f === 'all' ? inbox.conversations.length : inbox.conversations.filter((c) => c.status === f).length])) as Record<Filter, number>;
  const shown = inbox.filter === 'all' ? inbox.conversations : inbox.conversations.filter((c) => c.status === inbox.filter);
  return html`${inbox.listLoad === 'unavailable'
      ? html`<div class="box warning" part="status" role="status">
          <h3>${msg('The relay cannot be reached at the moment')}</h3>
          <p>${inbox.conversations.length ? msg('The list shows the state of the last update.') : msg('Nothing is lost. Try again in a moment.')}</p>
          <button type="button" @click=${() => inbox.refresh(false)}>${msg('Try again')}</button>
        </div>`
      : nothing}
    <fieldset class="group">
      <legend>${msg('Show')}</legend>
      <div class="filters">
        ${filters.map(
          (f) => html`<div class="choice">
            <input type="radio" id="filter-${f}" name="filter" value=${f} .checked=${inbox.filter === f} @change=${inbox.onFilter} />
            <label for="filter-${f}">${filterLabel(f)} (${new Intl.NumberFormat(inbox.locale).format(counts[f])})</label>
          </div>`,
        )}
      </div>
    </fieldset>
    <section part="list" aria-labelledby="list-title">
      <h3 id="list-title">${msg(str`${filterLabel(inbox.filter)}: ${new Intl.NumberFormat(inbox.locale).format(shown.length)}`)}</h3>
      ${inbox.listLoad === 'loading' && !inbox.conversations.length
        ? html`<p role="status">${msg('Loading…')}</p>`
        : shown.length
          ? html`<ul class="conversations">
              ${shown.map((c) => summaryItemView(inbox, c))}
            </ul>`
          : html`<p>${emptyListText(inbox.filter)}</p>`}
    </section>`;
}

export function summaryItemView(inbox: ContactInbox, c: ConversationSummary): TemplateResult {
  const first = inbox.opened.get(c.first.ct);
  const noReply = noReplyText(first ?? null);
  const lang = first?.kind === 'first-contact' ? first.formLocale : undefined;
  return html`<li>
    <button type="button" class="open" data-id=${c.id} aria-describedby="meta-${c.id}" @click=${() => inbox.openConversation(c.id)}>
      <span lang=${ifDefined(lang ?? undefined)} dir="auto">${preview(first)}</span>
    </button>
    <p class="meta" id="meta-${c.id}">
      <span class="badge ${c.status}">${statusLabel(c.status)}</span>
      · ${timeOf(inbox.locale, c.updatedAt)} ·
      ${plural(inbox.locale, c.itemCount, {
        one: () => msg(str`${c.itemCount} message`),
        two: () => msg(str`${c.itemCount} messages`, { id: 'inbox-items.two' }),
        few: () => msg(str`${c.itemCount} messages`, { id: 'inbox-items.few' }),
        many: () => msg(str`${c.itemCount} messages`, { id: 'inbox-items.many' }),
        other: () => msg(str`${c.itemCount} messages`),
      })}
      ${noReply ? html`· <span class="no-reply">${noReply}</span>` : nothing}
    </p>
  </li>`;
}
