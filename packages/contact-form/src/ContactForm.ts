import { html, css, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { WegweiserElement, registerMessages, token } from '@wegweiser/core';
import { checkedUrl, urlRules } from '@wegweiser/core/safe-url';
import { Announcer } from '@wegweiser/core/announcer';
import { colorBorderStrong, fontSizeLg, fontWeightBold, space4 } from '@wegweiser/tokens/defaults';
import { addStyles, contactStyles, relayUrl, setupProblem } from './styles.js';
import { answerLanguages, maxTextLength } from './format.js';
import { characterCount, characterCountAnnouncement, describedBy, errorMessage, errorSummary, focusAfterUpdate } from './form-feedback.js';
import { parsePublicKey, type CentreKey } from './public-key.js';
import type { Pow, RelayError } from './relay-client.js';
import type { ContactMessage, Envelope, Topic, WithAttachments } from './envelope.js';
import type { SealedBlob } from './attachment-blobs.js';
import type { AttachmentSource, CleanedAttachment } from './attachments/types.js';
import type { AttachmentPicker } from './attachments/attachment-picker.js';
import { catalogue } from './generated/catalogue.js';

type Conversation = { mailbox: string; verifier: string; toPerson: Envelope };

registerMessages('@wegweiser/contact-form', catalogue);

const topicIds: readonly Topic[] = ['work', 'money', 'housing', 'health', 'residence', 'other'];
const maxAutomaticRetries = 6;

type Field = 'message' | 'phone' | 'email';
type Phase = 'ready' | 'sending' | 'waiting' | 'failed' | 'sent' | 'unavailable';
type Reply = 'none' | 'code' | 'phone' | 'email';

export interface ContactSentDetail {
  /** How the person asked to be answered. */
  readonly reply: Reply;
}

declare global {
  interface HTMLElementEventMap {
    'ww-contact-sent': CustomEvent<ContactSentDetail>;
  }
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// The network code loads with the first keystroke, the encryption with the first send.
const client = () => import('./relay-client.js');

/**
 * @summary A first message to a counselling team without name, e-mail or
 * phone number, encrypted in the browser so that only the team can read it.
 *
 * @slot - Other ways to reach the centre (phone, address), shown before and
 *   without JavaScript, when the form cannot send securely, and when sending fails.
 *
 * @csspart form - The form.
 * @csspart error-summary - The list of problems shown after a submit with mistakes.
 * @csspart submit - The send button.
 * @csspart status - The box that says a message is being sent, waits for a retry, or failed.
 * @csspart confirmation - What the person sees after sending.
 *
 * @cssproperty --ww-contact-form-accent - Button and focus-adjacent accent; defaults to `--ww-color-accent`.
 *
 * @fires ww-contact-sent - When the relay has stored the message; `detail.reply` is the chosen answer channel.
 * @fires ww-error - `contact-form/missing-public-key`, `contact-form/invalid-public-key`, `contact-form/missing-relay`,
 *   `contact-form/invalid-relay`, `contact-form/invalid-replies-href` (not a page of this website: answers by code are
 *   not offered), `contact-form/relay-refused` (the relay refused the message; the form cannot fix it),
 *   `contact-form/relay-unreachable` (network or relay down; the form keeps retrying), `contact-form/encryption-failed`.
 *
 * @status experimental
 * @since 0.1.0
 */
export class ContactForm extends WegweiserElement {
  static formAssociated = true;

  static override styles = [
    ...WegweiserElement.styles,
    contactStyles,
    // Only the form has the revealed contact fields and the code box.
    css`
      .reveal {
        margin-inline-start: 14px;
        padding-inline-start: ${token('space-4', space4)};
        border-inline-start: 4px solid ${token('color-border-strong', colorBorderStrong)};
      }
      .not-anonymous {
        font-weight: ${token('font-weight-bold', fontWeightBold)};
      }
      .code-box {
        border-block: 2px solid currentColor;
        margin-block: ${token('space-4', space4)};
      }
      .code {
        font-family: ui-monospace, 'Cascadia Mono', 'DejaVu Sans Mono', monospace;
        font-size: ${token('font-size-lg', fontSizeLg)};
        font-weight: ${token('font-weight-bold', fontWeightBold)};
        letter-spacing: 0.1em;
        overflow-wrap: anywhere;
      }
    `,
  ];

  /** The relay's base URL, e.g. `https://relay.beratung.example`. The only place the form sends anything. */
  @property() relay: string | null = null;

  /** The centre's public key as printed by `npx wegweiser-relay keygen` (`wwk1.<centre>.<key>.<check>`). */
  @property({ attribute: 'public-key' }) publicKey: string | null = null;

  /** Optional sentence on when the team usually answers, shown after sending, e.g. "Wir antworten meist innerhalb von 2 Werktagen." */
  @property({ attribute: 'answer-time' }) answerTime: string | null = null;

  /**
   * The page with `<ww-contact-replies>` on this site. When set, the form
   * offers anonymous answers by code: after sending, the person gets a code
   * to read the answer there and write back.
   */
  @property({ attribute: 'replies-href' }) repliesHref: string | null = null;

  /** Milliseconds before the first automatic retry (doubles each time). For demos and tests. */
  @property({ attribute: false }) retryDelay = 2000;

  /** Minimum milliseconds between the first keystroke and sending; a quicker send waits. */
  @property({ attribute: false }) minFillTime = 3000;

  @state() private phase: Phase = 'ready';
  @state() private text = '';
  @state() private topic = '';
  @state() private language = '';
  @state() private reply: Reply = 'none';
  @state() private phone = '';
  @state() private email = '';
  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private attempts = 0;
  @state() private sentReply: Reply = 'none';
  /** The code shown after sending with `reply: code`; only in memory, gone with "Write another message". */
  @state() private sentCode = '';

  @query('.box') private box!: HTMLElement | null;

  private internals: ElementInternals | undefined;
  private key: Promise<CentreKey> | undefined;
  private pow: Promise<Pow> | undefined;
  private startedAt = 0;
  private disabledByForm = false;
  private trap = '';
  /**
   * A sealed message until the relay has all of it. `stored`: the envelope
   * is stored; `blobs`: its attachments, each dropped once the relay has it,
   * so a retry sends only what is missing (text and files stay in memory).
   */
  private pending: { envelope: Envelope; idempotencyKey: string; snapshot: string; code: string; conversation?: Conversation; blobs: SealedBlob[]; stored: boolean } | undefined;
  /**
   * The picker for photos and documents (issue 23): cleans the files in this
   * browser, in memory only. It loads in its own chunk right after the first
   * render, so that the form's first render stays small; until then (and
   * offline) the form sends text as before.
   */
  @state() private picker: AttachmentPicker | null = null;
  /** What the send path takes the files from: the picker (tests hand over cleaned files directly). */
  protected attachments: AttachmentSource | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  // The character count, read out after a pause in typing and only near the limit (GOV.UK's character count).
  private readonly counterAnnouncer = new Announcer(this);

  constructor() {
    super();
    // Form-associated for `<fieldset disabled>` and form reset. The form never
    // calls setFormValue: the text must not travel unencrypted with a host form.
    try {
      this.internals = this.attachInternals();
    } catch {
      this.internals = undefined;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.retryTimer);
  }

  protected override firstUpdated(): void {
    import('./attachments/attachment-picker.js')
      .then(({ AttachmentPicker, attachmentStyles }) => {
        // The picker's styles join the element's own, as static styles would have.
        addStyles(this.renderRoot as ShadowRoot, attachmentStyles);
        this.picker = new AttachmentPicker(this, { locale: () => this.locale, localize: (lookup) => this.localize(lookup) });
        this.attachments ??= this.picker;
      })
      .catch(() => {
        /* Offline, or the chunk was blocked: the form sends text without files. */
      });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('publicKey') || changed.has('relay')) this.checkConfiguration();
  }

  /** The `<form>` this element belongs to, if any. */
  get form(): HTMLFormElement | null {
    return this.internals?.form ?? null;
  }

  /** Called by the browser when an ancestor `<fieldset disabled>` changes. */
  formDisabledCallback(disabled: boolean): void {
    this.disabledByForm = disabled;
    this.requestUpdate();
  }

  /** Called by the browser when the owning form is reset. */
  formResetCallback(): void {
    this.clear();
  }

  private clear(): void {
    clearTimeout(this.retryTimer);
    this.attachments?.clear();
    this.text = this.topic = this.language = this.phone = this.email = this.trap = '';
    this.reply = 'none';
    this.errors = {};
    this.pending = undefined;
    this.attempts = 0;
    if (this.phase !== 'unavailable') this.phase = 'ready';
  }

  private checkConfiguration(): void {
    const problem = setupProblem('contact-form', this.relay, this.publicKey);
    if (problem) {
      this.phase = 'unavailable';
      this.reportError(...problem);
      return;
    }
    if (this.phase === 'unavailable') this.phase = 'ready';
    const key = parsePublicKey(this.publicKey);
    this.key = key;
    key.catch((error: unknown) => {
      if (this.key !== key) return;
      this.phase = 'unavailable';
      this.reportError('contact-form/invalid-public-key', (error as Error).message);
    });
  }

  /** The replies page, when `replies-href` is an address on this website (the code must not leave the site). */
  private get repliesPage(): string | null {
    return checkedUrl(this, this.repliesHref, urlRules.sitePage, 'replies-href', 'contact-form/invalid-replies-href');
  }

  /** Only read after checkConfiguration() found the relay usable. */
  private get relayUrl(): string {
    return relayUrl(this.relay)!;
  }

  /** The proof of work starts with the first keystroke, so it is ready when the person is. */
  private prepare(): void {
    this.startedAt ||= Date.now();
    this.pow ??= this.newPow();
  }

  private newPow(): Promise<Pow> {
    const job = client().then(async ({ fetchChallenge, solve }) => {
      const challenge = await fetchChallenge(this.relayUrl);
      return { challenge, solution: await solve(challenge) };
    });
    // A failed preparation is retried at send time.
    job.catch(() => {
      if (this.pow === job) this.pow = undefined;
    });
    return job;
  }

  private onInput(event: Event): void {
    const target = event.target as HTMLInputElement;
    const name = target.name as 'text' | 'topic' | 'language' | 'phone' | 'email' | 'trap';
    this[name] = target.value;
    if (name === 'text') {
      this.prepare();
      this.counterAnnouncer.sayAfterPause(() => this.localize(() => characterCountAnnouncement(this.locale, this.text.length)));
    }
  }

  private onReply(event: Event): void {
    this.reply = (event.target as HTMLInputElement).value as Reply;
  }

  private validate(): Partial<Record<Field, string>> {
    return this.localize(() => {
      const errors: Partial<Record<Field, string>> = {};
      if (!this.text.trim()) errors.message = msg('Enter your message');
      else if (this.text.length > maxTextLength) {
        const max = new Intl.NumberFormat(this.locale).format(maxTextLength);
        errors.message = msg(str`Your message must be ${max} characters or fewer`);
      }
      if (this.reply === 'phone' && !/^\+?[\d\s()/-]{5,30}$/.test(this.phone.trim())) {
        errors.phone = msg('Enter a phone number, like 0381 000000, or choose another way to get an answer');
      }
      if (this.reply === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(this.email.trim())) {
        errors.email = msg('Enter an e-mail address in the right format, like name@example.com, or choose another way to get an answer');
      }
      return errors;
    });
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    // A second click while sending changes nothing: the message goes once.
    if (this.phase === 'sending' || this.phase === 'waiting' || this.disabledByForm) return;
    this.errors = this.validate();
    if (Object.keys(this.errors).length) {
      await focusAfterUpdate(this, '.summary');
      return;
    }
    clearTimeout(this.retryTimer);
    this.attempts = 0;
    await this.send();
  }

  private message(): ContactMessage {
    const { reply: method } = this;
    const reply = method === 'phone' || method === 'email' ? { method, value: (method === 'phone' ? this.phone : this.email).trim() } : { method };
    return { text: this.text, topic: (this.topic || null) as Topic | null, language: this.language || null, reply, formLocale: this.locale };
  }

  /** The cleaned files to send, once none is still being cleaned. */
  private async files(): Promise<readonly CleanedAttachment[]> {
    if (this.attachments?.busy) await this.attachments.settled;
    return this.attachments?.attachments ?? [];
  }

  private async send(): Promise<void> {
    this.phase = 'sending';
    this.prepare();
    const message = this.message();
    const files = await this.files();
    const snapshot = JSON.stringify([message, files.map((file) => file.id)]);
    try {
      // Seal once per content: a retry sends the same envelope under the same idempotency key, and the same blobs.
      if (this.pending?.snapshot !== snapshot) {
        let envelope: Envelope;
        let code = '';
        let conversation: Conversation | undefined;
        let attached: (WithAttachments & { blobs: SealedBlob[] }) | undefined;
        try {
          const [{ seal, sealTo, firstContact }, key] = await Promise.all([import('./envelope.js'), this.key!]);
          // The files' code loads only for a message with files (format version 3).
          if (files.length) attached = await (await import('./attachment-blobs.js')).sealAttachments(key.centre, files);
          if (message.reply.method === 'code') {
            // The code, its mailbox and key pair exist only from here on, in memory.
            const { newCode, readCode, deriveKeys } = await import('./conversation.js');
            code = await newCode();
            const keys = await deriveKeys((await readCode(code) as { code: string }).code, key.centre);
            envelope = await seal(key, message, keys.replyKey, attached);
            // The person's own copy, so the conversation shows what they wrote (and the same files).
            const toPerson = await sealTo(keys.recipient, 'person', firstContact(message, keys.replyKey, attached));
            conversation = { mailbox: keys.mailbox, verifier: keys.verifier, toPerson };
          } else envelope = await seal(key, message, null, attached);
        } catch (error) {
          this.phase = 'unavailable';
          this.reportError('contact-form/encryption-failed', 'Encryption failed in this browser; nothing was sent.', error);
          return;
        }
        const blobs = attached?.blobs ?? [];
        this.pending = { envelope, idempotencyKey: (await client()).newIdempotencyKey(), snapshot, code, ...(conversation ? { conversation } : {}), blobs, stored: false };
      }
      const rest = this.minFillTime - (Date.now() - this.startedAt);
      if (rest > 0) await wait(rest);
      for (let round = 0; !this.pending.stored; round++) {
        try {
          const pow = await (this.pow ??= this.newPow());
          const { envelope, idempotencyKey, conversation, blobs } = this.pending;
          const declared = blobs.length ? { blobs: blobs.map(({ id, size, sha256 }) => ({ id, size, sha256 })) } : {};
          await (await client()).sendEnvelope(this.relayUrl, { envelope, pow, idempotencyKey, hp: this.trap, ...(conversation ? { conversation } : {}), ...declared });
          this.pending.stored = true;
        } catch (error) {
          const kind = (error as Partial<RelayError>).retry ?? 'backoff';
          if (round >= 2 || (kind !== 'new-pow' && kind !== 'wait')) throw error;
          this.pow = undefined;
          if (kind === 'wait') await wait(this.minFillTime);
        }
      }
      // Then the files, one after the other; a failure keeps the rest for the retry.
      while (this.pending.blobs.length) {
        await (await client()).uploadBlob(this.relayUrl, this.pending.blobs[0]!);
        this.pending.blobs.shift();
      }
    } catch (error) {
      this.failed(error);
      return;
    }
    this.sentReply = this.reply;
    this.sentCode = this.pending.code;
    this.clear();
    this.pow = undefined;
    this.startedAt = 0;
    this.phase = 'sent';
    this.dispatchEvent(new CustomEvent<ContactSentDetail>('ww-contact-sent', { detail: { reply: this.sentReply }, bubbles: true, composed: true }));
    await this.updateComplete;
    this.box?.focus();
  }

  private failed(error: unknown): void {
    const relayError: Pick<RelayError, 'code' | 'status' | 'retry'> = { code: 'unknown', status: 0, retry: 'backoff', ...(error as Partial<RelayError>) };
    this.attempts++;
    if (relayError.retry === 'never') {
      this.phase = 'failed';
      this.attempts = maxAutomaticRetries;
      void this.updateComplete.then(() => this.box?.focus());
      this.reportError('contact-form/relay-refused', `The relay refused the message (${relayError.status} ${relayError.code}); check its RELAY_PUBLIC_KEYS and RELAY_ALLOWED_ORIGINS.`, error);
      return;
    }
    this.reportError('contact-form/relay-unreachable', `Relay unreachable or busy (${relayError.status || 'network'} ${relayError.code}); the text is kept, retrying.`, error);
    if (this.attempts < maxAutomaticRetries) {
      this.phase = 'waiting';
      this.retryTimer = setTimeout(() => void this.send(), this.retryDelay * 2 ** (this.attempts - 1));
    } else {
      this.phase = 'failed';
    }
    // The box says what happened and offers the retry: take the person there,
    // once, not at every automatic retry while they may be editing.
    if (this.attempts === 1 || this.phase === 'failed') void this.updateComplete.then(() => this.box?.focus());
  }

  private retryNow(): void {
    clearTimeout(this.retryTimer);
    void this.send();
  }

  private writeAnother(): void {
    this.sentCode = '';
    this.phase = 'ready';
  }

  private describedBy(field: Field, ...others: string[]): string {
    return describedBy(...others, this.errors[field] && `${field}-error`);
  }

  private errorText(field: Field): TemplateResult | typeof nothing {
    return errorMessage(field, this.errors[field]);
  }

  private renderContactField(field: 'phone' | 'email'): TemplateResult {
    const phone = field === 'phone';
    return html`<div class="reveal ${this.errors[field] ? 'invalid' : ''}">
      <label for=${field}>${phone ? msg('Your phone number') : msg('Your e-mail address')}</label>
      <p class="hint not-anonymous" id="${field}-hint">
        ${phone ? msg('Not anonymous: the team will see your number.') : msg('Not anonymous: the team will see your address.')}
      </p>
      ${this.errorText(field)}
      <input
        id=${field}
        name=${field}
        type=${phone ? 'tel' : 'email'}
        inputmode=${phone ? 'tel' : 'email'}
        autocomplete="off"
        spellcheck="false"
        maxlength="254"
        .value=${phone ? this.phone : this.email}
        aria-describedby=${this.describedBy(field, `${field}-hint`)}
        aria-invalid=${this.errors[field] ? 'true' : 'false'}
        @input=${this.onInput}
      />
    </div>`;
  }

  private renderChoice(value: Reply, label: string): TemplateResult {
    return html`<div class="choice">
        <input type="radio" id="reply-${value}" name="reply" value=${value} .checked=${this.reply === value} @change=${this.onReply} />
        <label for="reply-${value}">${label}</label>
      </div>
      ${(value === 'phone' || value === 'email') && this.reply === value ? this.renderContactField(value) : nothing}
      ${value === 'code' && this.reply === value
        ? html`<p class="reveal hint">${msg('After sending, you get a code. With it you can read the answer on this website and write back. Nobody learns who you are.')}</p>`
        : nothing}`;
  }

  private renderStatus(): TemplateResult | typeof nothing {
    const { phase } = this;
    if (phase === 'ready') return nothing;
    if (phase === 'sending') return html`<p>${msg('Encrypting and sending your message…')}</p>`;
    return html`<div class="box" part="status" tabindex="-1">
      <h2>${msg('Your message has not been sent yet')}</h2>
      <p>${msg('Your text is still here. Nothing is lost.')}</p>
      <p>
        ${phase === 'waiting'
          ? msg('The connection to the counselling service failed. The form will try again by itself in a moment.')
          : msg('The message cannot be sent at the moment. Please try again later, or use one of the other ways to reach us.')}
      </p>
      <button type="button" @click=${this.retryNow}>${msg('Try again now')}</button>
      <slot></slot>
    </div>`;
  }

  private renderSent(): TemplateResult {
    const quickExit = document.querySelector('ww-quick-exit');
    const where = {
      code: msg('The answer will be waiting for you here on this website. You need the code to read it.'),
      none: msg('You asked for no answer. If you want to, you can write again at any time.'),
      phone: msg('The team will call you at the number you gave. Calls may come from an unknown number.'),
      email: msg('The answer will come to the e-mail address you gave. Please also look in your spam folder.'),
    }[this.sentReply];
    return html`<div class="box done" part="confirmation" tabindex="-1" role="status">
      <h2>${msg('Your message has been sent')}</h2>
      <p>${msg('It was encrypted in this browser. Only the counselling team can read it.')}</p>
      <p>${this.answerTime ?? msg('The team reads new messages as soon as it can.')}</p>
      <p>${where}</p>
      ${this.sentCode ? this.renderCode() : nothing}
      <p>${msg('Nothing from your message is stored on this device.')}</p>
      ${quickExit ? html`<p>${msg('If you need to, you can leave this page quickly: use the “Leave this page” button or press Shift 3 times.')}</p>` : nothing}
      <button type="button" @click=${this.writeAnother}>${msg('Write another message')}</button>
    </div>`;
  }

  private renderCode(): TemplateResult {
    // Read out character by character: a screen reader would say "7KQM" as a word.
    const spoken = [...this.sentCode].map((c) => (c === '-' ? ',' : c)).join(' ');
    return html`<div class="code-box">
      <h3>${msg('Your code')}</h3>
      <p class="code" translate="no"><span aria-hidden="true">${this.sentCode}</span><span class="visually-hidden">${spoken}</span></p>
      <p class="not-anonymous">${msg('Write this code down now, or keep it somewhere safe. It cannot be shown again or recovered: without it, nobody can show you the answer, not even the team.')}</p>
      <p>${msg('Anyone who has the code can read the conversation. Do not keep it where others look.')}</p>
      ${this.repliesPage ? html`<p><a href=${this.repliesPage}>${msg('Read the answer and write back')}</a></p>` : nothing}
    </div>`;
  }

  protected override render(): TemplateResult {
    const { phase } = this;
    let body: TemplateResult;
    if (phase === 'unavailable') {
      body = html`<div class="box" role="status">
        <h2>${msg('This form cannot send messages securely at the moment')}</h2>
        <p>${msg('Please use one of the other ways to reach us.')}</p>
        <slot></slot>
      </div>`;
    } else if (phase === 'sent') {
      body = this.renderSent();
    } else {
      const busy = phase === 'sending' || phase === 'waiting';
      body = html`${errorSummary(Object.entries(this.errors))}
        <form part="form" novalidate autocomplete="off" @submit=${this.onSubmit}>
          <fieldset ?disabled=${this.disabledByForm}>
            <div class="group ${this.errors.message ? 'invalid' : ''}">
              <label for="message">${msg('Your message')}</label>
              <p class="hint" id="message-hint">
                ${msg('Write what you want to ask or tell us, in any language. You do not need to give your name.')}
              </p>
              ${this.errorText('message')}
              <textarea
                id="message"
                name="text"
                rows="8"
                autocomplete="off"
                .value=${this.text}
                aria-describedby=${this.describedBy('message', 'message-hint', 'message-counter')}
                aria-invalid=${this.errors.message ? 'true' : 'false'}
                @input=${this.onInput}
              ></textarea>
              ${characterCount('message-counter', this.locale, this.text.length)}
              <p class="visually-hidden" aria-live="polite">${this.counterAnnouncer.text}</p>
            </div>
            ${this.picker?.render() ?? nothing}
            <div class="group">
              <label for="topic">${msg('Topic (optional)')}</label>
              <select id="topic" name="topic" .value=${this.topic} @change=${this.onInput}>
                <option value="">${msg('No topic chosen')}</option>
                ${topicIds.map((id) => html`<option value=${id} ?selected=${this.topic === id}>${this.topicLabel(id)}</option>`)}
              </select>
            </div>
            <div class="group">
              <label for="language">${msg('Language for the answer (optional)')}</label>
              <select id="language" name="language" .value=${this.language} @change=${this.onInput}>
                <option value="">${msg('No preference')}</option>
                ${answerLanguages.map(([code, name]) => html`<option value=${code} lang=${code} ?selected=${this.language === code}>${name}</option>`)}
              </select>
            </div>
            <fieldset class="group" aria-describedby="reply-hint">
              <legend>${msg('Do you want an answer?')}</legend>
              <p class="hint" id="reply-hint">${msg('Without an answer, you do not give any contact details.')}</p>
              ${this.repliesPage ? this.renderChoice('code', msg('Yes, here on this website with a code (anonymous)')) : nothing}
              ${this.renderChoice('none', msg('No answer needed'))} ${this.renderChoice('phone', msg('Yes, by phone (not anonymous)'))}
              ${this.renderChoice('email', msg('Yes, by e-mail (not anonymous)'))}
            </fieldset>
            <!-- The honeypot, hidden in place: pushed off to one side it made an Arabic form in a left-to-right page scroll 10,000 px sideways. -->
            <div class="visually-hidden" aria-hidden="true">
              <label for="trap">${msg('Leave this field empty')}</label>
              <input id="trap" name="trap" tabindex="-1" autocomplete="off" .value=${this.trap} @input=${this.onInput} />
            </div>
            <p class="hint">${msg('Your message is encrypted in this browser before it is sent. Only the counselling team can read it.')}</p>
            <div role="status">${this.renderStatus()}</div>
            <button part="submit" type="submit" aria-disabled=${busy ? 'true' : 'false'}>${msg('Send message')}</button>
          </fieldset>
        </form>`;
    }
    return html`<div lang=${this.locale} dir=${this.localeDir}>${body}</div>`;
  }

  private topicLabel(id: Topic): string {
    return {
      work: msg('Changing jobs or leaving sex work'),
      money: msg('Money, benefits or debts'),
      housing: msg('Housing'),
      health: msg('Health and health insurance'),
      residence: msg('Residence and papers'),
      other: msg('Something else'),
    }[id];
  }

}
