/**
 * One open conversation: its messages (decrypted in this browser), the answer form, and closing or
 * deleting it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import { answerLanguages, maxTextLength } from '@wegweiser/contact-form/format';
import type { ContactInbox } from './ContactInbox.js';
import type { Conversation } from './inbox-client.js';
import type { Opened } from './inbox-state.js';
import { characterCount, describedBy, errorMessage, errorSummary } from '@wegweiser/contact-form/form-feedback';
import { languageName, noReplyText, statusLabel, timeOf, topicLabel } from './inbox-labels.js';

export function conversationView(inbox: ContactInbox): TemplateResult {
  const c = inbox.current;
  const gone = inbox.currentLoad === 'gone';
  // One heading in one place for every state, so that the focus put on it survives loading.
  const title = gone
    ? msg('This conversation no longer exists')
    : c
      ? msg(str`Conversation from ${new Intl.DateTimeFormat(inbox.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(c.createdAt * 1000)}`)
      : msg('Conversation');
  return html`<section part="conversation" aria-labelledby="conversation-title">
    <div class="actions"><button type="button" class="secondary" @click=${inbox.backToList}>${msg('Back to the list')}</button></div>
    <h3 id="conversation-title" tabindex="-1">${title}</h3>
    ${gone ? goneView(inbox) : c ? itemsView(inbox, c) : loadingView(inbox)}
  </section>`;
}

export function goneView(inbox: ContactInbox): TemplateResult {
  const draft = inbox.drafts[inbox.openId!] ?? '';
  return html`<div class="box" part="status" role="status">
    <p>${msg('Someone in your team may have deleted it, or it was deleted after the retention period.')}</p>
    ${draft
      ? html`<p>${msg('Your answer was not sent. Here is its text, so that you can copy it:')}</p>
          <label for="orphan" class="visually-hidden">${msg('Your unsent answer')}</label>
          <textarea id="orphan" readonly .value=${draft}></textarea>`
      : nothing}
  </div>`;
}

export function loadingView(inbox: ContactInbox): TemplateResult {
  return inbox.currentLoad === 'unavailable'
    ? html`<div class="box warning" part="status" role="status">
        <p>${msg('The relay cannot be reached at the moment. Nothing is lost.')}</p>
        <button type="button" @click=${() => inbox.openId && inbox.loadConversation(inbox.openId)}>${msg('Try again')}</button>
      </div>`
    : html`<p role="status">${msg('Loading…')}</p>`;
}

export function itemsView(inbox: ContactInbox, c: Conversation): TemplateResult {
  const first = inbox.opened.get(c.items[0]?.envelope.ct ?? '') ?? null;
  return html`<p class="meta"><span class="badge ${c.status}">${statusLabel(c.status)}</span></p>
    ${inbox.currentLoad === 'unavailable'
      ? html`<p class="box warning" role="status">${msg('The relay cannot be reached at the moment. This shows the state of the last update.')}</p>`
      : nothing}
    <ol class="items">
      ${c.items.map((i) => itemView(inbox, i))}
    </ol>
    ${answerFormView(inbox, c, first)} ${manageView(inbox, c)}`;
}

export function itemView(inbox: ContactInbox, item: Conversation['items'][number]): TemplateResult {
  const plain = inbox.opened.get(item.envelope.ct);
  const who = item.author === 'person' ? msg('The person wrote') : msg('Your team answered');
  let body: TemplateResult;
  if (plain === undefined) body = html`<p>${msg('Decrypting…')}</p>`;
  else if (plain === null) body = html`<p class="box warning">${msg('This message cannot be decrypted with this key. It may have been changed, or sealed to another key.')}</p>`;
  else if (plain.kind === 'first-contact') {
    const how = noReplyText(plain) ?? msg('Here, with the code the person was given');
    body = html`<p class="text" lang=${plain.formLocale} dir="auto">${plain.text}</p>
      <dl>
        <dt>${msg('Topic')}</dt>
        <dd>${topicLabel(plain.topic)}</dd>
        <dt>${msg('Language for the answer')}</dt>
        <dd>${languageName(inbox.locale, plain.language)}</dd>
        <dt>${msg('Language of the form')}</dt>
        <dd>${languageName(inbox.locale, plain.formLocale)}</dd>
        <dt>${msg('How to answer')}</dt>
        <dd>${how}</dd>
      </dl>`;
  } else if (plain.kind === 'follow-up') body = html`<p class="text" lang=${plain.formLocale} dir="auto">${plain.text}</p>`;
  else body = html`<p class="text" lang=${ifDefined(plain.language ?? undefined)} dir="auto">${plain.text}</p>`;
  const unverified = plain && inbox.intact.get(item.id) === false;
  const files = plain && plain.v === 3 ? inbox.attachmentFiles.render(plain) : nothing;
  return html`<li class="item ${item.author}">
    <h4>${msg(html`${who}, ${timeOf(inbox.locale, item.at)}`, { desc: 'Who wrote a message, then when: "The person wrote, 5 minutes ago". Write the comma as your language does.' })}</h4>
    ${unverified
      ? html`<p class="box warning">
          ${msg('This message could not be checked. It may have been changed, moved or forged on the relay, or a message before it is missing. Do not rely on it.')}
        </p>`
      : nothing}
    ${body} ${files}
  </li>`;
}

export function answerFormView(inbox: ContactInbox, c: Conversation, first: Opened): TemplateResult | typeof nothing {
  if (!c.canReply || first?.kind !== 'first-contact' || !first.replyKey) {
    const why = noReplyText(first);
    return html`<p class="box">${why ?? msg('This conversation cannot be answered here.')}</p>`;
  }
  if (inbox.answeringStopped(c)) {
    return html`<p class="box warning">
      ${msg('Answering is stopped: this conversation could not be checked, so an answer might not reach the person who wrote. Tell whoever runs the relay.')}
    </p>`;
  }
  const text = inbox.drafts[c.id] ?? '';
  const problem = inbox.replyProblem
    ? inbox.replyProblem === 'empty'
      ? msg('Enter your answer')
      : msg(str`Your answer must be ${new Intl.NumberFormat(inbox.locale).format(maxTextLength)} characters or fewer`)
    : undefined;
  const language = inbox.replyLanguage(first);
  const { answer } = inbox;
  const sending = answer.kind === 'sending';
  return html`${errorSummary(problem ? [['reply', problem]] : [])}
    <form part="reply" novalidate autocomplete="off" @submit=${inbox.sendReply}>
      <h3>${msg('Answer')}</h3>
      <div class="group ${problem ? 'invalid' : ''}">
        <label for="reply">${msg('Your answer')}</label>
        <p class="hint" id="reply-hint">
          ${msg('Encrypted in this browser for the person, who reads it with their code, and for your team. The relay cannot read it.')}
        </p>
        ${errorMessage('reply', problem)}
        <textarea
          id="reply"
          rows="6"
          .value=${text}
          lang=${ifDefined(language || undefined)}
          aria-describedby=${describedBy('reply-hint', 'reply-counter', problem && 'reply-error')}
          aria-invalid=${problem ? 'true' : 'false'}
          @input=${inbox.onDraft}
        ></textarea>
        ${characterCount('reply-counter', inbox.locale, text.length)}
        <p class="visually-hidden" aria-live="polite">${inbox.counterAnnouncer.text}</p>
      </div>
      <div class="group">
        <label for="reply-language">${msg('Language of your answer')}</label>
        <select id="reply-language" .value=${language} @change=${inbox.onReplyLanguage}>
          <option value="" ?selected=${!language}>${msg('Not given')}</option>
          ${answerLanguages.map(([code, name]) => html`<option value=${code} lang=${code} ?selected=${language === code}>${name}</option>`)}
        </select>
      </div>
      ${inbox.answerFiles(c.id)?.render() ?? nothing}
      <div role="status">
        ${sending ? html`<p>${msg('Encrypting and sending your answer…')}</p>` : nothing}
        ${answer.kind === 'sent' ? html`<p class="box done">${msg('Your answer has been sent.')}</p>` : nothing}
      </div>
      ${answer.kind === 'failed'
        ? html`<div class="box warning" part="status" tabindex="-1">
            <h4>${msg('Your answer has not been sent yet')}</h4>
            <p>
              ${answer.because === 'encryption'
                ? msg('Your text is still here. Nothing is lost. It could not be encrypted in this browser; try again.')
                : msg('Your text is still here. Nothing is lost. The relay cannot be reached at the moment; try again in a moment.')}
            </p>
          </div>`
        : nothing}
      <div class="actions">
        <button type="submit" aria-disabled=${sending ? 'true' : 'false'}>${answer.kind === 'failed' ? msg('Try again') : msg('Send answer')}</button>
      </div>
    </form>`;
}

export function manageView(inbox: ContactInbox, c: Conversation): TemplateResult {
  const closed = c.status === 'closed';
  const { kind } = inbox.manage;
  const confirming = kind === 'confirming-delete' || kind === 'deleting' || kind === 'delete-failed';
  return html`<div class="group">
    <h3>${msg('Manage')}</h3>
    ${kind === 'status-failed' || kind === 'delete-failed'
      ? html`<p class="box warning" role="status">${msg('That did not work: the relay cannot be reached at the moment. Try again in a moment.')}</p>`
      : nothing}
    ${confirming
      ? html`<div class="box warning" role="group" aria-labelledby="delete-title">
          <h4 id="delete-title" tabindex="-1">${msg('Delete this conversation for good?')}</h4>
          <p>${msg('Every message and answer in it is deleted at the relay, for the whole team and for the person. This cannot be undone.')}</p>
          <div class="actions">
            <button type="button" class="danger" id="confirm-delete" @click=${inbox.deleteConversation}>${msg('Yes, delete for good')}</button>
            <button type="button" class="secondary" @click=${inbox.cancelDelete}>${msg('Cancel')}</button>
          </div>
        </div>`
      : html`<div class="actions">
          <button type="button" class="secondary" id="close" @click=${() => inbox.setClosed(!closed)}>
            ${closed ? msg('Open the conversation again') : msg('Close the conversation')}
          </button>
          <button type="button" class="secondary" id="delete" @click=${inbox.askDelete}>${msg('Delete the conversation')}</button>
        </div>`}
  </div>`;
}
