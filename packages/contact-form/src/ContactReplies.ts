import { html, css, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import { WegweiserElement, registerMessages, plural } from '@wegweiser/core';
import { Announcer } from '@wegweiser/core/announcer';
import { parsePublicKey, type CentreKey } from './public-key.js';
import { addStyles, contactStyles, relayUrl, setupProblem } from './styles.js';
import { maxTextLength } from './format.js';
import { characterCount, characterCountAnnouncement, describedBy, errorMessage, errorSummary, focusAfterUpdate } from './form-feedback.js';
import type { CodeKeys } from './conversation.js';
import type { Envelope, Plaintext } from './envelope.js';
import type { RelayError } from './relay-client.js';
import type { AttachmentFiles } from './attachment-files.js';
import { catalogue } from './generated/replies/catalogue.js';

registerMessages('@wegweiser/contact-form/replies', catalogue);

const maxAutomaticRetries = 6;
const storagePrefix = 'wegweiser-contact-code:';

type Phase = 'enter' | 'opening' | 'open' | 'unavailable';
/** `full`: the relay keeps no more for this conversation (413); trying again cannot help. */
type Send = 'ready' | 'sending' | 'waiting' | 'failed' | 'full';

interface Item {
  id: string;
  author: 'person' | 'centre';
  at: number;
  /** null: the item could not be decrypted (shown as such in its place). */
  message: Plaintext | null;
  /** Whether it holds its place in the conversation (conversation.ts `checkChain`); false is shown as a warning. */
  intact: boolean;
}

const client = () => import('./relay-client.js');

/**
 * @summary Read the counselling team's answer and write back, anonymously,
 * with the code `<ww-contact-form>` gave after the first message.
 *
 * The code never leaves the browser: from it, the browser derives the
 * conversation's address at the relay, a secret that proves the code, and the
 * key that decrypts the answers. Nothing is stored on the device unless the
 * person ticks "Keep the code on this device".
 *
 * @slot - Other ways to reach the centre, shown when the conversation cannot be loaded securely.
 *
 * @csspart form - The code form and the form to write back.
 * @csspart conversation - The list of messages.
 * @csspart status - Boxes that say what went wrong or what happened.
 *
 * @fires ww-error - `contact-replies/missing-public-key`, `contact-replies/invalid-public-key`, `contact-replies/missing-relay`,
 *   `contact-replies/invalid-relay`, `contact-replies/relay-unreachable`, `contact-replies/relay-refused`, `contact-replies/conversation-full` (the relay keeps no more for this conversation; the text stays), `contact-replies/decryption-failed`, `contact-replies/unverified` (an item that does not hold its place in the conversation).
 *
 * @status experimental
 * @since 0.2.0
 */
export class ContactReplies extends WegweiserElement {
  static override styles = [
    ...WegweiserElement.styles,
    contactStyles,
    css`
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        border-inline-start: 4px solid currentColor;
        padding-inline-start: 1rem;
        margin-block: 1rem;
      }
      li.centre {
        border-inline-start-style: double;
        border-inline-start-width: 6px;
      }
      .who {
        font-weight: bold;
        margin: 0;
      }
      .text {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        margin-block: 0.25rem 0;
        /* A message aligns by its own direction (dir=auto), not its list item's: Firefox's li is match-parent. */
        text-align: start;
      }
      .choice input[type='checkbox'] {
        inline-size: 24px;
        block-size: 24px;
      }
    `,
  ];

  /** The relay's base URL, the same as the form's. */
  @property() relay: string | null = null;

  /** The centre's public key, the same as the form's (it names the centre and encrypts what the person writes back). */
  @property({ attribute: 'public-key' }) publicKey: string | null = null;

  /** Milliseconds before the first automatic retry of a message (doubles each time). For demos and tests. */
  @property({ attribute: false }) retryDelay = 2000;

  @state() private phase: Phase = 'enter';
  @state() private codeInput = '';
  @state() private codeError = '';
  @state() private loadError = '';
  @state() private remember = false;
  @state() private saved = false;
  @state() private items: Item[] = [];
  @state() private closed = false;
  @state() private text = '';
  @state() private textError = '';
  @state() private send: Send = 'ready';
  @state() private confirmDelete = false;
  // Core's announcer: the same sentence twice in a row ("No new answer yet.") is said twice.
  private readonly announcer = new Announcer(this);
  private readonly counterAnnouncer = new Announcer(this);


  private key: Promise<CentreKey> | undefined;
  /** Derived from the code; in memory only, dropped by "Forget". */
  private keys: CodeKeys | undefined;
  /** The files of the conversation's messages (issue 23); loaded with the first message that has any. */
  @state() private files: AttachmentFiles | null = null;
  private pending: { envelope: Envelope; toPerson: Envelope; idempotencyKey: string; text: string } | undefined;
  private attempts = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.retryTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('publicKey') || changed.has('relay')) this.checkConfiguration();
  }

  private checkConfiguration(): void {
    const problem = setupProblem('contact-replies', this.relay, this.publicKey);
    if (problem) {
      this.phase = 'unavailable';
      this.reportError(...problem);
      return;
    }
    if (this.phase === 'unavailable') this.phase = 'enter';
    const key = parsePublicKey(this.publicKey);
    this.key = key;
    key.then(
      (k) => {
        if (this.key === key) this.saved = this.storedCode(k.centre) !== null;
      },
      (error: unknown) => {
        if (this.key !== key) return;
        this.phase = 'unavailable';
        this.reportError('contact-replies/invalid-public-key', (error as Error).message);
      },
    );
  }

  /** Storage is read only to find a code the person chose to keep; blocked storage simply means none. */
  private storedCode(centre: string): string | null {
    try {
      return localStorage.getItem(storagePrefix + centre);
    } catch {
      return null;
    }
  }

  private setStoredCode(centre: string, code: string | null): void {
    try {
      if (code) localStorage.setItem(storagePrefix + centre, code);
      else localStorage.removeItem(storagePrefix + centre);
    } catch {
      /* storage blocked: nothing was kept */
    }
  }

  private async onCode(event: Event): Promise<void> {
    event.preventDefault();
    if (this.phase === 'opening') return;
    const { readCode } = await import('./conversation.js');
    const read = await readCode(this.codeInput);
    if ('problem' in read) {
      this.codeError = this.localize(
        () =>
          ({
            length: msg('Enter the whole code: 20 letters and digits, like 7KQM-2XWH-9R3B-TD5N-8FJ4'),
            characters: msg('The code has only digits and the letters A to Z (no U). Check what you typed'),
            check: msg('This code has a typing mistake. Check each character against what you wrote down'),
          })[read.problem],
      );
      await focusAfterUpdate(this, '.summary');
      return;
    }
    this.codeError = '';
    await this.openWith(read.code);
  }

  private async openSaved(): Promise<void> {
    const key = await this.key!;
    const code = this.storedCode(key.centre);
    if (code) {
      this.remember = true;
      await this.openWith(code);
    } else this.saved = false;
  }

  private async openWith(code: string): Promise<void> {
    this.phase = 'opening';
    this.loadError = '';
    try {
      const [{ deriveKeys }, key] = await Promise.all([import('./conversation.js'), this.key!]);
      this.keys = await deriveKeys(code, key.centre);
      await this.load();
      if (this.remember) this.setStoredCode(key.centre, code);
      this.saved = this.remember;
      this.codeInput = '';
      this.phase = 'open';
      await focusAfterUpdate(this, '.conversation');
    } catch (error) {
      this.keys = undefined;
      this.phase = 'enter';
      this.loadError = this.loadProblem(error);
      await focusAfterUpdate(this, '.summary');
    }
  }

  private loadProblem(error: unknown): string {
    const { code, status } = { code: 'network', status: 0, ...(error as Partial<RelayError>) };
    return this.localize(() => {
      if (code === 'code-unknown') {
        return msg('No conversation was found for this code. Check the code. A conversation that was deleted, or had no new message for a long time, no longer exists.');
      }
      if (code === 'rate-limited') return msg('Too many attempts from this connection. Please wait an hour, then try again.');
      this.reportError('contact-replies/relay-unreachable', `The conversation could not be loaded (${status || 'network'} ${code}).`, error);
      return msg('The conversation cannot be loaded at the moment. Please try again in a few minutes.');
    });
  }

  /** Fetches, decrypts and checks the conversation: the team's answers open only with the centre's key. */
  private async load(): Promise<void> {
    const keys = this.keys!;
    const [{ readConversation }, { openItems, checkChain }, key] = await Promise.all([client(), import('./conversation.js'), this.key!]);
    const conversation = await readConversation(this.relayUrl, { mailbox: keys.mailbox, secret: keys.secret });
    const opened = await openItems(conversation.items, keys.privateKey, 'person', { centre: key.publicKey, person: keys.recipient.publicKey });
    const intact = await checkChain(opened, keys.replyKey);
    const items = conversation.items.map((item, index): Item => {
      const { message } = opened[index]!;
      if (!message) this.reportError('contact-replies/decryption-failed', `Message ${item.id} cannot be decrypted with this code.`);
      else if (!intact[index]) this.reportError('contact-replies/unverified', `Message ${item.id} does not hold its place in the conversation: changed, moved or forged on the way, or one before it is missing.`);
      return { id: item.id, author: item.author, at: item.at, message, intact: intact[index]! };
    });
    this.items = items;
    this.closed = conversation.status === 'closed';
    if (!this.files && items.some((item) => item.message?.v === 3)) await this.loadFiles(key.centre);
  }

  private async loadFiles(centre: string): Promise<void> {
    const { AttachmentFiles, attachmentFileStyles } = await import('./attachment-files.js');
    addStyles(this.renderRoot as ShadowRoot, attachmentFileStyles);
    this.files = new AttachmentFiles(this, {
      conversation: () => this.keys?.mailbox ?? null,
      centre: () => centre,
      fetchBlob: async (blob) => {
        const keys = this.keys!;
        return (await client()).readBlob(this.relayUrl, { mailbox: keys.mailbox, secret: keys.secret }, blob);
      },
    });
  }

  /** The text typed; near the limit, the count is said after a pause (as in the form). */
  private readonly onText = (event: Event): void => {
    this.text = (event.target as HTMLTextAreaElement).value;
    this.counterAnnouncer.sayAfterPause(() => this.localize(() => characterCountAnnouncement(this.locale, this.text.length)));
  };

  private async refresh(): Promise<void> {
    const before = this.items.filter((i) => i.author === 'centre').length;
    try {
      await this.load();
      const fresh = this.items.filter((i) => i.author === 'centre').length - before;
      this.announcer.say(() =>
        this.localize(() =>
          fresh > 0
            ? plural(this.locale, fresh, {
                one: () => msg(str`There is ${fresh} new answer.`),
                two: () => msg(str`There are ${fresh} new answers.`, { id: 'replies-new.two' }),
                few: () => msg(str`There are ${fresh} new answers.`, { id: 'replies-new.few' }),
                many: () => msg(str`There are ${fresh} new answers.`, { id: 'replies-new.many' }),
                other: () => msg(str`There are ${fresh} new answers.`),
              })
            : msg('No new answer yet.'),
        ),
      );
    } catch (error) {
      this.handleLost(error);
    }
  }

  /** A conversation that vanished (deleted elsewhere) or a relay away: say so calmly; typed text stays. */
  private handleLost(error: unknown): void {
    if ((error as Partial<RelayError>).code === 'code-unknown') {
      this.forget();
      this.loadError = this.loadProblem(error);
      return;
    }
    this.announcer.say(this.loadProblem(error));
  }

  /** Only read after checkConfiguration() found the relay usable. */
  private get relayUrl(): string {
    return relayUrl(this.relay)!;
  }

  private async onWrite(event: Event): Promise<void> {
    event.preventDefault();
    if (this.send === 'sending' || this.send === 'waiting') return;
    this.textError = this.localize(() => {
      if (!this.text.trim()) return msg('Enter your message');
      const max = new Intl.NumberFormat(this.locale).format(maxTextLength);
      return this.text.length > maxTextLength ? msg(str`Your message must be ${max} characters or fewer`) : '';
    });
    if (this.textError) {
      await focusAfterUpdate(this, '#reply');
      return;
    }
    this.attempts = 0;
    await this.sendNow();
  }

  private async sendNow(): Promise<void> {
    clearTimeout(this.retryTimer);
    this.send = 'sending';
    const keys = this.keys;
    if (!keys) return;
    try {
      // Sealed once per text: a retry sends the same envelopes under the same idempotency key.
      if (this.pending?.text !== this.text) {
        const [{ sealTo }, { nextLink }, key, { newIdempotencyKey }] = await Promise.all([import('./envelope.js'), import('./conversation.js'), this.key!, client()]);
        // Version 2: sealed with the code's own key and linked after the last item shown.
        const link = await nextLink(keys.replyKey, this.items.map((i) => i.message));
        const plaintext = { v: 2 as const, kind: 'follow-up' as const, text: this.text, formLocale: this.locale, ...link };
        const writer = { privateKey: keys.privateKey, publicKey: keys.recipient.publicKey };
        this.pending = {
          envelope: await sealTo(key, 'centre', plaintext, writer),
          toPerson: await sealTo(keys.recipient, 'person', plaintext, writer),
          idempotencyKey: newIdempotencyKey(),
          text: this.text,
        };
      }
      const { sendFollowUp } = await client();
      const { envelope, toPerson, idempotencyKey } = this.pending;
      await sendFollowUp(this.relayUrl, { mailbox: keys.mailbox, secret: keys.secret, envelope, toPerson, idempotencyKey });
    } catch (error) {
      this.sendFailed(error);
      return;
    }
    this.pending = undefined;
    this.text = '';
    this.send = 'ready';
    this.announcer.say(() => this.localize(() => msg('Your message has been sent.')));
    await this.load().catch((error: unknown) => this.handleLost(error));
  }

  private sendFailed(error: unknown): void {
    const relayError = { code: 'unknown', status: 0, retry: 'backoff', ...(error as Partial<RelayError>) };
    this.attempts++;
    if (relayError.code === 'code-unknown') return this.handleLost(error);
    if (relayError.status === 413) {
      this.send = 'full';
      this.reportError('contact-replies/conversation-full', `The relay keeps no more for this conversation (413 ${relayError.code}); the text is kept.`, error);
      return;
    }
    if (relayError.retry === 'never' || this.attempts >= maxAutomaticRetries) {
      this.send = 'failed';
      this.reportError('contact-replies/relay-refused', `The relay did not take the message (${relayError.status} ${relayError.code}).`, error);
      return;
    }
    this.send = 'waiting';
    this.reportError('contact-replies/relay-unreachable', `Relay unreachable or busy (${relayError.status || 'network'} ${relayError.code}); the text is kept, retrying.`, error);
    this.retryTimer = setTimeout(() => void this.sendNow(), this.retryDelay * 2 ** (this.attempts - 1));
  }

  /** Forgets the conversation on this device: the keys in memory and a kept code. The relay keeps it. */
  private forget(): void {
    clearTimeout(this.retryTimer);
    void this.key?.then((k) => this.setStoredCode(k.centre, null)).catch(() => {});
    this.keys = undefined;
    this.items = [];
    this.pending = undefined;
    this.text = this.codeInput = this.loadError = this.codeError = '';
    this.remember = this.saved = this.confirmDelete = false;
    this.send = 'ready';
    this.phase = 'enter';
  }

  private async onForget(): Promise<void> {
    this.forget();
    this.announcer.say(() => this.localize(() => msg('The conversation is closed on this device. Nothing of it is kept here.')));
    await focusAfterUpdate(this, '#code');
  }

  private async onDelete(): Promise<void> {
    const keys = this.keys;
    if (!keys) return;
    try {
      await (await client()).deleteConversation(this.relayUrl, { mailbox: keys.mailbox, secret: keys.secret });
    } catch (error) {
      this.handleLost(error);
      return;
    }
    this.forget();
    this.announcer.say(() => this.localize(() => msg('The conversation has been deleted. The team can no longer read it either.')));
    await focusAfterUpdate(this, '#code');
  }

  private renderEnter(): TemplateResult {
    const problem = this.codeError || this.loadError;
    const opening = this.phase === 'opening';
    // A code that cannot be right links to its field; a code the relay does not know, or a relay away, is not the field's fault.
    return html`${errorSummary(problem ? [[this.codeError ? 'code' : null, problem]] : [], 'status')}
      ${this.saved
        ? html`<div class="box">
            <p>${msg('A code is kept on this device.')}</p>
            <div class="actions">
              <button type="button" @click=${this.openSaved}>${msg('Open the conversation')}</button>
              <button type="button" class="secondary" @click=${this.onForget}>${msg('Forget the code on this device')}</button>
            </div>
          </div>`
        : nothing}
      <form part="form" novalidate autocomplete="off" @submit=${this.onCode}>
        <div class="group ${this.codeError ? 'invalid' : ''}">
          <label for="code">${msg('Your code')}</label>
          <p class="hint" id="code-hint">${msg('You got the code after sending your first message. Capital or small letters and spaces do not matter.')}</p>
          ${errorMessage('code', this.codeError)}
          <input
            id="code"
            name="code"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            translate="no"
            maxlength="40"
            .value=${this.codeInput}
            aria-describedby=${describedBy('code-hint', this.codeError && 'code-error')}
            aria-invalid=${this.codeError ? 'true' : 'false'}
            @input=${(e: Event) => (this.codeInput = (e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="choice">
          <input type="checkbox" id="remember" .checked=${this.remember} @change=${(e: Event) => (this.remember = (e.target as HTMLInputElement).checked)} aria-describedby="remember-hint" />
          <label for="remember">${msg('Keep the code on this device')}</label>
        </div>
        <p class="hint" id="remember-hint">${msg('Only on a device that nobody else uses: anyone with this device could then read the conversation.')}</p>
        <div role="status">${opening ? html`<p>${msg('Opening the conversation…')}</p>` : nothing}</div>
        <button type="submit" aria-disabled=${opening ? 'true' : 'false'}>${msg('Show the conversation')}</button>
      </form>`;
  }

  private renderItem(item: Item): TemplateResult {
    const when = new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(item.at * 1000);
    const m = item.message;
    const who = item.author === 'person' ? msg('You wrote') : msg('The counselling team wrote');
    const time = html`<time datetime=${new Date(item.at * 1000).toISOString()}>${when}</time>`;
    // One message, so the comma can be the language's own (Arabic writes "،").
    return html`<li class=${item.author}>
      <p class="who">${msg(html`${who}, ${time}`, { desc: 'Who wrote a message, then when: "You wrote, 21 Nov 2026, 11:22". Write the comma as your language does.' })}</p>
      ${m
        ? html`<p class="text" lang=${ifDefined((m.kind === 'reply' && m.language) || undefined)} dir="auto">${m.text}</p>`
        : html`<p class="text"><em>${msg('This message cannot be shown: it could not be decrypted.')}</em></p>`}
      ${m?.v === 3 && this.files ? this.files.render(m) : nothing}
      ${m && !item.intact
        ? html`<p class="error"><span class="visually-hidden">${msg('Error:')}</span> ${msg('This message could not be checked. It may have been changed, moved or added on the way, or a message before it is missing. Do not rely on it; if in doubt, contact the counselling centre another way.')}</p>`
        : nothing}
    </li>`;
  }

  private renderOpen(): TemplateResult {
    const answered = this.items.at(-1)?.author === 'centre';
    const busy = this.send === 'sending' || this.send === 'waiting';
    // Focus goes to a group around the heading, named by it, not to the heading itself: Orca with
    // Chromium said nothing when the focus moved from the code field to the heading, nor on Down.
    // Only the heading: Orca with Firefox goes on reading after the focused group.
    return html`<div class="conversation" role="group" aria-labelledby="conversation-title" tabindex="-1">
        <h2 id="conversation-title">${msg('Your conversation')}</h2>
      </div>
      <p>
        ${this.closed
          ? msg('The team has closed this conversation. You can still write; it will then be opened again.')
          : answered
            ? msg('The team has answered.')
            : msg('The team has not answered yet. Please look again later.')}
      </p>
      <ol part="conversation">
        ${this.items.map((item) => this.renderItem(item))}
      </ol>
      <div class="actions">
        <button type="button" class="secondary" @click=${this.refresh}>${msg('Look for new answers')}</button>
      </div>
      <form part="form" novalidate autocomplete="off" @submit=${this.onWrite}>
        <div class="group ${this.textError ? 'invalid' : ''}">
          <label for="reply">${msg('Write back')}</label>
          ${errorMessage('reply', this.textError)}
          <textarea
            id="reply"
            rows="5"
            .value=${this.text}
            aria-describedby=${describedBy('reply-counter', this.textError && 'reply-error')}
            aria-invalid=${this.textError ? 'true' : 'false'}
            @input=${this.onText}
          ></textarea>
          ${characterCount('reply-counter', this.locale, this.text.length)}
          <p class="visually-hidden" aria-live="polite">${this.counterAnnouncer.text}</p>
        </div>
        <div role="status">
          ${this.send === 'sending' ? html`<p>${msg('Encrypting and sending your message…')}</p>` : nothing}
          ${this.send === 'waiting' || this.send === 'failed'
            ? html`<div class="box" part="status">
                <p>${msg('Your message has not been sent yet. Your text is still here.')}</p>
                <p>
                  ${this.send === 'waiting'
                    ? msg('The connection failed. The page will try again by itself in a moment.')
                    : msg('The message cannot be sent at the moment. Please try again later.')}
                </p>
                <button type="button" @click=${this.sendNow}>${msg('Try again now')}</button>
              </div>`
            : nothing}
          ${this.send === 'full'
            ? html`<div class="box" part="status">
                <p>${msg('Your message has not been sent. Your text is still here.')}</p>
                <p>${msg('This conversation has reached the size the service can keep. Please copy your text and send it as a new message with the contact form, or use one of the other ways to reach us.')}</p>
              </div>`
            : nothing}
        </div>
        <button type="submit" aria-disabled=${busy ? 'true' : 'false'}>${msg('Send')}</button>
      </form>
      <h3>${msg('When you are done')}</h3>
      <div class="actions">
        <button type="button" class="secondary" @click=${this.onForget}>${msg('Forget this conversation on this device')}</button>
        ${this.confirmDelete
          ? nothing
          : html`<button type="button" class="secondary" @click=${() => (this.confirmDelete = true)}>${msg('Delete the conversation for good')}</button>`}
      </div>
      ${this.confirmDelete
        ? html`<div class="box" part="status" role="group" aria-labelledby="delete-title">
            <p id="delete-title"><strong>${msg('Delete the whole conversation? Neither you nor the team can read it afterwards. This cannot be undone.')}</strong></p>
            <div class="actions">
              <button type="button" @click=${this.onDelete}>${msg('Yes, delete it')}</button>
              <button type="button" class="secondary" @click=${() => (this.confirmDelete = false)}>${msg('No, keep it')}</button>
            </div>
          </div>`
        : nothing}`;
  }

  protected override render(): TemplateResult {
    let body: TemplateResult;
    if (this.phase === 'unavailable') {
      body = html`<div class="box" role="status" part="status">
        <h2>${msg('Answers cannot be shown securely at the moment')}</h2>
        <p>${msg('Please use one of the other ways to reach us.')}</p>
        <slot></slot>
      </div>`;
    } else body = this.phase === 'open' ? this.renderOpen() : this.renderEnter();
    return html`<div lang=${this.locale} dir=${this.localeDir}>
      ${body}
      <p class="visually-hidden" id="announcement" aria-live="polite">${this.announcer.text}</p>
    </div>`;
  }
}
